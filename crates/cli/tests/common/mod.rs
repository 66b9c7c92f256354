//! Running the `poolcalc` binary as a user would, for the command-line tests.

use std::process::Command;

/// (success, stdout, stderr) of `poolcalc ARGS`.
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

/// The JSON of a command's output.
pub fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
}
