//! The app shell in a real browser: languages, offline, keyboard, narrow screens.

use fantoccini::key::Key;
use poolcalc_e2e::{Options, Session, TestResult, default_pool_name, record_first_render, run};

const NAV: [(&str, &str, &str); 8] = [
    ("nav-overview", "Overview", ""),
    ("nav-fees", "Fees", "fees"),
    ("nav-shares", "Member shares", "shares"),
    ("nav-scenarios", "Scenarios", "scenarios"),
    ("nav-stack", "Stack", "stack"),
    ("nav-report", "Report", "report"),
    ("nav-data", "Data", "data"),
    ("nav-build", "Build", "build"),
];

async fn expect_english(s: &Session) -> TestResult {
    s.wait_text("pool-name", &default_pool_name("en")?).await?;
    s.wait_text("lang-switch", "中文").await?;
    assert_eq!(s.html_lang().await?, "en");
    Ok(())
}

async fn expect_chinese(s: &Session) -> TestResult {
    s.wait_text("pool-name", &default_pool_name("zh")?).await?;
    s.wait_text("lang-switch", "English").await?;
    assert_eq!(s.html_lang().await?, "zh-CN");
    Ok(())
}

#[tokio::test]
async fn shell_renders_in_english() {
    run(
        "shell_renders_in_english",
        Options::desktop(),
        |s| async move {
            s.open("").await?;
            expect_english(&s).await?;
            s.wait_text("page-title", "Overview").await?;
            s.wait_text("explorer-nav-members", "Members").await?;
            s.wait_text("illustrative-badge", "Illustrative data")
                .await?;
            for (testid, label, _) in NAV {
                s.wait_text(testid, label).await?;
            }
            let ms = s.first_render_ms().await?;
            println!("first render: {ms:.0} ms (budget 1000 ms)");
            record_first_render(ms)?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn first_visit_follows_a_chinese_browser() {
    let options = Options::desktop().language("zh-CN");
    run(
        "first_visit_follows_a_chinese_browser",
        options,
        |s| async move {
            s.open("").await?;
            expect_chinese(&s).await?;
            s.wait_text("page-title", "概览").await?;
            s.wait_text("explorer-nav-members", "成员").await?;
            s.wait_text("nav-shares", "成员分成").await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn language_choice_persists_across_reload() {
    run(
        "language_choice_persists_across_reload",
        Options::desktop(),
        |s| async move {
            s.open("fees").await?;
            expect_english(&s).await?;
            s.wait_text("page-title", "Fees").await?;

            s.click("lang-switch").await?;
            expect_chinese(&s).await?;
            s.wait_text("page-title", "许可费").await?;

            s.client.refresh().await?;
            expect_chinese(&s).await?;
            s.wait_text("page-title", "许可费").await?;

            s.click("lang-switch").await?;
            expect_english(&s).await?;
            s.client.refresh().await?;
            expect_english(&s).await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn works_offline_after_one_visit() {
    run(
        "works_offline_after_one_visit",
        Options::desktop(),
        |s| async move {
            // Scenarios opened once online: its code is cached on that first use.
            s.open("scenarios").await?;
            s.wait_text("page-title", "Scenarios").await?;
            s.open("").await?;
            expect_english(&s).await?;
            // The worker claims the page only after its install (the precache) has finished.
            s.wait_js(
                "the service worker to control the page",
                "return !!navigator.serviceWorker && navigator.serviceWorker.controller !== null;",
            )
            .await?;

            s.stop_server();
            s.client.refresh().await?;
            expect_english(&s).await?;
            s.wait_text("page-title", "Overview").await?;

            // Every route comes from the same cached shell: a page used online works, one
            // never opened online says its code cannot be fetched (never a blank page).
            s.open("scenarios").await?;
            s.wait_text("page-title", "Scenarios").await?;
            expect_english(&s).await?;
            s.open("stack").await?;
            s.wait_chunk_failed().await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn keyboard_reaches_every_page() {
    run(
        "keyboard_reaches_every_page",
        Options::desktop(),
        |s| async move {
            s.open("").await?;
            expect_english(&s).await?;

            // The skip link is the first stop and moves focus to the content.
            s.press(Key::Tab).await?;
            assert_eq!(s.focused_testid().await?, "skip-link");
            s.press(Key::Enter).await?;
            s.wait_js(
                "focus on <main>",
                "return document.activeElement && document.activeElement.id === 'main';",
            )
            .await?;

            // Backwards through the nav with Shift+Tab (from the content, as a user returns to
            // the menu), then forwards with Tab; pages with many controls never stand between.
            let backwards = NAV.iter().rev().map(|n| (n, true));
            let forwards = NAV.iter().map(|n| (n, false));
            for ((testid, title, path), back) in backwards.chain(forwards) {
                tab_to(&s, testid, back).await?;
                s.press(Key::Enter).await?;
                s.wait_text("page-title", title).await?;
                let url = s.client.current_url().await?;
                assert_eq!(url.path(), format!("/{path}"), "after Enter on {testid}");
            }
            Ok(())
        },
    )
    .await;
}

/// Presses Tab (or Shift+Tab when `back`) until the element with `testid` has focus.
async fn tab_to(s: &Session, testid: &str, back: bool) -> TestResult {
    // Pages such as Fees hold many controls; a keyboard user may pass them all.
    for _ in 0..300 {
        if s.focused_testid().await? == testid {
            return Ok(());
        }
        if back {
            s.press_shift_tab().await?;
        } else {
            s.press(Key::Tab).await?;
        }
    }
    Err(format!("Tab never reached [data-testid={testid}]").into())
}

#[tokio::test]
async fn fits_a_360_px_screen() {
    run("fits_a_360_px_screen", Options::phone(), |s| async move {
        s.open("").await?;
        expect_english(&s).await?;
        let width = s
            .js("return window.innerWidth;")
            .await?
            .as_f64()
            .unwrap_or(0.0);
        assert!(
            width <= 400.0,
            "viewport is {width}px wide, expected a phone width"
        );
        s.wait_js(
            "no horizontal scrolling",
            "return document.documentElement.scrollWidth <= window.innerWidth;",
        )
        .await?;
        // Every navigation link and the language switch lie inside the viewport.
        for testid in NAV.iter().map(|n| n.0).chain(["lang-switch"]) {
            assert!(s.inside_viewport(testid).await?, "{testid} is off screen");
        }
        Ok(())
    })
    .await;
}
