//! Reading a dataset's bytes: a download with progress, a size limit, an idle timeout and
//! Cancel, or a file the person chose, a slice at a time.

use crate::state::loader::{Loader, Problem, Stage, next_frame, pause};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The largest dataset opened, downloaded or chosen: room for the 1,000,000-patent synthetic
/// pool (236 MB; issue 15 wants it in the browser), and a bound on what one load may take of
/// the tab's memory (the engine reads it in steps, see `state::steps`).
pub const MAX_MB: u32 = 320;
pub const MAX_BYTES: f64 = MAX_MB as f64 * 1024.0 * 1024.0;
/// A download that brings no byte for this long has stalled.
pub const IDLE_MS: i32 = 20_000;
/// Bytes read from a file per step; each step lets the page repaint its progress bar.
const CHUNK: f64 = 2.0 * 1024.0 * 1024.0;
/// How long a download runs between repaints of its progress bar: one frame.
const PAINT_EVERY_MS: f64 = 16.0;

thread_local! {
    /// The running download's controller, so Cancel and the idle timer can stop it.
    static ABORT: RefCell<Option<web_sys::AbortController>> = const { RefCell::new(None) };
    /// Set by Cancel; a file read checks it between slices.
    static CANCELLED: Cell<bool> = const { Cell::new(false) };
}

/// Stops the running load; the dataset in use stays.
pub fn cancel() {
    CANCELLED.with(|c| c.set(true));
    ABORT.with(|a| {
        if let Some(controller) = a.borrow().as_ref() {
            controller.abort();
        }
    });
}

/// A new load starts: an earlier Cancel no longer counts.
pub fn reset_cancel() {
    CANCELLED.with(|c| c.set(false));
}

/// Whether Cancel was pressed since the load started.
pub fn cancelled() -> bool {
    CANCELLED.with(Cell::get)
}

/// Gives the browser one turn of its event loop, in which it paints if a frame is due and
/// handles input (Cancel): cheaper than `next_frame`, which always waits a whole frame. A
/// message to the page itself rather than `setTimeout(0)`: the browser holds a chain of
/// timers back by 4 ms each from the fifth on, seconds over the thousands of turns a
/// 1,000,000-patent load takes.
pub async fn yield_to_browser() {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return pause(0).await;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        channel.port1().set_onmessage(Some(&resolve));
    });
    if channel.port2().post_message(&JsValue::NULL).is_err() {
        return pause(0).await;
    }
    let _ = JsFuture::from(promise).await;
    // Held until the message arrived (a port nobody holds may be collected before it does).
    channel.port1().close();
}

/// What waiting on a promise of a download gave.
enum Waited {
    Value(JsValue),
    Failed(JsValue),
    Idle,
}

/// Waits for `promise`, for `IDLE_MS` at most.
async fn within_idle(promise: js_sys::Promise) -> Waited {
    let idle = JsValue::from_str("poolcalc-idle");
    let marker = idle.clone();
    let timer_id = Cell::new(None);
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            timer_id.set(
                w.set_timeout_with_callback_and_timeout_and_arguments_1(&resolve, IDLE_MS, &marker)
                    .ok(),
            );
        }
    });
    let waited = JsFuture::from(js_sys::Promise::race(&js_sys::Array::of2(&promise, &timer))).await;
    // A download brings thousands of chunks: no timer is left behind for each.
    if let (Some(w), Some(id)) = (web_sys::window(), timer_id.get()) {
        w.clear_timeout_with_handle(id);
    }
    match waited {
        Ok(v) if v == idle => Waited::Idle,
        Ok(v) => Waited::Value(v),
        Err(e) => Waited::Failed(e),
    }
}

/// Why a download stopped: the person's Cancel, else the network's error.
fn stopped(e: &JsValue) -> Problem {
    if CANCELLED.with(Cell::get) {
        Problem::Cancelled
    } else {
        Problem::Unreachable(js_message(e))
    }
}

/// Stops the running download (its connection is closed) and says why.
fn abort_with(problem: Problem) -> Problem {
    ABORT.with(|a| {
        if let Some(controller) = a.borrow().as_ref() {
            controller.abort();
        }
    });
    problem
}

pub async fn fetch_text_with_progress(url: &str, loader: Loader) -> Result<String, Problem> {
    let controller = web_sys::AbortController::new().map_err(|e| stopped(&e))?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    ABORT.with(|a| *a.borrow_mut() = Some(controller));
    let result = download(url, &init, loader).await;
    ABORT.with(|a| *a.borrow_mut() = None);
    result
}

