//! The scenario workspace in a real browser: scenarios survive a reload with their results,
//! export → import round-trips through the file input, a share link rebuilds its scenario in
//! a fresh browser profile, and a damaged stored entry is reported while the rest loads.

use fantoccini::Locator;
use poolcalc_e2e::{Options, Session, TestResult, default_dataset, run};
use serde_json::Value;
use std::sync::{Arc, Mutex};

fn css(testid: &str) -> String {
    format!("[data-testid=\"{testid}\"]")
}

/// The default bundled dataset's pool id: scenarios are stored under it.
fn default_pool_id() -> TestResult<String> {
    let (_, dataset) = default_dataset()?;
    Ok(dataset["pool"]["id"]
        .as_str()
        .ok_or("dataset without pool.id")?
        .to_owned())
}

async fn wait_present(s: &Session, testid: &str) -> TestResult {
    s.wait_js(
        &format!("[data-testid={testid}] to appear"),
        &format!("return document.querySelector('{}') !== null;", css(testid)),
    )
    .await
}

async fn absent(s: &Session, testid: &str) -> TestResult<bool> {
    Ok(s.js(&format!(
        "return document.querySelector('{}') === null;",
        css(testid)
    ))
    .await?
        == Value::Bool(true))
}

async fn type_into(s: &Session, testid: &str, text: &str) -> TestResult {
    let el = s.client.find(Locator::Css(&css(testid))).await?;
    el.clear().await?;
    el.send_keys(text).await?;
    Ok(())
}

async fn text_of(s: &Session, testid: &str) -> TestResult<String> {
    Ok(s.text(testid)
        .await
        .ok_or_else(|| format!("no [data-testid={testid}]"))?
        .trim()
        .to_owned())
}

/// Opens the page and waits for the workspace (the dataset loaded).
async fn open_workspace(s: &Session, path: &str) -> TestResult {
    s.open(path).await?;
    wait_present(s, "scen-new").await
}

/// Adds a "scale rates" change with `factor` to the selected scenario.
async fn add_scale_rates(s: &Session, factor: &str, nth: usize) -> TestResult {
    s.js("const k = document.querySelector('[data-testid=\"scen-kind\"]'); k.value = 'scale_rates'; k.dispatchEvent(new Event('change', {bubbles: true})); return true;")
        .await?;
    wait_present(s, "scen-f-factor").await?;
    type_into(s, "scen-f-factor", factor).await?;
    s.click("scen-add-change").await?;
    wait_present(s, &format!("scen-change-{nth}")).await
}

