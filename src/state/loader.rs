//! Loading a dataset from anywhere (a bundled file, a file the user opens, a URL the user
//! types), in stages that give the page back to the browser in between, so a 20 MB file shows
//! its progress instead of freezing the tab. Every load is validated by the engine; a failed
//! load leaves the dataset in use alone. The choice is remembered in localStorage.

use crate::browser::fetch::fetch_text;
use crate::state::catalog::{Catalog, INDEX_URL};
use crate::state::{AppState, DatasetLoad, LoadedDataset};
use leptos::prelude::*;
use leptos::task::spawn_local;
use poolcalc_engine::load_dataset;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// localStorage key of the remembered source.
const SOURCE_KEY: &str = "poolcalc.dataset.source";
/// localStorage key of an opened file's text (only when it fits).
const FILE_KEY: &str = "poolcalc.dataset.file";
/// Bytes read from a file per step; each step lets the page repaint its progress bar.
const CHUNK: f64 = 2.0 * 1024.0 * 1024.0;
/// How long a download runs between repaints of its progress bar: one frame.
const PAINT_EVERY_MS: f64 = 16.0;
/// The most memory reserved up front from a server's announced size.
const MAX_RESERVE: f64 = 64.0 * 1024.0 * 1024.0;

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
    /// The engine is parsing and validating.
    Checking,
    /// The engine is indexing the patents.
    Indexing,
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
                Source::Url(url) => open_url_text(url, loader).await,
                Source::File(name) => match stored_file() {
                    Some(text) => validate(loader, &text, String::new()).await,
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
    run(loader, state, Source::Bundled(id.clone()), async move {
        open_bundled(&catalog, &id, loader).await
    });
}

/// Fetches and opens a dataset from a URL the user typed.
pub fn load_url(url: String) {
    let loader = use_loader();
    let state = crate::state::use_app_state();
    let source = Source::Url(url.clone());
    run(loader, state, source, async move {
        open_url_text(&url, loader).await
    });
}

/// Reads and opens a file the user chose or dropped.
pub fn load_file(file: web_sys::File) {
    let loader = use_loader();
    let state = crate::state::use_app_state();
    let name = file.name();
    run(loader, state, Source::File(name), async move {
        let bytes = read_file(&file, loader).await?;
        let text = String::from_utf8(bytes).map_err(|_| Problem::NotText)?;
        let ds = validate(loader, &text, String::new()).await?;
        // Kept as opened (not re-serialised) so it stays the user's own file.
        let kept = local_storage().is_some_and(|s| s.set_item(FILE_KEY, &text).is_ok());
        if !kept {
            loader.notice.set(Some(Notice::TooBigToRemember));
        }
        Ok(ds)
    });
}

/// Runs one load: the dataset in use changes only if it succeeds.
fn run(
    loader: Loader,
    state: AppState,
    source: Source,
    load: impl std::future::Future<Output = Result<LoadedDataset, Problem>> + 'static,
) {
    if loader.stage.get_untracked().is_some() {
        return;
    }
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
                remember(&source, loader);
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
    let mut ds = validate(loader, &text, entry.id.clone()).await?;
    ds.illustrative |= illustrative;
    Ok(ds)
}

async fn open_url_text(url: &str, loader: Loader) -> Result<LoadedDataset, Problem> {
    let lower = url.trim().to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return Err(Problem::BadUrl);
    }
    let text = fetch_text_with_progress(url.trim(), loader).await?;
    validate(loader, &text, String::new()).await
}

/// Parses and validates, then indexes, giving the page a frame before each.
async fn validate(
    loader: Loader,
    text: &str,
    catalog_id: String,
) -> Result<LoadedDataset, Problem> {
    loader.stage.set(Some(Stage::Checking));
    next_frame().await;
    let dataset = load_dataset(text)
        .map_err(|issues| Problem::Invalid(issues.iter().map(ToString::to_string).collect()))?;
    loader.stage.set(Some(Stage::Indexing));
    next_frame().await;
    Ok(LoadedDataset::new(catalog_id, dataset, false))
}

/// Waits for the browser to run its event loop (and paint) once.
pub async fn next_frame() {
    pause(16).await;
}

/// Gives the browser one turn of its event loop, in which it paints if a frame is due:
/// cheaper than `next_frame`, which always waits a whole frame.
async fn yield_to_browser() {
    pause(0).await;
}

async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

