use crate::i18n::{t, use_i18n};
use leptos::prelude::*;

/// First tab stop: jumps past header and navigation to the page content.
#[component]
pub fn SkipLink() -> impl IntoView {
    let i18n = use_i18n();
    // Moves focus by hand: the router would treat "#main" as a navigation.
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id("main")
            && let Some(main) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&main)
        {
            let _ = main.focus();
        }
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip data-testid="skip-link">
            {t!(i18n, skip_to_content)}
        </a>
    }
}
