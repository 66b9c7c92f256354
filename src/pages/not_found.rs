use crate::i18n::{t, use_i18n};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 data-testid="page-title">{t!(i18n, not_found_title)}</h1>
        <p>{t!(i18n, not_found_body)}</p>
        <p><A href="/">{t!(i18n, go_to_overview)}</A></p>
    }
}
