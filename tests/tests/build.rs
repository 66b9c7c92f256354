//! The Build page in a real browser: a claim-level patent list (CSV and XLSX) is read, its
//! columns mapped, its unusable rows shown per reason; a value given for a reason brings
//! those rows in, a value that does not fit is shown on its field, and the page shows the
//! same patents for the XLSX file as for the CSV one.

use fantoccini::Locator;
use poolcalc_e2e::{Options, Session, TestResult, run, workspace_root};

fn list(file: &str) -> String {
    workspace_root()
        .join("crates/studio/tests/data")
        .join(file)
        .to_string_lossy()
        .into_owned()
}

async fn choose(s: &Session, file: &str) -> TestResult {
    let input = s
        .client
        .find(Locator::Css("[data-testid=\"build-file\"]"))
        .await?;
    input.send_keys(&list(file)).await?;
    Ok(())
}

async fn select(s: &Session, testid: &str, value: &str) -> TestResult {
    s.js(&format!(
        "const e = document.querySelector('[data-testid=\"{testid}\"]');\
         e.value = '{value}'; e.dispatchEvent(new Event('change', {{bubbles: true}}));"
    ))
    .await?;
    Ok(())
}

async fn type_value(s: &Session, testid: &str, value: &str) -> TestResult {
    let field = s
        .client
        .find(Locator::Css(&format!("[data-testid=\"{testid}\"]")))
        .await?;
    field.clear().await?;
    field.send_keys(value).await?;
    s.js(&format!(
        "document.querySelector('[data-testid=\"{testid}\"]')\
         .dispatchEvent(new Event('change', {{bubbles: true}}));"
    ))
    .await?;
    Ok(())
}