async fn download(
    url: &str,
    init: &web_sys::RequestInit,
    loader: Loader,
) -> Result<String, Problem> {
    let window = web_sys::window().ok_or_else(|| Problem::Unreachable("no window".into()))?;
    let response = match within_idle(window.fetch_with_str_and_init(url, init)).await {
        Waited::Value(v) => v,
        Waited::Failed(e) => return Err(stopped(&e)),
        Waited::Idle => return Err(abort_with(Problem::TimedOut)),
    };
    let response: web_sys::Response = response.dyn_into().map_err(|e| stopped(&e))?;
    if !response.ok() {
        return Err(Problem::Http(response.status()));
    }
    let total = content_length(&response);
    if total.is_some_and(|t| t > MAX_BYTES) {
        return Err(abort_with(Problem::TooLarge));
    }
    let bytes = match response.body() {
        Some(body) => read_stream(&body, total, loader).await?,
        // A browser without body streams (or a body-less answer): all at once.
        None => {
            let body = response.array_buffer().map_err(|e| stopped(&e))?;
            let buffer = match within_idle(body).await {
                Waited::Value(v) => v,
                Waited::Failed(e) => return Err(stopped(&e)),
                Waited::Idle => return Err(abort_with(Problem::TimedOut)),
            };
            let bytes = js_sys::Uint8Array::new(&buffer);
            if f64::from(bytes.length()) > MAX_BYTES {
                return Err(Problem::TooLarge);
            }
            bytes.to_vec()
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

/// Reads a response body as its bytes arrive, up to `MAX_BYTES`. Progress is published, and
/// the browser gets a turn to paint it, once a frame (`PAINT_EVERY_MS`) rather than per
/// chunk: a slow network brings many small chunks, and redrawing for each would slow the
/// download down.
async fn read_stream(
    body: &web_sys::ReadableStream,
    total: Option<f64>,
    loader: Loader,
) -> Result<Vec<u8>, Problem> {
    let reader = web_sys::ReadableStreamDefaultReader::new(body).map_err(|e| stopped(&e))?;
    // The announced size, reserved once: growing by doubling would hold the old and the new
    // buffer at once (384 MB for the 1M pool's 236). A larger announcement was refused above,
    // so a wrong one reserves at most `MAX_BYTES`.
    let mut bytes = Vec::with_capacity(total.unwrap_or(0.0) as usize);
    loader.stage.set(Some(Stage::Reading { done: 0.0, total }));
    let mut painted = now_ms();
    loop {
        let step = match within_idle(reader.read()).await {
            Waited::Value(v) => v,
            Waited::Failed(e) => return Err(stopped(&e)),
            Waited::Idle => return Err(abort_with(Problem::TimedOut)),
        };
        let step: web_sys::ReadableStreamReadResult = step.unchecked_into();
        if step.get_done().unwrap_or(true) {
            return Ok(bytes);
        }
        let chunk: js_sys::Uint8Array = step
            .get_value()
            .dyn_into()
            .map_err(|_| Problem::Unreachable("the body stream gave no bytes".into()))?;
        let start = bytes.len();
        if (start + chunk.length() as usize) as f64 > MAX_BYTES {
            // Stops the transfer: the rest is never downloaded.
            let _ = reader.cancel();
            return Err(abort_with(Problem::TooLarge));
        }
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
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Reads a file a slice at a time, reporting progress after each. The file's own size is
/// reserved once, and each slice is copied straight into it.
pub async fn read_file(file: &web_sys::File, loader: Loader) -> Result<Vec<u8>, Problem> {
    let total = file.size();
    if total > MAX_BYTES {
        return Err(Problem::TooLarge);
    }
    let mut bytes = Vec::with_capacity(total as usize);
    let mut start = 0.0;
    while start < total {
        if CANCELLED.with(Cell::get) {
            return Err(Problem::Cancelled);
        }
        let end = (start + CHUNK).min(total);
        let slice = file
            .slice_with_f64_and_f64(start, end)
            .map_err(|e| Problem::Unreadable(js_message(&e)))?;
        let buffer = JsFuture::from(slice.array_buffer())
            .await
            .map_err(|e| Problem::Unreadable(js_message(&e)))?;
        let part = js_sys::Uint8Array::new(&buffer);
        let at = bytes.len();
        // A file that grew while being read stops at the size it announced.
        if at + part.length() as usize > total as usize {
            return Err(Problem::Unreadable(
                "the file changed while it was read".into(),
            ));
        }
        bytes.resize(at + part.length() as usize, 0);
        part.copy_to(&mut bytes[at..]);
        start = end;
        loader.stage.set(Some(Stage::Reading {
            done: start,
            total: Some(total),
        }));
        next_frame().await;
    }
    Ok(bytes)
}

pub fn js_message(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "request failed".to_owned())
}
