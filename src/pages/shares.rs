use crate::components::NotBuilt;
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;

/// What each member earns under the distribution rule.
#[component]
pub fn SharesPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 data-testid="page-title">{t!(i18n, nav_shares)}</h1>
        <NotBuilt />
    }
}
