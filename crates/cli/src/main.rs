//! `poolcalc`: the command-line face of the engine (spec section 6): validate a dataset,
//! compute a licensee's fees, split a year's income, a pool's rate history, the guidelines
//! report card, a product's royalty stack, import a pool's patent list, generate a synthetic
//! pool.

mod args;
mod history_cmd;
mod import;
mod report_cmd;
mod stack_cmd;

use std::path::Path;
use std::process::ExitCode;

use args::{Cli, Command};
use clap::Parser;
use poolcalc_engine::io::synth::{SynthOptions, synthesize};
use poolcalc_engine::model::text::printable;
use poolcalc_engine::output::{fees_json, shares_json};
use poolcalc_engine::scenario::{apply_scenario, load_scenario};
use poolcalc_engine::{Pool, compute_fees, distribute, load_dataset, load_usage, pool_income};
use poolcalc_views::format::grouped;

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
        } => report_cmd::run(
            &dataset,
            year,
            scenario.as_deref(),
            stack,
            datasets,
            json,
            csv,
        ),
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

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("poolcalc: {}", printable(&message));
            ExitCode::FAILURE
        }
    }
}
