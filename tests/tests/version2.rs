//! Dataset version 2 in a real browser: on each bundled version 2 pool (made or sold, paid
//! upstream, streaming tiers, signing-date schedules) the Fees page shows exactly what
//! `poolcalc fees --json` gives for a licensee's profile — totals, lines, countries, every
//! royalty-free sale with its reason and each service line's tier — with the version 2
//! columns only where the pool needs them; and every page opens on those pools in both
//! languages without an error.

use fantoccini::Locator;
use poolcalc_e2e::profile::usage_file;
use poolcalc_e2e::{Options, Session, TestResult, dist_dir, grouped, run, run_cli, workspace_root};
use serde_json::Value;
use std::path::PathBuf;

/// The bundled version 2 pools, and which sales field shows that each uses its rule.
const POOLS: [(&str, &str); 3] = [
    ("hevc-advance-style", "made_in"),
    ("avs-style", "upstream_paid_units"),
    ("streaming-style", "users"),
];

fn dataset(id: &str) -> TestResult<(PathBuf, Value)> {
    let path = dist_dir().join(format!("datasets/{id}.json"));
    let value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
    Ok((path, value))
}

fn pool_name(d: &Value) -> TestResult<String> {
    let name = &d["pool"]["name"];
    Ok(name
        .as_str()
        .or_else(|| name["en"].as_str())
        .ok_or("pool.name without text")?
        .to_owned())
}

/// The profile of the first licensee whose sales use `field` (the pool's version 2 rule),
/// as a version 2 usage file of its own.
fn profile(d: &Value, field: &str, id: &str) -> TestResult<PathBuf> {
    let licensees = d["licensees"].as_array().ok_or("no licensees")?;
    let uses = |l: &&Value| {
        l["years"].as_array().into_iter().flatten().any(|y| {
            y["sales"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|s| s.get(field).is_some())
        })
    };
    let l = licensees
        .iter()
        .find(uses)
        .ok_or(format!("{id}: no licensee's sales use {field}"))?;
    usage_file(l, 2, &format!("v2-{id}"))
}

/// Chooses a bundled pool on the Data page, as a person would.
async fn choose(s: &Session, id: &str, name: &str) -> TestResult {
    s.click("nav-data").await?;
    let open = format!("data-open-{id}");
    s.wait_js(
        "the bundled dataset list",
        &format!("return document.querySelector('[data-testid=\"{open}\"]') !== null;"),
    )
    .await?;
    s.click(&open).await?;
    s.wait_text("data-in-use", name).await
}

/// The list items under `testid`, as text.
async fn items(s: &Session, testid: &str) -> TestResult<Vec<String>> {
    let v = s
        .js(&format!(
            "return [...document.querySelectorAll('[data-testid=\"{testid}\"] li')].map(e => e.textContent);"
        ))
        .await?;
    Ok(v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|t| t.as_str().map(str::to_owned))
        .collect())
}

