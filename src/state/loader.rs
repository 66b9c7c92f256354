//! Loading a dataset from anywhere (a bundled file, a file the user opens, a URL the user
//! types), in stages that give the page back to the browser in between, so a 20 MB file shows
//! its progress instead of freezing the tab. Every load is validated by the engine; a failed
//! load leaves the dataset in use alone. The choice is remembered in localStorage.
//!
//! A download stops past `MAX_BYTES`, after `IDLE_MS` without a byte, or when the person
//! cancels. A dataset loaded from a URL is kept as a local copy when it fits; a later visit
//! opens that copy (or the default) and offers to reload from the address, rather than
//! fetching it silently at every start.

use crate::browser::fetch::fetch_text;
use crate::browser::storage::{self, keys};
use crate::state::catalog::{Catalog, INDEX_URL};
use crate::state::download::{self, fetch_text_with_progress, read_file};
use crate::state::{AppState, DatasetLoad, LoadedDataset};
use leptos::prelude::*;
use leptos::task::spawn_local;
use poolcalc_engine::Phase;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use wasm_bindgen_futures::JsFuture;

/// Where the dataset in use came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "at", rename_all = "snake_case")]
pub enum Source {
    /// A catalog entry, by id.
    Bundled(String),
    /// A URL the user typed.
    Url(String),
    /// A file the user opened, by name.
    File(String),
}

/// How far a load has come.
#[derive(Clone, Debug, PartialEq)]
pub enum Stage {
    /// Bytes read so far, out of the total when known.
    Reading { done: f64, total: Option<f64> },
    /// The engine's phase (reading the text, validating, indexing) and how much of its whole
    /// work is done, in percent.
    Engine { phase: Phase, percent: u8 },
}

/// Why a load did not replace the dataset in use.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The request never got an answer: offline, a wrong address, or CORS.
    Unreachable(String),
    /// The server answered with an error status.
    Http(u16),
    /// Not an http(s) address.
    BadUrl,
    /// The bytes are not UTF-8 text.
    NotText,
    /// The file could not be read.
    Unreadable(String),
    /// The engine's list of problems, each `path: message`.
    Invalid(Vec<String>),
    /// Larger than `download::MAX_BYTES`; reading stopped there.
    TooLarge,
    /// No byte arrived for `download::IDLE_MS`.
    TimedOut,
    /// The person cancelled it.
    Cancelled,
    /// The file has problems, and the code that lists them (fetched the first time a file
    /// has any) could not be fetched: offline before that ever happened.
    CheckerUnavailable,
    /// Something about the bundled catalog.
    Catalog(String),
}

/// Something the user should know that is not an error of the last load.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The opened file is too big for localStorage; after a reload the previous choice opens.
    TooBigToRemember,
    /// The remembered dataset could not be opened at start; the default is in use instead.
    RememberedFailed(String),
    /// Last time the dataset came from this URL: its local copy is open (`copy`), or the
    /// default when there is none; it is fetched again only when the person asks.
    FromUrl { url: String, copy: bool },
}

/// The last dataset loaded from a URL, as it arrived.
#[derive(Serialize, Deserialize)]
struct UrlCopy {
    url: String,
    text: String,
}

/// Loading state shared by the shell and the Data page.
#[derive(Clone, Copy)]
pub struct Loader {
    pub catalog: RwSignal<Option<Catalog>>,
    pub stage: RwSignal<Option<Stage>>,
    pub problem: RwSignal<Option<Problem>>,
    pub notice: RwSignal<Option<Notice>>,
    pub source: RwSignal<Option<Source>>,
}

pub fn use_loader() -> Loader {
    // Provided with the app state in the shell; a miss is a programming error.
    expect_context::<Loader>()
}

