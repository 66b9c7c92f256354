use crate::components::NotBuilt;
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;

/// The licensee's fee calculator.
#[component]
pub fn FeesPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 data-testid="page-title">{t!(i18n, nav_fees)}</h1>
        <NotBuilt />
    }
}
