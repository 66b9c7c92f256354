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
pub mod fetch;
pub mod language;
pub mod pages;
pub mod panic_panel;
pub mod state;

use components::{Header, MainNav, RenderError, SkipLink};
use i18n::I18nContextProvider;
use pages::{DataPage, FeesPage, NotFound, OverviewPage, ScenariosPage, SharesPage};

#[component]
pub fn App() -> impl IntoView {
    // lang on <html> and the stored choice are handled by `language`, which needs `zh-CN`
    // rather than the locale file name and localStorage rather than a cookie.
    view! {
        <I18nContextProvider set_lang_attr_on_html=false set_dir_attr_on_html=false enable_cookie=false>
            <Shell />
        </I18nContextProvider>
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
                <ErrorBoundary fallback=|errors| view! { <RenderError errors /> }>
                    <Routes fallback=NotFound>
                        <Route path=path!("") view=OverviewPage />
                        <Route path=path!("fees") view=FeesPage />
                        <Route path=path!("shares") view=SharesPage />
                        <Route path=path!("scenarios") view=ScenariosPage />
                        <Route path=path!("data") view=DataPage />
                    </Routes>
                </ErrorBoundary>
            </main>
        </Router>
    }
}
