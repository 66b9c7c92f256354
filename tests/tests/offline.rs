//! The service worker in a real browser: registered from any first page, navigations get the
//! app shell only, the first visit downloads the wasm once and not the large dataset, one
//! missing file does not cost offline support, and a new version waits to be asked.

use poolcalc_e2e::{
    Options, Session, TestResult, copy_of_dist, default_dataset, default_pool_name, run,
};
use serde_json::Value;

const CONTROLLED: &str =
    "return !!navigator.serviceWorker && navigator.serviceWorker.controller !== null;";

async fn wait_controlled(s: &Session) -> TestResult {
    s.wait_js("the service worker to control the page", CONTROLLED)
        .await
}

/// Whether the worker's cache holds a file whose path ends with `end`.
async fn cached(s: &Session, end: &str) -> TestResult<bool> {
    let script = format!(
        "return caches.keys().then((keys) => Promise.all(keys.map((k) =>
           caches.open(k).then((c) => c.keys())))).then((lists) =>
           lists.flat().some((r) => new URL(r.url).pathname.endsWith({end:?})));"
    );
    Ok(s.js(&script).await? == Value::Bool(true))
}

#[tokio::test]
async fn a_deep_link_as_the_first_page_registers_the_worker() {
    run(
        "a_deep_link_as_the_first_page_registers_the_worker",
        Options::desktop(),
        |s| async move {
            let (_, ds) = default_dataset()?;
            let member = ds["members"][0]["id"].as_str().ok_or("no member")?;
            s.open(&format!("members/{member}")).await?;
            s.wait_text("pool-name", &default_pool_name("en")?).await?;
            wait_controlled(&s).await?;
            s.stop_server();
            // The page opened online works offline (its chunk was cached on first use); a
            // page never opened says so instead of going blank.
            s.open("members").await?;
            s.wait_text("page-title", "Members").await?;
            s.open("fees").await?;
            s.wait_chunk_failed().await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn a_dataset_opened_in_a_tab_stays_a_file_and_never_becomes_the_app() {
    run(
        "a_dataset_opened_in_a_tab_stays_a_file_and_never_becomes_the_app",
        Options::desktop(),
        |s| async move {
            s.open("").await?;
            s.wait_text("pool-name", &default_pool_name("en")?).await?;
            wait_controlled(&s).await?;
            // Fees opened once online: its chunk is cached from then on.
            s.click("nav-fees").await?;
            s.wait_text("page-title", "Fees").await?;
            let is_json = "return document.body.innerText.trim().startsWith('{')
                && !document.querySelector('[data-testid=page-title]');";
            s.open("datasets/worked-example.json").await?;
            s.wait_js("the dataset file, not the app", is_json).await?;

            // Offline, every page of the app is still the app, and the file still the file.
            s.stop_server();
            s.open("fees").await?;
            s.wait_text("page-title", "Fees").await?;
            s.open("datasets/worked-example.json").await?;
            s.wait_js("the dataset file from the cache", is_json)
                .await?;
            s.open("").await?;
            s.wait_text("page-title", "Overview").await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn the_first_visit_downloads_the_wasm_once_and_not_the_large_dataset() {
    run(
        "the_first_visit_downloads_the_wasm_once_and_not_the_large_dataset",
        Options::desktop(),
        |s| async move {
            s.open("").await?;
            s.wait_text("pool-name", &default_pool_name("en")?).await?;
            wait_controlled(&s).await?;
            assert!(cached(&s, ".wasm").await?, "the wasm is not precached");
            assert!(
                cached(&s, "datasets/avs-style.json").await?,
                "a small dataset is not precached"
            );
            assert!(
                !cached(&s, "synth-100k.json").await?,
                "the large dataset was cached unasked"
            );
            let requests = s.requests();
            let downloads = |end: &str| {
                requests
                    .iter()
                    .filter(|r| r.status == 200 && r.target.ends_with(end))
                    .count()
            };
            assert_eq!(downloads(".wasm"), 1, "wasm downloads: {requests:#?}");
            assert!(
                !requests.iter().any(|r| r.target.contains("synth-100k")),
                "the large dataset was fetched unasked: {requests:#?}"
            );
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn one_missing_file_does_not_cancel_offline_support() {
    let dist = match copy_of_dist("missing-file") {
        Ok(d) => d,
        Err(e) => panic!("cannot copy dist: {e}"),
    };
    // A bundled dataset the worker lists but the server no longer has.
    std::fs::remove_file(dist.join("datasets/avs-style.json")).expect("remove a dataset");
    run(
        "one_missing_file_does_not_cancel_offline_support",
        Options::desktop().dist(dist.clone()),
        |s| async move {
            s.open("").await?;
            s.wait_text("pool-name", &default_pool_name("en")?).await?;
            wait_controlled(&s).await?;
            s.stop_server();
            s.client.refresh().await?;
            s.wait_text("page-title", "Overview").await?;
            s.wait_text("pool-name", &default_pool_name("en")?).await?;
            Ok(())
        },
    )
    .await;
    let _ = std::fs::remove_dir_all(&dist);
}

#[tokio::test]
async fn a_new_version_is_announced_and_waits_to_be_asked() {
    let dist = match copy_of_dist("new-version") {
        Ok(d) => d,
        Err(e) => panic!("cannot copy dist: {e}"),
    };
    let sw_path = dist.join("sw.js");
    run(
        "a_new_version_is_announced_and_waits_to_be_asked",
        Options::desktop().dist(dist.clone()),
        |s| async move {
            s.open("fees").await?;
            s.wait_text("pool-name", &default_pool_name("en")?).await?;
            wait_controlled(&s).await?;
            // Marks this very page: a reload would lose the mark.
            s.js("window.__same_page = true; return true;").await?;

            // A new build: the worker's version changes.
            let sw = std::fs::read_to_string(&sw_path)?;
            let next = sw.replacen("const VERSION = \"", "const VERSION = \"next-", 1);
            assert_ne!(sw, next, "sw.js has no VERSION line");
            std::fs::write(&sw_path, next)?;
            s.js("navigator.serviceWorker.getRegistration().then((r) => r.update()); return true;")
                .await?;
            s.wait_text("update-reload", "Reload").await?;
            let banner = s.text("update-banner").await.unwrap_or_default();
            assert!(banner.contains("A new version is ready"), "{banner}");
            // Nothing switched under the person: same page, old worker in charge.
            assert_eq!(
                s.js("return window.__same_page === true;").await?,
                Value::Bool(true)
            );
            assert!(!cached_version_in_use(&s, "next-").await?);

            s.click("update-reload").await?;
            s.wait_js(
                "the page reloaded under the new version",
                "return window.__same_page !== true && !!navigator.serviceWorker.controller;",
            )
            .await?;
            s.wait_text("page-title", "Fees").await?;
            s.wait_js(
                "the new version's cache in use alone",
                "return caches.keys().then((k) => k.length === 1 && k[0].startsWith('poolcalc-next-'));",
            )
            .await?;
            assert!(s.text("update-banner").await.is_none(), "banner still shown");
            Ok(())
        },
    )
    .await;
    let _ = std::fs::remove_dir_all(&dist);
}

/// Whether a cache named with `version` exists and the old one is gone.
async fn cached_version_in_use(s: &Session, version: &str) -> TestResult<bool> {
    let script = format!(
        "return caches.keys().then((k) => k.every((key) => key.startsWith('poolcalc-{version}')));"
    );
    Ok(s.js(&script).await? == Value::Bool(true))
}
