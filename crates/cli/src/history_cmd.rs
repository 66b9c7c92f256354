//! `poolcalc terms-history --dataset D [--json]` (pool-dataset-v2 5): every rate each renewal
//! shares with the schedule before it, its rise, and the rises above the pool's own limit.

use std::path::Path;

use poolcalc_engine::Pool;
use poolcalc_engine::fees::history::{TermsHistory, terms_history};
use poolcalc_engine::output::terms_history_json;

use crate::{load_pool, out, print_json};

/// Runs the command.
pub fn run(dataset: &Path, json: bool) -> Result<(), String> {
    let pool: &Pool = load_pool(dataset, None)?;
    let history = terms_history(pool.dataset());
    if json {
        print_json(&terms_history_json(&history));
    } else {
        for line in table(&history) {
            out(&line);
        }
    }
    Ok(())
}

/// The history as a table people read: a summary line, then one row per rate with its
/// rise (4 decimals, `—` where the old rate is 0) and `above the limit` where it passes it.
fn table(h: &TermsHistory) -> Vec<String> {
    let limit = match h.max_rate_rise {
        Some(m) => format!(
            "max_rate_rise {m}: {} of {} rates rose above it",
            h.over,
            h.changes.len()
        ),
        None => format!("no max_rate_rise; {} rates compared", h.changes.len()),
    };
    if h.changes.is_empty() {
        return vec![
            limit,
            "no schedule follows another: nothing to compare".to_owned(),
        ];
    }
    let header = [
        "product", "region", "from", "to", "field", "old", "new", "rise", "",
    ];
    let mut rows: Vec<[String; 9]> = vec![header.map(str::to_owned)];
    rows.extend(h.changes.iter().map(|c| {
        [
            c.product.clone(),
            c.region.clone(),
            c.from_schedule.clone(),
            c.to_schedule.clone(),
            c.field.to_string(),
            c.old.to_string(),
            c.new.to_string(),
            c.rise_shown()
                .map_or_else(|| "—".to_owned(), |r| r.to_string()),
            if c.over { "above the limit" } else { "" }.to_owned(),
        ]
    }));
    let widths: Vec<usize> = (0..9)
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    let mut lines = vec![limit];
    lines.extend(rows.iter().map(|r| {
        let cells: Vec<String> = r
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell:<w$}"))
            .collect();
        cells.join("  ").trim_end().to_owned()
    }));
    lines
}
