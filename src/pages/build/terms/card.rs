//! The pool card (names in both languages, administrator, standards, currency, as-of date,
//! sources) and the distribution rule with its management fee.

use crate::i18n::{t_string, use_i18n};
use leptos::prelude::*;
use poolcalc_studio::draft::Kind;

use super::field::{DraftField, DraftList, DraftSelect, RemoveItem};
use super::label;

#[component]
pub fn PoolCard() -> impl IntoView {
    let i18n = use_i18n();
    let f = |path: &str, kind, label: Signal<String>, required| {
        view! { <DraftField path=path.to_owned() kind label required /> }
    };
    view! {
        <fieldset class="draft-card" data-testid="draft-pool">
            <legend>{move || t_string!(i18n, draft_pool)}</legend>
            {f("pool.id", Kind::Text, label!(i18n, draft_pool_id), true)}
            {f("pool.name.en", Kind::Text, label!(i18n, draft_name_en), true)}
            {f("pool.name.zh", Kind::Text, label!(i18n, draft_name_zh), false)}
            {f("pool.administrator", Kind::Text, label!(i18n, draft_administrator), false)}
            {f("pool.standards", Kind::Names, label!(i18n, draft_standards), false)}
            {f("pool.currency", Kind::Text, label!(i18n, draft_currency), true)}
            {f("pool.currency_decimals", Kind::Count, label!(i18n, draft_currency_decimals), false)}
            {f("pool.as_of", Kind::Date, label!(i18n, draft_as_of), false)}
            {f("pool.illustrative", Kind::Flag, label!(i18n, draft_illustrative), false)}
            <DraftList path="pool.sources".to_owned() title=label!(i18n, draft_sources) add=label!(i18n, draft_add_source)
                item=move |i| {
                    let p = |field: &str| format!("pool.sources[{i}].{field}");
                    view! {
                        <div class="draft-item">
                            <DraftField path=p("title") kind=Kind::Text label=label!(i18n, draft_source_title) required=true />
                            <DraftField path=p("url") kind=Kind::Text label=label!(i18n, draft_source_url) />
                            <RemoveItem path="pool.sources".to_owned() index=i />
                        </div>
                    }
                } />
        </fieldset>
    }
}

#[component]
pub fn Distribution() -> impl IntoView {
    let i18n = use_i18n();
    let methods = Signal::derive(move || {
        vec![
            (
                "per_patent".to_owned(),
                t_string!(i18n, shares_method_per_patent).to_owned(),
            ),
            (
                "per_family".to_owned(),
                t_string!(i18n, shares_method_per_family).to_owned(),
            ),
            (
                "weighted".to_owned(),
                t_string!(i18n, shares_method_weighted).to_owned(),
            ),
            (
                "country_of_sale".to_owned(),
                t_string!(i18n, shares_method_country_of_sale).to_owned(),
            ),
        ]
    });
    let uncovered = Signal::derive(move || {
        vec![
            (
                "pro_rata".to_owned(),
                t_string!(i18n, draft_uncovered_pro_rata).to_owned(),
            ),
            (
                "retained".to_owned(),
                t_string!(i18n, draft_uncovered_retained).to_owned(),
            ),
        ]
    });
    let fee = |field: &str| format!("distribution.management_fee.{field}");
    view! {
        <fieldset class="draft-card" data-testid="draft-distribution">
            <legend>{move || t_string!(i18n, draft_distribution)}</legend>
            <DraftField path=fee("percent") kind=Kind::Percent label=label!(i18n, draft_fee_percent) required=true />
            <DraftField path=fee("min") kind=Kind::Decimal label=label!(i18n, draft_fee_min) />
            <DraftField path=fee("max") kind=Kind::Decimal label=label!(i18n, draft_fee_max) />
            <DraftSelect path="distribution.method".to_owned() label=label!(i18n, draft_method) options=methods />
            <DraftSelect path="distribution.uncovered".to_owned() label=label!(i18n, draft_uncovered) options=uncovered />
        </fieldset>
    }
}
