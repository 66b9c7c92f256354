//! Saved data in a real browser: a damaged or newer entry is reported, kept aside and
//! offered for download instead of being overwritten by defaults; a save the browser refuses
//! is said; a CSV import adds to the rows already typed and can be undone.

use fantoccini::Locator;
use poolcalc_e2e::{Options, Session, TestResult, default_dataset, default_pool_name, run};
use serde_json::{Value, json};

fn pool_id() -> TestResult<String> {
    let (_, ds) = default_dataset()?;
    Ok(ds["pool"]["id"].as_str().ok_or("no pool id")?.to_owned())
}

async fn stored(s: &Session, key: &str) -> TestResult<Value> {
    Ok(s.client
        .execute(
            "return localStorage.getItem(arguments[0]);",
            vec![json!(key)],
        )
        .await?)
}

async fn put(s: &Session, key: &str, value: &str) -> TestResult {
    s.client
        .execute(
            "localStorage.setItem(arguments[0], arguments[1]); return true;",
            vec![json!(key), json!(value)],
        )
        .await?;
    Ok(())
}

/// Waits until the page has saved `key` in this version's envelope.
async fn wait_saved(s: &Session, key: &str) -> TestResult {
    s.wait_js(
        &format!("{key} saved again"),
        &format!(
            "const v = localStorage.getItem({key:?});
             try {{ const o = JSON.parse(v); return o !== null && o.v === 1 && 'data' in o; }}
             catch (e) {{ return false; }}"
        ),
    )
    .await
}

