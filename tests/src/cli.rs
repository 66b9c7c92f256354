//! What the tests compare the app with: the bundled datasets, the `poolcalc` CLI's output,
//! amounts as the pages group them, and PDF pages.

use super::*;

/// The default bundled dataset of the built `dist/`: its file and its JSON, found through the
/// catalog the way the app finds it, so the tests follow whichever dataset is the default.
pub fn default_dataset() -> TestResult<(PathBuf, Value)> {
    let dir = dist_dir().join("datasets");
    let index: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("index.json"))?)?;
    let default = index["default"].as_str().ok_or("index.json: no default")?;
    let entry = index["datasets"]
        .as_array()
        .and_then(|list| list.iter().find(|d| d["id"] == default))
        .ok_or("index.json: default dataset not listed")?;
    let path = dir.join(
        entry["file"]
            .as_str()
            .ok_or("index.json: entry without file")?,
    );
    let dataset = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
    Ok((path, dataset))
}

/// The default bundled dataset's pool name in `lang`.
pub fn default_pool_name(lang: &str) -> TestResult<String> {
    let (_, dataset) = default_dataset()?;
    let name = &dataset["pool"]["name"];
    let text = name
        .as_str()
        .or_else(|| name[lang].as_str())
        .or_else(|| name["en"].as_str())
        .ok_or("dataset: pool.name has no usable text")?;
    Ok(text.to_owned())
}

/// The built `poolcalc` binary: `$POOLCALC_CLI`, else `{debug,release}/poolcalc` in the
/// target directory (`$CARGO_TARGET_DIR` or target/), else built now. A test that cannot run
/// it fails: comparing with nothing would prove nothing.
fn poolcalc_cli() -> TestResult<PathBuf> {
    if let Some(p) = std::env::var_os("POOLCALC_CLI") {
        return Ok(PathBuf::from(p));
    }
    let root = workspace_root();
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(|t| root.join(t))
        .unwrap_or_else(|| root.join("target"));
    for profile in ["debug", "release"] {
        let p = target.join(profile).join("poolcalc");
        if p.is_file() {
            return Ok(p);
        }
    }
    let status = Command::new(env!("CARGO"))
        .args(["build", "-q", "-p", "poolcalc-cli"])
        .current_dir(&root)
        .status()
        .map_err(|e| format!("cannot run cargo to build the CLI: {e}"))?;
    let p = target.join("debug/poolcalc");
    if status.success() && p.is_file() {
        Ok(p)
    } else {
        Err("the poolcalc CLI could not be built (cargo build -p poolcalc-cli)".into())
    }
}

/// Runs the `poolcalc` CLI with `args` and reads its JSON output.
pub fn run_cli<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> TestResult<Value> {
    let bin = poolcalc_cli()?;
    let out = Command::new(&bin)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    if !out.status.success() {
        return Err(format!(
            "{} failed ({}): {}",
            bin.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    Ok(serde_json::from_slice(&out.stdout)?)
}

/// Runs the `poolcalc` CLI with `args`, its output written to `file` (a large synthetic pool
/// would be too much to read as JSON here).
pub fn cli_to_file<S: AsRef<std::ffi::OsStr>>(args: &[S], file: &Path) -> TestResult {
    let bin = poolcalc_cli()?;
    let status = Command::new(&bin)
        .args(args)
        .stdout(std::fs::File::create(file)?)
        .status()
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} failed ({status})", bin.display()).into())
    }
}

/// Pages in a PDF, from its page objects (Chromium writes them uncompressed).
pub fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Type /Page")
        .filter(|(at, m)| {
            !text[at + m.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        })
        .count()
}

/// A plain amount as the CLI's JSON writes it (`-1234567.50`) as the pages show it, its
/// whole part grouped by thousands (`-1,234,567.50`).
pub fn grouped(plain: &str) -> String {
    let (sign, digits) = plain
        .strip_prefix('-')
        .map_or(("", plain), |rest| ("-", rest));
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let mut out = String::from(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    out
}
