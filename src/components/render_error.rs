use crate::i18n::{t, use_i18n};
use leptos::prelude::*;

/// Shown by the `ErrorBoundary` around the pages when one fails to render.
#[component]
pub fn RenderError(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let i18n = use_i18n();
    let list = move || {
        errors
            .get()
            .into_iter()
            .map(|(_, e)| view! { <li>{e.to_string()}</li> })
            .collect::<Vec<_>>()
    };
    view! {
        <section class="render-error" role="alert" data-testid="render-error">
            <h1>{t!(i18n, render_error_title)}</h1>
            <ul>{list}</ul>
        </section>
    }
}
