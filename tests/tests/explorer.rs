//! The pool explorer in a real browser: members, patents with filters in the URL, deep links,
//! the virtualized list, and the timing of the 100,000-patent pool (printed, not asserted).

use fantoccini::Locator;
use poolcalc_e2e::{Options, Session, TestResult, default_pool_name, report_metric, run};
use serde_json::Value;

async fn wait_contains(s: &Session, testid: &str, part: &str) -> TestResult {
    let script = format!(
        "const e = document.querySelector('[data-testid=\"{testid}\"]');
         return !!e && e.textContent.includes({part:?});"
    );
    s.wait_js(
        &format!("[data-testid={testid}] to contain {part:?}"),
        &script,
    )
    .await
}

async fn count(s: &Session, selector: &str) -> TestResult<u64> {
    Ok(s.js(&format!(
        "return document.querySelectorAll('{selector}').length;"
    ))
    .await?
    .as_u64()
    .unwrap_or(0))
}

/// Opens the worked example (6 patents, 3 members) through the Data page.
async fn open_worked_example(s: &Session) -> TestResult {
    s.open("data").await?;
    s.wait_text("pool-name", &default_pool_name("en")?).await?;
    s.click("data-open-worked-example").await?;
    s.wait_text("pool-name", "Worked example pool").await
}

