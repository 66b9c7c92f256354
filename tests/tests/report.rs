//! The guidelines report card in the browser: it renders for every bundled dataset in both
//! languages with the CLI's figures, follows a saved scenario, and prints on a few A4 pages.

use fantoccini::wd::{PrintConfiguration, PrintSize};
use poolcalc_e2e::{
    Options, Session, TestResult, default_dataset, dist_dir, pdf_pages, run, run_cli,
};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The bundled datasets (id and file) but the 100,000-patent pool, which has timing tests
/// of its own and takes minutes to report on a shared machine.
fn bundled() -> TestResult<Vec<(String, PathBuf)>> {
    let dir = dist_dir().join("datasets");
    let index: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("index.json"))?)?;
    let mut out = Vec::new();
    for entry in index["datasets"]
        .as_array()
        .ok_or("index.json: no datasets")?
    {
        let id = entry["id"].as_str().ok_or("entry without id")?;
        let file = entry["file"].as_str().ok_or("entry without file")?;
        if id != "synth-100k" {
            out.push((id.to_owned(), dir.join(file)));
        }
    }
    Ok(out)
}

/// `poolcalc report --json` of a dataset, a scenario applied when given.
fn cli_report(dataset: &Path, scenario: Option<&Path>) -> TestResult<Value> {
    let mut args = vec!["report".as_ref(), "--dataset".as_ref(), dataset.as_os_str()];
    if let Some(s) = scenario {
        args.extend(["--scenario".as_ref(), s.as_os_str()]);
    }
    args.push("--json".as_ref());
    run_cli(&args)
}

