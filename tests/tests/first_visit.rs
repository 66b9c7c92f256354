//! A first visit as on a phone's line: what it costs in bytes and how long the first page
//! takes to show. Measured and reported against budgets, not asserted.

use poolcalc_e2e::{Options, SLOW_LINE, TestResult, default_pool_name, report_metric, run};

const FIRST_RENDER_BUDGET_MS: f64 = 3000.0;
const FIRST_VISIT_BUDGET_KB: f64 = 600.0;

#[tokio::test]
async fn first_visit_on_a_slow_line() {
    run(
        "first_visit_on_a_slow_line",
        Options::desktop().slow_line(),
        |s| async move {
            s.open("").await?;
            s.wait_text("pool-name", &default_pool_name("en")?).await?;
            let ms = s.first_render_ms().await?;
            let line = format!(
                "{:.1} Mbit/s, {} ms added round trip",
                f64::from(SLOW_LINE.bytes_per_second) * 8.0 / 1e6,
                SLOW_LINE.latency_ms
            );
            report_metric(&format!(
                "first render on an emulated slow line ({line}): {ms:.0} ms (budget {FIRST_RENDER_BUDGET_MS:.0} ms)"
            ));
            let page_kb = s.bytes_served() as f64 / 1024.0;

            // The visit is over once the service worker has precached and taken control.
            s.wait_js_within(
                "the service worker to control the page",
                "return !!navigator.serviceWorker && navigator.serviceWorker.controller !== null;",
                std::time::Duration::from_secs(120),
            )
            .await?;
            settle(&s).await?;
            let total_kb = s.bytes_served() as f64 / 1024.0;
            report_metric(&format!(
                "bytes a first visit moves, compressed, precache included: {total_kb:.0} KB \
                 ({page_kb:.0} KB sent by the first render, the worker's precache unthrottled \
                 beside it) (budget {FIRST_VISIT_BUDGET_KB:.0} KB)"
            ));
            Ok(())
        },
    )
    .await;
}

/// Waits until the server has sent nothing more for a second (the precache's last responses).
async fn settle(s: &poolcalc_e2e::Session) -> TestResult {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let mut last = s.bytes_served();
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        let now = s.bytes_served();
        if now == last {
            return Ok(());
        }
        if std::time::Instant::now() > deadline {
            return Err(format!("the server was still sending after 120 s ({now} bytes)").into());
        }
        last = now;
    }
}
