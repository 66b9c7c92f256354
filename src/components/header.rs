use crate::i18n::language;
use crate::i18n::{t, t_string, use_i18n};
use crate::state::{DatasetLoad, use_app_state};
use leptos::either::EitherOf3;
use leptos::prelude::*;

/// App name, the pool in use, and the language switch.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();

    let pool = move || {
        let lang = language::code(i18n.get_locale());
        match state.dataset.get() {
            DatasetLoad::Loading => EitherOf3::A(view! {
                <span class="pool-status" data-testid="dataset-loading">
                    {t!(i18n, loading_dataset)}
                </span>
            }),
            DatasetLoad::Ready(ds) => {
                let name = ds.pool_name(lang).to_owned();
                let badge = ds.illustrative.then(|| {
                    view! {
                        <span
                            class="badge"
                            data-testid="illustrative-badge"
                            title=move || t_string!(i18n, illustrative_note)
                        >
                            {t!(i18n, illustrative)}
                        </span>
                    }
                });
                EitherOf3::B(view! {
                    <span class="pool-label">{t!(i18n, pool_label)}": "</span>
                    // Dataset text: a text node, never parsed as HTML.
                    <strong class="pool-name" data-testid="pool-name">{name}</strong>
                    {badge}
                })
            }
            DatasetLoad::Failed(detail) => EitherOf3::C(view! {
                <span class="pool-status error" role="alert" data-testid="dataset-error">
                    {t!(i18n, dataset_failed)}": "{detail}
                </span>
            }),
        }
    };

    // Keeps the tab title in the page's language, with the pool when there is one.
    Effect::new(move |_| {
        let app = t_string!(i18n, app_name).to_string();
        let lang = language::code(i18n.get_locale());
        let title = match state.dataset.get() {
            DatasetLoad::Ready(ds) => format!("{} · {app}", ds.pool_name(lang)),
            _ => app,
        };
        document().set_title(&title);
    });

    // The browser tests read this mark to report time to first useful render.
    Effect::new(move |marked: Option<bool>| {
        if marked == Some(true) {
            return true;
        }
        let ready = matches!(state.dataset.get(), DatasetLoad::Ready(_));
        if ready && let Some(performance) = window().performance() {
            let _ = performance.mark("poolcalc-first-render");
        }
        ready
    });

    view! {
        <header class="app-header">
            <p class="app-name">{t!(i18n, app_name)}</p>
            <p class="pool" aria-live="polite">{pool}</p>
            <button
                type="button"
                class="lang-switch"
                data-testid="lang-switch"
                lang=move || language::html_lang(language::other(i18n.get_locale()))
                aria-label=move || t_string!(i18n, switch_to_other_label)
                on:click=move |_| language::switch(i18n)
            >
                {t!(i18n, switch_to_other)}
            </button>
        </header>
    }
}