/// The value of indicator `id`'s row for `subject` in a JSON report.
fn cli_value(report: &Value, id: &str, subject: &str) -> TestResult<String> {
    report["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["indicators"].as_array().into_iter().flatten())
        .filter(|i| i["id"] == id)
        .flat_map(|i| i["rows"].as_array().into_iter().flatten())
        .find(|r| r["subject"] == subject)
        .and_then(|r| r["value"].as_str().map(str::to_owned))
        .ok_or_else(|| format!("the CLI report has no {id} for {subject}").into())
}

/// An amount as the page shows it ("1,234.50 USD") as a plain number ("1234.50").
fn plain_amount(shown: &str, currency: &str) -> String {
    shown.trim_end_matches(currency).trim().replace(',', "")
}

/// Waits for the report: all seven sections and the income rows.
async fn wait_report(s: &Session) -> TestResult {
    s.wait_js(
        "the report's seven sections",
        "return document.querySelectorAll('[data-testid^=\"report-sec-\"]').length === 7
            && !!document.querySelector('[data-testid=\"report-ind-pool_income\"] td');",
    )
    .await
}

/// The page's figure for indicator `id` and `subject`, as a plain amount.
async fn screen_amount(s: &Session, id: &str, subject: &str, currency: &str) -> TestResult<String> {
    let testid = format!("report-{id}-{subject}");
    let shown = s
        .text(&testid)
        .await
        .ok_or_else(|| format!("no {testid} on the page"))?;
    Ok(plain_amount(&shown, currency))
}

/// Opens bundled dataset `id` on the data page and waits until it is the one in use.
async fn open_dataset(s: &Session, id: &str, name: &str) -> TestResult {
    s.open("data").await?;
    s.wait_js(
        "the bundled datasets listed",
        &format!("return !!document.querySelector('[data-testid=\"data-open-{id}\"]');"),
    )
    .await?;
    s.click(&format!("data-open-{id}")).await?;
    s.wait_text("data-in-use", name).await
}

/// Opens every bundled dataset's report and checks its income and management fee of the
/// report year against the CLI's.
async fn every_dataset(s: Session, title: &str, lang: &str) -> TestResult {
    for (id, file) in bundled()? {
        let report = cli_report(&file, None)?;
        let currency = report["currency"].as_str().ok_or("no currency")?.to_owned();
        let year = report["year"].as_i64().ok_or("no year")?;
        let dataset: Value = serde_json::from_str(&std::fs::read_to_string(&file)?)?;
        let pool_id = dataset["pool"]["id"]
            .as_str()
            .ok_or("no pool id")?
            .to_owned();
        let name = &dataset["pool"]["name"];
        let name = name
            .as_str()
            .or_else(|| name[lang].as_str())
            .ok_or("pool.name without text")?;
        open_dataset(&s, &id, name).await?;
        s.click("nav-report").await?;
        s.wait_text("page-title", title).await?;
        // The page follows the dataset just opened: its pool's income rows.
        s.wait_js(
            &format!("the report of {id}"),
            &format!(
                "return !!document.querySelector('[data-testid=\"report-pool_income-year={year}\"]')
                    && document.querySelector('[data-testid=\"report-meta-year\"]').textContent.includes('{year}');"
            ),
        )
        .await?;
        wait_report(&s).await?;
        for (ind, subject) in [
            ("pool_income", format!("year={year}")),
            ("management_fee", "pool".into()),
        ] {
            let cli = cli_value(&report, ind, &subject)?;
            let shown = screen_amount(&s, ind, &subject, &currency).await?;
            assert_eq!(
                shown, cli,
                "{id} ({pool_id}): {ind} on screen against the CLI"
            );
        }
    }
    Ok(())
}

#[tokio::test]
async fn the_report_renders_every_bundled_dataset_in_english_with_the_clis_figures() {
    run(
        "the_report_renders_every_bundled_dataset_in_english_with_the_clis_figures",
        Options::desktop(),
        |s| every_dataset(s, "Report", "en"),
    )
    .await;
}

#[tokio::test]
async fn the_report_renders_every_bundled_dataset_in_chinese_with_the_clis_figures() {
    run(
        "the_report_renders_every_bundled_dataset_in_chinese_with_the_clis_figures",
        Options::desktop().language("zh-CN"),
        |s| every_dataset(s, "指引对照", "zh"),
    )
    .await;
}

#[tokio::test]
async fn a_saved_scenario_is_reported_as_the_cli_reports_it() {
    run(
        "a_saved_scenario_is_reported_as_the_cli_reports_it",
        Options::desktop(),
        |s| async move {
            let (file, dataset) = default_dataset()?;
            let pool_id = dataset["pool"]["id"].as_str().ok_or("no pool id")?.to_owned();
            let currency = dataset["pool"]["currency"].as_str().ok_or("no currency")?.to_owned();
            let scenario = r#"{"format": "poolcalc-scenario", "version": 1, "name": "Fee at 20 %", "changes": [{"type": "set_management_fee", "management_fee": {"percent": "0.2"}}]}"#;
            let path = std::env::temp_dir().join(format!("poolcalc-e2e-{}-report-scenario.json", std::process::id()));
            std::fs::write(&path, scenario)?;
            let report = cli_report(&file, Some(&path))?;
            // Saved as the scenarios page saves it: one entry per scenario under the dataset.
            s.open("report").await?;
            wait_report(&s).await?;
            s.js(&format!(
                "localStorage.setItem('poolcalc.scen.{pool_id}.000000000000001', {});
                 return true;",
                serde_json::to_string(scenario)?
            ))
            .await?;
            s.client.refresh().await?;
            wait_report(&s).await?;
            s.js("const e = document.querySelector('[data-testid=\"report-scenario\"]');
                  e.value = e.options[1].value;
                  e.dispatchEvent(new Event('change', {bubbles: true}));
                  return true;")
                .await?;
            s.wait_text("report-meta-scenario", "Fee at 20 %").await?;
            let cli = cli_value(&report, "management_fee", "pool")?;
            let shown = screen_amount(&s, "management_fee", "pool", &currency).await?;
            assert_eq!(shown, cli, "the scenario's management fee on screen against the CLI");
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn the_report_prints_on_a_few_a4_pages() {
    run(
        "the_report_prints_on_a_few_a4_pages",
        Options::desktop(),
        |s| async move {
            s.open("report").await?;
            wait_report(&s).await?;
            let pdf = s
                .client
                .print(
                    PrintConfiguration::builder()
                        .size(PrintSize::A4)
                        .build()
                        .map_err(|e| format!("print settings: {e:?}"))?,
                )
                .await?;
            assert!(pdf.starts_with(b"%PDF"), "the print is not a PDF");
            let pages = pdf_pages(&pdf);
            println!("the report prints on {pages} A4 pages");
            assert!(
                (2..=6).contains(&pages),
                "the report prints on {pages} A4 pages, not two to six"
            );
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn the_stack_kept_by_the_stack_page_joins_the_interest_balance() {
    run(
        "the_stack_kept_by_the_stack_page_joins_the_interest_balance",
        Options::desktop(),
        |s| async move {
            let stack = dist_dir().join("stacks/4k-tv.json");
            let index: Value = serde_json::from_str(&std::fs::read_to_string(
                dist_dir().join("datasets/index.json"),
            )?)?;
            let file = index["datasets"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|e| e["id"] == "hevc-advance-style")
                .and_then(|e| e["file"].as_str())
                .ok_or("no HEVC dataset")?;
            let dataset = dist_dir().join("datasets").join(file);
            // The Stack page opens (and keeps) the TV example.
            s.open("stack").await?;
            s.wait_js(
                "the stack's total",
                "return !!document.querySelector('[data-testid=\"stack-total-payable\"]');",
            )
            .await?;
            let name: Value = serde_json::from_str(&std::fs::read_to_string(&dataset)?)?;
            let name = name["pool"]["name"]["en"]
                .as_str()
                .or_else(|| name["pool"]["name"].as_str())
                .ok_or("no name")?
                .to_owned();
            open_dataset(&s, "hevc-advance-style", &name).await?;
            s.click("nav-report").await?;
            wait_report(&s).await?;
            s.wait_js(
                "the stack rows",
                "return !!document.querySelector('[data-testid=\"report-stack_per_unit-stack\"]');",
            )
            .await?;
            let year = s.text("report-meta-year").await.unwrap_or_default();
            let year = year.split_whitespace().last().ok_or("no year")?.to_owned();
            let cli = run_cli(&[
                "report".as_ref(),
                "--dataset".as_ref(),
                dataset.as_os_str(),
                "--year".as_ref(),
                year.as_ref(),
                "--stack".as_ref(),
                stack.as_os_str(),
                "--json".as_ref(),
            ])?;
            let currency = cli["currency"].as_str().ok_or("no currency")?.to_owned();
            for subject in ["stack", "stack_licence=hevc;this_pool", "stack_licence=vvc"] {
                let want = cli_value(&cli, "stack_per_unit", subject)?;
                let shown = screen_amount(&s, "stack_per_unit", subject, &currency).await?;
                assert_eq!(shown, want, "{subject}");
            }
            // Left out, the rows go.
            s.click("report-with-stack").await?;
            s.wait_js(
                "the stack rows to go",
                "return !document.querySelector('[data-testid=\"report-ind-stack_per_unit\"]');",
            )
            .await?;
            Ok(())
        },
    )
    .await;
}
