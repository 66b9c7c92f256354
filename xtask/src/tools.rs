//! Installs what building and testing need, skipping whatever is already in place.

use crate::cmd::{Env, Result, fail};
use std::fs;

const TRUNK_SERIES: &str = "0.21";
const BINARYEN_VERSION: &str = "132";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Versions the build pins, read from the repository.
pub struct Pins {
    pub wasm_bindgen: String,
}

pub fn pins(env: &Env) -> Result<Pins> {
    let lock = fs::read_to_string(env.root.join("Cargo.lock"))
        .map_err(|e| crate::cmd::Failure(format!("cannot read Cargo.lock: {e}")))?;
    let Some(wasm_bindgen) = locked_version(&lock, "wasm-bindgen") else {
        return fail("Cargo.lock has no wasm-bindgen entry; run `cargo generate-lockfile`");
    };
    let trunk_toml = fs::read_to_string(env.root.join("Trunk.toml")).unwrap_or_default();
    let wanted = format!("wasm_bindgen = \"{wasm_bindgen}\"");
    if !trunk_toml.contains(&wanted) {
        // trunk compares the CLI's version with Trunk.toml, not with Cargo.lock; a mismatch
        // makes it try to download a wasm-bindgen, which this project never does.
        return fail(format!(
            "Trunk.toml [tools] must say `{wanted}` to match Cargo.lock; please update it"
        ));
    }
    Ok(Pins { wasm_bindgen })
}

/// The version of `package` in a Cargo.lock text.
pub fn locked_version(lock: &str, package: &str) -> Option<String> {
    let name_line = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == name_line {
            let version = lines.next()?.trim();
            let version = version.strip_prefix("version = \"")?.strip_suffix('"')?;
            return Some(version.to_owned());
        }
    }
    None
}

/// The wasm target, trunk, wasm-bindgen-cli and wasm-opt.
pub fn ensure_build_tools(env: &Env, pins: &Pins) -> Result {
    println!("\n--- checking build tools");
    match env.probe("rustup", &["target", "list", "--installed"]) {
        Some(list) if list.lines().any(|l| l.trim() == WASM_TARGET) => {
            println!("ok: rust target {WASM_TARGET}");
        }
        Some(_) => env.run(env.command("rustup").args(["target", "add", WASM_TARGET]))?,
        None => {
            return fail(format!(
                "rustup not found: install Rust with rustup, then `rustup target add {WASM_TARGET}`"
            ));
        }
    }

    let trunk = env.probe("trunk", &["--version"]);
    if trunk
        .as_deref()
        .is_some_and(|v| is_series(v, "trunk ", TRUNK_SERIES))
    {
        println!("ok: {}", trunk.unwrap_or_default());
    } else {
        println!("trunk {TRUNK_SERIES}.x missing (found {trunk:?}); building it takes ~9 minutes");
        env.run(env.command("cargo").args([
            "install",
            "trunk",
            "--version",
            &format!("~{TRUNK_SERIES}"),
            "--locked",
        ]))?;
    }

    let wanted = format!("wasm-bindgen {}", pins.wasm_bindgen);
    let found = env.probe("wasm-bindgen", &["--version"]);
    if found.as_deref() == Some(wanted.as_str()) {
        println!("ok: {wanted}");
    } else {
        println!("{wanted} needed (found {found:?})");
        // Not --locked: wasm-bindgen-cli's own lockfile pins crates that no longer build on
        // current compilers, and the CLI version alone is what must match.
        env.run(env.command("cargo").args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &pins.wasm_bindgen,
        ]))?;
    }

    let wasm_opt = env.probe("wasm-opt", &["--version"]);
    let wanted_opt = format!("wasm-opt version {BINARYEN_VERSION} ");
    if wasm_opt
        .as_deref()
        .is_some_and(|v| v.starts_with(&wanted_opt))
    {
        println!("ok: {}", wasm_opt.unwrap_or_default());
    } else {
        if env.probe("npm", &["--version"]).is_none() {
            return fail(format!(
                "npm not found: install Node.js with npm, needed for wasm-opt (binaryen@{BINARYEN_VERSION})"
            ));
        }
        env.run(env.command("npm").args([
            "install",
            "--no-audit",
            "--no-fund",
            "--prefix",
            ".tools",
            &format!("binaryen@{BINARYEN_VERSION}"),
        ]))?;
    }
    Ok(())
}

fn is_series(version_output: &str, prefix: &str, series: &str) -> bool {
    version_output
        .strip_prefix(prefix)
        .is_some_and(|v| v == series || v.starts_with(&format!("{series}.")))
}

/// Chromium and ChromeDriver for the browser tests.
pub fn ensure_browser(env: &Env) -> Result {
    println!("\n--- checking browser");
    let chromium = env.probe("chromium", &["--version"]);
    let driver = env.probe("chromedriver", &["--version"]);
    if let (Some(c), Some(d)) = (&chromium, &driver) {
        println!("ok: {c}\nok: {d}");
        return Ok(());
    }
    let is_root = env.probe("id", &["-u"]).as_deref() == Some("0");
    let has_apt = env.probe("apt-get", &["--version"]).is_some();
    if !(is_root && has_apt) {
        return fail(
            "Chromium and ChromeDriver are needed for the browser tests. Install them, e.g. on \
             Debian/Ubuntu: `sudo apt-get update && sudo apt-get install -y chromium chromium-driver`, \
             so that `chromium` and `chromedriver` are on PATH",
        );
    }
    env.run(env.command("apt-get").arg("update"))?;
    env.run(
        env.command("apt-get")
            .args(["install", "-y", "chromium", "chromium-driver"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_locked_versions() {
        let lock = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.100\"\n";
        assert_eq!(
            locked_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.100")
        );
        assert_eq!(locked_version(lock, "wasm"), None);
    }

    #[test]
    fn trunk_series_matches_patch_versions_only() {
        assert!(is_series("trunk 0.21.14", "trunk ", "0.21"));
        assert!(!is_series("trunk 0.210.1", "trunk ", "0.21"));
        assert!(!is_series("trunk 0.20.3", "trunk ", "0.21"));
    }
}