/// Provides the loader and opens the remembered dataset (or the catalog's default).
pub fn start(state: AppState) {
    let loader = Loader {
        catalog: RwSignal::new(None),
        stage: RwSignal::new(None),
        problem: RwSignal::new(None),
        notice: RwSignal::new(None),
        source: RwSignal::new(None),
    };
    provide_context(loader);
    spawn_local(async move {
        let catalog = match fetch_text(&from_root(INDEX_URL))
            .await
            .and_then(|t| Catalog::parse(&t))
        {
            Ok(c) => c,
            Err(e) => {
                state.dataset.set(DatasetLoad::Failed(e));
                return;
            }
        };
        loader.catalog.set(Some(catalog.clone()));
        let remembered = remembered_source();
        if let Some(source) = remembered.clone() {
            let result = match &source {
                Source::Bundled(id) => open_bundled(&catalog, id, loader).await,
                // Not fetched at start: the copy kept from last time, if any; the page
                // offers to reload from the address.
                Source::Url(url) => match stored_url_copy(url) {
                    Some(text) => {
                        let opened = validate(loader, text, String::new()).await;
                        if opened.is_ok() {
                            loader.notice.set(Some(Notice::FromUrl {
                                url: url.clone(),
                                copy: true,
                            }));
                        }
                        opened
                    }
                    None => {
                        loader.notice.set(Some(Notice::FromUrl {
                            url: url.clone(),
                            copy: false,
                        }));
                        Err(Problem::Cancelled)
                    }
                },
                Source::File(name) => match stored_file() {
                    Some(text) => validate(loader, text, String::new()).await,
                    None => Err(Problem::Unreadable(name.clone())),
                },
            };
            loader.stage.set(None);
            match result {
                Ok(ds) => {
                    loader.source.set(Some(source));
                    state.dataset.set(DatasetLoad::Ready(Arc::new(ds)));
                    return;
                }
                // No copy of a URL's dataset: the default opens, and the notice says so.
                Err(Problem::Cancelled) => {}
                Err(p) => {
                    loader
                        .notice
                        .set(Some(Notice::RememberedFailed(describe_source(&source))));
                    loader.problem.set(Some(p));
                }
            }
        }
        let default = catalog.default.clone();
        let result = open_bundled(&catalog, &default, loader).await;
        loader.stage.set(None);
        match result {
            Ok(ds) => {
                loader.source.set(Some(Source::Bundled(default)));
                state.dataset.set(DatasetLoad::Ready(Arc::new(ds)));
            }
            Err(p) => state.dataset.set(DatasetLoad::Failed(problem_text(&p))),
        }
    });
}

/// A path of the app's own files from the site root, so that a page opened at a deep link
/// (`/members/alpha`) does not look for them under its own path.
fn from_root(path: &str) -> String {
    format!("/{}", path.trim_start_matches('/'))
}

/// A short, untranslated description of a source (the UI adds the words around it).
pub fn describe_source(source: &Source) -> String {
    match source {
        Source::Bundled(id) | Source::Url(id) | Source::File(id) => id.clone(),
    }
}

/// The problem in plain text, for the shell's fallback message.
pub fn problem_text(p: &Problem) -> String {
    match p {
        Problem::Unreachable(d) | Problem::Unreadable(d) | Problem::Catalog(d) => d.clone(),
        Problem::Http(s) => format!("HTTP {s}"),
        Problem::BadUrl => "not an http(s) address".to_owned(),
        Problem::NotText => "not UTF-8 text".to_owned(),
        // In whole megabytes: formatting a float would bring its code into the first page.
        Problem::TooLarge => format!("larger than {} MB", download::MAX_MB),
        Problem::TimedOut => format!("no data for {} s", download::IDLE_MS / 1000),
        Problem::Cancelled => "cancelled".to_owned(),
        Problem::CheckerUnavailable => {
            "the checker for invalid files could not be fetched".to_owned()
        }
        Problem::Invalid(issues) => issues.join("\n"),
    }
}

/// Opens a catalog entry; on success it becomes the dataset in use and is remembered.
pub fn load_bundled(id: String) {
    let loader = use_loader();
    let state = crate::state::use_app_state();
    let Some(catalog) = loader.catalog.get_untracked() else {
        return;
    };
    run(
        loader,
        state,
        Source::Bundled(id.clone()),
        true,
        async move { open_bundled(&catalog, &id, loader).await },
    );
}

/// Fetches and opens a dataset from a URL the user typed. With `remember`, the URL and a
/// copy of what it gave are kept for the next visit.
pub fn load_url(url: String, remember: bool) {
    let loader = use_loader();
    let state = crate::state::use_app_state();
    let source = Source::Url(url.clone());
    run(loader, state, source, remember, async move {
        let (ds, text) = open_url_text(&url, loader, remember).await?;
        if let Some(text) = text {
            let copy = UrlCopy {
                url: url.clone(),
                text,
            };
            // Too large for storage: the next visit offers to reload instead.
            if !storage::write_quietly(keys::DATASET_URL_COPY, &copy) {
                storage::remove(keys::DATASET_URL_COPY);
            }
        }
        Ok(ds)
    });
}

