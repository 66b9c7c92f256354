//! The Content-Security-Policy in a real browser: every page renders with nothing refused,
//! a script put into the page at run time does not run, and the server sends the same policy
//! as a header.

use poolcalc_e2e::{Options, Session, TestResult, default_dataset, default_pool_name, run};

/// What the browser says when a policy refuses something (script, style, connection, …).
fn refusals(log: &[String]) -> Vec<&String> {
    log.iter()
        .filter(|line| line.contains("Content Security Policy") || line.contains("Refused to"))
        .collect()
}

/// Every route of the app, a member's and a patent's page and an unknown address included.
fn pages() -> TestResult<Vec<String>> {
    let (_, ds) = default_dataset()?;
    let member = ds["members"][0]["id"].as_str().ok_or("no member")?;
    let patent = ds["patents"][0]["id"].as_str().ok_or("no patent")?;
    let mut pages: Vec<String> = [
        "",
        "fees",
        "shares",
        "scenarios",
        "data",
        "members",
        "patents",
    ]
    .iter()
    .map(|p| (*p).to_owned())
    .collect();
    pages.push(format!("members/{member}"));
    pages.push(format!("patents/{patent}"));
    pages.push("no/such/page".to_owned());
    Ok(pages)
}

async fn wait_rendered(s: &Session) -> TestResult {
    s.wait_text("pool-name", &default_pool_name("en")?).await?;
    s.wait_js(
        "the page's title",
        "const e = document.querySelector('[data-testid=page-title], main h1');
         return !!e && e.textContent.trim().length > 0;",
    )
    .await
}

#[tokio::test]
async fn no_page_breaks_the_content_security_policy() {
    run(
        "no_page_breaks_the_content_security_policy",
        Options::desktop(),
        |s| async move {
            for page in pages()? {
                s.open(&page).await?;
                wait_rendered(&s).await?;
                // The fees page draws its chart legend after the first result settles.
                if page == "fees" {
                    s.wait_js(
                        "the fees results",
                        "return !!document.querySelector('.fees-swatch');",
                    )
                    .await?;
                }
                let log = s.browser_log().await?;
                let refused = refusals(&log);
                assert!(refused.is_empty(), "/{page}: {refused:#?}");
            }

            // The policy is in force: a script put into the page does not run, and the
            // browser says so (the check above would see an unhashed inline script).
            let ran = s
                .js("const el = document.createElement('script');
                     el.textContent = 'window.__injected = true;';
                     document.head.appendChild(el);
                     return window.__injected === true;")
                .await?;
            assert_eq!(ran, serde_json::json!(false), "an injected script ran");
            let log = s.browser_log().await?;
            assert!(!refusals(&log).is_empty(), "no refusal logged: {log:#?}");

            // The server sends the page's policy as a header, plus what only a header can say.
            let same = s
                .js("const meta = document.querySelector('meta[http-equiv=Content-Security-Policy]');
                     return fetch(location.href, { cache: 'no-store' }).then((r) =>
                       r.headers.get('content-security-policy') ===
                         meta.content + \"; frame-ancestors 'none'\");")
                .await?;
            assert_eq!(same, serde_json::json!(true), "header and <meta> differ");
            let meta = s
                .js("return document.querySelector('meta[http-equiv=Content-Security-Policy]').content;")
                .await?;
            let meta = meta.as_str().unwrap_or_default();
            // The split build starts the wasm from a module file: no inline script, no hash.
            assert!(!meta.contains("'unsafe-inline'"), "{meta}");
            for part in [
                "script-src 'self' 'wasm-unsafe-eval'",
                "object-src 'none'",
                "base-uri 'none'",
                "default-src 'self'",
            ] {
                assert!(meta.contains(part), "{part} missing from {meta}");
            }
            Ok(())
        },
    )
    .await;
}
