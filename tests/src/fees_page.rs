//! The Fees page's own moves for browser tests: import a usage file, wait for the sales
//! table, read a field or the row count, and write a long usage profile.

use crate::profile::usage_file;
use crate::{Session, TestResult};
use fantoccini::Locator;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

pub async fn import_file(s: &Session, path: &Path) -> TestResult {
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
pub async fn wait_sales_table(s: &Session) -> TestResult {
    s.wait_js(
        "the sales table",
        "return document.querySelector('[data-testid=\"fees-row-0-units\"]') !== null;",
    )
    .await
}

pub async fn input_value(s: &Session, testid: &str) -> TestResult<String> {
    Ok(s.js(&format!(
        "const e = document.querySelector('[data-testid=\"{testid}\"]'); return e ? e.value : null;"
    ))
    .await?
    .as_str()
    .unwrap_or_default()
    .to_owned())
}

pub async fn row_count(s: &Session) -> TestResult<u64> {
    Ok(
        s.js("return document.querySelectorAll('tr.fees-row').length;")
            .await?
            .as_u64()
            .unwrap_or(0),
    )
}

/// Sales rows for the default dataset's products: `per_year` rows in each of `years`.
pub fn big_profile(
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
    let licensee = json!({"licensee": "Timing", "signed": "2020-01-01", "years": out_years});
    usage_file(&licensee, 1, name)
}
