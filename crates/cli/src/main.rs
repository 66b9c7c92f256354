//! `poolcalc`: the command-line face of the engine (spec section 6): validate a dataset,
//! compute a licensee's fees, split a year's income, a pool's rate history, the guidelines
//! report card, a product's royalty stack, import a pool's patent list, generate a synthetic
//! pool.

mod history_cmd;

mod import;

mod stack_cmd;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use poolcalc_engine::io::synth::{SynthOptions, synthesize};
use poolcalc_engine::model::dataset::Method;
use poolcalc_engine::model::text::printable;
use poolcalc_engine::output::{fees_json, shares_json};
use poolcalc_engine::scenario::{apply_scenario, load_scenario};
use poolcalc_engine::{Pool, compute_fees, distribute, load_dataset, load_usage, pool_income};
use poolcalc_views::format::grouped;
use poolcalc_views::report_card;

#[derive(Parser)]
#[command(
    name = "poolcalc",
    version,
    about = "Patent pool fees and member shares (pool-dataset versions 1 and 2)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
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

/// The largest input file read, 256 MiB: eight times the largest benchmark pool. A bigger
/// file (or an endless one such as /dev/zero) is refused before it fills the memory.
const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

fn read(path: &Path) -> Result<String, String> {
    use std::io::Read;
    let cannot = |e: std::io::Error| format!("{}: cannot read: {e}", path.display());
    let file = std::fs::File::open(path).map_err(cannot)?;
    // Sized once from the file's length (when known): growing by doubling copied a large
    // file several times over.
    let size = file.metadata().map_or(0, |m| m.len().min(MAX_INPUT_BYTES));
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(format!(
            "{}: larger than {} MiB, the largest file poolcalc reads",
            path.display(),
            MAX_INPUT_BYTES / 1024 / 1024
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: not UTF-8 text (byte {} is not valid UTF-8)",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

fn problems(path: &Path, what: &str, issues: &[poolcalc_engine::Issue]) -> String {
    let lines: Vec<String> = issues.iter().map(ToString::to_string).collect();
    format!("{}: {what}:\n{}", path.display(), lines.join("\n"))
}

/// Loads a dataset and, when given, applies a scenario to it.
fn load_pool(path: &Path, scenario: Option<&Path>) -> Result<&'static Pool, String> {
    let dataset =
        load_dataset(&read(path)?).map_err(|i| problems(path, "not a valid dataset", &i))?;
    let Some(sp) = scenario else {
        return Ok(for_the_run(Pool::new(dataset)));
    };
    let s = load_scenario(&read(sp)?).map_err(|i| problems(sp, "not a valid scenario", &i))?;
    apply_scenario(&dataset, &s)
        .map(|d| for_the_run(Pool::new(d)))
        .map_err(|i| problems(sp, "cannot be applied to this dataset", &i))
}

/// The pool, kept until the process ends: freeing a large pool's hundreds of thousands of
/// strings one by one took a tenth of the run, and the system takes the memory back at once.
fn for_the_run(pool: Pool) -> &'static Pool {
    Box::leak(Box::new(pool))
}

fn print_json(v: &serde_json::Value) {
    out(&serde_json::to_string_pretty(v).unwrap_or_default());
}

/// Prints a line; a closed pipe (`poolcalc … | head`) ends the program quietly. Control
/// characters from dataset text are escaped, never sent to the terminal.
fn out(line: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if writeln!(stdout, "{}", printable(line)).is_err() {
        std::process::exit(0);
    }
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Validate { dataset } => {
            let text = read(&dataset)?;
            match load_dataset(&text) {
                Ok(d) => {
                    let pool = for_the_run(Pool::new(d));
                    let d = pool.dataset();
                    out(&format!(
                        "valid: {} — {} members, {} patents ({} countries), {} products, {} schedules, {} licensees, currency {}",
                        d.pool.name.get("en"),
                        d.members.len(),
                        d.patents.len(),
                        pool.index().countries().len(),
                        d.products.len(),
                        d.rate_schedules.len(),
                        d.licensees.len(),
                        d.pool.currency
                    ));
                    Ok(())
                }
                Err(issues) => {
                    for i in &issues {
                        out(&i.to_string());
                    }
                    Err(format!(
                        "{}: {} problem(s)",
                        dataset.display(),
                        issues.len()
                    ))
                }
            }
        }
        Command::Fees {
            dataset,
            usage,
            scenario,
            json,
        } => {
            let pool = load_pool(&dataset, scenario.as_deref())?;
            let usage = load_usage(&read(&usage)?)
                .map_err(|i| problems(&usage, "not a valid usage profile", &i))?;
            let report = compute_fees(pool, &usage).map_err(|e| format!("{}: {e}", e.path()))?;
            if json {
                print_json(&fees_json(&report));
            } else {
                for y in &report.years {
                    out(&format!(
                        "{} (schedule {}): payable {} {}",
                        y.year,
                        y.schedule,
                        grouped(y.payable, report.decimals),
                        report.currency
                    ));
                }
                out(&format!(
                    "total: {} {}",
                    grouped(report.total, report.decimals),
                    report.currency
                ));
            }
            Ok(())
        }
        Command::Distribute {
            dataset,
            year,
            scenario,
            method,
            json,
        } => {
            let pool = load_pool(&dataset, scenario.as_deref())?;
            let mut rule = pool.dataset().distribution.clone();
            if let Some(m) = method {
                rule.method = m;
            }
            let shares = distribute(pool, year, &pool_income(pool, year), &rule);
            let dp = pool.decimals();
            if json {
                print_json(&shares_json(&shares, pool.decimals()));
            } else {
                out(&format!(
                    "{year}: income {} {c}, management fee {}, unallocated {}",
                    grouped(shares.income, dp),
                    grouped(shares.management_fee, dp),
                    grouped(shares.unallocated, dp),
                    c = shares.currency
                ));
                for m in &shares.members {
                    out(&format!("  {:<24} {:>16}", m.id, grouped(m.amount, dp)));
                }
            }
            Ok(())
        }
        Command::TermsHistory { dataset, json } => history_cmd::run(&dataset, json),
        Command::Stack {
            file,
            datasets,
            json,
        } => stack_cmd::run(&file, json, datasets),
        Command::Import { what } => {
            out(&import::run(what)?);
            Ok(())
        }
        Command::Report {
            dataset,
            year,
            scenario,
            stack,
            datasets,
            json,
            csv,
        } => {
            let pool = load_pool(&dataset, scenario.as_deref())?;
            let stack = match stack {
                Some(file) => {
                    let loaded = stack_cmd::load(&file, datasets)?;
                    Some(report_card::OpenStack {
                        name: loaded.stack.product.name,
                        report: loaded.report,
                    })
                }
                None => None,
            };
            let name = match &scenario {
                Some(p) => Some(load_scenario(&read(p)?).map(|s| s.name).unwrap_or_default()),
                None => None,
            };
            let options = report_card::Options {
                year,
                scenario: name,
                stack,
                ..report_card::Options::default()
            };
            let card = report_card::report_card(pool, &options);
            if json {
                print_json(&report_card::report_json(&card));
            } else if csv {
                // The CSV ends in a newline of its own.
                out(report_card::report_csv(&card).trim_end());
            } else {
                print_report(&card);
            }
            Ok(())
        }
        Command::Synth {
            members,
            patents,
            countries,
            licensees,
            from,
            to,
            seed,
        } => {
            let opts = SynthOptions {
                members,
                patents,
                countries,
                licensees,
                from,
                to,
                seed,
            };
            let d = synthesize(&opts).map_err(|e| e.to_string())?;
            let json = d.to_compact_json();
            // What is written must load again: a generator bug is reported, not written.
            load_dataset(&json).map_err(|i| {
                let lines: Vec<String> = i.iter().take(5).map(ToString::to_string).collect();
                format!(
                    "the generated dataset does not validate (not written):\n{}",
                    lines.join("\n")
                )
            })?;
            out(&json);
            Ok(())
        }
    }
}

/// The report card as text: a heading per section, a line per indicator row.
fn print_report(card: &report_card::ReportCard) {
    out(&format!(
        "{} — {} ({}){}",
        card.pool,
        card.year,
        card.currency,
        card.scenario
            .as_ref()
            .map(|s| format!(", scenario {s}"))
            .unwrap_or_default()
    ));
    for s in &card.sections {
        out(&format!("\n[{}]", s.id.as_str()));
        for i in &s.indicators {
            for r in &i.rows {
                let detail = r.detail.as_ref().map(|d| format!(" ({})", d.plain()));
                let status = r
                    .status
                    .map(|s| format!(" — {}", report_card::status_label(s).1));
                let value = r.value.plain();
                out(&format!(
                    "  {} {}: {}{}{}",
                    i.id.as_str(),
                    r.subject.key(),
                    if value.is_empty() { "—" } else { &value },
                    detail.unwrap_or_default(),
                    status.unwrap_or_default()
                ));
            }
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("poolcalc: {}", printable(&message));
            ExitCode::FAILURE
        }
    }
}
