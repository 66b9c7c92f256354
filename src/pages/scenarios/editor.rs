//! One form per kind of change. The form only gathers text: it builds the change as scenario
//! JSON and lets the engine read it, so every rule (decimals, dates, ranges, required fields)
//! is the engine's, and each problem comes back with a path that names its field.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use poolcalc_engine::Method;
use poolcalc_engine::scenario::{Change, load_scenario};
use serde_json::{Map, Value, json};

use super::store::Store;
use crate::i18n::language;
use crate::i18n::{t, t_string, use_i18n};
use crate::state::LoadedDataset;

/// Where a choice's options come from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Src {
    Schedules,
    Products,
    AnyRegion,
    Members,
    Discounts,
    Methods,
    Uncovered,
    RateKinds,
    TierModes,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Input {
    Decimal,
    Text,
    Date,
    Whole,
    Pick(Src),
    Many(Src),
    Tiers,
}

/// One field of a form: its path inside the change (as the engine names it in problems).
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub path: &'static str,
    pub input: Input,
    pub required: bool,
    /// Shown only while another field has this value (the kind of rate).
    pub when: Option<(&'static str, &'static str)>,
}

const fn f(path: &'static str, input: Input, required: bool) -> Field {
    Field {
        path,
        input,
        required,
        when: None,
    }
}

const fn w(path: &'static str, input: Input, required: bool, on: &'static str) -> Field {
    Field {
        path,
        input,
        required,
        when: Some((RATE_KIND, on)),
    }
}

/// A form-only field: which of the three kinds of rate `set_rate` gives.
const RATE_KIND: &str = "rate_kind";
const SCHEDULE: Field = f("schedule", Input::Pick(Src::Schedules), false);

pub const KINDS: [&str; 11] = [
    "scale_rates",
    "set_rate",
    "set_annual_cap",
    "set_group_cap",
    "set_discount",
    "remove_discount",
    "set_management_fee",
    "set_method",
    "scale_volumes",
    "add_member",
    "remove_member",
];

pub fn fields(kind: &str) -> Vec<Field> {
    use Input::*;
    match kind {
        "scale_rates" => vec![
            f("factor", Decimal, true),
            SCHEDULE,
            f("product", Pick(Src::Products), false),
            f("region", Pick(Src::AnyRegion), false),
        ],
        "set_rate" => vec![
            SCHEDULE,
            f("product", Pick(Src::Products), true),
            f("region", Pick(Src::AnyRegion), true),
            f(RATE_KIND, Pick(Src::RateKinds), true),
            w("per_unit", Decimal, true, "per_unit"),
            w("tiers", Tiers, true, "tiers"),
            w("tier_mode", Pick(Src::TierModes), false, "tiers"),
            w("percent_of_price", Decimal, true, "percent_of_price"),
            w("min_per_unit", Decimal, false, "percent_of_price"),
            w("max_per_unit", Decimal, false, "percent_of_price"),
        ],
        "set_annual_cap" => vec![SCHEDULE, f("amount", Decimal, false)],
        "set_group_cap" => vec![
            SCHEDULE,
            f("id", Text, true),
            f("products", Many(Src::Products), false),
            f("amount", Decimal, true),
        ],
        "set_discount" => vec![
            SCHEDULE,
            f("id", Text, true),
            f("percent", Decimal, true),
            f("signed_before", Date, true),
        ],
        "remove_discount" => vec![SCHEDULE, f("id", Pick(Src::Discounts), true)],
        "set_management_fee" => vec![
            f("management_fee.percent", Decimal, true),
            f("management_fee.min", Decimal, false),
            f("management_fee.max", Decimal, false),
        ],
        "set_method" => vec![
            f("method", Pick(Src::Methods), true),
            f("uncovered", Pick(Src::Uncovered), false),
        ],
        "scale_volumes" => vec![
            f("factor", Decimal, false),
            f("growth", Decimal, false),
            f("base_year", Whole, false),
        ],
        "add_member" => vec![
            f("member.id", Text, true),
            f("member.name", Text, true),
            f("member.country", Text, true),
            f("member.joined", Date, true),
        ],
        "remove_member" => vec![f("member", Pick(Src::Members), true), f("from", Date, true)],
        _ => Vec::new(),
    }
}

