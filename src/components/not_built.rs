use crate::i18n::{t, use_i18n};
use leptos::prelude::*;

/// Said plainly on pages whose content does not exist yet, instead of placeholder numbers.
#[component]
pub fn NotBuilt() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="not-built" data-testid="not-built">{t!(i18n, not_built)}</p> }
}
