//! "A new version is ready — Reload": shown when a new build's service worker has installed
//! and waits (public/boot.js tells the page). The new version takes over only when the person
//! asks, never in the middle of their work.

use crate::i18n::{t, use_i18n};
use leptos::prelude::*;

/// The attribute and event public/boot.js sets when a new version waits.
const READY_ATTR: &str = "data-update-ready";
const READY_EVENT: &str = "poolcalc-update-ready";

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let i18n = use_i18n();
    let waiting = document()
        .document_element()
        .is_some_and(|e| e.has_attribute(READY_ATTR));
    let ready = RwSignal::new(waiting);
    let listener = window_event_listener_untyped(READY_EVENT, move |_| ready.set(true));
    on_cleanup(move || listener.remove());
    view! {
        <Show when=move || ready.get()>
            <div class="update-banner" role="status" data-testid="update-banner">
                <span>{t!(i18n, update_ready)}</span>
                " "
                // public/boot.js handles the click: the waiting worker takes over, then the
                // page reloads under it.
                <button type="button" data-action="apply-update" data-testid="update-reload">
                    {t!(i18n, update_reload)}
                </button>
            </div>
        </Show>
    }
}