/// The fields of one patent row of `add_member`.
pub const PATENT_FIELDS: [(&str, Input, bool); 6] = [
    ("id", Input::Text, true),
    ("country", Input::Text, true),
    ("number", Input::Text, true),
    ("expires", Input::Date, true),
    ("family", Input::Text, false),
    ("weight", Input::Decimal, false),
];

type Values = BTreeMap<String, String>;

fn value<'a>(v: &'a Values, path: &str) -> &'a str {
    v.get(path).map_or("", |s| s.trim())
}

fn shown(field: &Field, v: &Values) -> bool {
    field.when.is_none_or(|(p, on)| value(v, p) == on)
}

/// Puts `x` at a dotted path inside `obj`.
fn put(obj: &mut Map<String, Value>, path: &str, x: Value) {
    match path.split_once('.') {
        Some((head, rest)) => {
            let inner = obj
                .entry(head.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(m) = inner {
                put(m, rest, x);
            }
        }
        None => {
            obj.insert(path.to_owned(), x);
        }
    }
}

/// Tier lines "UP_TO RATE" (UP_TO "-" for the open band). Text that is not a number is passed
/// on as text, so the engine's message names the tier.
fn tiers_json(text: &str) -> Value {
    let bands = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut parts = l.split(|c: char| c.is_whitespace() || c == ':' || c == ';');
            let up_to = parts.next().unwrap_or_default().trim();
            let rate = parts.find(|p| !p.trim().is_empty()).unwrap_or_default();
            let up_to = if matches!(up_to, "-" | "" | "∞") {
                Value::Null
            } else {
                up_to
                    .parse::<u64>()
                    .map_or_else(|_| Value::String(up_to.to_owned()), Value::from)
            };
            json!({"up_to": up_to, "per_unit": rate.trim()})
        })
        .collect();
    Value::Array(bands)
}

fn field_json(input: Input, text: &str) -> Value {
    match input {
        Input::Whole => text
            .parse::<i64>()
            .map_or_else(|_| Value::String(text.to_owned()), Value::from),
        Input::Many(_) => Value::Array(
            text.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Value::String(s.to_owned()))
                .collect(),
        ),
        Input::Tiers => tiers_json(text),
        _ => Value::String(text.to_owned()),
    }
}

/// The change as scenario JSON, from what the form holds.
pub fn change_json(kind: &str, v: &Values, patent_rows: usize) -> Value {
    let mut obj = Map::new();
    obj.insert("type".into(), kind.into());
    for field in fields(kind) {
        if field.path == RATE_KIND || !shown(&field, v) {
            continue;
        }
        let text = value(v, field.path);
        if text.is_empty() {
            // An empty cap is the way to say "no cap".
            if kind == "set_annual_cap" && field.path == "amount" {
                obj.insert("amount".into(), Value::Null);
            }
            continue;
        }
        put(&mut obj, field.path, field_json(field.input, text));
    }
    if kind == "add_member" {
        let member = value(v, "member.id");
        let patents = (0..patent_rows)
            .filter_map(|i| {
                let mut p = Map::new();
                for (name, input, _) in PATENT_FIELDS {
                    let text = value(v, &format!("patents[{i}].{name}"));
                    if !text.is_empty() {
                        p.insert(name.to_owned(), field_json(input, text));
                    }
                }
                (!p.is_empty()).then(|| {
                    p.insert("member".into(), member.into());
                    Value::Object(p)
                })
            })
            .collect();
        obj.insert("patents".into(), Value::Array(patents));
    }
    Value::Object(obj)
}

/// Problems by field path, and those that belong to no field.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Problems {
    pub by_field: BTreeMap<String, Vec<String>>,
    pub general: Vec<String>,
}

