//! One form per kind of change. The form only gathers text: it builds the change as scenario
//! JSON and lets the engine read it, so every rule (decimals, dates, ranges, required fields)
//! is the engine's, and each problem comes back with a path that names its field.

mod change;
mod kinds;
mod labels;

use std::sync::Arc;

use leptos::prelude::*;
use poolcalc_engine::scenario::Change;

use super::store::Store;
use crate::i18n::language;
use crate::i18n::{t, t_string, use_i18n};
use crate::state::LoadedDataset;
use change::{Problems, Values, field_id, read_change};
use kinds::{Input, KINDS, PATENT_FIELDS, fields};
pub use labels::{I18n, kind_label};
use labels::{field_label, options};

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
