//! poolcalc's web app: the shell (header, navigation, pages) around the pool engine.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

// The layers, each using only those above it in this list (xtask/src/layers.rs checks it):
// browser ← i18n ← state ← components ← pages. See docs/architecture.md.
pub mod browser;
pub mod i18n;
pub mod state;

pub mod components;
pub mod lazy_pages;
pub mod pages;

use components::{Header, MainNav, RenderError, SkipLink, StorageNotice, UpdateBanner};
use i18n::I18nSubContextProvider;
use lazy_pages::{
    lazy_build, lazy_data, lazy_fees, lazy_member, lazy_members, lazy_patent, lazy_patents,
    lazy_report, lazy_scenarios, lazy_shares, lazy_stack,
};
use pages::{NotFound, OverviewPage};

#[component]
pub fn App() -> impl IntoView {
    // The sub-context provider is the one that takes a starting locale and keeps it: the
    // top-level provider re-applies the browser's language after the first render, which would
    // undo a stored choice. `language` looks after <html lang> (zh-CN, not the file name) and
    // keeps the choice in localStorage rather than a cookie.
    let initial = Signal::stored(i18n::language::initial_locale());
    view! {
        <I18nSubContextProvider initial_locale=initial>
            <Shell />
        </I18nSubContextProvider>
    }
}

#[component]
fn Shell() -> impl IntoView {
    i18n::language::init();
    let state = state::AppState::provide();
    // Opens the dataset remembered from the last visit, else the catalog's default.
    state::loader::start(state);

    view! {
        <Router>
            <SkipLink />
            <UpdateBanner />
            <Header />
            <MainNav />
            <main id="main" tabindex="-1">
                <StorageNotice />
                // Overview is in the main module; every other page is fetched on first use.
                <ErrorBoundary fallback=|errors| view! { <RenderError errors /> }>
                    <Routes fallback=NotFound>
                        <Route path=path!("") view=OverviewPage />
                        <Route path=path!("fees") view=lazy_fees />
                        <Route path=path!("shares") view=lazy_shares />
                        <Route path=path!("scenarios") view=lazy_scenarios />
                        <Route path=path!("stack") view=lazy_stack />
                        <Route path=path!("report") view=lazy_report />
                        <Route path=path!("data") view=lazy_data />
                        <Route path=path!("build") view=lazy_build />
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