/// Reads the form's change with the engine.
pub fn read_change(kind: &str, v: &Values, patent_rows: usize) -> Result<Change, Problems> {
    let doc = json!({
        "format": "poolcalc-scenario", "version": 1, "name": "form",
        "changes": [change_json(kind, v, patent_rows)],
    });
    let mut paths: Vec<String> = fields(kind).iter().map(|f| f.path.to_owned()).collect();
    if kind == "add_member" {
        for i in 0..patent_rows {
            for (name, _, _) in PATENT_FIELDS {
                paths.push(format!("patents[{i}].{name}"));
            }
        }
    }
    match load_scenario(&doc.to_string()) {
        Ok(mut s) if !s.changes.is_empty() => Ok(s.changes.remove(0)),
        Ok(_) => Err(Problems::default()),
        Err(issues) => {
            let mut out = Problems::default();
            for issue in issues {
                let rest = issue.path.strip_prefix("changes[0]").unwrap_or(&issue.path);
                let mut rest = rest.trim_start_matches('.').to_owned();
                if let Some(name) = issue
                    .message
                    .strip_prefix("missing field `")
                    .and_then(|m| m.split('`').next())
                {
                    rest = if rest.is_empty() {
                        name.to_owned()
                    } else {
                        format!("{rest}.{name}")
                    };
                }
                let owner = paths
                    .iter()
                    .filter(|p| {
                        rest == **p
                            || rest.starts_with(&format!("{p}["))
                            || rest.starts_with(&format!("{p}."))
                    })
                    .max_by_key(|p| p.len());
                match owner {
                    Some(p) => out
                        .by_field
                        .entry(p.clone())
                        .or_default()
                        .push(issue.message),
                    None => out.general.push(issue.to_string()),
                }
            }
            Err(out)
        }
    }
}

/// The id used for a field's element and its test id.
pub fn field_id(path: &str) -> String {
    let mut id = String::from("scen-f-");
    for c in path.chars() {
        id.push(if c.is_ascii_alphanumeric() || c == '_' {
            c
        } else {
            '-'
        });
    }
    id.trim_end_matches('-').replace("--", "-")
}

/// Options of a choice: (value, label).
fn options(src: Src, ds: &LoadedDataset, lang: &str, i18n: I18n) -> Vec<(String, String)> {
    let d = ds.dataset();
    let ids = |list: Vec<String>| {
        let mut l = list;
        l.dedup();
        l.into_iter().map(|x| (x.clone(), x)).collect::<Vec<_>>()
    };
    match src {
        Src::Schedules => d
            .rate_schedules
            .iter()
            .map(|s| {
                let to = s.to_year.map(|y| y.to_string()).unwrap_or_default();
                (s.id.clone(), format!("{} ({}–{to})", s.id, s.from_year))
            })
            .collect(),
        Src::Products => d
            .products
            .iter()
            .map(|p| (p.id.clone(), p.name.get(lang).to_owned()))
            .collect(),
        Src::AnyRegion => {
            std::iter::once(("*".to_owned(), t_string!(i18n, scen_any_region).to_owned()))
                .chain(
                    d.regions
                        .iter()
                        .map(|r| (r.id.clone(), r.name.get(lang).to_owned())),
                )
                .collect()
        }
        Src::Members => d
            .members
            .iter()
            .map(|m| (m.id.clone(), m.name.get(lang).to_owned()))
            .collect(),
        Src::Discounts => {
            let mut l: Vec<String> = d
                .rate_schedules
                .iter()
                .flat_map(|s| s.discounts.iter().map(|x| x.id.clone()))
                .collect();
            l.sort();
            ids(l)
        }
        Src::Methods => Method::ALL
            .iter()
            .map(|(m, name)| ((*name).to_owned(), method_label(i18n, *m).to_owned()))
            .collect(),
        Src::Uncovered => vec![
            ("pro_rata".into(), t_string!(i18n, scen_u_pro_rata).into()),
            ("retained".into(), t_string!(i18n, scen_u_retained).into()),
        ],
        Src::RateKinds => vec![
            ("per_unit".into(), t_string!(i18n, scen_r_per_unit).into()),
            ("tiers".into(), t_string!(i18n, scen_r_tiers).into()),
            (
                "percent_of_price".into(),
                t_string!(i18n, scen_r_percent).into(),
            ),
        ],
        Src::TierModes => vec![
            ("marginal".into(), t_string!(i18n, scen_t_marginal).into()),
            ("all_units".into(), t_string!(i18n, scen_t_all_units).into()),
        ],
    }
}

pub type I18n = leptos_i18n::I18nContext<crate::i18n::Locale>;

pub fn method_label(i18n: I18n, m: Method) -> &'static str {
    match m {
        Method::PerPatent => t_string!(i18n, scen_m_per_patent),
        Method::PerFamily => t_string!(i18n, scen_m_per_family),
        Method::Weighted => t_string!(i18n, scen_m_weighted),
        Method::CountryOfSale => t_string!(i18n, scen_m_country_of_sale),
    }
}