/// Reads and opens a file the user chose or dropped.
pub fn load_file(file: web_sys::File) {
    let loader = use_loader();
    let state = crate::state::use_app_state();
    let name = file.name();
    run(loader, state, Source::File(name), true, async move {
        let bytes = read_file(&file, loader).await?;
        let text = String::from_utf8(bytes).map_err(|_| Problem::NotText)?;
        open_text(loader, text).await
    });
}

/// Opens a dataset text written in the app (the Build page's draft) as if it were a file
/// named `name`, so a later visit opens it again.
pub fn load_text(name: String, text: String) {
    let loader = use_loader();
    let state = crate::state::use_app_state();
    run(loader, state, Source::File(name), true, async move {
        open_text(loader, text).await
    });
}

async fn open_text(loader: Loader, text: String) -> Result<LoadedDataset, Problem> {
    // The engine takes its text; the copy is kept only if the file opens.
    let ds = validate(loader, text.clone(), String::new()).await?;
    // Kept as opened (not re-serialised) so it stays the user's own file.
    let kept = storage::write_quietly(keys::DATASET_FILE, &text);
    if !kept {
        loader.notice.set(Some(Notice::TooBigToRemember));
    }
    Ok(ds)
}

/// Runs one load: the dataset in use changes only if it succeeds.
fn run(
    loader: Loader,
    state: AppState,
    source: Source,
    remember_it: bool,
    load: impl std::future::Future<Output = Result<LoadedDataset, Problem>> + 'static,
) {
    if loader.stage.get_untracked().is_some() {
        return;
    }
    download::reset_cancel();
    loader.problem.set(None);
    loader.notice.set(None);
    loader.stage.set(Some(Stage::Reading {
        done: 0.0,
        total: None,
    }));
    spawn_local(async move {
        let result = load.await;
        loader.stage.set(None);
        match result {
            Ok(ds) => {
                if remember_it {
                    remember(&source, loader);
                }
                loader.source.set(Some(source));
                state.dataset.set(DatasetLoad::Ready(Arc::new(ds)));
            }
            Err(p) => loader.problem.set(Some(p)),
        }
    });
}

async fn open_bundled(
    catalog: &Catalog,
    id: &str,
    loader: Loader,
) -> Result<LoadedDataset, Problem> {
    let (entry, url) = catalog.entry(id).map_err(Problem::Catalog)?;
    let illustrative = entry.illustrative;
    let text = fetch_text_with_progress(&from_root(&url), loader).await?;
    let mut ds = validate(loader, text, entry.id.clone()).await?;
    ds.illustrative |= illustrative;
    Ok(ds)
}

/// The dataset at `url`, and with `keep_text` its text as it arrived.
async fn open_url_text(
    url: &str,
    loader: Loader,
    keep_text: bool,
) -> Result<(LoadedDataset, Option<String>), Problem> {
    let lower = url.trim().to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return Err(Problem::BadUrl);
    }
    let text = fetch_text_with_progress(url.trim(), loader).await?;
    let kept = keep_text.then(|| text.clone());
    let ds = validate(loader, text, String::new()).await?;
    Ok((ds, kept))
}

/// Parses, validates and indexes in steps (`state::steps`), showing the progress.
async fn validate(
    loader: Loader,
    text: String,
    catalog_id: String,
) -> Result<LoadedDataset, Problem> {
    let pool = crate::state::steps::load(loader, text).await?;
    Ok(LoadedDataset::new(catalog_id, pool, false))
}

/// Waits for the browser to run its event loop (and paint) once.
pub async fn next_frame() {
    pause(16).await;
}

pub async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

fn remembered_source() -> Option<Source> {
    storage::read(keys::DATASET_SOURCE).found()
}

fn stored_file() -> Option<String> {
    storage::read_text(keys::DATASET_FILE).found()
}

/// The copy kept of what `url` gave last time.
fn stored_url_copy(url: &str) -> Option<String> {
    storage::read::<UrlCopy>(keys::DATASET_URL_COPY)
        .found()
        .filter(|c| c.url == url)
        .map(|c| c.text)
}

/// Keeps the choice for the next visit. An opened file counts only when its text was kept
/// (see `load_file`); otherwise the previous choice stays remembered.
fn remember(source: &Source, loader: Loader) {
    match source {
        Source::File(_) if loader.notice.get_untracked() == Some(Notice::TooBigToRemember) => {
            return;
        }
        Source::File(_) => {}
        _ => storage::remove(keys::DATASET_FILE),
    }
    if !matches!(source, Source::Url(_)) {
        storage::remove(keys::DATASET_URL_COPY);
    }
    storage::write_quietly(keys::DATASET_SOURCE, source);
}
