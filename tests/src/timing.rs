//! Helpers of the timing tests on large pools: waiting for a load that takes seconds, and
//! timing a page's answer to a field changed in it.

use crate::{Session, TestResult};
use serde_json::Value;
use std::time::{Duration, Instant};

/// How long a large pool may take to load on a busy 2-core machine before a test gives up.
pub const LOAD_WAIT: Duration = Duration::from_secs(240);

/// Waits up to `LOAD_WAIT` for `script` to return true, asking every 200 ms.
pub async fn wait_long(s: &Session, what: &str, script: &str) -> TestResult {
    let deadline = Instant::now() + LOAD_WAIT;
    loop {
        if let Ok(Value::Bool(true)) = s.client.execute(script, vec![]).await {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!("waited {LOAD_WAIT:?} for {what}").into());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Sets a field in the page and waits for the text of `watch` to change: milliseconds to the
/// first change, and until the next frame has been laid out and painted (every other cell
/// updated too; the browser's own layout is part of what a person waits for).
const MEASURE: &str = r#"
const [field, value, watch, kind] = arguments;
const done = arguments[arguments.length - 1];
const el = document.querySelector(`[data-testid="${field}"]`);
const target = document.querySelector(`[data-testid="${watch}"]`);
if (!el || !target) { done([-1, -1]); return; }
const before = target.textContent;
let first = -1;
const t0 = performance.now();
const obs = new MutationObserver(() => {
  if (first < 0 && target.textContent !== before) {
    first = performance.now() - t0;
    obs.disconnect();
    requestAnimationFrame(() => setTimeout(() => done([first, performance.now() - t0]), 0));
  }
});
obs.observe(target, {characterData: true, childList: true, subtree: true});
el.value = value;
el.dispatchEvent(new Event(kind, {bubbles: true}));
setTimeout(() => { obs.disconnect(); if (first < 0) done([-1, -1]); }, 60000);
"#;

/// Sets `field` to `value` with a `kind` event ("input", "change") and times the text of
/// `watch` changing: (to the first change, until painted), in ms.
pub async fn measure(
    s: &Session,
    field: &str,
    value: &str,
    watch: &str,
    kind: &str,
) -> TestResult<(f64, f64)> {
    let v = s
        .client
        .execute_async(
            MEASURE,
            vec![field.into(), value.into(), watch.into(), kind.into()],
        )
        .await?;
    let a = v[0].as_f64().unwrap_or(-1.0);
    let b = v[1].as_f64().unwrap_or(-1.0);
    if a < 0.0 {
        return Err(format!("{field} = {value:?} did not change [data-testid={watch}]").into());
    }
    Ok((a, b))
}
