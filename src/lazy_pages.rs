//! Pages whose code lives in a wasm chunk of its own, fetched the first time one is opened.
//!
//! The shell and Overview are in the main module. Each function below is a split point:
//! `cargo xtask` links the app with `--emit-relocs` and cuts the wasm at these points
//! (wasm_split_cli_support), so what only a page uses moves into that page's chunk. On other
//! targets (native clippy and tests) the functions are plain calls.
//!
//! The split points are `fallible` on purpose: without it a chunk that cannot be fetched
//! panics, and in a release build a panic aborts the whole wasm instance. Here it shows a
//! message with a retry button instead, and the rest of the app keeps working.

use crate::i18n::{t, use_i18n};
use crate::pages::{
    BuildPage, DataPage, FeesPage, MemberPage, MembersPage, PatentPage, PatentsPage, ReportPage,
    ScenariosPage, SharesPage, StackPage,
};
use leptos::prelude::*;
use leptos::wasm_split::{SplitLoaderError, wasm_split};
use send_wrapper::SendWrapper;
use std::future::Future;

/// A page's chunk could not be fetched or instantiated (the browser console has the cause).
pub struct ChunkError;

impl From<SplitLoaderError> for ChunkError {
    fn from(_: SplitLoaderError) -> Self {
        ChunkError
    }
}

type PageResult = Result<AnyView, ChunkError>;

/// Each line is one split point and its route view: `lazy_fees: fees_page in fees => FeesPage`
/// makes `fees_page`, cut into the chunk `fees`, and `lazy_fees`, the route's view. A macro
/// makes the same functions as writing each out: `#[wasm_split]` names the chunk's symbols by
/// the function's name and the place it is written, both of which stay distinct per line.
macro_rules! lazy_pages {
    ($($(#[$attr:meta])* $route:ident: $split:ident in $chunk:ident => $page:ident;)*) => {$(
        $(#[$attr])*
        #[wasm_split($chunk, fallible, wasm_split_path = ::leptos::wasm_split)]
        fn $split() -> PageResult {
            Ok(view! { <$page /> }.into_any())
        }

        /// The route view: fetches its chunk on first use, then renders the page.
        pub fn $route() -> impl IntoView {
            lazy($split)
        }
    )*};
}

lazy_pages! {
    lazy_fees: fees_page in fees => FeesPage;
    lazy_shares: shares_page in shares => SharesPage;
    lazy_scenarios: scenarios_page in scenarios => ScenariosPage;
    lazy_stack: stack_page in stack => StackPage;
    lazy_report: report_page in report => ReportPage;
    // The spreadsheet reader (calamine) is only in this chunk.
    lazy_build: build_page in build => BuildPage;
    lazy_data: data_page in data => DataPage;
    lazy_members: members_page in members => MembersPage;
    lazy_member: member_page in members => MemberPage;
    lazy_patents: patents_page in patents => PatentsPage;
    lazy_patent: patent_page in patents => PatentPage;
}

/// Renders what `load` gives once its chunk is in; a failed load shows `ChunkFailed`, whose
/// retry button starts a fresh attempt (a failed load is not remembered).
fn lazy<Fut>(load: fn() -> Fut) -> impl IntoView
where
    Fut: Future<Output = PageResult> + 'static,
{
    let attempt = RwSignal::new(0_u32);
    move || {
        attempt.track();
        // The chunk loader's future is not Send; in the browser everything runs on one thread.
        Suspend::new(SendWrapper::new(async move {
            match load().await {
                Ok(page) => page,
                Err(ChunkError) => view! { <ChunkFailed attempt /> }.into_any(),
            }
        }))
    }
}

#[component]
fn ChunkFailed(attempt: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="chunk-failed" role="alert" data-testid="chunk-failed">
            <h1>{t!(i18n, chunk_failed_title)}</h1>
            <p>{t!(i18n, chunk_failed_body)}</p>
            <button
                type="button"
                data-testid="chunk-retry"
                on:click=move |_| attempt.update(|n| *n += 1)
            >
                {t!(i18n, chunk_retry)}
            </button>
        </section>
    }
}
