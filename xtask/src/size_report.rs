//! Sizes of the built wasm: the first page's module against its budget, and every chunk a
//! later page fetches on first use.

use crate::cmd::{Failure, Result, fail};
use crate::precompress::{brotli, gzip};
use crate::split_build::{CHUNK_MAP, MAIN_JS, MAIN_WASM, PKG_PREFIX, SHEET_DIR, SHEET_NAME};
use std::fs;
use std::path::{Path, PathBuf};

pub const WASM_GZIP_BUDGET_KB: f64 = 350.0;
pub const WASM_GZIP_STRETCH_KB: f64 = 250.0;

/// Raw, gzip and brotli sizes of one file, in bytes.
struct Sizes {
    raw: usize,
    gz: usize,
    br: usize,
}

fn sizes(path: &Path) -> Result<Sizes> {
    let bytes =
        fs::read(path).map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))?;
    Ok(Sizes {
        raw: bytes.len(),
        gz: gzip(&bytes)?.len(),
        br: brotli(&bytes)?.len(),
    })
}

fn kb(bytes: usize) -> f64 {
    bytes as f64 / 1024.0
}

/// The one `pkg-<hash>/` directory of a build.
pub fn pkg_dir(dist: &Path) -> Result<PathBuf> {
    let dirs: Vec<PathBuf> = fs::read_dir(dist)
        .map_err(|e| Failure(format!("cannot list {}: {e}", dist.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_dir()
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(PKG_PREFIX))
        })
        .collect();
    match dirs.as_slice() {
        [one] => Ok(one.clone()),
        _ => fail(format!(
            "expected one {PKG_PREFIX}* directory in {}, found {}",
            dist.display(),
            dirs.len()
        )),
    }
}

pub fn wasm_sizes(dist: &Path) -> Result {
    let pkg = pkg_dir(dist)?;
    let main = sizes(&pkg.join(MAIN_WASM))?;
    let gz_kb = kb(main.gz);
    let verdict = if gz_kb <= WASM_GZIP_STRETCH_KB {
        "within budget and stretch"
    } else if gz_kb <= WASM_GZIP_BUDGET_KB {
        "within budget, above stretch"
    } else {
        "OVER BUDGET"
    };
    println!(
        "\nfirst page's wasm (shell + Overview) after wasm-opt: {:.1} KB raw, {gz_kb:.1} KB gzipped, \
         {:.1} KB brotli (budget {WASM_GZIP_BUDGET_KB:.0} KB gzipped, stretch \
         {WASM_GZIP_STRETCH_KB:.0}: {verdict}) [{}]",
        kb(main.raw),
        kb(main.br),
        pkg.file_name().unwrap_or_default().to_string_lossy()
    );
    let js = sizes(&pkg.join(MAIN_JS))?;
    println!(
        "  its JS glue {MAIN_JS}: {:.1} KB raw, {:.1} KB gzipped",
        kb(js.raw),
        kb(js.gz)
    );

    let mut chunks: Vec<PathBuf> = fs::read_dir(&pkg)
        .map_err(|e| Failure(format!("cannot list {}: {e}", pkg.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "wasm") && !p.ends_with(MAIN_WASM))
        .collect();
    chunks.sort();
    println!("fetched on first use of a page (which page needs which: {CHUNK_MAP}):");
    let (mut total, mut shared, mut shared_count, mut largest) = (0, 0, 0, 0);
    for chunk in &chunks {
        let s = sizes(chunk)?;
        total += s.gz;
        let name = chunk.file_name().unwrap_or_default().to_string_lossy();
        // The many small modules of code that several pages share are summed, not listed.
        if name.starts_with("chunk_") {
            shared += s.gz;
            shared_count += 1;
            largest = largest.max(s.gz);
            continue;
        }
        println!(
            "  {name:<24} {:>8.1} KB raw {:>7.1} KB gzipped {:>7.1} KB brotli",
            kb(s.raw),
            kb(s.gz),
            kb(s.br)
        );
    }
    println!(
        "  {shared_count} shared chunk_*.wasm: {:.1} KB gzipped in all, the largest {:.1} KB",
        kb(shared),
        kb(largest)
    );
    let reader = pkg.join(SHEET_DIR).join(format!("{SHEET_NAME}_bg.wasm"));
    let r = sizes(&reader)?;
    total += r.gz;
    println!(
        "  Build page's file reader {SHEET_DIR}/: {:.1} KB raw, {:.1} KB gzipped, {:.1} KB brotli",
        kb(r.raw),
        kb(r.gz),
        kb(r.br)
    );
    println!(
        "  all of them: {:.1} KB gzipped; whole app's wasm: {:.1} KB gzipped",
        kb(total),
        kb(total + main.gz)
    );
    Ok(())
}