#[tokio::test]
async fn patents_filter_in_the_url_and_deep_links_open() {
    run(
        "patents_filter_in_the_url_and_deep_links_open",
        Options::desktop(),
        |s| async move {
            open_worked_example(&s).await?;
            // A filtered view opened from its address.
            s.open("patents?country=CN").await?;
            s.wait_text("explorer-patent-count", "3 of 6 patents").await?;
            // Typing narrows it further, and the address follows.
            let field = s
                .client
                .find(Locator::Css("[data-testid=\"explorer-filter-text\"]"))
                .await?;
            field.send_keys("CN2").await?;
            s.wait_text("explorer-patent-count", "2 of 6 patents").await?;
            s.wait_js(
                "the filter in the address",
                "return location.search.includes('q=CN2') && location.search.includes('country=CN');",
            )
            .await?;
            // The address reopens the same view after a reload.
            s.client.refresh().await?;
            s.wait_text("explorer-patent-count", "2 of 6 patents").await?;

            // Follow a row to the patent's page, then to its family.
            s.client
                .find(Locator::Css("[data-testid=\"explorer-patent-row\"] .c-id a"))
                .await?
                .click()
                .await?;
            s.wait_text("page-title", "b1").await?;
            s.wait_text("explorer-patent-number", "CN2000001").await?;
            s.click("explorer-patent-family").await?;
            s.wait_text("explorer-patent-count", "2 of 6 patents").await?;
            s.wait_js("family in the address", "return location.search === '?family=fb';")
                .await?;

            // A deep link to a patent and to a member.
            s.open("patents/g1").await?;
            s.wait_text("page-title", "g1").await?;
            s.click("explorer-patent-member").await?;
            s.wait_text("page-title", "Gamma GmbH").await?;
            s.wait_text("explorer-member-country", "DE").await?;
            s.open("patents/nope").await?;
            s.wait_text("page-title", "Patent not found").await?;

            // Status and expiry filters together.
            s.open("patents?status=invalidated").await?;
            s.wait_text("explorer-patent-count", "1 of 6 patents").await?;
            s.open("patents?expires_from=2030&expires_to=2031").await?;
            s.wait_text("explorer-patent-count", "2 of 6 patents").await?;
            s.click("explorer-filter-clear").await?;
            s.wait_text("explorer-patent-count", "6 of 6 patents").await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn members_sort_filter_and_open() {
    run(
        "members_sort_filter_and_open",
        Options::desktop(),
        |s| async move {
            open_worked_example(&s).await?;
            s.click("nav-overview").await?;
            s.click("explorer-nav-members").await?;
            s.wait_text("explorer-member-count", "3 members shown").await?;
            let first = "return document.querySelector('[data-testid=explorer-member-row] th').textContent.trim();";
            assert_eq!(s.js(first).await?, Value::String("Alpha Corp".into()));
            // Joined, newest first: beta joined 2028.
            s.click("explorer-sort-joined").await?;
            s.click("explorer-sort-joined").await?;
            s.wait_js(
                "beta first",
                "return document.querySelector('[data-testid=explorer-member-row] th').textContent.trim() === 'Beta Ltd';",
            )
            .await?;
            let field = s
                .client
                .find(Locator::Css("[data-testid=\"explorer-member-filter\"]"))
                .await?;
            field.send_keys("gamma").await?;
            s.wait_text("explorer-member-count", "1 members shown").await?;
            s.client
                .find(Locator::Css("[data-testid=\"explorer-member-row\"] a"))
                .await?
                .click()
                .await?;
            s.wait_text("page-title", "Gamma GmbH").await?;
            s.wait_text("explorer-member-patents", "1").await?;
            s.open("members/nobody").await?;
            s.wait_text("page-title", "Member not found").await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn overview_fits_a_phone_and_has_a_chart_with_a_table() {
    run(
        "overview_fits_a_phone_and_has_a_chart_with_a_table",
        Options::phone(),
        |s| async move {
            s.open("").await?;
            s.wait_text("explorer-pool-name", &default_pool_name("en")?).await?;
            s.wait_js(
                "the coverage chart and its table",
                "return !!document.querySelector('[data-testid=explorer-coverage-chart] rect')
                    && document.querySelectorAll('[data-testid=explorer-coverage-table] tbody tr').length > 3;",
            )
            .await?;
            for path in ["", "members", "patents", "data"] {
                s.open(path).await?;
                s.wait_text("pool-name", &default_pool_name("en")?).await?;
                s.wait_js(
                    &format!("no horizontal scrolling on /{path}"),
                    "return document.documentElement.scrollWidth <= window.innerWidth;",
                )
                .await?;
            }
            Ok(())
        },
    )
    .await;
}

/// Loads the 100,000-patent pool and reports how long it takes (budget 2 s), then how long a
/// patent filter takes to update (budget 100 ms). Prints; asserts only that it works and that
/// the list keeps fewer than 200 rows in the page.
#[tokio::test]
async fn timing_of_the_100k_pool() {
    run("timing_of_the_100k_pool", Options::desktop(), |s| async move {
        s.open("data").await?;
        s.wait_text("pool-name", &default_pool_name("en")?).await?;
        s.js("window.__t0 = performance.now();
              document.querySelector('[data-testid=\"data-open-synth-100k\"]').click();
              return true;")
            .await?;
        // The progress indicator shows while it loads.
        s.wait_text("pool-name", "Synthetic pool (100000 patents)").await?;
        let loaded = s.js("return performance.now() - window.__t0;").await?;
        s.js("window.__t1 = performance.now();
              document.querySelector('[data-testid=\"nav-overview\"]').click();
              return true;")
            .await?;
        s.wait_js(
            "the overview of the 100k pool",
            "return !!document.querySelector('[data-testid=explorer-count-patents]')
                && !!document.querySelector('[data-testid=explorer-coverage-chart]');",
        )
        .await?;
        let overview = s.js("return performance.now() - window.__t1;").await?;
        let loaded = loaded.as_f64().unwrap_or(f64::NAN);
        let overview = overview.as_f64().unwrap_or(f64::NAN);
        report_metric(&format!(
            "100k pool: fetch + validate + index {loaded:.0} ms, overview {overview:.0} ms, total {:.0} ms (budget 2000 ms; 50 ms polling granularity)",
            loaded + overview
        ));

        s.click("explorer-nav-patents").await?;
        s.wait_text("explorer-patent-count", "100,000 of 100,000 patents").await?;
        let rows = count(&s, "[data-testid=explorer-patent-row]").await?;
        assert!(rows > 0 && rows < 200, "{rows} rows in the page");
        // Scroll far down: still few rows, and the right ones.
        s.js("const l = document.querySelector('[data-testid=explorer-patent-list]'); l.scrollTop = 36 * 50000; l.dispatchEvent(new Event('scroll')); return true;").await?;
        s.wait_js(
            "rows near patent 50,000",
            "return [...document.querySelectorAll('[data-testid=explorer-patent-row] .c-id')].some(e => e.textContent.trim() === 'p050001');",
        )
        .await?;
        let rows = count(&s, "[data-testid=explorer-patent-row]").await?;
        assert!(rows < 200, "{rows} rows in the page after scrolling");

        // Time from typing to the new count in the page.
        for (label, query) in [("text 'p0999'", "p0999"), ("text 'US'", "US")] {
            s.js(&format!(
                "const input = document.querySelector('[data-testid=explorer-filter-text]');
                 const status = document.querySelector('[data-testid=explorer-patent-count]');
                 const before = status.textContent;
                 window.__filter_ms = null;
                 const t0 = performance.now();
                 const obs = new MutationObserver(() => {{
                   if (status.textContent !== before) {{ window.__filter_ms = performance.now() - t0; obs.disconnect(); }}
                 }});
                 obs.observe(status, {{ subtree: true, childList: true, characterData: true }});
                 input.value = {query:?};
                 input.dispatchEvent(new Event('input', {{ bubbles: true }}));
                 return true;"
            ))
            .await?;
            s.wait_js("the filter's new count", "return window.__filter_ms !== null;")
                .await?;
            let ms = s.js("return window.__filter_ms;").await?.as_f64().unwrap_or(f64::NAN);
            report_metric(&format!(
                "100k pool: patent filter {label} updated in {ms:.1} ms (budget 100 ms)"
            ));
        }
        wait_contains(&s, "explorer-patent-count", "of 100,000 patents").await?;
        Ok(())
    })
    .await;
}
