//! The poolcalc engine: the patent pool dataset of `pool-dataset-v1` (see docs/dataset-format.md),
//! its validation, a licensee's fees and the members' shares, computed exactly with
//! `rust_decimal`. No I/O and no web code: a function of (dataset, inputs) → results.

#![forbid(unsafe_code)]

pub mod balance;
pub mod candidate_csv;
pub mod comparison;
mod csv_io;
pub mod dataset;
mod dataset_read;
pub mod date;
pub mod distribute;
pub mod explorer;
pub mod fee_charts;
pub mod fee_form;
pub mod fee_steps;
pub mod fees;
#[cfg(test)]
mod fees_reference;
pub mod holder;
pub mod index;
pub mod issue;
pub mod membership_change;
pub mod money;
pub mod output;
pub mod policy;
pub mod pool;
mod read;
pub mod report_card;
pub mod scenario;
pub mod schema;
pub mod share_link;
pub mod shares_csv;
pub mod shares_view;
pub mod synth;
pub mod text;
pub mod tiers;
pub mod usage_csv;
mod validate;

pub use dataset::{Dataset, Method, Usage};
pub use distribute::{Income, Shares, distribute, pool_income, project};
pub use fees::{FeeError, FeeReport, compute_fees};
pub use issue::Issue;
pub use pool::Pool;
/// The decimal type of every amount, for front ends that hold results.
pub use rust_decimal::Decimal;
pub use text::Text;

use read::{Reader, parse_json};

/// Parses and validates a dataset: every problem found, each with its JSON path.
///
/// # Errors
/// The full list of problems when the text is not a valid v1 dataset.
pub fn load_dataset(json: &str) -> Result<Dataset, Vec<Issue>> {
    let value = parse_json(json).map_err(|i| i.0)?;
    let mut r = Reader::default();
    let dataset = dataset_read::read_dataset(&mut r, &value);
    if let Some(d) = &dataset
        && r.issues.is_empty()
    {
        validate::check_dataset(d, &mut r.issues);
    }
    match dataset {
        Some(d) if r.issues.is_empty() => Ok(d),
        _ => Err(r.issues.0),
    }
}

/// Parses a usage profile file (`"format": "patent-pool-usage"`).
///
/// # Errors
/// Every problem found, each with its JSON path.
pub fn load_usage(json: &str) -> Result<Usage, Vec<Issue>> {
    let value = parse_json(json).map_err(|i| i.0)?;
    let mut r = Reader::default();
    let usage = dataset_read::read_usage_file(&mut r, &value);
    match usage {
        Some(u) if r.issues.is_empty() => Ok(u),
        _ => Err(r.issues.0),
    }
}

/// Every sale of `usage` that cannot be charged under the pool's terms (unknown product, no
/// schedule for the year, no line, a missing price), with paths inside the profile.
#[must_use]
pub fn check_usage(pool: &Pool, usage: &Usage) -> Vec<Issue> {
    let mut issues = issue::Issues::default();
    fees::check_usage_with(pool.dataset(), pool.terms(), usage, "", &mut issues);
    issues.0
}
