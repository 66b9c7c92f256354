//! The Stack page in a real browser: the bundled 4K TV stack's totals on screen are the ones
//! `poolcalc stack` prints, a what-if edit shows its difference, and the recomputation after
//! an edit is timed (6 pools × 5 years, budget 16 ms; reported, not asserted).

use poolcalc_e2e::{Options, Session, TestResult, dist_dir, report_metric, run, run_cli};
use serde_json::{Value, json};

/// A figure as the page shows it ("73,575,148.70", "0.42%") without grouping.
fn plain(s: &str) -> String {
    s.trim().replace(',', "")
}

async fn text(s: &Session, testid: &str) -> TestResult<String> {
    s.text(testid)
        .await
        .ok_or_else(|| format!("no [data-testid={testid}]").into())
}

async fn wait_present(s: &Session, testid: &str) -> TestResult {
    s.wait_js(
        &format!("[data-testid={testid}] to appear"),
        &format!("return document.querySelector('[data-testid=\"{testid}\"]') !== null;"),
    )
    .await
}

#[tokio::test]
async fn the_totals_on_screen_are_poolcalc_stacks() {
    run(
        "the_totals_on_screen_are_poolcalc_stacks",
        Options::desktop(),
        |s| async move {
            let file = dist_dir().join("stacks/4k-tv.json");
            let cli = run_cli(&[
                "stack".as_ref(),
                file.as_os_str(),
                "--json".as_ref(),
                "--datasets".as_ref(),
                dist_dir().join("datasets").as_os_str(),
            ])?;
            s.open("stack").await?;
            s.wait_text("page-title", "Stack").await?;
            wait_present(&s, "stack-total-payable").await?;
            assert_eq!(
                plain(&text(&s, "stack-total-payable").await?),
                cli["total"]["payable"]
            );
            let per_unit = cli["total"]["per_unit"].as_str().unwrap_or_default();
            assert_eq!(plain(&text(&s, "stack-total-per-unit").await?), per_unit);
            for l in cli["licences"].as_array().into_iter().flatten() {
                let id = l["id"].as_str().unwrap_or_default();
                let shown = text(&s, &format!("stack-licence-{id}-payable")).await?;
                assert_eq!(plain(&shown), l["payable"], "{id}");
            }
            // The saved file drops VVC as its what-if: the difference is VVC's total, negative.
            let vvc = cli["licences"][2]["payable"].as_str().unwrap_or_default();
            let diff = text(&s, "stack-what-if-total-difference").await?;
            assert_eq!(plain(&diff), format!("-{vvc}"));
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn an_edit_recomputes_within_the_budget() {
    run("an_edit_recomputes_within_the_budget", Options::desktop(), |s| async move {
        // Six pool licences over five years: the TV stack with a Wi-Fi 7 and an AVC codec
        // licence added, stored as the page's own autosave before it opens.
        let text = std::fs::read_to_string(dist_dir().join("stacks/4k-tv.json"))?;
        let mut stack: Value = serde_json::from_str(&text)?;
        stack["what_if"] = json!([]);
        if let Some(l) = stack["licences"].as_array_mut() {
            l.push(json!({"id": "wifi7", "type": "pool", "dataset": "wifi-style", "product": "wifi7-end-product"}));
            l.push(json!({"id": "avc-codec", "type": "pool", "dataset": "avc-style", "product": "codec"}));
        }
        // Stored from another page: the Stack page itself autosaves the example it opens
        // with, which could land after this and replace it.
        s.open("").await?;
        s.js(&format!(
            "localStorage.setItem('poolcalc.stack.v1', {}); return true;",
            serde_json::to_string(&stack.to_string())?
        ))
        .await?;
        s.open("stack").await?;
        wait_present(&s, "stack-licence-avc-codec").await?;
        wait_present(&s, "stack-factor-wifi").await?;
        let mut times = Vec::new();
        for k in 0..5 {
            let factor = format!("0.{}", 5 + k);
            let script = format!(
                "const done = arguments[arguments.length - 1];
                 const input = document.querySelector('[data-testid=\"stack-factor-wifi\"]');
                 const before = performance.getEntriesByName('poolcalc-stack-eval').length;
                 const t0 = performance.now();
                 input.value = {factor:?};
                 input.dispatchEvent(new Event('input', {{bubbles: true}}));
                 const wait = () => {{
                   const m = performance.getEntriesByName('poolcalc-stack-eval');
                   if (m.length > before) {{
                     requestAnimationFrame(() => done([m[m.length - 1].duration, performance.now() - t0]));
                   }} else {{ setTimeout(wait, 1); }}
                 }};
                 wait();"
            );
            let v: Value = s.client.execute_async(&script, vec![]).await?;
            times.push((v[0].as_f64().unwrap_or(-1.0), v[1].as_f64().unwrap_or(-1.0)));
            s.wait_js(
                "the what-if to show the wifi change",
                "return !!document.querySelector('[data-testid=\"stack-what-if-wifi-difference\"]');",
            )
            .await?;
        }
        for (engine, frame) in &times {
            report_metric(&format!(
                "stack recomputation, 6 pools × 5 years (4K TV + 2): engine {engine:.1} ms, edit → next frame {frame:.1} ms (budget 16 ms)"
            ));
        }
        Ok(())
    })
    .await;
}
