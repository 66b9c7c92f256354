//! The command line: every command and its options, as `poolcalc --help` shows them.

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use poolcalc_engine::model::dataset::Method;

use crate::import;

#[derive(Parser)]
#[command(
    name = "poolcalc",
    version,
    about = "Patent pool fees and member shares (pool-dataset versions 1 and 2)"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Check a dataset: a summary, or one `path: message` line per problem (exit 1).
    Validate {
        /// The dataset file.
        dataset: PathBuf,
    },
    /// A licensee's fees per year, line and country.
    Fees {
        /// The dataset file.
        #[arg(long)]
        dataset: PathBuf,
        /// The usage profile file.
        #[arg(long)]
        usage: PathBuf,
        /// Apply this scenario file to the dataset first.
        #[arg(long)]
        scenario: Option<PathBuf>,
        /// Print the stable JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Split a year's pool income among members.
    Distribute {
        /// The dataset file.
        #[arg(long)]
        dataset: PathBuf,
        /// The year (1900–2200, the years a dataset may name).
        #[arg(long, value_parser = clap::value_parser!(i32).range(1900..=2200))]
        year: i32,
        /// Apply this scenario file to the dataset first.
        #[arg(long)]
        scenario: Option<PathBuf>,
        /// Use this method instead of the dataset's (per_patent, per_family, weighted, country_of_sale).
        #[arg(long, value_parser = parse_method)]
        method: Option<Method>,
        /// Print the stable JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Rate history across schedules: every rate a renewal shares with the schedule before
    /// it, its rise, and the rises above the pool's max_rate_rise.
    TermsHistory {
        /// The dataset file.
        #[arg(long)]
        dataset: PathBuf,
        /// Print the stable JSON output.
        #[arg(long)]
        json: bool,
    },
    /// A product's royalty stack: each licence's payable, per unit, against price and profit.
    Stack {
        /// The stack file (docs/stack-format.md).
        file: PathBuf,
        /// Folder of the bundled datasets (default: public/datasets of the repository).
        #[arg(long)]
        datasets: Option<PathBuf>,
        /// Print the stable JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Import a pool's published data into dataset JSON.
    Import {
        #[command(subcommand)]
        what: import::ImportCommand,
    },
    /// The guidelines report card: the pool measured against the four principles and four
    /// mechanisms, every indicator with its value and status.
    Report {
        /// The dataset file.
        #[arg(long)]
        dataset: PathBuf,
        /// The year measured (default: the dataset's as-of year within its licensee years).
        #[arg(long)]
        year: Option<i32>,
        /// Apply this scenario file to the dataset first.
        #[arg(long)]
        scenario: Option<PathBuf>,
        /// A royalty stack file: its aggregate joins the interest-balance section.
        #[arg(long)]
        stack: Option<PathBuf>,
        /// Where the stack's bundled pools are (default as for `poolcalc stack`).
        #[arg(long, requires = "stack")]
        datasets: Option<PathBuf>,
        /// Print every indicator as JSON.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print every indicator as CSV.
        #[arg(long)]
        csv: bool,
    },
    /// Print a deterministic synthetic dataset (same arguments, same bytes).
    Synth {
        /// Number of members.
        #[arg(long, default_value_t = 30)]
        members: usize,
        /// Number of patents.
        #[arg(long, default_value_t = 1000)]
        patents: usize,
        /// Number of countries.
        #[arg(long, default_value_t = 40)]
        countries: usize,
        /// Number of licensees.
        #[arg(long, default_value_t = 50)]
        licensees: usize,
        /// First year of licensee sales and schedules.
        #[arg(long, default_value_t = 2026)]
        from: i32,
        /// Last year.
        #[arg(long, default_value_t = 2035)]
        to: i32,
        /// Random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

fn parse_method(s: &str) -> Result<Method, String> {
    Method::parse(s).ok_or_else(|| {
        format!("unknown method \"{s}\" (per_patent, per_family, weighted, country_of_sale)")
    })
}
