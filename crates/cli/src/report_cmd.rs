//! `poolcalc report --dataset FILE [--year Y] [--scenario FILE] [--stack FILE] [--json|--csv]`:
//! the guidelines report card, as JSON, CSV or text.

use std::path::{Path, PathBuf};

use poolcalc_engine::scenario::load_scenario;
use poolcalc_views::report_card;

use crate::{load_pool, out, print_json, read, stack_cmd};

/// Prints the report card of `dataset` (with `scenario` applied and `stack` joined).
pub fn run(
    dataset: &Path,
    year: Option<i32>,
    scenario: Option<&Path>,
    stack: Option<PathBuf>,
    datasets: Option<PathBuf>,
    json: bool,
    csv: bool,
) -> Result<(), String> {
    let pool = load_pool(dataset, scenario)?;
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
    let name = match scenario {
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
