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

#[wasm_split(fees, fallible, wasm_split_path = ::leptos::wasm_split)]
fn fees_page() -> PageResult {
    Ok(view! { <FeesPage /> }.into_any())
}

#[wasm_split(shares, fallible, wasm_split_path = ::leptos::wasm_split)]
fn shares_page() -> PageResult {
    Ok(view! { <SharesPage /> }.into_any())
}

#[wasm_split(scenarios, fallible, wasm_split_path = ::leptos::wasm_split)]
fn scenarios_page() -> PageResult {
    Ok(view! { <ScenariosPage /> }.into_any())
}

#[wasm_split(stack, fallible, wasm_split_path = ::leptos::wasm_split)]
fn stack_page() -> PageResult {
    Ok(view! { <StackPage /> }.into_any())
}

#[wasm_split(report, fallible, wasm_split_path = ::leptos::wasm_split)]
fn report_page() -> PageResult {
    Ok(view! { <ReportPage /> }.into_any())
}

// The spreadsheet reader (calamine) is only in this chunk.
#[wasm_split(build, fallible, wasm_split_path = ::leptos::wasm_split)]
fn build_page() -> PageResult {
    Ok(view! { <BuildPage /> }.into_any())
}

#[wasm_split(data, fallible, wasm_split_path = ::leptos::wasm_split)]
fn data_page() -> PageResult {
    Ok(view! { <DataPage /> }.into_any())
}

#[wasm_split(members, fallible, wasm_split_path = ::leptos::wasm_split)]
fn members_page() -> PageResult {
    Ok(view! { <MembersPage /> }.into_any())
}

#[wasm_split(members, fallible, wasm_split_path = ::leptos::wasm_split)]
fn member_page() -> PageResult {
    Ok(view! { <MemberPage /> }.into_any())
}

#[wasm_split(patents, fallible, wasm_split_path = ::leptos::wasm_split)]
fn patents_page() -> PageResult {
    Ok(view! { <PatentsPage /> }.into_any())
}

#[wasm_split(patents, fallible, wasm_split_path = ::leptos::wasm_split)]
fn patent_page() -> PageResult {
    Ok(view! { <PatentPage /> }.into_any())
}

/// The route views: each fetches its chunk on first use, then renders the page.
pub fn lazy_fees() -> impl IntoView {
    lazy(fees_page)
}
pub fn lazy_shares() -> impl IntoView {
    lazy(shares_page)
}
pub fn lazy_scenarios() -> impl IntoView {
    lazy(scenarios_page)
}
pub fn lazy_stack() -> impl IntoView {
    lazy(stack_page)
}
pub fn lazy_report() -> impl IntoView {
    lazy(report_page)
}
pub fn lazy_build() -> impl IntoView {
    lazy(build_page)
}
pub fn lazy_data() -> impl IntoView {
    lazy(data_page)
}
pub fn lazy_members() -> impl IntoView {
    lazy(members_page)
}
pub fn lazy_member() -> impl IntoView {
    lazy(member_page)
}
pub fn lazy_patents() -> impl IntoView {
    lazy(patents_page)
}
pub fn lazy_patent() -> impl IntoView {
    lazy(patent_page)
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