#[tokio::test]
async fn a_damaged_fees_form_is_kept_aside_and_offered_for_download() {
    run(
        "a_damaged_fees_form_is_kept_aside_and_offered_for_download",
        Options::desktop(),
        |s| async move {
            let key = format!("poolcalc.fees.{}", pool_id()?);
            let damaged = r#"{"licensee": "Acme", "rows": [{"year": "2026", "#;
            s.open("").await?;
            s.wait_text("pool-name", &default_pool_name("en")?).await?;
            put(&s, &key, damaged).await?;
            s.open("fees").await?;
            s.wait_contains(
                "storage-notice",
                "Saved data (the fees form) could not be read",
            )
            .await?;
            s.wait_text("storage-download", "Download the kept copy")
                .await?;
            // The page saves its fresh form, and the damaged text is still there, aside.
            wait_saved(&s, &key).await?;
            let backup = format!("poolcalc.backup.{key}");
            assert_eq!(stored(&s, &backup).await?, json!(damaged));
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn shares_inputs_from_a_newer_version_are_kept_aside() {
    run(
        "shares_inputs_from_a_newer_version_are_kept_aside",
        Options::desktop(),
        |s| async move {
            let key = format!("poolcalc.shares.{}", pool_id()?);
            let newer = r#"{"v":99,"data":{"tab":"join","something":"new"}}"#;
            s.open("").await?;
            s.wait_text("pool-name", &default_pool_name("en")?).await?;
            put(&s, &key, newer).await?;
            s.open("shares").await?;
            s.wait_contains(
                "storage-notice",
                "written by a newer version of poolcalc (format 99)",
            )
            .await?;
            wait_saved(&s, &key).await?;
            assert_eq!(
                stored(&s, &format!("poolcalc.backup.{key}")).await?,
                json!(newer)
            );
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn a_save_the_browser_refuses_is_said_and_cleared_once_it_works() {
    run(
        "a_save_the_browser_refuses_is_said_and_cleared_once_it_works",
        Options::desktop(),
        |s| async move {
            s.open("fees").await?;
            s.wait_text("pool-name", &default_pool_name("en")?).await?;
            s.wait_js(
                "the licensee field",
                "return !!document.querySelector('#fees-licensee');",
            )
            .await?;
            // Fill localStorage to its quota.
            s.js("let size = 1 << 20, i = 0;
                  while (size >= 16) {
                    try { localStorage.setItem('filler.' + i, 'x'.repeat(size)); i++; }
                    catch (e) { size = size >> 1; }
                  }
                  return i;")
                .await?;
            let field = s.client.find(Locator::Css("#fees-licensee")).await?;
            field
                .send_keys(" and a name long enough not to fit anywhere")
                .await?;
            s.wait_contains(
                "storage-notice",
                "This browser refused to save the fees form",
            )
            .await?;
            // Room again: the next save works and the notice goes.
            s.js(
                "Object.keys(localStorage).filter((k) => k.startsWith('filler.'))
                    .forEach((k) => localStorage.removeItem(k)); return true;",
            )
            .await?;
            field.send_keys("!").await?;
            s.wait_js(
                "the notice gone",
                "return !document.querySelector('[data-testid=storage-notice]');",
            )
            .await?;
            Ok(())
        },
    )
    .await;
}

/// The units of every sales row shown, as a JS expression.
const UNITS: &str = "Array.from(document.querySelectorAll('tr.fees-row input[data-testid$=\"-units\"]')).map((e) => e.value)";

/// The numbers of the candidate's patent rows, as a JS expression giving JSON.
const NUMBERS: &str = "JSON.stringify(Array.from(document.querySelectorAll('input[data-testid^=\"shares-row-\"][data-testid$=\"-number\"]')).map((e) => e.value))";

#[tokio::test]
async fn a_sales_csv_import_adds_to_the_rows_and_can_be_undone() {
    run(
        "a_sales_csv_import_adds_to_the_rows_and_can_be_undone",
        Options::desktop(),
        |s| async move {
            let (_, ds) = default_dataset()?;
            let product = ds["products"][0]["id"].as_str().ok_or("no product")?;
            s.open("fees").await?;
            s.wait_text("pool-name", &default_pool_name("en")?).await?;
            s.wait_js(
                "the sales table",
                "return !!document.querySelector('[data-testid=\"fees-row-0-units\"]');",
            )
            .await?;
            let before = s.js(&format!("return JSON.stringify({UNITS});")).await?;
            let before = before.as_str().ok_or("no rows")?.to_owned();
            let typed: Vec<String> = serde_json::from_str(&before)?;
            assert!(!typed.is_empty(), "the form starts with rows");

            let dir =
                std::env::temp_dir().join(format!("poolcalc-e2e-import-{}", std::process::id()));
            std::fs::create_dir_all(&dir)?;
            let csv = dir.join("sales.csv");
            std::fs::write(
                &csv,
                format!(
                    "year,product,country,units\n2030,{product},CN,111\n2031,{product},CN,222\n"
                ),
            )?;
            let input = s
                .client
                .find(Locator::Css("[data-testid=\"fees-import\"]"))
                .await?;
            input.send_keys(&csv.to_string_lossy()).await?;
            let mut expected = typed.clone();
            expected.extend(["111".to_owned(), "222".to_owned()]);
            let expected = serde_json::to_string(&expected)?;
            s.wait_js(
                "the imported rows after the typed ones",
                &format!("return JSON.stringify({UNITS}) === {expected:?};"),
            )
            .await?;

            s.click("fees-import-undo").await?;
            s.wait_js(
                "the rows as before",
                &format!("return JSON.stringify({UNITS}) === {before:?};"),
            )
            .await?;
            let _ = std::fs::remove_dir_all(&dir);
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn a_candidate_csv_import_adds_to_the_rows_and_can_be_undone() {
    run(
        "a_candidate_csv_import_adds_to_the_rows_and_can_be_undone",
        Options::desktop(),
        |s| async move {
            s.open("shares").await?;
            s.wait_text("pool-name", &default_pool_name("en")?).await?;
            s.click("shares-tab-join").await?;
            let paste = |csv: &str| {
                format!(
                    "const t = document.querySelector('[data-testid=\"shares-import-text\"]');
                     t.value = {}; t.dispatchEvent(new Event('input', {{bubbles: true}})); return true;",
                    serde_json::to_string(csv).unwrap_or_default()
                )
            };
            let rows_are = |list: &str| format!("return {NUMBERS} === {list:?};");
            let header = "number,country,family,granted,expires,weight\n";
            s.js(&paste(&format!("{header}A-1,CN,,,2040-01-01,\n"))).await?;
            s.click("shares-import-button").await?;
            s.wait_js("one imported row", &rows_are(r#"["A-1"]"#)).await?;
            s.js(&paste(&format!("{header}B-1,CN,,,2041-01-01,\nB-2,CN,,,2042-01-01,\n")))
                .await?;
            s.click("shares-import-button").await?;
            s.wait_js("the second import after the first", &rows_are(r#"["A-1","B-1","B-2"]"#))
                .await?;
            s.click("shares-import-undo").await?;
            s.wait_js("the rows as before the second import", &rows_are(r#"["A-1"]"#))
                .await?;
            Ok(())
        },
    )
    .await;
}