async fn fetch_text_with_progress(url: &str, loader: Loader) -> Result<String, Problem> {
    let unreachable = |e: JsValue| Problem::Unreachable(js_message(&e));
    let window = web_sys::window().ok_or_else(|| Problem::Unreachable("no window".into()))?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(unreachable)?;
    let response: web_sys::Response = response.dyn_into().map_err(unreachable)?;
    if !response.ok() {
        return Err(Problem::Http(response.status()));
    }
    let bytes = match response.body() {
        Some(body) => read_stream(&body, content_length(&response), loader).await?,
        // A browser without body streams (or a body-less answer): all at once.
        None => {
            let body = response.array_buffer().map_err(unreachable)?;
            let buffer = JsFuture::from(body).await.map_err(unreachable)?;
            js_sys::Uint8Array::new(&buffer).to_vec()
        }
    };
    let n = bytes.len() as f64;
    loader.stage.set(Some(Stage::Reading {
        done: n,
        total: Some(n),
    }));
    String::from_utf8(bytes).map_err(|_| Problem::NotText)
}

/// The size the server announced, when it did.
fn content_length(response: &web_sys::Response) -> Option<f64> {
    let header = response.headers().get("content-length").ok().flatten()?;
    let n: u64 = header.trim().parse().ok()?;
    (n > 0).then_some(n as f64)
}

/// Reads a response body as its bytes arrive. Progress is published, and the browser gets a
/// turn to paint it, once a frame (`PAINT_EVERY_MS`) rather than per chunk: a slow network
/// brings many small chunks, and redrawing for each would slow the download down.
async fn read_stream(
    body: &web_sys::ReadableStream,
    total: Option<f64>,
    loader: Loader,
) -> Result<Vec<u8>, Problem> {
    let unreachable = |e: JsValue| Problem::Unreachable(js_message(&e));
    let reader = web_sys::ReadableStreamDefaultReader::new(body).map_err(unreachable)?;
    // The announced size is the server's word; a wrong one must not reserve gigabytes.
    let reserve = total.map_or(0.0, |t| t.min(MAX_RESERVE));
    let mut bytes = Vec::with_capacity(reserve as usize);
    loader.stage.set(Some(Stage::Reading { done: 0.0, total }));
    let mut painted = now_ms();
    loop {
        let step: web_sys::ReadableStreamReadResult = JsFuture::from(reader.read())
            .await
            .map_err(unreachable)?
            .unchecked_into();
        if step.get_done().unwrap_or(true) {
            return Ok(bytes);
        }
        let chunk: js_sys::Uint8Array = step
            .get_value()
            .dyn_into()
            .map_err(|_| Problem::Unreachable("the body stream gave no bytes".into()))?;
        let start = bytes.len();
        bytes.resize(start + chunk.length() as usize, 0);
        chunk.copy_to(&mut bytes[start..]);
        if now_ms() - painted >= PAINT_EVERY_MS {
            let done = bytes.len() as f64;
            loader.stage.set(Some(Stage::Reading {
                done,
                // A compressed transfer announces fewer bytes than arrive: then the total
                // is unknown rather than wrong.
                total: total.filter(|t| done <= *t),
            }));
            yield_to_browser().await;
            painted = now_ms();
        }
    }
}

/// Milliseconds on the page's clock (0 when there is none: progress then shows at the end).
fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Reads a file a slice at a time, reporting progress after each.
async fn read_file(file: &web_sys::File, loader: Loader) -> Result<Vec<u8>, Problem> {
    let total = file.size();
    let mut bytes = Vec::with_capacity(usize::try_from(total as u64).unwrap_or(0));
    let mut start = 0.0;
    while start < total {
        let end = (start + CHUNK).min(total);
        let slice = file
            .slice_with_f64_and_f64(start, end)
            .map_err(|e| Problem::Unreadable(js_message(&e)))?;
        let buffer = JsFuture::from(slice.array_buffer())
            .await
            .map_err(|e| Problem::Unreadable(js_message(&e)))?;
        bytes.extend(js_sys::Uint8Array::new(&buffer).to_vec());
        start = end;
        loader.stage.set(Some(Stage::Reading {
            done: start,
            total: Some(total),
        }));
        next_frame().await;
    }
    Ok(bytes)
}

fn js_message(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "request failed".to_owned())
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn remembered_source() -> Option<Source> {
    let text = local_storage()?.get_item(SOURCE_KEY).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

fn stored_file() -> Option<String> {
    local_storage()?.get_item(FILE_KEY).ok().flatten()
}

/// Keeps the choice for the next visit. An opened file counts only when its text was kept
/// (see `load_file`); otherwise the previous choice stays remembered.
fn remember(source: &Source, loader: Loader) {
    let Some(storage) = local_storage() else {
        return;
    };
    match source {
        Source::File(_) if loader.notice.get_untracked() == Some(Notice::TooBigToRemember) => {
            return;
        }
        Source::File(_) => {}
        _ => {
            let _ = storage.remove_item(FILE_KEY);
        }
    }
    if let Ok(json) = serde_json::to_string(source) {
        let _ = storage.set_item(SOURCE_KEY, &json);
    }
}
