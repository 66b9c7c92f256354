//! Loading a dataset from another site in a real browser: a body without end stops at the
//! size limit, a stalled host times out, a download can be cancelled, a remembered URL is not
//! fetched again unasked, and a URL carrying a secret is only stored once the person agrees.

use fantoccini::Locator;
use poolcalc_e2e::remote::{Behaviour, Remote};
use poolcalc_e2e::{Options, Session, TestResult, default_pool_name, dist_dir, run};
use std::time::Duration;

async fn type_url(s: &Session, url: &str) -> TestResult {
    let field = s
        .client
        .find(Locator::Css("[data-testid=\"data-url\"]"))
        .await?;
    field.clear().await?;
    field.send_keys(url).await?;
    Ok(())
}

async fn open_data(s: &Session) -> TestResult {
    s.open("data").await?;
    s.wait_text("pool-name", &default_pool_name("en")?).await
}

fn worked_example() -> TestResult<Vec<u8>> {
    Ok(std::fs::read(
        dist_dir().join("datasets/worked-example.json"),
    )?)
}

#[tokio::test]
async fn a_body_without_end_stops_at_the_size_limit() {
    let remote = Remote::start(Behaviour::Endless { limit: 400 << 20 }).expect("remote server");
    run(
        "a_body_without_end_stops_at_the_size_limit",
        Options::desktop(),
        |s| async move {
            open_data(&s).await?;
            type_url(&s, &remote.url("endless.json")).await?;
            s.click("data-url-load").await?;
            s.wait_contains_within(
                "data-problem-lead",
                "larger than 320 MB",
                Duration::from_secs(60),
            )
            .await?;
            s.wait_text("pool-name", &default_pool_name("en")?).await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn a_stalled_host_times_out_and_a_download_can_be_cancelled() {
    let remote = Remote::start(Behaviour::Stall {
        hold: Duration::from_secs(90),
    })
    .expect("remote server");
    run(
        "a_stalled_host_times_out_and_a_download_can_be_cancelled",
        Options::desktop(),
        |s| async move {
            open_data(&s).await?;
            type_url(&s, &remote.url("stalled.json")).await?;
            s.click("data-url-load").await?;
            s.wait_text("data-cancel", "Cancel").await?;
            s.click("data-cancel").await?;
            s.wait_contains("data-problem-lead", "Loading was cancelled.")
                .await?;
            s.wait_js(
                "the Load button usable again",
                "return !document.querySelector('[data-testid=data-url-load]').disabled;",
            )
            .await?;

            // Left alone, the same host is given up after the idle time.
            s.click("data-url-load").await?;
            s.wait_text("data-cancel", "Cancel").await?;
            s.wait_contains_within(
                "data-problem-lead",
                "Nothing arrived from the server for 20 seconds",
                Duration::from_secs(60),
            )
            .await?;
            s.wait_text("pool-name", &default_pool_name("en")?).await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn a_remembered_url_is_not_fetched_again_unasked() {
    let remote =
        Remote::start(Behaviour::Body(worked_example().expect("dataset"))).expect("remote server");
    run(
        "a_remembered_url_is_not_fetched_again_unasked",
        Options::desktop(),
        |s| async move {
            open_data(&s).await?;
            type_url(&s, &remote.url("pool.json")).await?;
            s.click("data-url-load").await?;
            s.wait_text("pool-name", "Worked example pool").await?;
            assert_eq!(remote.requests(), 1);

            // The next visit opens the copy kept in the browser and offers to fetch again.
            s.client.refresh().await?;
            s.wait_text("pool-name", "Worked example pool").await?;
            let host = format!("127.0.0.1:{}", remote.port());
            s.wait_text("data-reload-url", &format!("Reload from {host}"))
                .await?;
            s.wait_contains("data-notice", "the copy kept in this browser is open")
                .await?;
            assert_eq!(remote.requests(), 1, "the URL was fetched again at start");

            s.click("data-reload-url").await?;
            s.wait_js(
                "the notice gone after the reload",
                "return !document.querySelector('[data-testid=data-reload-url]');",
            )
            .await?;
            assert_eq!(remote.requests(), 2);
            s.wait_text("pool-name", "Worked example pool").await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn a_url_with_a_secret_is_stored_only_when_the_person_agrees() {
    let remote =
        Remote::start(Behaviour::Body(worked_example().expect("dataset"))).expect("remote server");
    run(
        "a_url_with_a_secret_is_stored_only_when_the_person_agrees",
        Options::desktop(),
        |s| async move {
            let stored = "return JSON.stringify(Object.assign({}, localStorage));";
            open_data(&s).await?;
            let with_password = format!("http://ann:hunter2@127.0.0.1:{}/pool.json", remote.port());
            type_url(&s, &with_password).await?;
            s.wait_text(
                "data-url-not-kept",
                "This address may carry a secret, so it is not kept as a draft.",
            )
            .await?;
            s.click("data-url-load").await?;
            s.wait_contains("data-url-secret", "contains a user name and password")
                .await?;
            assert_eq!(remote.requests(), 0, "fetched before the person answered");

            type_url(&s, &remote.url("pool.json?token=s3cret")).await?;
            s.click("data-url-load").await?;
            s.wait_contains("data-url-secret", "often carries an access token")
                .await?;
            s.click("data-url-load-once").await?;
            s.wait_text("pool-name", "Worked example pool").await?;
            let kept = s.js(stored).await?.as_str().unwrap_or_default().to_owned();
            assert!(
                !kept.contains("s3cret") && !kept.contains("hunter2"),
                "{kept}"
            );

            // Not remembered: the next visit opens the default dataset.
            s.client.refresh().await?;
            s.wait_text("pool-name", &default_pool_name("en")?).await?;
            assert_eq!(remote.requests(), 1);
            Ok(())
        },
    )
    .await;
}
