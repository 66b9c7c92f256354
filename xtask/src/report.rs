//! Budgets the test task reports on: first render and the timings the browser tests
//! measured (wasm sizes: `size_report`).

use std::fs;
use std::path::Path;

pub const FIRST_RENDER_BUDGET_MS: f64 = 1000.0;

pub use xtask::{BUDGETS_FILE, FIRST_RENDER_FILE};

pub fn first_render(root: &Path) {
    match fs::read_to_string(root.join(FIRST_RENDER_FILE)) {
        Ok(text) => match text.trim().parse::<f64>() {
            Ok(ms) => {
                let verdict = if ms <= FIRST_RENDER_BUDGET_MS {
                    "within budget"
                } else {
                    "over budget"
                };
                println!(
                    "first render (navigation start to pool name shown, cold headless Chromium): \
                     {ms:.0} ms (budget {FIRST_RENDER_BUDGET_MS:.0} ms: {verdict})"
                );
            }
            Err(_) => println!("first render: unreadable measurement {text:?}"),
        },
        Err(_) => {
            println!("first render: not measured (the browser tests left no {FIRST_RENDER_FILE})")
        }
    }
}

/// The timings the browser tests appended to `BUDGETS_FILE`, each against its budget.
pub fn budgets(root: &Path) {
    let text = fs::read_to_string(root.join(BUDGETS_FILE)).ok();
    print!("{}", budgets_report(text.as_deref()));
}

fn budgets_report(text: Option<&str>) -> String {
    let mut out = "\nbudgets (browser, measured)\n".to_owned();
    let lines: Vec<&str> = text
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    if lines.is_empty() {
        out.push_str(&format!(
            "  none measured ({BUDGETS_FILE} is missing or empty)\n"
        ));
    }
    for line in lines {
        out.push_str(&format!("  {line}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::budgets_report;

    #[test]
    fn budgets_are_listed_under_their_heading_in_the_order_measured() {
        let report = budgets_report(Some(
            "fees: 3.0 ms (budget 16 ms)\n\nsweep: 90 ms (budget 200 ms)\n",
        ));
        assert_eq!(
            report,
            "\nbudgets (browser, measured)\n  fees: 3.0 ms (budget 16 ms)\n  sweep: 90 ms (budget 200 ms)\n"
        );
    }

    #[test]
    fn no_file_says_so() {
        assert!(budgets_report(None).contains("none measured"));
        assert!(budgets_report(Some("\n")).contains("none measured"));
    }
}
