//! Loading from a web address: the field (its draft survives a reload unless it may carry a
//! secret), the question asked before a URL with credentials or a query is remembered, and
//! the offer to reload a dataset that an earlier visit loaded from a URL.

use crate::browser::storage::{self, keys};
use crate::i18n::{t, use_i18n};
use crate::state::loader::{load_url, use_loader};
use crate::state::url_secrets::{Secret, host_of, secret_in};
use leptos::prelude::*;

/// A URL field; what was typed survives a reload.
#[component]
pub fn OpenUrl() -> impl IntoView {
    let i18n = use_i18n();
    let loader = use_loader();
    let initial = storage::read_text(keys::URL_DRAFT)
        .found()
        .unwrap_or_default();
    let url = RwSignal::new(initial);
    // The secret the typed URL carries, while the person decides whether to keep it.
    let asking = RwSignal::new(None::<Secret>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let u = url.get_untracked();
        if u.trim().is_empty() {
            return;
        }
        match secret_in(&u) {
            Some(secret) => asking.set(Some(secret)),
            None => load_url(u, true),
        }
    };
    let secret_draft = move || url.with(|u| secret_in(u).is_some());
    view! {
        <section class="data-section" aria-labelledby="data-url-title">
            <h2 id="data-url-title">{t!(i18n, data_url_title)}</h2>
            <form class="data-url-form" on:submit=submit>
                <label for="data-url">{t!(i18n, data_url_label)}</label>
                <input
                    id="data-url"
                    type="url"
                    inputmode="url"
                    autocomplete="url"
                    placeholder="https://"
                    data-testid="data-url"
                    prop:value=move || url.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        asking.set(None);
                        // A password or token is not kept as a draft unasked.
                        if secret_in(&v).is_some() {
                            storage::remove(keys::URL_DRAFT);
                        } else {
                            storage::write_quietly(keys::URL_DRAFT, &v);
                        }
                        url.set(v);
                    }
                />
                <button
                    type="submit"
                    data-testid="data-url-load"
                    disabled=move || loader.stage.get().is_some()
                >
                    {t!(i18n, data_url_load)}
                </button>
            </form>
            <Show when=secret_draft>
                <p class="data-hint" data-testid="data-url-not-kept">{t!(i18n, data_url_not_kept)}</p>
            </Show>
            {move || asking.get().map(|secret| view! { <AskToRemember secret url asking /> })}
            <p class="data-hint">{t!(i18n, data_url_hint)}</p>
        </section>
    }
}

/// Says what a URL carries before it is stored, and lets the person load it once only.
#[component]
fn AskToRemember(
    secret: Secret,
    url: RwSignal<String>,
    asking: RwSignal<Option<Secret>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = match secret {
        Secret::Credentials => t!(i18n, data_url_secret_credentials).into_any(),
        Secret::Query => t!(i18n, data_url_secret_query).into_any(),
    };
    let go = move |remember: bool| {
        asking.set(None);
        load_url(url.get_untracked(), remember);
    };
    view! {
        <div class="data-notice" role="alert" data-testid="data-url-secret">
            <p>{text}</p>
            <p class="data-actions">
                <button type="button" data-testid="data-url-load-once" on:click=move |_| go(false)>
                    {t!(i18n, data_url_load_once)}
                </button>
                <button type="button" data-testid="data-url-load-remember" on:click=move |_| go(true)>
                    {t!(i18n, data_url_load_remember)}
                </button>
            </p>
        </div>
    }
}

/// An earlier visit loaded the dataset from `url`: say what is open instead, and offer to
/// fetch it again.
#[component]
pub fn FromUrl(url: String, copy: bool) -> impl IntoView {
    let i18n = use_i18n();
    let host = host_of(&url);
    let text = if copy {
        t!(i18n, data_notice_from_url_copy, host = host.clone()).into_any()
    } else {
        t!(i18n, data_notice_from_url_none, host = host.clone()).into_any()
    };
    view! {
        <span>{text}</span>
        " "
        <button type="button" data-testid="data-reload-url" on:click=move |_| load_url(url.clone(), true)>
            {t!(i18n, data_reload_from, host = host.clone())}
        </button>
    }
}
