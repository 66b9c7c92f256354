//! Timing of the Scenarios page on the HEVC-style dataset (printed against the budgets, not
//! asserted): comparing 4 scenarios (under 100 ms) and a 21-point sweep (under 200 ms). The
//! app's own performance measures span computation and rendering.
//!
//! The app opens the catalog's default dataset, so this test serves a copy of the built app
//! whose catalog makes the HEVC-style dataset the default.

use fantoccini::Locator;
use poolcalc_e2e::{Options, Session, TestResult, dist_dir, report_metric, run};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// A copy of the built app with `dataset` as the catalog's default.
fn dist_with_default(dataset: &str) -> TestResult<PathBuf> {
    let from = dist_dir();
    let to = std::env::temp_dir().join(format!("poolcalc-e2e-timing-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&to);
    copy_dir(&from, &to)?;
    let index_path = to.join("datasets/index.json");
    let mut index: Value = serde_json::from_str(&std::fs::read_to_string(&index_path)?)?;
    index["default"] = Value::String(dataset.to_owned());
    std::fs::write(&index_path, serde_json::to_string_pretty(&index)?)?;
    Ok(to)
}

fn css(testid: &str) -> String {
    format!("[data-testid=\"{testid}\"]")
}

async fn wait_present(s: &Session, testid: &str) -> TestResult {
    s.wait_js(
        &format!("[data-testid={testid}] to appear"),
        &format!("return document.querySelector('{}') !== null;", css(testid)),
    )
    .await
}

/// The latest duration of the app's performance measure `name`, once there are `count`.
async fn last_measure(s: &Session, name: &str, count: usize) -> TestResult<f64> {
    s.wait_js(
        &format!("{count} measures of {name}"),
        &format!("return performance.getEntriesByName('{name}').length >= {count};"),
    )
    .await?;
    s.js(&format!(
        "const m = performance.getEntriesByName('{name}'); return m[m.length - 1].duration;"
    ))
    .await?
    .as_f64()
    .ok_or_else(|| format!("{name}: no duration").into())
}

async fn count(s: &Session, name: &str) -> TestResult<usize> {
    Ok(s.js(&format!(
        "return performance.getEntriesByName('{name}').length;"
    ))
    .await?
    .as_u64()
    .unwrap_or(0) as usize)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

#[tokio::test]
async fn scenario_timings_on_the_hevc_style_dataset() {
    let dist = dist_with_default("hevc-advance-style").unwrap_or_else(|e| panic!("{e}"));
    // SAFETY: this test binary runs this one test, before any thread reads the variable.
    unsafe { std::env::set_var("POOLCALC_DIST", &dist) };
    run("scenario_timings", Options::desktop(), |s| async move {
        s.open("scenarios").await?;
        wait_present(&s, "scen-new").await?;
        for (i, factor) in ["0.8", "1.2", "1.5"].iter().enumerate() {
            s.click("scen-new").await?;
            wait_present(&s, &format!("scen-pick-{i}")).await?;
            let el = s.client.find(Locator::Css(&css("scen-f-factor"))).await?;
            el.clear().await?;
            el.send_keys(factor).await?;
            s.click("scen-add-change").await?;
            wait_present(&s, "scen-change-0").await?;
        }
        wait_present(&s, "scen-row-income-3").await?;

        // Comparing: take the fourth column out and put it back, timing the way back.
        let mut compare = Vec::new();
        for _ in 0..5 {
            s.click("scen-cmp-2").await?;
            s.wait_js("three columns", "return document.querySelector('[data-testid=\"scen-col-3\"]') === null;").await?;
            let before = count(&s, "poolcalc-scen-compare").await?;
            s.click("scen-cmp-2").await?;
            wait_present(&s, "scen-row-income-3").await?;
            compare.push(last_measure(&s, "poolcalc-scen-compare", before + 1).await?);
        }
        // Sweeping: switch the parameter back and forth.
        let mut sweep = Vec::new();
        for p in ["fee", "rate", "fee", "rate", "fee"] {
            let before = count(&s, "poolcalc-scen-sweep").await?;
            s.js(&format!("const k = document.querySelector('[data-testid=\"scen-sweep-param\"]'); k.value = '{p}'; k.dispatchEvent(new Event('change', {{bubbles: true}})); return true;")).await?;
            sweep.push(last_measure(&s, "poolcalc-scen-sweep", before + 1).await?);
        }
        wait_present(&s, "scen-sweep-row-20").await?;
        report_metric(&format!(
            "HEVC-style dataset: compare 4 scenarios {:.0} ms median of {compare:.0?} (budget 100 ms); 21-point sweep {:.0} ms median of {sweep:.0?} (budget 200 ms)",
            median(compare.clone()),
            median(sweep.clone()),
        ));
        Ok(())
    })
    .await;
    let _ = std::fs::remove_dir_all(dist);
}