pub fn kind_label(i18n: I18n, kind: &str) -> &'static str {
    match kind {
        "scale_rates" => t_string!(i18n, scen_k_scale_rates),
        "set_rate" => t_string!(i18n, scen_k_set_rate),
        "set_annual_cap" => t_string!(i18n, scen_k_set_annual_cap),
        "set_group_cap" => t_string!(i18n, scen_k_set_group_cap),
        "set_discount" => t_string!(i18n, scen_k_set_discount),
        "remove_discount" => t_string!(i18n, scen_k_remove_discount),
        "set_management_fee" => t_string!(i18n, scen_k_set_management_fee),
        "set_method" => t_string!(i18n, scen_k_set_method),
        "scale_volumes" => t_string!(i18n, scen_k_scale_volumes),
        "add_member" => t_string!(i18n, scen_k_add_member),
        _ => t_string!(i18n, scen_k_remove_member),
    }
}

fn field_label(i18n: I18n, kind: &str, path: &str) -> &'static str {
    let last = path.rsplit(['.', ']']).next().unwrap_or(path);
    if path.starts_with("patents[") {
        return match last {
            "id" => t_string!(i18n, scen_f_patent_id),
            "country" => t_string!(i18n, scen_f_patent_country),
            "number" => t_string!(i18n, scen_f_patent_number),
            "expires" => t_string!(i18n, scen_f_patent_expires),
            "family" => t_string!(i18n, scen_f_patent_family),
            _ => t_string!(i18n, scen_f_patent_weight),
        };
    }
    match (kind, path) {
        ("set_annual_cap", "amount") => t_string!(i18n, scen_f_annual_cap),
        ("set_group_cap", "amount") => t_string!(i18n, scen_f_group_cap),
        ("set_group_cap", "id") => t_string!(i18n, scen_f_group_cap_id),
        ("set_discount", "id") | ("remove_discount", "id") => t_string!(i18n, scen_f_discount_id),
        ("scale_volumes", "factor") => t_string!(i18n, scen_f_vol_factor),
        (_, "factor") => t_string!(i18n, scen_f_factor),
        (_, "schedule") => t_string!(i18n, scen_f_schedule),
        (_, "product") => t_string!(i18n, scen_f_product),
        (_, "products") => t_string!(i18n, scen_f_products),
        (_, "region") => t_string!(i18n, scen_f_region),
        (_, "rate_kind") => t_string!(i18n, scen_f_rate_kind),
        (_, "per_unit") => t_string!(i18n, scen_f_per_unit),
        (_, "tiers") => t_string!(i18n, scen_f_tiers),
        (_, "tier_mode") => t_string!(i18n, scen_f_tier_mode),
        (_, "percent_of_price") => t_string!(i18n, scen_f_percent_of_price),
        (_, "min_per_unit") => t_string!(i18n, scen_f_min_per_unit),
        (_, "max_per_unit") => t_string!(i18n, scen_f_max_per_unit),
        (_, "percent") => t_string!(i18n, scen_f_percent),
        (_, "signed_before") => t_string!(i18n, scen_f_signed_before),
        (_, "management_fee.percent") => t_string!(i18n, scen_f_fee_percent),
        (_, "management_fee.min") => t_string!(i18n, scen_f_fee_min),
        (_, "management_fee.max") => t_string!(i18n, scen_f_fee_max),
        (_, "method") => t_string!(i18n, scen_f_method),
        (_, "uncovered") => t_string!(i18n, scen_f_uncovered),
        (_, "growth") => t_string!(i18n, scen_f_growth),
        (_, "base_year") => t_string!(i18n, scen_f_base_year),
        (_, "member.id") => t_string!(i18n, scen_f_member_id),
        (_, "member.name") => t_string!(i18n, scen_f_member_name),
        (_, "member.country") => t_string!(i18n, scen_f_member_country),
        (_, "member.joined") => t_string!(i18n, scen_f_joined),
        (_, "member") => t_string!(i18n, scen_f_member),
        (_, "from") => t_string!(i18n, scen_f_from),
        _ => t_string!(i18n, scen_f_amount),
    }
}