#[tokio::test]
async fn two_scenarios_survive_a_reload_with_their_results() {
    run(
        "two_scenarios_survive_a_reload_with_their_results",
        Options::desktop(),
        |s| async move {
            open_workspace(&s, "scenarios").await?;
            s.click("scen-new").await?;
            wait_present(&s, "scen-pick-0").await?;

            // A bad factor is marked on its field and adds nothing.
            s.js("const k = document.querySelector('[data-testid=\"scen-kind\"]'); k.value = 'scale_rates'; k.dispatchEvent(new Event('change', {bubbles: true})); return true;").await?;
            wait_present(&s, "scen-f-factor").await?;
            type_into(&s, "scen-f-factor", "1,5").await?;
            s.click("scen-add-change").await?;
            s.wait_js(
                "the factor field marked invalid",
                "const e = document.querySelector('[data-testid=\"scen-f-factor\"]'); return e.getAttribute('aria-invalid') === 'true';",
            )
            .await?;
            let err = text_of(&s, "scen-f-factor-error").await?;
            assert!(!err.is_empty(), "no message on the factor field");
            assert!(absent(&s, "scen-change-0").await?, "a bad change was added");

            type_into(&s, "scen-f-factor", "1.5").await?;
            s.click("scen-add-change").await?;
            wait_present(&s, "scen-change-0").await?;

            // A change the engine reads but cannot apply: its problem is shown as
            // `path: message`, and removing the change clears it.
            s.js("const k = document.querySelector('[data-testid=\"scen-kind\"]'); k.value = 'set_group_cap'; k.dispatchEvent(new Event('change', {bubbles: true})); return true;").await?;
            wait_present(&s, "scen-f-id").await?;
            type_into(&s, "scen-f-id", "no-such-cap").await?;
            type_into(&s, "scen-f-amount", "100").await?;
            s.click("scen-add-change").await?;
            wait_present(&s, "scen-apply-problems").await?;
            let problems = text_of(&s, "scen-apply-problems").await?;
            assert!(problems.contains("changes[1]: "), "{problems}");
            assert!(problems.contains("no-such-cap"), "{problems}");
            s.click("scen-remove-change-1").await?;
            s.wait_js(
                "the problems to go",
                "return document.querySelector('[data-testid=\"scen-apply-problems\"]') === null;",
            )
            .await?;

            s.click("scen-new").await?;
            wait_present(&s, "scen-pick-1").await?;
            type_into(&s, "scen-name", "Fee 20 %").await?;
            s.js("const k = document.querySelector('[data-testid=\"scen-kind\"]'); k.value = 'set_management_fee'; k.dispatchEvent(new Event('change', {bubbles: true})); return true;").await?;
            wait_present(&s, "scen-f-management_fee-percent").await?;
            type_into(&s, "scen-f-management_fee-percent", "0.20").await?;
            s.click("scen-add-change").await?;
            wait_present(&s, "scen-change-0").await?;

            // Published terms and both scenarios side by side.
            wait_present(&s, "scen-row-income-2").await?;
            let before: Vec<String> = {
                let mut v = Vec::new();
                for id in ["scen-col-1", "scen-col-2", "scen-row-income-1", "scen-row-income-2", "scen-row-fee-2"] {
                    v.push(text_of(&s, id).await?);
                }
                v
            };
            assert!(before[0].contains("Scenario 1"), "{before:?}");
            assert!(before[1].contains("Fee 20 %"), "{before:?}");
            let differs = s
                .js("return document.querySelector('[data-testid=\"scen-row-income-1\"]').classList.contains('scen-differs');")
                .await?;
            assert_eq!(differs, Value::Bool(true), "rates ×1.5 should change income");

            s.client.refresh().await?;
            wait_present(&s, "scen-row-income-2").await?;
            s.wait_text("scen-pick-0", "Scenario 1").await?;
            s.wait_text("scen-pick-1", "Fee 20 %").await?;
            let mut after = Vec::new();
            for id in ["scen-col-1", "scen-col-2", "scen-row-income-1", "scen-row-income-2", "scen-row-fee-2"] {
                after.push(text_of(&s, id).await?);
            }
            assert_eq!(before, after);
            // Sweep and non-discrimination render from the stored workspace too.
            wait_present(&s, "scen-sweep-row-20").await?;
            wait_present(&s, "scen-nd-row-0").await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn export_then_import_round_trips() {
    run("export_then_import_round_trips", Options::desktop(), |s| async move {
        open_workspace(&s, "scenarios").await?;
        s.click("scen-new").await?;
        wait_present(&s, "scen-name").await?;
        type_into(&s, "scen-name", "Export me").await?;
        add_scale_rates(&s, "0.9", 0).await?;
        s.wait_text("scen-pick-0", "Export me").await?;

        // What the download link holds, as a file.
        let text = s
            .js("const a = document.querySelector('[data-testid=\"scen-export-all\"]'); const h = a.getAttribute('href'); return decodeURIComponent(h.slice(h.indexOf(',') + 1));")
            .await?;
        let text = text.as_str().ok_or("export link holds no text")?.to_owned();
        let file: Value = serde_json::from_str(&text)?;
        assert_eq!(file["format"], "poolcalc-scenario");
        assert_eq!(file["scenarios"][0]["name"], "Export me");
        assert_eq!(file["scenarios"][0]["changes"][0]["factor"], "0.9");
        let path = std::env::temp_dir().join(format!("poolcalc-e2e-{}-scenarios.json", std::process::id()));
        std::fs::write(&path, &text)?;

        s.click("scen-delete").await?;
        s.wait_js("the workspace to be empty", &format!("return document.querySelector('{}') === null;", css("scen-pick-0"))).await?;

        let input = s.client.find(Locator::Css(&css("scen-import"))).await?;
        input.send_keys(&path.display().to_string()).await?;
        s.wait_text("scen-pick-0", "Export me").await?;
        wait_present(&s, "scen-change-0").await?;
        let change = text_of(&s, "scen-change-0").await?;
        assert!(change.contains("0.9"), "{change}");
        let notice = text_of(&s, "scen-notice").await?;
        assert!(notice.contains('1'), "{notice}");

        // A file that is not a scenario is refused with its problems, and nothing is lost.
        let bad = std::env::temp_dir().join(format!("poolcalc-e2e-{}-bad.json", std::process::id()));
        std::fs::write(&bad, r#"{"format": "poolcalc-scenario", "version": 1, "name": "x", "changes": [{"type": "scale_rates", "factor": 2}]}"#)?;
        let input = s.client.find(Locator::Css(&css("scen-import"))).await?;
        input.send_keys(&bad.display().to_string()).await?;
        s.wait_js(
            "the import problem to be shown",
            "const n = document.querySelector('[data-testid=\"scen-notice\"]'); return !!n && n.textContent.includes('changes[0].factor');",
        )
        .await?;
        s.wait_text("scen-pick-0", "Export me").await?;
        assert!(absent(&s, "scen-pick-1").await?);
        let _ = std::fs::remove_file(path);
        let _ = std::fs::remove_file(bad);
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_share_link_rebuilds_the_scenario_in_a_fresh_browser() {
    let fragment = Arc::new(Mutex::new(String::new()));
    let keep = fragment.clone();
    run("share_link_made", Options::desktop(), |s| async move {
        open_workspace(&s, "scenarios").await?;
        s.click("scen-new").await?;
        wait_present(&s, "scen-name").await?;
        type_into(&s, "scen-name", "Shared 共享").await?;
        add_scale_rates(&s, "1.2", 0).await?;
        s.click("scen-share").await?;
        wait_present(&s, "scen-share-link").await?;
        let link = s
            .js("return document.querySelector('[data-testid=\"scen-share-link\"]').value;")
            .await?;
        let link = link.as_str().ok_or("no link")?.to_owned();
        let at = link
            .find("#scen=")
            .ok_or(format!("no fragment in {link}"))?;
        assert!(link[..at].ends_with("/scenarios"), "{link}");
        if let Ok(mut f) = keep.lock() {
            *f = link[at..].to_owned();
        }
        Ok(())
    })
    .await;
    let fragment = fragment.lock().map(|f| f.clone()).unwrap_or_default();
    assert!(!fragment.is_empty());

    run("share_link_opened", Options::desktop(), |s| async move {
        // Another server and a new profile: nothing but the link carries the scenario.
        open_workspace(&s, &format!("scenarios{fragment}")).await?;
        s.wait_text("scen-pick-0", "Shared 共享").await?;
        let change = text_of(&s, "scen-change-0").await?;
        assert!(change.contains("1.2"), "{change}");
        let notice = text_of(&s, "scen-notice").await?;
        assert!(notice.contains("Shared 共享"), "{notice}");
        let hash = s.js("return location.hash;").await?;
        assert_eq!(hash, Value::String(String::new()));
        // In the comparison straight away, and imported once only.
        wait_present(&s, "scen-row-income-1").await?;
        s.client.refresh().await?;
        s.wait_text("scen-pick-0", "Shared 共享").await?;
        assert!(absent(&s, "scen-pick-1").await?, "imported twice");

        // A damaged link says so and adds nothing (from another page: a fragment change
        // alone does not load the page again).
        s.open("").await?;
        s.open("scenarios#scen=AAAA").await?;
        s.wait_js(
            "the damaged-link message",
            "const n = document.querySelector('[data-testid=\"scen-notice\"]'); return !!n && n.textContent.includes('damaged');",
        )
        .await?;
        assert!(absent(&s, "scen-pick-1").await?);
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_damaged_stored_entry_is_reported_and_the_rest_loads() {
    let pool = default_pool_id().unwrap_or_else(|e| panic!("{e}"));
    run(
        "a_damaged_stored_entry_is_reported_and_the_rest_loads",
        Options::desktop(),
        |s| async move {
            s.open("").await?;
            let good = serde_json::json!({
                "format": "poolcalc-scenario", "version": 1, "name": "Still here",
                "changes": [{"type": "scale_rates", "factor": "1.10"}]
            })
            .to_string();
            let newer = r#"{"format": "poolcalc-scenario", "version": 9, "name": "From the future", "changes": []}"#;
            let script = format!(
                "localStorage.setItem('poolcalc.scen.{pool}.000000000000001', {good});
                 localStorage.setItem('poolcalc.scen.{pool}.000000000000002', '{{\"format\": \"poolcalc-scen');
                 localStorage.setItem('poolcalc.scen.{pool}.000000000000003', {newer});
                 return true;",
                good = serde_json::to_string(&good)?,
                newer = serde_json::to_string(newer)?,
            );
            s.js(&script).await?;

            open_workspace(&s, "scenarios").await?;
            wait_present(&s, "scen-broken").await?;
            s.wait_text("scen-pick-0", "Still here").await?;
            assert!(absent(&s, "scen-pick-1").await?);
            wait_present(&s, "scen-broken-1").await?;
            let second = text_of(&s, "scen-broken-1").await?;
            assert!(second.contains("version 9"), "{second}");
            // The raw text is offered for download, byte for byte.
            let raw = s
                .js("const a = document.querySelector('[data-testid=\"scen-broken-download-0\"]'); const h = a.getAttribute('href'); return decodeURIComponent(h.slice(h.indexOf(',') + 1));")
                .await?;
            assert_eq!(raw, Value::String("{\"format\": \"poolcalc-scen".into()));
            // Kept in storage until the user discards it.
            let kept = s
                .js(&format!("return localStorage.getItem('poolcalc.scen.{pool}.000000000000002') !== null;"))
                .await?;
            assert_eq!(kept, Value::Bool(true));
            // The good scenario works normally.
            wait_present(&s, "scen-row-income-1").await?;

            s.click("scen-broken-discard-0").await?;
            s.wait_js(
                "the discarded entry to leave storage",
                &format!("return localStorage.getItem('poolcalc.scen.{pool}.000000000000002') === null;"),
            )
            .await?;
            s.client.refresh().await?;
            s.wait_text("scen-pick-0", "Still here").await?;
            wait_present(&s, "scen-broken-0").await?;
            assert!(absent(&s, "scen-broken-1").await?);
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn the_workspace_fits_a_phone() {
    run("scenarios_fit_a_phone", Options::phone(), |s| async move {
        open_workspace(&s, "scenarios").await?;
        s.click("scen-new").await?;
        wait_present(&s, "scen-row-income-1").await?;
        wait_present(&s, "scen-sweep-row-20").await?;
        let fits = s
            .wait_js(
                "no horizontal scrolling of the page",
                "return document.documentElement.scrollWidth <= window.innerWidth;",
            )
            .await;
        if fits.is_err() {
            let wide = s
                .js("return [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + (e.getAttribute('data-testid') || '') + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ');")
                .await?;
            return Err(format!("wider than the screen: {wide}").into());
        }
        Ok(())
    })
    .await;
}
