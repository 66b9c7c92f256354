//! The poolcalc engine: the patent pool dataset of `pool-dataset-v1` and `-v2` (see
//! docs/dataset-format.md), its validation, a licensee's fees and the members' shares,
//! computed exactly with `rust_decimal`. No I/O and no web code: a function of (dataset,
//! inputs) → results.

#![forbid(unsafe_code)]

// The layers, each using only those above it in this list (a test, tests/layers.rs, keeps it
// so): model ← io ← pool ← fees ← shares ← scenario ← stack. `output` is the CLI's JSON
// contract over fees and shares. See docs/architecture.md.
pub mod model;

pub mod io;

pub mod pool;

pub mod fees;

pub mod shares;

pub mod scenario;

pub mod stack;

pub mod output;

pub use fees::{FeeError, FeeReport, Income, compute_fees, pool_income};
pub use model::dataset::{Dataset, Method, Usage};
pub use model::issue::Issue;
pub use model::text::Text;
pub use pool::Pool;
/// The decimal type of every amount, for front ends that hold results.
pub use rust_decimal::Decimal;
pub use shares::{Shares, distribute, project};

use io::json::{Reader, parse_json};

/// Parses and validates a dataset: every problem found, each with its JSON path.
///
/// # Errors
/// The full list of problems when the text is not a valid dataset (version 1 or 2).
pub fn load_dataset(json: &str) -> Result<Dataset, Vec<Issue>> {
    let value = parse_json(json).map_err(model::issue::Issues::into_vec)?;
    let mut r = Reader::default();
    let dataset = io::read::read_dataset(&mut r, &value);
    if let Some(d) = &dataset
        && r.issues.is_empty()
    {
        fees::check_dataset(d, &mut r.issues);
    } else {
        // Shape problems and dangling references are reported together.
        io::validate::check_raw_references(&value, &mut r.issues);
    }
    match dataset {
        Some(d) if r.issues.is_empty() => Ok(d),
        _ => Err(r.issues.into_vec()),
    }
}

/// Parses a usage profile file (`"format": "patent-pool-usage"`).
///
/// # Errors
/// Every problem found, each with its JSON path.
pub fn load_usage(json: &str) -> Result<Usage, Vec<Issue>> {
    let value = parse_json(json).map_err(model::issue::Issues::into_vec)?;
    let mut r = Reader::default();
    let usage = io::read::read_usage_file(&mut r, &value);
    match usage {
        Some(u) if r.issues.is_empty() => Ok(u),
        _ => Err(r.issues.into_vec()),
    }
}

/// Every sale of `usage` that cannot be charged under the pool's terms (unknown product, no
/// schedule for the year, no line, a missing price), with paths inside the profile.
#[must_use]
pub fn check_usage(pool: &Pool, usage: &Usage) -> Vec<Issue> {
    let mut issues = model::issue::Issues::default();
    fees::check_usage_with(pool.dataset(), pool.terms(), usage, "", &mut issues);
    issues.into_vec()
}
