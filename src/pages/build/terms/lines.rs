//! A schedule's rate lines: product, region, and how the line charges — per unit, tiers
//! (marginal or all units), or a percent of the price with a minimum and maximum per unit.

use crate::i18n::{t_string, use_i18n};
use leptos::prelude::*;
use poolcalc_studio::draft::{Kind, LineKind, line_kind, set_line_kind};
use serde_json::Value;

use super::field::{DraftField, DraftList, DraftSelect, RemoveItem};
use super::{label, use_draft_ctx};

/// (id, name) of each item of the draft's list `list`, for a choice.
fn choices(
    list: &str,
    lang: &str,
) -> impl Fn(&poolcalc_studio::draft::Draft) -> Vec<(String, String)> {
    let (list, lang) = (list.to_owned(), lang.to_owned());
    move |d| {
        d.get(&list)
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(|i| {
                        let id = i.get("id")?.as_str()?.to_owned();
                        let name = match i.get("name") {
                            Some(Value::String(s)) => s.clone(),
                            Some(Value::Object(m)) => m
                                .get(&lang)
                                .or_else(|| m.get("en"))
                                .and_then(Value::as_str)
                                .map_or_else(|| id.clone(), str::to_owned),
                            _ => id.clone(),
                        };
                        Some((id.clone(), format!("{name} ({id})")))
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// The draft's products, for a choice, named in the UI language.
pub fn product_choices() -> Signal<Vec<(String, String)>> {
    let i18n = use_i18n();
    let ctx = use_draft_ctx();
    Signal::derive(move || {
        let lang = crate::i18n::language::code(i18n.get_locale());
        ctx.with_draft(choices("products", lang))
    })
}

#[component]
pub fn Lines(schedule: String) -> impl IntoView {
    let i18n = use_i18n();
    let list = format!("{schedule}.lines");
    let at = list.clone();
    view! {
        <DraftList path=list.clone() title=label!(i18n, draft_lines) add=label!(i18n, draft_add_line)
            item=move |j| view! { <Line list=at.clone() index=j /> } />
    }
}

#[component]
fn Line(list: String, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_draft_ctx();
    let line = format!("{list}[{index}]");
    let lang = move || crate::i18n::language::code(i18n.get_locale());
    let products = product_choices();
    let regions = Signal::derive(move || {
        let mut r = vec![("*".to_owned(), t_string!(i18n, draft_region_any).to_owned())];
        r.extend(ctx.with_draft(choices("regions", lang())));
        r
    });
    let at = line.clone();
    let kind = Memo::new(move |_| ctx.with_draft(|d| Some(line_kind(&d.dataset, &at))));
    let kinds = Signal::derive(move || {
        vec![
            (
                "per_unit".to_owned(),
                t_string!(i18n, draft_kind_per_unit).to_owned(),
            ),
            (
                "tiers".to_owned(),
                t_string!(i18n, draft_kind_tiers).to_owned(),
            ),
            (
                "percent_of_price".to_owned(),
                t_string!(i18n, draft_kind_percent).to_owned(),
            ),
        ]
    });
    let at = line.clone();
    let choose_kind = Callback::new(move |v: String| {
        if let Some(k) = LineKind::parse(&v) {
            ctx.edit(|d| set_line_kind(&mut d.dataset, &at, k));
        }
    });
    let chosen =
        Signal::derive(move || kind.get().map(|k| k.name().to_owned()).unwrap_or_default());
    let p = {
        let line = line.clone();
        move |field: &str| format!("{line}.{field}")
    };
    let fields = {
        let p = p.clone();
        let line = line.clone();
        move || {
            match kind.get().unwrap_or(LineKind::PerUnit) {
            LineKind::PerUnit => view! {
                <DraftField path=p("per_unit") kind=Kind::Decimal label=label!(i18n, draft_per_unit) required=true />
            }.into_any(),
            LineKind::Tiers => view! { <Tiers line=line.clone() /> }.into_any(),
            LineKind::Percent => view! {
                <DraftField path=p("percent_of_price") kind=Kind::Percent label=label!(i18n, draft_percent_of_price) required=true />
                <DraftField path=p("min_per_unit") kind=Kind::Decimal label=label!(i18n, draft_min_per_unit) />
                <DraftField path=p("max_per_unit") kind=Kind::Decimal label=label!(i18n, draft_max_per_unit) />
            }.into_any(),
        }
        }
    };
    view! {
        <div class="draft-item draft-line">
            <DraftSelect path=p("product") label=label!(i18n, draft_product) options=products />
            <DraftSelect path=p("region") label=label!(i18n, draft_region) options=regions />
            <DraftSelect path=format!("{line}.kind") label=label!(i18n, draft_line_kind) options=kinds
                on_choose=choose_kind chosen=chosen />
            {fields}
            <RemoveItem path=list index=index />
        </div>
    }
}

#[component]
fn Tiers(line: String) -> impl IntoView {
    let i18n = use_i18n();
    let modes = Signal::derive(move || {
        vec![
            (
                "marginal".to_owned(),
                t_string!(i18n, draft_tier_marginal).to_owned(),
            ),
            (
                "all_units".to_owned(),
                t_string!(i18n, draft_tier_all_units).to_owned(),
            ),
        ]
    });
    let list = format!("{line}.tiers");
    let at = list.clone();
    view! {
        <DraftSelect path=format!("{line}.tier_mode") label=label!(i18n, draft_tier_mode) options=modes />
        <DraftList path=list title=label!(i18n, draft_tiers) add=label!(i18n, draft_add_tier)
            item=move |t| {
                let f = |field: &str| format!("{at}[{t}].{field}");
                view! {
                    <div class="draft-item draft-tier">
                        <DraftField path=f("up_to") kind=Kind::UpTo label=label!(i18n, draft_up_to)
                            hint=label!(i18n, draft_up_to_hint) />
                        <DraftField path=f("per_unit") kind=Kind::Decimal label=label!(i18n, draft_per_unit) required=true />
                        <RemoveItem path=at.clone() index=t />
                    </div>
                }
            } />
    }
}
