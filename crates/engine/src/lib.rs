//! The poolcalc engine: the patent pool dataset of `pool-dataset-v1` and `-v2` (see
//! docs/dataset-format.md), its validation, a licensee's fees and the members' shares,
//! computed exactly with `rust_decimal`. No I/O and no web code: a function of (dataset,
//! inputs) → results.

#![forbid(unsafe_code)]

// The layers, each using only those above it in this list (a test, tests/layers.rs, keeps it
// so): model ← io ← pool ← fees ← load ← shares ← scenario ← stack. `output` is the CLI's JSON
// contract over fees and shares. See docs/architecture.md.
pub mod model;

pub mod io;

pub mod pool;

pub mod fees;

pub mod load;

pub mod shares;

pub mod scenario;

pub mod stack;

pub mod output;

pub use fees::{FeeError, FeeReport, Income, compute_fees, pool_income};
pub use load::{Loader, Phase, Progress, load_dataset, read_carefully};
pub use model::dataset::{Dataset, Method, Usage};
pub use model::issue::Issue;
pub use model::text::Text;
pub use pool::Pool;
/// The decimal type of every amount, for front ends that hold results.
pub use rust_decimal::Decimal;
pub use shares::{Shares, distribute, project};

use io::json::{Reader, parse_json};

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