/// Every amount of `expected` (from the CLI) on the page, and the version 2 parts.
async fn compare(s: &Session, expected: &Value) -> TestResult<usize> {
    let currency = expected["currency"]
        .as_str()
        .ok_or("no currency")?
        .to_owned();
    let shown = |amount: &Value| format!("{} {currency}", grouped(amount.as_str().unwrap_or("?")));
    s.wait_text("fees-total", &shown(&expected["total"]))
        .await?;
    let mut checked = 1;
    for y in expected["years"].as_array().ok_or("no years")? {
        let year = y["year"].as_i64().ok_or("year")?;
        s.wait_text(&format!("fees-year-{year}-payable"), &shown(&y["payable"]))
            .await?;
        for line in y["lines"].as_array().into_iter().flatten() {
            let key = format!(
                "fees-line-{year}-{}-{}",
                line["product"].as_str().unwrap_or(""),
                line["region"].as_str().unwrap_or("")
            );
            s.wait_text(&format!("{key}-amount"), &shown(&line["amount"]))
                .await?;
            if line.get("measures").is_some() {
                let tier = s
                    .text(&format!("{key}-tier"))
                    .await
                    .ok_or("a service line without its tier")?;
                match line["tier"].as_u64() {
                    Some(t) => assert!(tier.contains(&format!("tier {}", t + 1)), "{key}: {tier}"),
                    None => assert!(tier.contains("no tier"), "{key}: {tier}"),
                }
            }
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
        let exempt = y["exempt"].as_array().cloned().unwrap_or_default();
        let listed = items(s, &format!("fees-exempt-{year}")).await?;
        assert_eq!(
            listed.len(),
            exempt.len(),
            "{year}: royalty-free sales {listed:?}"
        );
        for (e, text) in exempt.iter().zip(&listed) {
            let reason = match e["reason"].as_str() {
                Some("paid_upstream") => "paid upstream",
                Some("not_in_force") => "no pool patent in force",
                other => return Err(format!("unknown reason {other:?}").into()),
            };
            assert!(text.contains(reason), "{year}: {text} should give {reason}");
            checked += 1;
        }
    }
    Ok(checked)
}

#[tokio::test]
async fn fees_page_equals_poolcalc_fees_on_version_2_pools() {
    run(
        "fees_page_equals_poolcalc_fees_on_version_2_pools",
        Options::desktop(),
        |s| async move {
            s.open("fees").await?;
            s.wait_js(
                "the sales table",
                "return document.querySelector('[data-testid=\"fees-row-0-year\"]') !== null;",
            )
            .await?;
            // The default pool is version 1: its table has no version 2 columns.
            for col in ["made-in", "upstream", "users"] {
                assert!(
                    s.text(&format!("fees-col-{col}")).await.is_none(),
                    "a version 1 pool shows {col}"
                );
            }
            for (id, field) in POOLS {
                let (path, d) = dataset(id)?;
                let usage = profile(&d, field, id)?;
                let expected = run_cli(&[
                    "fees".as_ref(),
                    "--dataset".as_ref(),
                    path.as_os_str(),
                    "--usage".as_ref(),
                    usage.as_os_str(),
                    "--json".as_ref(),
                ])?;
                choose(&s, id, &pool_name(&d)?).await?;
                s.click("nav-fees").await?;
                s.wait_text("page-title", "Fees").await?;
                s.wait_js(
                    "the sales table",
                    "return document.querySelector('[data-testid=\"fees-row-0-year\"]') !== null;",
                )
                .await?;
                let input = s
                    .client
                    .find(Locator::Css("[data-testid=\"fees-import\"]"))
                    .await?;
                input
                    .send_keys(usage.to_str().ok_or("temp path is not UTF-8")?)
                    .await?;
                let checked = compare(&s, &expected).await?;
                let column = match field {
                    "made_in" => "made-in",
                    "upstream_paid_units" => "upstream",
                    _ => "users",
                };
                assert!(
                    s.text(&format!("fees-col-{column}")).await.is_some(),
                    "{id}: no {column} column"
                );
                explain_all_years(&s, id).await?;
                println!(
                    "{id}: {checked} amounts, reasons and tiers equal to poolcalc fees --json"
                );
                assert_eq!(s.text("fees-error").await, None);
                let _ = std::fs::remove_file(&usage);
            }
            Ok(())
        },
    )
    .await;
}

/// The explanation of every year names each sale's route; a streaming pool's says which
/// tier its service reached.
async fn explain_all_years(s: &Session, id: &str) -> TestResult {
    s.wait_js(
        "the explanation",
        "return document.querySelector('[data-testid=\"fees-explain-payable\"]') !== null;",
    )
    .await?;
    let routes = items(s, "fees-explain-steps").await?;
    assert!(!routes.is_empty(), "{id}: the explanation lists nothing");
    if id == "streaming-style" {
        s.wait_js(
            "the service tier in the explanation",
            "const e = document.querySelector('[data-testid=\"fees-explain-service-tier\"]'); return e !== null && e.textContent.includes('Tier');",
        )
        .await?;
    }
    Ok(())
}

/// Every page: the link that opens it and the key of its title in the locale files.
const PAGES: [(&str, &str); 10] = [
    ("nav-overview", "nav_overview"),
    ("explorer-nav-members", "explorer_nav_members"),
    ("explorer-nav-patents", "explorer_nav_patents"),
    ("nav-fees", "nav_fees"),
    ("nav-shares", "nav_shares"),
    ("nav-scenarios", "nav_scenarios"),
    ("nav-stack", "nav_stack"),
    ("nav-report", "nav_report"),
    ("nav-build", "nav_build"),
    ("nav-data", "nav_data"),
];

#[tokio::test]
async fn version_2_pools_open_on_every_page_in_both_languages() {
    for (lang, file) in [("en", "en"), ("zh-CN", "zh")] {
        let texts: Value = serde_json::from_str(
            &std::fs::read_to_string(workspace_root().join(format!("locales/{file}.json")))
                .expect("the locale file"),
        )
        .expect("the locale file is JSON");
        run(
            &format!("version_2_pools_open_on_every_page_{file}"),
            Options::desktop().language(lang),
            |s| async move {
                s.open("data").await?;
                for (id, _) in POOLS {
                    let (_, d) = dataset(id)?;
                    let pool = &d["pool"]["name"];
                    let name = pool.as_str().or_else(|| pool[file].as_str()).ok_or("pool name")?;
                    choose(&s, id, name).await?;
                    for (link, key) in PAGES {
                        let title = texts[key].as_str().ok_or(format!("no {key} in {file}.json"))?;
                        s.click(link).await?;
                        s.wait_text("page-title", title).await?;
                        assert!(s.text("panic-panel").await.is_none(), "{id} {lang}: {link} stopped the app");
                    }
                    // A pool with renewals has its rate history on the Overview, with whom
                    // each schedule applies to; the streaming pool's new terms rise above its
                    // own 20% limit, which is marked.
                    if d["pool"].get("max_rate_rise").is_some() {
                        s.click("nav-overview").await?;
                        s.wait_js(
                            "the rate history",
                            "return document.querySelector('[data-testid=\"overview-history-schedules\"] li') !== null;",
                        )
                        .await?;
                        let over = s.text("overview-history-over").await.is_some();
                        assert_eq!(over, id == "streaming-style", "{id}: rises above the limit marked: {over}");
                    }
                }
                Ok(())
            },
        )
        .await;
    }
}
