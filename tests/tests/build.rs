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
            Ok(())
        },
    )
    .await;
}
