//! Running the `poolcalc` binary as a user would, shared by the command-line tests.

// Each test binary uses some of these helpers, never all of them.
#![allow(dead_code)]

use std::process::Command;

/// A file of the engine's test data (`crates/engine/tests/data/`), as a path.
pub fn test_data(file: &str) -> String {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../engine/tests/data")
        .join(file)
        .to_string_lossy()
        .into_owned()
}

/// Runs `poolcalc` with `args`: (success, stdout, stderr).
pub fn poolcalc(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_poolcalc"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run poolcalc: {e}"));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `poolcalc fees --dataset D --usage U --json`, parsed; fails the test when it fails.
pub fn fees_json(dataset: &str, usage: &str) -> serde_json::Value {
    let (ok, out, err) = poolcalc(&["fees", "--dataset", dataset, "--usage", usage, "--json"]);
    assert!(ok, "{err}");
    json(&out)
}

/// Parses JSON output, failing the test with the text when it is not JSON.
pub fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
}

/// Writes `text` to a file of this test run's temporary folder; its path.
pub fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("poolcalc-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    path.to_string_lossy().into_owned()
}