/// What one field needs to render.
#[derive(Clone, Copy)]
struct FormCtx {
    kind: RwSignal<String>,
    values: RwSignal<Values>,
    problems: Memo<Problems>,
    ds: StoredValue<Arc<LoadedDataset>>,
    i18n: I18n,
}

fn field_view(
    cx: FormCtx,
    path: String,
    input: Input,
    required: bool,
    when: Option<(&'static str, &'static str)>,
) -> AnyView {
    let FormCtx {
        kind,
        values,
        problems,
        ds,
        i18n,
    } = cx;
    let id = field_id(&path);
    let err_id = format!("{id}-error");
    let p = StoredValue::new(path);
    let get = move || values.with(|m| m.get(&p.get_value()).cloned().unwrap_or_default());
    let set = move |x: String| {
        values.update(|m| {
            m.insert(p.get_value(), x);
        })
    };
    let errors =
        move || problems.with(|pr| pr.by_field.get(&p.get_value()).cloned().unwrap_or_default());
    let invalid = move || (!errors().is_empty()).then_some("true");
    let hidden = move || {
        when.is_some_and(|(wp, on)| values.with(|m| m.get(wp).map(|s| s.trim()) != Some(on)))
    };
    let label = move || {
        let k = kind.get();
        let text = field_label(i18n, &k, &p.get_value());
        if required {
            format!("{text} *")
        } else {
            text.to_owned()
        }
    };
    let control = match input {
        Input::Pick(src) => {
            let opts = move || {
                let lang = language::code(i18n.get_locale());
                let first = if required {
                    t_string!(i18n, scen_choose)
                } else {
                    t_string!(i18n, scen_not_set)
                };
                let current = get();
                std::iter::once((String::new(), first.to_owned()))
                    .chain(ds.with_value(|d| options(src, d, lang, i18n)))
                    .map(|(v, l)| {
                        let selected = v == current;
                        view! { <option value=v selected=selected>{l}</option> }
                    })
                    .collect_view()
            };
            view! {
                <select id=id.clone() data-testid=id.clone() aria-invalid=invalid
                    aria-describedby=err_id.clone()
                    on:change=move |ev| set(event_target_value(&ev))>
                    {opts}
                </select>
            }
            .into_any()
        }
        Input::Many(src) => {
            let boxes = move || {
                let lang = language::code(i18n.get_locale());
                ds.with_value(|d| options(src, d, lang, i18n))
                    .into_iter()
                    .map(|(v, l)| {
                        let v2 = v.clone();
                        let tid = format!("{}-{v}", field_id(&p.get_value()));
                        let checked = move || get().split(',').any(|x| x.trim() == v2);
                        let v3 = v.clone();
                        view! {
                            <label class="scen-check">
                                <input type="checkbox" data-testid=tid prop:checked=checked
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let mut list: Vec<String> = get()
                                            .split(',')
                                            .map(|x| x.trim().to_owned())
                                            .filter(|x| !x.is_empty() && *x != v3)
                                            .collect();
                                        if on {
                                            list.push(v3.clone());
                                        }
                                        set(list.join(","));
                                    } />
                                {l}
                            </label>
                        }
                    })
                    .collect_view()
            };
            return view! {
                <fieldset class="scen-field" hidden=hidden>
                    <legend>{label}</legend>
                    {boxes}
                    <FieldErrors id=err_id errors=Signal::derive(errors) />
                </fieldset>
            }
            .into_any();
        }
        Input::Tiers => view! {
            <textarea id=id.clone() data-testid=id.clone() rows="4" aria-invalid=invalid
                aria-describedby=err_id.clone()
                prop:value=get on:input=move |ev| set(event_target_value(&ev))></textarea>
        }
        .into_any(),
        _ => {
            let (ty, mode) = match input {
                Input::Date => ("date", "text"),
                Input::Decimal => ("text", "decimal"),
                Input::Whole => ("text", "numeric"),
                _ => ("text", "text"),
            };
            view! {
                <input type=ty inputmode=mode id=id.clone() data-testid=id.clone()
                    aria-invalid=invalid aria-describedby=err_id.clone()
                    prop:value=get on:input=move |ev| set(event_target_value(&ev)) />
            }
            .into_any()
        }
    };
    view! {
        <div class="scen-field" hidden=hidden>
            <label for=id>{label}</label>
            {control}
            <FieldErrors id=err_id errors=Signal::derive(errors) />
        </div>
    }
    .into_any()
}

