use crate::components::NotBuilt;
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;

/// Side-by-side what-if comparisons.
#[component]
pub fn ScenariosPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 data-testid="page-title">{t!(i18n, nav_scenarios)}</h1>
        <NotBuilt />
    }
}
