//! Regions, members and products: lists of items, each a few fields and a Remove button.

use crate::i18n::{t, use_i18n};
use leptos::prelude::*;
use poolcalc_studio::draft::Kind;

use super::field::{DraftField, DraftList, RemoveItem};
use super::{label, use_draft_ctx};

#[component]
pub fn Regions() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DraftList path="regions".to_owned() title=label!(i18n, draft_regions) add=label!(i18n, draft_add_region)
            item=move |i| {
                let p = move |field: &str| format!("regions[{i}].{field}");
                view! {
                    <div class="draft-item">
                        <DraftField path=p("id") kind=Kind::Text label=label!(i18n, draft_id) required=true />
                        <DraftField path=p("name.en") kind=Kind::Text label=label!(i18n, draft_name_en) required=true />
                        <DraftField path=p("name.zh") kind=Kind::Text label=label!(i18n, draft_name_zh) />
                        <DraftField path=p("countries") kind=Kind::Countries label=label!(i18n, draft_countries)
                            hint=label!(i18n, draft_countries_hint) />
                        <DraftField path=p("default") kind=Kind::Flag label=label!(i18n, draft_default_region) />
                        <RemoveItem path="regions".to_owned() index=i />
                    </div>
                }
            } />
    }
}

#[component]
pub fn Members() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_draft_ctx();
    let patents = Memo::new(move |_| ctx.with_draft(|d| d.len("patents")));
    view! {
        <DraftList path="members".to_owned() title=label!(i18n, draft_members) add=label!(i18n, draft_add_member)
            item=move |i| {
                let p = move |field: &str| format!("members[{i}].{field}");
                view! {
                    <div class="draft-item">
                        <DraftField path=p("id") kind=Kind::Text label=label!(i18n, draft_id) required=true />
                        <DraftField path=p("name") kind=Kind::Text label=label!(i18n, draft_member_name) required=true />
                        <DraftField path=p("country") kind=Kind::Text label=label!(i18n, draft_member_country) required=true
                            hint=label!(i18n, draft_member_country_hint) />
                        <DraftField path=p("joined") kind=Kind::Date label=label!(i18n, draft_joined) required=true />
                        <DraftField path=p("exited") kind=Kind::Date label=label!(i18n, draft_exited) />
                        <RemoveItem path="members".to_owned() index=i />
                    </div>
                }
            } />
        <p data-testid="draft-patents">
            {move || t!(i18n, draft_patents_count, count = poolcalc_views::format::group_digits(patents.get() as u64))}
        </p>
    }
}

#[component]
pub fn Products() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DraftList path="products".to_owned() title=label!(i18n, draft_products) add=label!(i18n, draft_add_product)
            item=move |i| {
                let p = move |field: &str| format!("products[{i}].{field}");
                view! {
                    <div class="draft-item">
                        <DraftField path=p("id") kind=Kind::Text label=label!(i18n, draft_id) required=true />
                        <DraftField path=p("name.en") kind=Kind::Text label=label!(i18n, draft_name_en) required=true />
                        <DraftField path=p("name.zh") kind=Kind::Text label=label!(i18n, draft_name_zh) />
                        <DraftField path=p("unit") kind=Kind::Text label=label!(i18n, draft_unit) />
                        <DraftField path=p("typical_price") kind=Kind::Decimal label=label!(i18n, draft_typical_price) />
                        <DraftField path=p("industry_margin") kind=Kind::Percent label=label!(i18n, draft_industry_margin) />
                        <RemoveItem path="products".to_owned() index=i />
                    </div>
                }
            } />
    }
}
