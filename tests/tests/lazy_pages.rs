//! Pages whose code is a wasm chunk of its own: fetched on first use, and a chunk that cannot
//! be fetched says so (in the reader's language) and can be fetched again, never a blank page.

use poolcalc_e2e::{Options, Session, TestResult, default_pool_name, run};

/// Makes every later fetch of a page's chunk fail, as a dropped connection would.
const BLOCK_CHUNKS: &str = "window.__realFetch = window.fetch;
    window.fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (/\\/(split|chunk)_[^/]*\\.wasm$/.test(url)) {
        return Promise.reject(new TypeError('chunk blocked by the test'));
      }
      return window.__realFetch(input, init);
    };
    return true;";

const UNBLOCK_CHUNKS: &str = "window.fetch = window.__realFetch; return true;";

/// Wasm files the page has fetched so far, by name.
async fn wasm_fetched(s: &Session) -> TestResult<Vec<String>> {
    let names = s
        .js("return performance.getEntriesByType('resource')
                .map(e => e.name.split('/').pop())
                .filter(n => n.endsWith('.wasm'));")
        .await?;
    let mut names: Vec<String> = names
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    // A preload and the fetch that uses it may each leave an entry.
    names.sort();
    names.dedup();
    Ok(names)
}

#[tokio::test]
async fn overview_loads_no_page_chunk_and_fees_fetches_its_own() {
    run(
        "overview_loads_no_page_chunk_and_fees_fetches_its_own",
        Options::desktop(),
        |s| async move {
            s.open("").await?;
            s.wait_text("pool-name", &default_pool_name("en")?).await?;
            s.wait_text("page-title", "Overview").await?;
            let first = wasm_fetched(&s).await?;
            assert_eq!(
                first,
                ["poolcalc-web_bg.wasm"],
                "first page fetched {first:?}"
            );

            s.click("nav-fees").await?;
            s.wait_text("page-title", "Fees").await?;
            let after = wasm_fetched(&s).await?;
            assert!(
                after.iter().any(|n| n == "split_fees.wasm"),
                "Fees did not fetch its chunk: {after:?}"
            );
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn a_chunk_that_cannot_be_fetched_says_so_and_can_be_retried() {
    run(
        "a_chunk_that_cannot_be_fetched_says_so_and_can_be_retried",
        Options::desktop(),
        |s| async move {
            s.open("").await?;
            s.wait_text("pool-name", &default_pool_name("en")?).await?;
            s.js(BLOCK_CHUNKS).await?;
            s.click("nav-fees").await?;
            s.wait_js(
                "the chunk-failed message",
                "const e = document.querySelector('[data-testid=chunk-failed] h1');
                 return !!e && e.textContent.trim() === 'This page could not be loaded';",
            )
            .await?;
            // The shell is still alive around the message.
            s.wait_text("nav-overview", "Overview").await?;

            s.js(UNBLOCK_CHUNKS).await?;
            s.click("chunk-retry").await?;
            s.wait_text("page-title", "Fees").await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn the_chunk_failed_message_is_in_chinese_for_a_chinese_reader() {
    run(
        "the_chunk_failed_message_is_in_chinese_for_a_chinese_reader",
        Options::desktop().language("zh-CN"),
        |s| async move {
            s.open("").await?;
            s.wait_text("pool-name", &default_pool_name("zh")?).await?;
            s.js(BLOCK_CHUNKS).await?;
            s.click("nav-shares").await?;
            s.wait_js(
                "the chunk-failed message in Chinese",
                "const e = document.querySelector('[data-testid=chunk-failed] h1');
                 return !!e && e.textContent.trim() === '无法加载此页面';",
            )
            .await?;
            s.wait_text("chunk-retry", "重试").await?;
            Ok(())
        },
    )
    .await;
}
