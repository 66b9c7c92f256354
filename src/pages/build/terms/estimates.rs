//! Licensee estimates (optional): who sells what, where and how much, per year; the pool's
//! income on the Member shares page is computed from them.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use poolcalc_studio::draft::Kind;

use super::field::{DraftField, DraftList, DraftSelect, RemoveItem};
use super::label;
use super::lines::product_choices;

#[component]
pub fn Estimates() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DraftList path="licensees".to_owned() title=label!(i18n, draft_licensees) add=label!(i18n, draft_add_licensee)
            item=move |i| {
                let p = move |field: &str| format!("licensees[{i}].{field}");
                view! {
                    <div class="draft-item">
                        <DraftField path=p("id") kind=Kind::Text label=label!(i18n, draft_id) required=true />
                        <DraftField path=p("licensee") kind=Kind::Text label=label!(i18n, draft_licensee) required=true />
                        <DraftField path=p("signed") kind=Kind::Date label=label!(i18n, draft_signed) />
                        <DraftList path=p("years") title=label!(i18n, draft_years) add=label!(i18n, draft_add_year)
                            item=move |j| view! { <Year licensee=i index=j /> } />
                        <RemoveItem path="licensees".to_owned() index=i />
                    </div>
                }
            } />
    }
}

#[component]
fn Year(licensee: usize, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let year = format!("licensees[{licensee}].years[{index}]");
    let sales = format!("{year}.sales");
    let at = sales.clone();
    view! {
        <div class="draft-item">
            <DraftField path=format!("{year}.year") kind=Kind::Year label=label!(i18n, draft_year) required=true />
            <DraftList path=sales.clone() title=label!(i18n, draft_sales) add=label!(i18n, draft_add_sale)
                item=move |k| {
                    let s = |field: &str| format!("{at}[{k}].{field}");
                    view! {
                        <div class="draft-item">
                            <DraftSelect path=s("product") label=label!(i18n, draft_product) options=product_choices() />
                            <DraftField path=s("country") kind=Kind::Text label=label!(i18n, draft_sale_country) required=true />
                            <DraftField path=s("units") kind=Kind::Count label=label!(i18n, draft_units) required=true />
                            <DraftField path=s("price") kind=Kind::Decimal label=label!(i18n, draft_price) />
                            <RemoveItem path=at.clone() index=k />
                        </div>
                    }
                } />
            <RemoveItem path=format!("licensees[{licensee}].years") index=index />
        </div>
    }
}