#[component]
fn FieldErrors(id: String, errors: Signal<Vec<String>>) -> impl IntoView {
    let tid = id.clone();
    view! {
        <p class="scen-field-error" id=id data-testid=tid
            hidden=move || errors.with(Vec::is_empty)>
            {move || errors.get().join("; ")}
        </p>
    }
}

/// The "add a change" form.
#[component]
pub fn ChangeForm(ds: Arc<LoadedDataset>, store: Store, on_add: Callback<Change>) -> impl IntoView {
    let i18n = use_i18n();
    // A half-filled form survives a reload.
    let draft: Option<(String, Values, usize)> = store
        .ui_get("draft")
        .and_then(|t| serde_json::from_str(&t).ok());
    let (k0, v0, r0) = draft.unwrap_or_else(|| ("scale_rates".into(), Values::new(), 2));
    let kind = RwSignal::new(if KINDS.contains(&k0.as_str()) {
        k0
    } else {
        "scale_rates".into()
    });
    let values = RwSignal::new(v0);
    let rows = RwSignal::new(r0.clamp(1, 20));
    let attempted = RwSignal::new(false);
    let added = RwSignal::new(false);
    Effect::new(move |_| {
        let d = (kind.get(), values.get(), rows.get());
        if let Ok(t) = serde_json::to_string(&d) {
            store.ui_set("draft", &t);
        }
    });
    let checked = Memo::new(move |_| values.with(|v| read_change(&kind.get(), v, rows.get())));
    let problems = Memo::new(move |_| {
        if !attempted.get() {
            return Problems::default();
        }
        checked.with(|c| c.as_ref().err().cloned().unwrap_or_default())
    });
    let cx = FormCtx {
        kind,
        values,
        problems,
        ds: StoredValue::new(ds),
        i18n,
    };
    let form_fields = move || {
        let k = kind.get();
        fields(&k)
            .into_iter()
            .map(|fl| field_view(cx, fl.path.to_owned(), fl.input, fl.required, fl.when))
            .collect_view()
    };
    let patent_rows = move || {
        (kind.get() == "add_member").then(|| {
            let list = move || {
                (0..rows.get())
                    .map(|i| {
                        let cells = PATENT_FIELDS
                            .iter()
                            .map(|(name, input, req)| {
                                field_view(cx, format!("patents[{i}].{name}"), *input, *req, None)
                            })
                            .collect_view();
                        view! {
                            <fieldset class="scen-patent-row">
                                <legend>{move || format!("{} {}", t_string!(i18n, scen_patent), i + 1)}</legend>
                                {cells}
                            </fieldset>
                        }
                    })
                    .collect_view()
            };
            view! {
                <div class="scen-patents">
                    {list}
                    <button type="button" data-testid="scen-add-patent-row"
                        on:click=move |_| rows.update(|r| *r = (*r + 1).min(20))>
                        {t!(i18n, scen_add_patent_row)}
                    </button>
                </div>
            }
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        added.set(false);
        if let Some(Ok(change)) = checked.try_get_untracked() {
            on_add.run(change);
            attempted.set(false);
            added.set(true);
        }
    };
    let general = move || problems.with(|p| p.general.clone());
    view! {
        <form class="scen-change-form scen-no-print" data-testid="scen-change-form" on:submit=submit novalidate>
            <h3>{t!(i18n, scen_add_change)}</h3>
            <div class="scen-field">
                <label for="scen-kind">{t!(i18n, scen_change_kind)}</label>
                <select id="scen-kind" data-testid="scen-kind"
                    on:change=move |ev| { attempted.set(false); kind.set(event_target_value(&ev)); }>
                    {move || KINDS.iter().map(|k| {
                        let selected = kind.get() == *k;
                        view! { <option value=*k selected=selected>{kind_label(i18n, k)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="scen-fields">{form_fields}</div>
            {patent_rows}
            <ul class="scen-problems" data-testid="scen-form-problems" role="alert">
                {move || general().into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}
            </ul>
            <button type="submit" data-testid="scen-add-change">{t!(i18n, scen_add_change_button)}</button>
            <span class="scen-note" role="status">
                {move || added.get().then(|| t_string!(i18n, scen_change_added))}
            </span>
        </form>
    }
}