#[tokio::test]
async fn a_claim_list_becomes_patents_with_a_choice_per_reason() {
    run(
        "a_claim_list_becomes_patents_with_a_choice_per_reason",
        Options::desktop(),
        |s| async move {
            s.open("").await?;
            s.click("nav-build").await?;
            s.wait_text("page-title", "Build").await?;
            choose(&s, "access-advance.csv").await?;
            s.wait_text("build-status", "Read CSV, UTF-8, delimiter ,: 16 data rows.").await?;
            s.wait_text("build-summary", "6 patents of 4 members.").await?;
            s.wait_js(
                "the licensor column is mapped",
                "return document.querySelector('[data-testid=\"build-column-7\"]').value === 'member'",
            )
            .await?;
            s.wait_text("build-count-see-note", "1").await?;
            s.wait_text("build-count-unknown-country", "1").await?;

            // A value that is not a date stays on its field; a date brings the rows in.
            select(&s, "build-choice-see-note", "value").await?;
            type_value(&s, "build-value-see-note", "soon").await?;
            s.wait_text("build-error-see-note", "\"soon\" is not a date (YYYY-MM-DD)").await?;
            s.wait_text("build-summary", "6 patents of 4 members.").await?;
            type_value(&s, "build-value-see-note", "2034-01-01").await?;
            s.wait_text("build-summary", "7 patents of 5 members.").await?;
            select(&s, "build-choice-expiry-conflict", "latest").await?;
            s.wait_text("build-summary", "8 patents of 5 members.").await?;

            // The workbook gives the same patents.
            choose(&s, "access-advance.xlsx").await?;
            s.wait_text("build-status", "Read XLSX, sheet Patents: 16 data rows.").await?;
            s.wait_text("build-summary", "6 patents of 4 members.").await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn the_page_speaks_chinese_and_reads_chinese_headers() {
    run(
        "the_page_speaks_chinese_and_reads_chinese_headers",
        Options::desktop().language("zh-CN"),
        |s| async move {
            s.open("build").await?;
            s.wait_text("page-title", "构建").await?;
            choose(&s, "chinese.csv").await?;
            s.wait_text("build-summary", "2 个成员的 3 件专利。")
                .await?;
            s.wait_text("build-count-bad-status", "1").await?;
            // The terms editor speaks Chinese too, its own checks included.
            s.click("draft-scratch").await?;
            s.wait_text("draft-origin", "草稿从空白开始。").await?;
            s.wait_text("draft-pool-id-problem", "必填。").await?;
            type_value(&s, "draft-pool-id", "zh-pool").await?;
            s.wait_text("draft-pool-id-problem", "").await?;
            s.click("draft-rate_schedules-add").await?;
            type_value(&s, "draft-rate_schedules-0-from_year", "二〇二六").await?;
            s.wait_text(
                "draft-rate_schedules-0-from_year-problem",
                "不是计算器可用的年份（1900 至 2200 的整数）。",
            )
            .await?;
            s.wait_contains("draft-status", "导出数据集前需修正")
                .await?;
            Ok(())
        },
    )
    .await;
}

/// A patent list and the terms written in the forms make a dataset that every page uses at
/// once; a problem is shown on its field; the draft survives a reload; a copy of the dataset
/// in use replaces it only when the person says so.
#[tokio::test]
async fn the_terms_editor_writes_a_dataset_the_app_uses_at_once() {
    run(
        "the_terms_editor_writes_a_dataset_the_app_uses_at_once",
        Options::desktop(),
        |s| async move {
            s.open("build").await?;
            s.wait_text("page-title", "Build").await?;
            choose(&s, "access-advance.csv").await?;
            s.wait_text("build-summary", "6 patents of 4 members.").await?;
            s.click("draft-from-list").await?;
            s.wait_text("draft-origin", "Draft started from the patent list access-advance.csv.")
                .await?;
            s.wait_contains("draft-patents", "6 patents").await?;
            s.wait_contains("draft-status", "problems to fix").await?;

            type_value(&s, "draft-pool-id", "demo").await?;
            type_value(&s, "draft-pool-name-en", "Demo video pool").await?;
            select(&s, "draft-pool-as_of", "2026-05-01").await?;
            s.click("draft-products-add").await?;
            type_value(&s, "draft-products-0-name-en", "Decoder").await?;
            s.click("draft-rate_schedules-add").await?;
            // Typed text that is not a year stays in its field, which says why.
            type_value(&s, "draft-rate_schedules-0-from_year", "20x6").await?;
            s.wait_text(
                "draft-rate_schedules-0-from_year-problem",
                "Not a year the calculator takes (a whole number from 1900 to 2200).",
            )
            .await?;
            type_value(&s, "draft-rate_schedules-0-from_year", "2026").await?;
            s.wait_text("draft-rate_schedules-0-from_year-problem", "").await?;
            s.click("draft-rate_schedules-0-lines-add").await?;
            type_value(&s, "draft-rate_schedules-0-lines-0-per_unit", "0.20").await?;
            // A percent is typed as one and kept as the dataset's fraction.
            type_value(&s, "draft-distribution-management_fee-percent", "12.5 %").await?;
            s.wait_text("draft-status", "The draft is a valid dataset.").await?;
            // A licensee estimate, one year, one sale: still valid.
            s.click("draft-licensees-add").await?;
            type_value(&s, "draft-licensees-0-licensee", "Maker Inc").await?;
            s.click("draft-licensees-0-years-add").await?;
            type_value(&s, "draft-licensees-0-years-0-year", "2026").await?;
            s.click("draft-licensees-0-years-0-sales-add").await?;
            type_value(&s, "draft-licensees-0-years-0-sales-0-country", "US").await?;
            type_value(&s, "draft-licensees-0-years-0-sales-0-units", "1,000").await?;
            s.wait_text("draft-status", "The draft is a valid dataset.").await?;

            s.click("draft-use").await?;
            s.wait_contains("draft-used", "now the dataset in use").await?;
            s.click("nav-overview").await?;
            s.wait_text("explorer-pool-name", "Demo video pool").await?;

            // A reload finds the draft as it was left.
            s.open("build").await?;
            s.wait_js(
                "the draft's pool id is back",
                "const e = document.querySelector('[data-testid=\"draft-pool-id\"]');\
                 return e !== null && e.value === 'demo'",
            )
            .await?;
            s.wait_js(
                "the fee is shown as a percent",
                "return document.querySelector('[data-testid=\"draft-distribution-management_fee-percent\"]').value === '12.5'",
            )
            .await?;
            s.wait_text("draft-status", "The draft is a valid dataset.").await?;

            // Starting again asks first; keeping the draft changes nothing.
            s.click("draft-in-use").await?;
            s.wait_contains("draft-confirm", "replaces the draft").await?;
            s.click("draft-confirm-keep").await?;
            s.wait_contains("draft-origin", "patent list").await?;
            s.click("draft-in-use").await?;
            s.click("draft-confirm-replace").await?;
            s.wait_text("draft-origin", "Draft started from a copy of the dataset demo.").await?;
            s.wait_text("draft-status", "The draft is a valid dataset.").await?;
            Ok(())
        },
    )
    .await;
}
