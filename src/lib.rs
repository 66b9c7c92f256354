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
pub mod pages;

use components::{Header, MainNav, RenderError, SkipLink, StorageNotice, UpdateBanner};
use i18n::I18nSubContextProvider;
use pages::{
    BuildPage, DataPage, FeesPage, MemberPage, MembersPage, NotFound, OverviewPage, PatentPage,
    PatentsPage, ReportPage, ScenariosPage, SharesPage, StackPage,
};

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
                <ErrorBoundary fallback=|errors| view! { <RenderError errors /> }>
                    <Routes fallback=NotFound>
                        <Route path=path!("") view=OverviewPage />
                        <Route path=path!("fees") view=FeesPage />
                        <Route path=path!("shares") view=SharesPage />
                        <Route path=path!("scenarios") view=ScenariosPage />
                        <Route path=path!("stack") view=StackPage />
                        <Route path=path!("report") view=ReportPage />
                        <Route path=path!("data") view=DataPage />
                        <Route path=path!("build") view=BuildPage />
                        <Route path=path!("members") view=MembersPage />
                        <Route path=path!("members/:id") view=MemberPage />
                        <Route path=path!("patents") view=PatentsPage />
                        <Route path=path!("patents/:id") view=PatentPage />
                    </Routes>
                </ErrorBoundary>
            </main>
        </Router>
    }
}
