//! A licensee of a dataset as a usage profile file of its own, for the tests that import it
//! on the Fees page and compare with `poolcalc fees` on the same file.

use crate::TestResult;
use serde_json::{Value, json};
use std::path::PathBuf;

/// Writes `licensee` (an entry of a dataset's `licensees`) as a usage profile of `version`
/// to a temporary file named after `name`, and returns its path.
pub fn usage_file(licensee: &Value, version: u64, name: &str) -> TestResult<PathBuf> {
    let mut usage = json!({
        "format": "patent-pool-usage",
        "version": version,
        "licensee": licensee["licensee"],
        "years": licensee["years"],
    });
    if let Some(signed) = licensee.get("signed") {
        usage["signed"] = signed.clone();
    }
    let path =
        std::env::temp_dir().join(format!("poolcalc-e2e-{}-{name}.json", std::process::id()));
    std::fs::write(&path, serde_json::to_string_pretty(&usage)?)?;
    Ok(path)
}
