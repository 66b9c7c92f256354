//! `poolcalc stack FILE [--json] [--datasets DIR]`: a royalty stack's results. Pools named by
//! bundled id are read from the bundled datasets folder (its `index.json` maps ids to files).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use poolcalc_engine::stack::{
    Burden, PoolSet, Stack, StackReport, compute_stack, compute_what_if, load_stack, pool_set,
    stack_json, what_if_json,
};
use poolcalc_engine::{Pool, load_dataset};
use poolcalc_views::format::grouped;
use poolcalc_views::stack_view::percent;
use serde_json::Value;

use crate::{out, print_json, problems, read};

/// The bundled datasets folder: `--datasets`, else `../datasets` beside the stack file (a
/// stack in `public/stacks/`), else `public/datasets` under the working directory, else the
/// repository's own.
fn datasets_dir(stack: &Path, given: Option<PathBuf>) -> PathBuf {
    if let Some(d) = given {
        return d;
    }
    let beside = stack
        .parent()
        .map(|p| p.join("../datasets"))
        .unwrap_or_default();
    [
        beside,
        PathBuf::from("public/datasets"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/datasets"),
    ]
    .into_iter()
    .find(|d| d.join("index.json").is_file())
    .unwrap_or_else(|| PathBuf::from("public/datasets"))
}

/// id → file of every bundled dataset.
fn catalog(dir: &Path) -> Result<BTreeMap<String, PathBuf>, String> {
    let index = dir.join("index.json");
    let v: Value = serde_json::from_str(&read(&index)?)
        .map_err(|e| format!("{}: not valid JSON: {e}", index.display()))?;
    let mut out = BTreeMap::new();
    for e in v["datasets"].as_array().into_iter().flatten() {
        if let (Some(id), Some(file)) = (e["id"].as_str(), e["file"].as_str()) {
            out.insert(id.to_owned(), dir.join(file));
        }
    }
    Ok(out)
}

/// A stack file read, its pools resolved and its results computed.
pub struct Loaded {
    pub stack: Stack,
    pub pools: PoolSet,
    pub report: StackReport,
}

/// Reads the stack in `file`, resolves its pools (bundled ids from `datasets` or the default
/// folder) and computes it.
pub fn load(file: &Path, datasets: Option<PathBuf>) -> Result<Loaded, String> {
    let stack = load_stack(&read(file)?).map_err(|i| problems(file, "not a valid stack", &i))?;
    let dir = datasets_dir(file, datasets);
    let ids = if stack.bundled_ids().is_empty() {
        BTreeMap::new()
    } else {
        catalog(&dir)?
    };
    let pools = pool_set(&stack, |id| {
        let path = ids.get(id).ok_or_else(|| {
            format!(
                "no bundled dataset \"{id}\" in {}",
                dir.join("index.json").display()
            )
        })?;
        let d = load_dataset(&read(path)?).map_err(|i| {
            format!(
                "{}: not a valid dataset ({} problems)",
                path.display(),
                i.len()
            )
        })?;
        Ok(Arc::new(Pool::new(d)))
    })
    .map_err(|i| problems(file, "its pools cannot be used", &i))?;
    let report =
        compute_stack(&stack, &pools).map_err(|i| problems(file, "cannot be computed", &i))?;
    Ok(Loaded {
        stack,
        pools,
        report,
    })
}

pub fn run(file: &Path, json: bool, datasets: Option<PathBuf>) -> Result<(), String> {
    let Loaded {
        stack,
        pools,
        report,
    } = load(file, datasets)?;
    let what_if = if stack.what_if.is_empty() {
        None
    } else {
        Some(
            compute_what_if(&stack, &pools, &stack.what_if, &report)
                .map_err(|i| problems(file, "its what-if cannot be computed", &i))?,
        )
    };
    if json {
        let mut v = stack_json(&report);
        if let (Some(w), Some(o)) = (&what_if, v.as_object_mut()) {
            o.insert("what_if".into(), what_if_json(w));
        }
        print_json(&v);
    } else {
        print_text(&report);
        if let Some(w) = &what_if {
            let dp = report.decimals;
            out("what-if (against the saved stack):");
            for l in &w.licences {
                out(&format!(
                    "  {:<24} {:>18} → {:>18} ({})",
                    l.id,
                    grouped(l.base, dp),
                    grouped(l.what_if, dp),
                    grouped(l.difference, dp)
                ));
            }
            out(&format!(
                "  total {} → {} ({} {})",
                grouped(w.total.base, dp),
                grouped(w.total.what_if, dp),
                grouped(w.total.difference, dp),
                report.currency
            ));
        }
    }
    Ok(())
}

/// One line of the text table: a label and a burden.
fn row(label: &str, b: &Burden, dp: u32) -> String {
    format!(
        "{label:<24} {:>18} {:>10} {:>9} {:>9}",
        grouped(b.payable, dp),
        b.per_unit
            .map_or_else(|| "—".to_owned(), |d| grouped(d, dp + 2)),
        percent(b.share_of_price),
        percent(b.share_of_profit)
    )
}

fn print_text(r: &StackReport) {
    let dp = r.decimals;
    let per_unit = |d: Option<poolcalc_engine::Decimal>| {
        d.map_or_else(|| "—".to_owned(), |d| grouped(d, dp + 2))
    };
    out(&format!(
        "{:<24} {:>18} {:>10} {:>9} {:>9}",
        "licence", "payable", "per unit", "of price", "of profit"
    ));
    for l in &r.licences {
        out(&row(&l.id, &l.total, dp));
    }
    for y in &r.years {
        out(&row(&y.year.to_string(), &y.total, dp));
    }
    out(&format!("{}  {}", row("total", &r.total, dp), r.currency));
    if let Some(m) = r.remaining_margin {
        out(&format!(
            "remaining margin per unit: {}",
            grouped(m, dp + 2)
        ));
    }
    for p in &r.overlap {
        out(&format!(
            "overlap {} × {}: {} patents in both",
            p.a, p.b, p.count
        ));
    }
    for x in &r.references {
        out(&format!(
            "reference {}: {} per unit{}",
            x.reference.id,
            per_unit(x.per_unit),
            if x.total.above {
                " — the stack is above it"
            } else {
                ""
            }
        ));
    }
}
