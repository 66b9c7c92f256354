//! The engine's part of a load, in slices: `poolcalc_engine::Loader` reads, validates and
//! indexes a few hundred items a step, and the page gets the browser back between slices of
//! steps, so a 1,000,000-patent file shows its progress and can be cancelled instead of
//! freezing the tab for seconds.
//!
//! A file the fast path refuses (any problem) is read by the engine's careful reader, which
//! keeps every problem's path. Its code is a wasm chunk of its own (`careful`), fetched the
//! first time a file has problems: the first page's module stays under its size budget
//! (docs/performance.md, "First visit").

use crate::state::download::{cancelled, now_ms, yield_to_browser};
use crate::state::loader::{Loader, Problem, Stage};
use leptos::prelude::*;
use leptos::wasm_split::{SplitLoaderError, wasm_split};
use poolcalc_engine::{Dataset, Issue, Loader as Steps, Phase, Pool};

/// Patents, licensees or small parts read, or patents counted, per step.
const STEP_ITEMS: usize = 500;

/// How long steps run back to back before the browser gets a turn (to paint the bar, see a
/// click on Cancel): under a frame. A step of 500 patents takes well under a millisecond, so
/// a turn after every step would cost more than the work.
const SLICE_MS: f64 = 10.0;

/// The careful reader's chunk could not be fetched (offline before any file had problems).
struct ChunkFailed;

impl From<SplitLoaderError> for ChunkFailed {
    fn from(_: SplitLoaderError) -> Self {
        ChunkFailed
    }
}

#[wasm_split(careful, fallible, wasm_split_path = ::leptos::wasm_split)]
fn read_carefully(text: String) -> Result<Result<Dataset, Vec<Issue>>, ChunkFailed> {
    Ok(poolcalc_engine::read_carefully(&text))
}

/// Reads, validates and indexes `text`, publishing the progress in `loader.stage`. Cancel
/// stops it between slices; the text and what was built are dropped then.
pub async fn load(loader: Loader, text: String) -> Result<Pool, Problem> {
    let mut steps = Steps::deferring(text);
    let mut progress = steps.progress();
    while progress.phase != Phase::Done {
        let stage = Stage::Engine {
            phase: progress.phase,
            percent: (progress.fraction * 100.0).clamp(0.0, 100.0) as u8,
        };
        // Only a change redraws the bar: most slices move it by less than a percent.
        if loader.stage.get_untracked().as_ref() != Some(&stage) {
            loader.stage.set(Some(stage));
        }
        yield_to_browser().await;
        if cancelled() {
            return Err(Problem::Cancelled);
        }
        let started = now_ms();
        let mut refused = None;
        while refused.is_none() && progress.phase != Phase::Done && now_ms() - started < SLICE_MS {
            progress = steps.step(STEP_ITEMS);
            refused = steps.take_refused();
        }
        if let Some(text) = refused {
            let read = read_carefully(text)
                .await
                .map_err(|ChunkFailed| Problem::CheckerUnavailable)?;
            steps.resume(read);
            progress = steps.progress();
        }
    }
    match steps.finish() {
        Some(Ok(pool)) => Ok(pool),
        Some(Err(issues)) => Err(Problem::Invalid(
            issues.iter().map(ToString::to_string).collect(),
        )),
        // The loop above ends at `Done`, after which the result is there once.
        None => Err(Problem::Invalid(Vec::new())),
    }
}
