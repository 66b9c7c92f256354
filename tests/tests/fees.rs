//! The fee calculator in a real browser: a usage profile imported through the file input
//! gives, on screen, exactly what `poolcalc fees --json` gives on the same files; a malformed
//! number is flagged on its field and survives a reload with its row; rows by keyboard; an
//! edit followed at once by another page is kept. Long tables, a phone, the print and the
//! recomputation time are in `fees_long.rs`.

use fantoccini::Locator;
use poolcalc_e2e::fees_page::{import_file, input_value, row_count, wait_sales_table};
use poolcalc_e2e::profile::usage_file;
use poolcalc_e2e::{Options, TestResult, default_dataset, grouped, run, run_cli};
use serde_json::Value;
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
