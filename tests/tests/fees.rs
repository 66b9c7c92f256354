//! The fee calculator in a real browser: a usage profile imported through the file input
//! gives, on screen, exactly what `poolcalc fees --json` gives on the same files; a malformed
//! number is flagged on its field and survives a reload with its row; rows by keyboard;
//! paging of long tables; the printed report's length; a phone's width; the recomputation
//! time after an edit (printed against the 16 ms budget).

use fantoccini::Locator;
use fantoccini::wd::{PrintConfiguration, PrintSize};
use poolcalc_e2e::profile::usage_file;
use poolcalc_e2e::{
    Options, Session, TestResult, default_dataset, dist_dir, grouped, pdf_pages, report_metric,
    run, run_cli,
};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// The usage profile of the dataset's first licensee (a real mix of products, countries,
/// tiers and caps), as a file of its own.
fn licensee_profile(dataset: &Value, name: &str) -> TestResult<PathBuf> {
    let licensee = dataset["licensees"]
        .as_array()
        .and_then(|l| l.first())
        .ok_or("the default dataset has no licensees to take a profile from")?;
    usage_file(licensee, 1, name)
}

/// `poolcalc fees --json` on the same files.
fn cli_fees(dataset: &Path, usage: &Path) -> TestResult<Value> {
    run_cli(&[
        "fees".as_ref(),
        "--dataset".as_ref(),
        dataset.as_os_str(),
        "--usage".as_ref(),
        usage.as_os_str(),
        "--json".as_ref(),
    ])
}

async fn import_file(s: &Session, path: &Path) -> TestResult {
    let input = s
        .client
        .find(Locator::Css("[data-testid=\"fees-import\"]"))
        .await?;
    input
        .send_keys(path.to_str().ok_or("temp path is not UTF-8")?)
        .await?;
    Ok(())
}

/// Waits for the sales table the page opens with.
async fn wait_sales_table(s: &Session) -> TestResult {
    s.wait_js(
        "the sales table",
        "return document.querySelector('[data-testid=\"fees-row-0-units\"]') !== null;",
    )
    .await
}

async fn input_value(s: &Session, testid: &str) -> TestResult<String> {
    Ok(s.js(&format!(
        "const e = document.querySelector('[data-testid=\"{testid}\"]'); return e ? e.value : null;"
    ))
    .await?
    .as_str()
    .unwrap_or_default()
    .to_owned())
}

async fn row_count(s: &Session) -> TestResult<u64> {
    Ok(
        s.js("return document.querySelectorAll('tr.fees-row').length;")
            .await?
            .as_u64()
            .unwrap_or(0),
    )
}

