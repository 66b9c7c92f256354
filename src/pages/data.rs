use crate::components::NotBuilt;
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;

/// The dataset itself and what it discloses.
#[component]
pub fn DataPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 data-testid="page-title">{t!(i18n, nav_data)}</h1>
        <NotBuilt />
    }
}
