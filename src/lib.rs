//! poolcalc's web app: the shell (header, navigation, pages) around the pool engine.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

// Generates `i18n` from locales/en.json and locales/zh.json. leptos_i18n 0.6 prefers a
// build.rs generator, but that one brings ICU data-generation and an HTTP client in as build
// dependencies (minutes more per clean build on two cores) for features this app does not use.
#[allow(deprecated)]
mod generated {
    leptos_i18n::load_locales!();
}
pub use generated::i18n;

pub mod catalog;
pub mod components;
pub mod countries;
pub mod dataset_loader;
pub mod fetch;
pub mod language;
pub mod lazy_pages;
pub mod pages;
pub mod panic_panel;
pub mod persist;
pub mod state;

use components::{Header, MainNav, RenderError, SkipLink};
use i18n::I18nSubContextProvider;
use lazy_pages::{
    lazy_data, lazy_fees, lazy_member, lazy_members, lazy_patent, lazy_patents, lazy_scenarios,
    lazy_shares,
};
use pages::{NotFound, OverviewPage};

#[component]
pub fn App() -> impl IntoView {
    // The sub-context provider is the one that takes a starting locale and keeps it: the
    // top-level provider re-applies the browser's language after the first render, which would
    // undo a stored choice. `language` looks after <html lang> (zh-CN, not the file name) and
    // keeps the choice in localStorage rather than a cookie.
    let initial = Signal::stored(language::initial_locale());
    view! {
        <I18nSubContextProvider initial_locale=initial>
            <Shell />
        </I18nSubContextProvider>
    }
}

#[component]
fn Shell() -> impl IntoView {
    language::init();
    state::AppState::provide();

    view! {
        <Router>
            <SkipLink />
            <Header />
            <MainNav />
            <main id="main" tabindex="-1">
                // Overview is in the main module; every other page is fetched on first use.
                <ErrorBoundary fallback=|errors| view! { <RenderError errors /> }>
                    <Routes fallback=NotFound>
                        <Route path=path!("") view=OverviewPage />
                        <Route path=path!("fees") view=lazy_fees />
                        <Route path=path!("shares") view=lazy_shares />
                        <Route path=path!("scenarios") view=lazy_scenarios />
                        <Route path=path!("data") view=lazy_data />
                        <Route path=path!("members") view=lazy_members />
                        <Route path=path!("members/:id") view=lazy_member />
                        <Route path=path!("patents") view=lazy_patents />
                        <Route path=path!("patents/:id") view=lazy_patent />
                    </Routes>
                </ErrorBoundary>
            </main>
        </Router>
    }
}
