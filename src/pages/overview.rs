use crate::components::NotBuilt;
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;

/// The start page: what the pool is and what it charges.
#[component]
pub fn OverviewPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 data-testid="page-title">{t!(i18n, nav_overview)}</h1>
        <NotBuilt />
    }
}
