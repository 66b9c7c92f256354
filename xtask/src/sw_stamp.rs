//! Gives the service worker in a build its cache version and precache list.
//!
//! Run by trunk as a post_build hook (see Trunk.toml), on the staging directory, so every
//! build's `sw.js` names exactly the hashed files that build emitted. A bundled dataset
//! larger than `PRECACHE_DATASET_MAX` is left out: the worker caches it when a user first
//! opens it, so a first visit does not download a pool nobody chose. Likewise the split
//! build's page chunks (`pkg-<hash>/split_*.wasm`, `chunk_*.wasm`): each is cached when its
//! page is first opened, so a first visit moves the shell and the first page only.

use crate::cmd::{Failure, Result, fail};
use std::fs;
use std::path::{Path, PathBuf};

const VERSION_LINE: &str = "const VERSION = ";
const PRECACHE_LINE: &str = "const PRECACHE = ";
/// The largest bundled dataset a first visit downloads for offline use (the real-pool
/// examples are tens of KB; the 100,000-patent synthetic pool is 18 MB).
const PRECACHE_DATASET_MAX: u64 = 1024 * 1024;

pub fn stamp(dir: &Path) -> Result {
    let sw_path = dir.join("sw.js");
    let sw = fs::read_to_string(&sw_path)
        .map_err(|e| Failure(format!("cannot read {}: {e}", sw_path.display())))?;

    let mut files = Vec::new();
    collect(dir, dir, &mut files)?;
    // Precompressed copies are the same files for hosts that serve them, not more to cache.
    files.retain(|f| f != "sw.js" && !f.ends_with(".br") && !f.ends_with(".gz"));
    files.sort();

    let mut hash = Fnv::new();
    let mut precache = vec!["./".to_owned()];
    for name in &files {
        let bytes = fs::read(dir.join(name))
            .map_err(|e| Failure(format!("cannot read {name} in {}: {e}", dir.display())))?;
        hash.write(name.as_bytes());
        hash.write(&[0]);
        hash.write(&bytes);
        let large_dataset =
            name.starts_with("datasets/") && bytes.len() as u64 > PRECACHE_DATASET_MAX;
        if name != "index.html" && !large_dataset && !page_chunk(name) {
            precache.push(name.clone());
        }
    }
    let version = format!("{:016x}", hash.0);

    let stamped = replace_line(&sw, VERSION_LINE, &format!("\"{version}\";"))
        .and_then(|s| replace_line(&s, PRECACHE_LINE, &format!("{};", js_array(&precache))))?;
    fs::write(&sw_path, stamped)
        .map_err(|e| Failure(format!("cannot write {}: {e}", sw_path.display())))?;
    println!(
        "sw.js: cache version {version}, {} files to precache",
        precache.len()
    );
    Ok(())
}

pub fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result {
    let entries =
        fs::read_dir(dir).map_err(|e| Failure(format!("cannot list {}: {e}", dir.display())))?;
    for entry in entries {
        let path: PathBuf = entry
            .map_err(|e| Failure(format!("cannot list {}: {e}", dir.display())))?
            .path();
        if path.is_dir() {
            collect(root, &path, out)?;
        } else if let Ok(rel) = path.strip_prefix(root) {
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

/// A wasm module the split build cut out for pages other than the first, or the Build
/// page's file reader (and its JS).
fn page_chunk(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    let in_pkg = name.starts_with(crate::split_build::PKG_PREFIX);
    let reader = name
        .split('/')
        .nth(1)
        .is_some_and(|dir| dir == crate::split_build::SHEET_DIR);
    in_pkg
        && (reader
            || (file.ends_with(".wasm")
                && (file.starts_with("split_") || file.starts_with("chunk_"))))
}

fn replace_line(text: &str, prefix: &str, value: &str) -> Result<String> {
    let mut found = false;
    let out: Vec<String> = text
        .lines()
        .map(|line| {
            if !found && line.starts_with(prefix) {
                found = true;
                format!("{prefix}{value}")
            } else {
                line.to_owned()
            }
        })
        .collect();
    if !found {
        return fail(format!("sw.js has no line starting with `{prefix}`"));
    }
    Ok(out.join("\n") + "\n")
}

fn js_array(items: &[String]) -> String {
    let quoted: Vec<String> = items
        .iter()
        .map(|s| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"")))
        .collect();
    format!("[{}]", quoted.join(", "))
}

/// FNV-1a: stable across Rust releases, unlike std's hasher, so the same build stamps the
/// same version.
pub struct Fnv(pub u64);

impl Fnv {
    pub fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
    pub fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_version_and_lists_files() {
        let dir = std::env::temp_dir().join(format!("poolcalc-stamp-{}", std::process::id()));
        fs::create_dir_all(dir.join("datasets")).unwrap();
        fs::write(dir.join("index.html"), "x").unwrap();
        fs::write(dir.join("app-1.wasm"), "w").unwrap();
        fs::create_dir_all(dir.join("pkg-1")).unwrap();
        fs::write(dir.join("pkg-1/main_bg.wasm"), "m").unwrap();
        fs::write(dir.join("pkg-1/split_fees.wasm"), "f").unwrap();
        fs::write(dir.join("pkg-1/chunk_2.wasm"), "c").unwrap();
        fs::create_dir_all(dir.join("pkg-1/sheet")).unwrap();
        fs::write(dir.join("pkg-1/sheet/poolcalc_sheet_reader_bg.wasm"), "r").unwrap();
        fs::write(dir.join("datasets/index.json"), "{}").unwrap();
        let big = vec![b' '; PRECACHE_DATASET_MAX as usize + 1];
        fs::write(dir.join("datasets/big.json"), big).unwrap();
        fs::write(
            dir.join("sw.js"),
            "const VERSION = \"dev\";\nconst PRECACHE = [\"./\"];\nrest();\n",
        )
        .unwrap();
        stamp(&dir).unwrap();
        let sw = fs::read_to_string(dir.join("sw.js")).unwrap();
        assert!(!sw.contains("\"dev\""), "{sw}");
        assert!(
            sw.contains(
                "const PRECACHE = [\"./\", \"app-1.wasm\", \"datasets/index.json\", \"pkg-1/main_bg.wasm\"];"
            ),
            "{sw}"
        );
        assert!(sw.ends_with("rest();\n"));
        let _ = fs::remove_dir_all(&dir);
    }
}
