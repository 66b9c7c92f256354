//! Pieces the explorer pages (overview, members, patents) share.

use crate::i18n::{t, t_string, use_i18n};
use crate::state::{DatasetLoad, LoadedDataset, use_app_state};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use poolcalc_engine::model::date::Date;
use std::sync::Arc;

/// Today's date in the browser's time zone, for "in force today".
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::from_ymd(
        i32::try_from(now.get_full_year()).unwrap_or(2026),
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_else(|| Date::year_start(2026))
}

/// The dataset in use, when there is one.
pub fn loaded() -> Signal<Option<Arc<LoadedDataset>>> {
    let state = use_app_state();
    Signal::derive(move || match state.dataset.get() {
        DatasetLoad::Ready(ds) => Some(ds),
        _ => None,
    })
}

/// A link to a URL from a dataset, only when it is plain http(s): a `javascript:` address in
/// an untrusted file must not become something a click runs.
pub fn safe_href(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| url.trim().to_owned())
}

/// Encodes one query or path component.
pub fn encode(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

/// Sub-navigation of the explorer: overview, members, patents.
#[component]
pub fn ExplorerNav() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="explorer-nav" aria-label=move || t_string!(i18n, explorer_nav_label)>
            <ul>
                <li><A href="/" exact=true attr:data-testid="explorer-nav-overview">{t!(i18n, explorer_nav_overview)}</A></li>
                <li><A href="/members" attr:data-testid="explorer-nav-members">{t!(i18n, explorer_nav_members)}</A></li>
                <li><A href="/patents" attr:data-testid="explorer-nav-patents">{t!(i18n, explorer_nav_patents)}</A></li>
            </ul>
        </nav>
    }
}

/// Shown while there is no dataset yet.
#[component]
pub fn NoDataset() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="explorer-waiting" data-testid="explorer-waiting">{t!(i18n, loading_dataset)}</p> }
}

/// The page of one item of the dataset (a member, a patent), named by the route's `:id`:
/// `show` draws it once a dataset is loaded; until then the page says it is waiting.
pub fn item_page<V: IntoView + 'static>(
    title: fn() -> AnyView,
    show: fn(Arc<LoadedDataset>, String) -> V,
) -> impl IntoView {
    let ds = loaded();
    let params = use_params_map();
    view! {
        <ExplorerNav />
        {move || {
            let id = params.get().get("id").unwrap_or_default();
            match ds.get() {
                Some(ds) => Either::Left(show(ds, id)),
                None => Either::Right(view! {
                    <h1 data-testid="page-title">{title()}</h1>
                    <NoDataset />
                }),
            }
        }}
    }
}
