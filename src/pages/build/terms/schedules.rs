//! Rate schedules: years, the enterprise cap, the in-force requirement, then the schedule's
//! lines (`lines.rs`), discounts and group caps.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use poolcalc_studio::draft::Kind;

use super::field::{DraftField, DraftList, RemoveItem};
use super::label;
use super::lines::Lines;

#[component]
pub fn Schedules() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DraftList path="rate_schedules".to_owned() title=label!(i18n, draft_schedules) add=label!(i18n, draft_add_schedule)
            item=move |i| view! { <Schedule index=i /> } />
    }
}

#[component]
fn Schedule(index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let at = format!("rate_schedules[{index}]");
    let p = |field: &str| format!("rate_schedules[{index}].{field}");
    view! {
        <div class="draft-item draft-schedule">
            <DraftField path=p("id") kind=Kind::Text label=label!(i18n, draft_id) required=true />
            <DraftField path=p("from_year") kind=Kind::Year label=label!(i18n, draft_from_year) required=true />
            <DraftField path=p("to_year") kind=Kind::Year label=label!(i18n, draft_to_year)
                hint=label!(i18n, draft_to_year_hint) />
            <DraftField path=p("annual_cap") kind=Kind::Decimal label=label!(i18n, draft_annual_cap) />
            <DraftField path=p("requires_patent_in_force") kind=Kind::Flag label=label!(i18n, draft_in_force) />
            <Lines schedule=at.clone() />
            <DraftList path=p("discounts") title=label!(i18n, draft_discounts) add=label!(i18n, draft_add_discount)
                item=move |k| {
                    let list = format!("rate_schedules[{index}].discounts");
                    let d = move |field: &str| format!("rate_schedules[{index}].discounts[{k}].{field}");
                    view! {
                        <div class="draft-item">
                            <DraftField path=d("id") kind=Kind::Text label=label!(i18n, draft_id) required=true />
                            <DraftField path=d("percent") kind=Kind::Percent label=label!(i18n, draft_discount_percent) required=true />
                            <DraftField path=d("signed_before") kind=Kind::Date label=label!(i18n, draft_signed_before) required=true />
                            <RemoveItem path=list index=k />
                        </div>
                    }
                } />
            <DraftList path=p("group_caps") title=label!(i18n, draft_group_caps) add=label!(i18n, draft_add_group_cap)
                item=move |k| {
                    let list = format!("rate_schedules[{index}].group_caps");
                    let g = move |field: &str| format!("rate_schedules[{index}].group_caps[{k}].{field}");
                    view! {
                        <div class="draft-item">
                            <DraftField path=g("id") kind=Kind::Text label=label!(i18n, draft_id) required=true />
                            <DraftField path=g("products") kind=Kind::Names label=label!(i18n, draft_group_products)
                                hint=label!(i18n, draft_group_products_hint) />
                            <DraftField path=g("amount") kind=Kind::Decimal label=label!(i18n, draft_group_amount) required=true />
                            <RemoveItem path=list index=k />
                        </div>
                    }
                } />
            <RemoveItem path="rate_schedules".to_owned() index=index />
        </div>
    }
}