#[tokio::test]
async fn imported_profile_matches_the_cli() {
    run(
        "imported_profile_matches_the_cli",
        Options::desktop(),
        |s| async move {
            let (dataset_path, dataset) = default_dataset()?;
            let usage = licensee_profile(&dataset, "cli-match")?;
            let expected = cli_fees(&dataset_path, &usage)?;
            let currency = expected["currency"]
                .as_str()
                .ok_or("no currency")?
                .to_owned();
            let shown =
                |amount: &Value| format!("{} {currency}", grouped(amount.as_str().unwrap_or("?")));

            s.open("fees").await?;
            wait_sales_table(&s).await?;
            import_file(&s, &usage).await?;
            s.wait_text("fees-total", &shown(&expected["total"]))
                .await?;

            let years = expected["years"].as_array().ok_or("no years")?;
            assert!(!years.is_empty());
            let mut checked = 0;
            for y in years {
                let year = y["year"].as_i64().ok_or("year")?;
                s.wait_text(&format!("fees-year-{year}-payable"), &shown(&y["payable"]))
                    .await?;
                for line in y["lines"].as_array().into_iter().flatten() {
                    let id = format!(
                        "fees-line-{year}-{}-{}-amount",
                        line["product"].as_str().unwrap_or(""),
                        line["region"].as_str().unwrap_or("")
                    );
                    s.wait_text(&id, &shown(&line["amount"])).await?;
                    checked += 1;
                }
                for c in y["countries"].as_array().into_iter().flatten() {
                    let id = format!(
                        "fees-country-{year}-{}-amount",
                        c["country"].as_str().unwrap_or("")
                    );
                    s.wait_text(&id, &shown(&c["amount"])).await?;
                    checked += 1;
                }
            }
            println!(
                "{} years, {checked} line and country amounts equal to poolcalc fees --json",
                years.len()
            );
            // Nothing on the page is marked as not computable.
            assert_eq!(s.text("fees-error").await, None);
            let _ = std::fs::remove_file(&usage);
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn malformed_number_is_flagged_and_survives_reload() {
    run(
        "malformed_number_is_flagged_and_survives_reload",
        Options::desktop(),
        |s| async move {
            s.open("fees").await?;
            wait_sales_table(&s).await?;
            let rows = row_count(&s).await?;
            assert!(rows > 0);
            let units = s.client.find(Locator::Css("[data-testid=\"fees-row-0-units\"]")).await?;
            units.clear().await?;
            units.send_keys("12x").await?;
            s.wait_text("fees-row-0-units-error", "Not a whole number of units, e.g. 250000.")
                .await?;
            assert_eq!(units.attr("aria-invalid").await?.as_deref(), Some("true"));

            s.client.refresh().await?;
            s.wait_js(
                "the typed text back in its field",
                "const e = document.querySelector('[data-testid=\"fees-row-0-units\"]'); return !!e && e.value === '12x';",
            )
            .await?;
            s.wait_text("fees-row-0-units-error", "Not a whole number of units, e.g. 250000.")
                .await?;
            assert_eq!(row_count(&s).await?, rows, "every row is still there");

            // Corrected, the row is charged again and the mark goes.
            let units = s.client.find(Locator::Css("[data-testid=\"fees-row-0-units\"]")).await?;
            units.clear().await?;
            units.send_keys("120000").await?;
            s.wait_js(
                "the error mark to go",
                "return document.querySelector('[data-testid=\"fees-row-0-units-error\"]') === null;",
            )
            .await?;
            assert_eq!(input_value(&s, "fees-row-0-units").await?, "120000");

            // A number past what a sale may hold is flagged too, and the page keeps working.
            units.clear().await?;
            units.send_keys("12345678901234567890").await?;
            s.wait_text("fees-row-0-units-error", "At most 1,000,000,000,000 units in one sale.")
                .await?;
            units.clear().await?;
            units.send_keys("130000").await?;
            s.wait_js(
                "the error mark to go again",
                "return document.querySelector('[data-testid=\"fees-row-0-units-error\"]') === null;",
            )
            .await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn rows_are_added_copied_and_removed_by_keyboard() {
    run(
        "rows_are_added_copied_and_removed_by_keyboard",
        Options::desktop(),
        |s| async move {
            s.open("fees").await?;
            wait_sales_table(&s).await?;
            let rows = row_count(&s).await?;
            s.press_enter_on("fees-add-row").await?;
            s.wait_js(
                "a new row with focus in its year",
                &format!(
                    "return document.querySelectorAll('tr.fees-row').length === {} && document.activeElement.getAttribute('data-testid') === 'fees-row-{rows}-year';",
                    rows + 1
                ),
            )
            .await?;

            s.press_enter_on("fees-row-0-copy").await?;
            s.wait_js(
                "a copy below row 1",
                &format!("return document.querySelectorAll('tr.fees-row').length === {};", rows + 2),
            )
            .await?;
            assert_eq!(
                input_value(&s, "fees-row-1-units").await?,
                input_value(&s, "fees-row-0-units").await?
            );

            s.press_enter_on("fees-row-1-remove").await?;
            s.wait_js(
                "the copy removed",
                &format!("return document.querySelectorAll('tr.fees-row').length === {};", rows + 1),
            )
            .await?;

            // A copy outlives the row it was copied from, and still counts.
            s.press_enter_on("fees-row-0-copy").await?;
            s.press_enter_on("fees-row-0-remove").await?;
            s.wait_js(
                "the origin removed",
                &format!("return document.querySelectorAll('tr.fees-row').length === {};", rows + 1),
            )
            .await?;
            let before = s.text("fees-total").await.ok_or("no total")?;
            let units = s.client.find(Locator::Css("[data-testid=\"fees-row-0-units\"]")).await?;
            units.clear().await?;
            units.send_keys("2500000").await?;
            s.wait_js(
                "the total to follow the copy's new units",
                &format!("const t = document.querySelector('[data-testid=\"fees-total\"]'); return !!t && t.textContent !== {before:?};"),
            )
            .await?;
            Ok(())
        },
    )
    .await;
}

/// Sales rows for the default dataset's products: `per_year` rows in each of `years`.
fn big_profile(
    dataset: &Value,
    years: std::ops::RangeInclusive<i64>,
    per_year: usize,
    name: &str,
) -> TestResult<PathBuf> {
    let products: Vec<(String, Option<String>)> = dataset["products"]
        .as_array()
        .ok_or("no products")?
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap_or("").to_owned(),
                p["typical_price"].as_str().map(str::to_owned),
            )
        })
        .collect();
    let countries = [
        "CN", "US", "DE", "JP", "KR", "IN", "BR", "GB", "FR", "VN", "MX", "ID",
    ];
    let mut out_years = Vec::new();
    for year in years {
        let sales: Vec<Value> = (0..per_year)
            .map(|i| {
                let (product, price) = &products[i % products.len()];
                let mut s = json!({
                    "product": product,
                    "country": countries[i % countries.len()],
                    "units": 10_000 + 1_000 * i as u64,
                });
                if let Some(p) = price {
                    s["price"] = json!(p);
                }
                s
            })
            .collect();
        out_years.push(json!({"year": year, "sales": sales}));
    }
    let usage = json!({"format": "patent-pool-usage", "version": 1, "licensee": "Timing", "signed": "2020-01-01", "years": out_years});
    let path =
        std::env::temp_dir().join(format!("poolcalc-e2e-{}-{name}.json", std::process::id()));
    std::fs::write(&path, serde_json::to_string(&usage)?)?;
    Ok(path)
}

#[tokio::test]
async fn recomputation_time_after_an_edit() {
    run("recomputation_time_after_an_edit", Options::desktop(), |s| async move {
        // The HEVC-style pool (tiers by region, group and enterprise caps, royalty only
        // where a patent is in force), chosen on the Data page as a person would.
        let path = dist_dir().join("datasets/hevc-advance-style.json");
        let dataset: Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
        let pool_name = dataset["pool"]["name"]["en"].as_str().ok_or("pool name")?.to_owned();
        s.open("data").await?;
        s.wait_js(
            "the bundled dataset list",
            "return document.querySelector('[data-testid=\"data-open-hevc-advance-style\"]') !== null;",
        )
        .await?;
        s.click("data-open-hevc-advance-style").await?;
        s.wait_text("pool-name", &pool_name).await?;
        let first = dataset["rate_schedules"]
            .as_array()
            .and_then(|r| r.last())
            .and_then(|r| r["from_year"].as_i64())
            .ok_or("no schedule")?;
        let profile = big_profile(&dataset, first..=first + 4, 40, "timing")?;
        s.click("nav-fees").await?;
        s.wait_text("page-title", "Fees").await?;
        wait_sales_table(&s).await?;
        import_file(&s, &profile).await?;
        s.wait_text("fees-rows-shown", "Rows 1–25 of 200").await?;
        s.wait_js("the total", "return !!document.querySelector('[data-testid=\"fees-total\"]');")
            .await?;
        let mut times = Vec::new();
        for k in 0..5 {
            // From the input event to the results on screen changing (units sold always
            // change), in the page's own clock. Row 1 is a sale in the US, where the pool
            // has patents in force, so its royalty changes too. Then the style and layout
            // of the changed page, forced at once, and the first frame after it.
            let (ms, laid, painted) = s
                .timed_edit("fees-row-1-units", ".fees-results", &(500_000 + k * 7_919).to_string())
                .await?;
            let engine = s.last_measure("poolcalc-fees-eval").await?;
            times.push((ms, laid, painted, engine));
        }
        let name = dataset["pool"]["id"].as_str().unwrap_or("?");
        for (ms, laid, painted, engine) in &times {
            report_metric(&format!("fees recomputation, 200 rows × 5 years on {name}: edit → results in the page {ms:.1} ms, laid out {laid:.1} ms, next frame {painted:.1} ms (engine {engine:.1} ms; budget 16 ms)"));
        }
        let _ = std::fs::remove_file(&profile);
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_long_table_is_paged_and_rows_keep_their_numbers() {
    run(
        "a_long_table_is_paged_and_rows_keep_their_numbers",
        Options::desktop(),
        |s| async move {
            let (_, dataset) = default_dataset()?;
            let profile = big_profile(&dataset, 2026..=2030, 40, "paged")?;
            s.open("fees").await?;
            wait_sales_table(&s).await?;
            import_file(&s, &profile).await?;
            s.wait_text("fees-rows-shown", "Rows 1–25 of 200").await?;
            assert_eq!(row_count(&s).await?, 25, "one page of rows at a time");

            // A copy of the first row, then the page it is on is left: the copy must outlive
            // the row component it was made from.
            s.press_enter_on("fees-row-0-copy").await?;
            s.wait_text("fees-rows-shown", "Rows 1–25 of 201").await?;
            let total = s.text("fees-total").await.ok_or("no total")?;

            s.press_enter_on("fees-page-next").await?;
            s.wait_text("fees-rows-shown", "Rows 26–50 of 201").await?;
            s.wait_js(
                "row 26 shown with its number, row 1 gone",
                "return !!document.querySelector('[data-testid=\"fees-row-25-units\"]') && !document.querySelector('[data-testid=\"fees-row-0-units\"]');",
            )
            .await?;
            // Every row still counts, shown or not.
            assert_eq!(s.text("fees-total").await.as_deref(), Some(total.as_str()));

            // A slip on this page is listed on every page, and its button leads back to it.
            let units = s.client.find(Locator::Css("[data-testid=\"fees-row-30-units\"]")).await?;
            units.clear().await?;
            units.send_keys("3o000").await?;
            s.wait_text("fees-row-30-units-error", "Not a whole number of units, e.g. 250000.")
                .await?;
            s.press_enter_on("fees-page-prev").await?;
            s.wait_text("fees-rows-shown", "Rows 1–25 of 201").await?;
            s.wait_js(
                "row 31 listed as having a problem",
                "const f = document.querySelector('[data-testid=\"fees-flagged\"]'); return !!f && !!f.querySelector('[data-testid=\"fees-flagged-30\"]');",
            )
            .await?;
            s.press_enter_on("fees-flagged-30").await?;
            s.wait_text("fees-rows-shown", "Rows 26–50 of 201").await?;
            s.wait_js(
                "the cursor in the field with the slip",
                "return document.activeElement.getAttribute('data-testid') === 'fees-row-30-units';",
            )
            .await?;
            // The page was left and drawn again: the field is a new element.
            let units = s.client.find(Locator::Css("[data-testid=\"fees-row-30-units\"]")).await?;
            units.clear().await?;
            units.send_keys("30000").await?;
            s.wait_js(
                "the list gone once the slip is mended",
                "return !document.querySelector('[data-testid=\"fees-flagged\"]');",
            )
            .await?;

            s.press_enter_on("fees-add-row").await?;
            s.wait_text("fees-rows-shown", "Rows 201–202 of 202").await?;
            s.wait_js(
                "focus in the new row's year",
                "return document.activeElement.getAttribute('data-testid') === 'fees-row-201-year';",
            )
            .await?;

            s.client.refresh().await?;
            s.wait_text("fees-rows-shown", "Rows 1–25 of 202").await?;
            let _ = std::fs::remove_file(&profile);
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn fees_fit_a_phone() {
    run("fees_fit_a_phone", Options::phone(), |s| async move {
        let (_, dataset) = default_dataset()?;
        let profile = big_profile(&dataset, 2026..=2027, 20, "phone")?;
        s.open("fees").await?;
        wait_sales_table(&s).await?;
        import_file(&s, &profile).await?;
        s.wait_text("fees-rows-shown", "Rows 1–25 of 40").await?;
        s.wait_js(
            "the explanation and the charts",
            "return !!document.querySelector('.fees-steps') && !!document.querySelector('[data-testid=\"fees-bars-chart\"]');",
        )
        .await?;
        s.wait_js(
            "no horizontal scrolling of the page",
            "return document.documentElement.scrollWidth <= window.innerWidth;",
        )
        .await?;
        // The page buttons lie inside the screen.
        for testid in ["fees-page-prev", "fees-page-next", "fees-add-row"] {
            assert!(s.inside_viewport(testid).await?, "{testid} is off screen");
        }
        let _ = std::fs::remove_file(&profile);
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_one_year_report_prints_on_one_to_two_pages() {
    run(
        "a_one_year_report_prints_on_one_to_two_pages",
        Options::desktop(),
        |s| async move {
            s.open("fees").await?;
            wait_sales_table(&s).await?;
            // The opening profile: one year, a row per product, with a name and a date.
            for (id, text) in [("fees-licensee", "Print Test Ltd"), ("fees-signed", "2026-01-15")] {
                let field = s.client.find(Locator::Css(&format!("#{id}"))).await?;
                field.send_keys(text).await?;
            }
            s.wait_js(
                "the report with its explanation and charts",
                "return !!document.querySelector('[data-testid=\"fees-total\"]') && !!document.querySelector('[data-testid=\"fees-bars-chart\"]') && !!document.querySelector('.fees-steps');",
            )
            .await?;
            for (paper, size) in [("A4", PrintSize::A4), ("US Letter", PrintSize::US_LETTER)] {
                let pdf = s
                    .client
                    .print(
                        PrintConfiguration::builder()
                            .size(size)
                            .build()
                            .map_err(|e| format!("print settings: {e:?}"))?,
                    )
                    .await?;
                assert!(pdf.starts_with(b"%PDF"), "the print is not a PDF");
                let pages = pdf_pages(&pdf);
                println!("the one-year report prints on {pages} {paper} pages");
                assert!(
                    (1..=2).contains(&pages),
                    "the one-year report prints on {pages} {paper} pages, not one or two"
                );
            }
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn an_edit_followed_at_once_by_another_page_is_kept_and_the_app_keeps_working() {
    run(
        "an_edit_followed_at_once_by_another_page_is_kept_and_the_app_keeps_working",
        Options::desktop(),
        |s| async move {
            s.open("fees").await?;
            wait_sales_table(&s).await?;
            // Type and leave in the same moment: the save is still waiting for quiet, and the
            // page's late work (saving, the settled results) fires after it is gone.
            s.js("const e = document.querySelector('#fees-licensee');
                  e.value = 'Left at once';
                  e.dispatchEvent(new Event('input', {bubbles: true}));
                  document.querySelector('[data-testid=\"nav-overview\"]').click();
                  return true;")
                .await?;
            s.wait_text("page-title", "Overview").await?;
            tokio::time::sleep(std::time::Duration::from_millis(600)).await;
            s.click("nav-fees").await?;
            s.wait_text("page-title", "Fees").await?;
            s.wait_js(
                "the typed name back",
                "const e = document.querySelector('#fees-licensee'); return !!e && e.value === 'Left at once';",
            )
            .await?;
            s.click("nav-shares").await?;
            s.wait_text("page-title", "Member shares").await?;
            Ok(())
        },
    )
    .await;
}
