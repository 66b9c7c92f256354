//! The web app's wasm, split by page: what trunk cannot do (trunk-rs/trunk#1022).
//!
//! Run as trunk's post_build hook (see Trunk.toml), on the staging directory trunk filled
//! with the stylesheet, index.html and the copied files:
//!
//! 1. `cargo rustc` links the app with `--emit-relocs`, which the splitter needs to follow
//!    every function and data reference (only the final link gets the flag, so dependencies
//!    keep their compiled artifacts);
//! 2. wasm_split_cli_support cuts the wasm at the `#[wasm_split]` points of
//!    `src/lazy_pages.rs` into the main module (shell and Overview), one `split_<page>.wasm`
//!    per page and `chunk_<n>.wasm` for code several pages share, plus `__wasm_split.js`,
//!    which fetches them;
//! 3. wasm-bindgen (`--keep-lld-exports`: the chunks import the main module's table, memory
//!    and functions under their linker names) writes the main module's JS;
//! 4. wasm-opt shrinks every module;
//! 5. the Build page's file reader (crates/sheet-reader) is built as a module of its own into
//!    `sheet/`: its tables would otherwise sit in the main module, as wasm-split moves code
//!    but never data;
//! 6. everything goes into `pkg-<hash>/` (one hash over all of it: the JS files import each
//!    other, so no single file can carry its own) and index.html gets a `boot.js` script and
//!    preload links for the first page's files.

use crate::cmd::{Env, Failure, Result, fail};
use crate::sw_stamp::Fnv;
use std::fs;
use std::path::{Path, PathBuf};

const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// The browser's release profile (Cargo.toml): sized for a first visit, while `--release`
/// stays the native CLI's, built for speed.
const WASM_PROFILE: &str = "wasm-release";
const BIN: &str = "poolcalc-web";
const SHEET_READER: &str = "poolcalc-sheet-reader";
/// Where the reader goes in the package, and its wasm-bindgen name (src/browser/sheet_reader.rs
/// imports `sheet/poolcalc_sheet_reader.js`).
pub const SHEET_DIR: &str = "sheet";
pub const SHEET_NAME: &str = "poolcalc_sheet_reader";
/// wasm-bindgen's output name: `poolcalc-web.js` and `poolcalc-web_bg.wasm`.
pub const MAIN_JS: &str = "poolcalc-web.js";
pub const MAIN_WASM: &str = "poolcalc-web_bg.wasm";
const BOOT_JS: &str = "boot.js";
const LINK_JS: &str = "__wasm_split.js";
/// Which files each page needs, for the service worker and the size report.
pub const CHUNK_MAP: &str = "chunks.json";
pub const PKG_PREFIX: &str = "pkg-";
/// The features rustc 1.95 enables for wasm32-unknown-unknown; wasm-opt must accept them all.
const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Builds the split app into `staging` and links it from `staging/index.html`.
pub fn build(env: &Env, staging: &Path, release: bool) -> Result {
    let wasm = link(env, release)?;
    let work = target_dir(env).join("wasm-split");
    let _ = fs::remove_dir_all(&work);
    let (split_dir, pkg) = (work.join("split"), work.join("pkg"));
    fs::create_dir_all(&pkg).map_err(|e| io_fail(&pkg, e))?;

    let input = fs::read(&wasm).map_err(|e| io_fail(&wasm, e))?;
    let main_wasm = split_dir.join("main.wasm");
    let mut opts = wasm_split_cli_support::Options::new(&input);
    opts.output_dir = &split_dir;
    opts.main_out_path = &main_wasm;
    opts.link_name = "./__wasm_split.js";
    opts.main_module = "./poolcalc-web.js";
    let split = wasm_split_cli_support::transform(opts)
        .map_err(|e| Failure(format!("splitting {} failed: {e:?}", wasm.display())))?;
    println!(
        "wasm split: main module + {} chunk files",
        split.split_modules.len()
    );

    let mut bindgen = env.command("wasm-bindgen");
    bindgen
        .arg(&main_wasm)
        .args(["--out-dir"])
        .arg(&pkg)
        .args(["--out-name", BIN, "--target", "web", "--no-typescript"])
        .arg("--keep-lld-exports");
    env.run(&mut bindgen)?;

    let mut wasm_files = vec![pkg.join(MAIN_WASM)];
    for chunk in &split.split_modules {
        let name = chunk.file_name().unwrap_or_default();
        let dest = pkg.join(name);
        fs::copy(chunk, &dest).map_err(|e| io_fail(chunk, e))?;
        wasm_files.push(dest);
    }
    copy(&split_dir.join(LINK_JS), &pkg.join(LINK_JS))?;
    wasm_files.push(sheet_reader(env, release, &pkg)?);
    if release {
        optimize(env, &wasm_files)?;
    }
    write(&pkg.join(BOOT_JS), BOOT_SCRIPT)?;
    write(&pkg.join(CHUNK_MAP), &chunk_map_json(&split.prefetch_map))?;

    let dir_name = format!("{PKG_PREFIX}{}", hash_dir(&pkg)?);
    let dest = staging.join(&dir_name);
    fs::create_dir_all(&dest).map_err(|e| io_fail(&dest, e))?;
    copy_tree(&pkg, &dest)?;
    link_from_index(staging, &dir_name)?;
    println!("wasm: {dir_name}/ linked from index.html");
    Ok(())
}

/// Builds the sheet reader and its JS into `pkg/sheet/`; returns its wasm.
fn sheet_reader(env: &Env, release: bool, pkg: &Path) -> Result<PathBuf> {
    let mut cmd = env.command("cargo");
    cmd.args([
        "build",
        "-p",
        SHEET_READER,
        "--lib",
        "--target",
        WASM_TARGET,
    ]);
    if release {
        cmd.args(["--profile", WASM_PROFILE]);
    }
    env.run(&mut cmd)?;
    let wasm = target_dir(env)
        .join(WASM_TARGET)
        .join(profile_dir(release))
        .join(format!("{SHEET_NAME}.wasm"));
    let out = pkg.join(SHEET_DIR);
    let mut bindgen = env.command("wasm-bindgen");
    bindgen.arg(&wasm).arg("--out-dir").arg(&out).args([
        "--out-name",
        SHEET_NAME,
        "--target",
        "web",
        "--no-typescript",
    ]);
    env.run(&mut bindgen)?;
    Ok(out.join(format!("{SHEET_NAME}_bg.wasm")))
}

/// Starts the app. A module file rather than an inline script, so a strict CSP needs no hash.
const BOOT_SCRIPT: &str =
    "// Starts poolcalc: the main module holds the shell and Overview; every other page's
// code is fetched by __wasm_split.js the first time the page is opened.
import init from \"./poolcalc-web.js\";
init({ module_or_path: new URL(\"./poolcalc-web_bg.wasm\", import.meta.url) });
";

/// `wasm-opt -Oz` on every module, a few at once: most chunks are small, and one after the
/// other the tool's start-up would dominate; all at once (nearly two hundred) they would
/// crowd out each other on a small machine.
fn optimize(env: &Env, files: &[PathBuf]) -> Result {
    const AT_ONCE: usize = 8;
    println!(
        "\n==> wasm-opt -Oz {} on {} modules, {AT_ONCE} at a time",
        WASM_FEATURES.join(" "),
        files.len()
    );
    let started = std::time::Instant::now();
    for batch in files.chunks(AT_ONCE) {
        let children: Vec<_> = batch
            .iter()
            .map(|file| {
                env.command("wasm-opt")
                    .arg("-Oz")
                    .args(WASM_FEATURES)
                    .arg(file)
                    .arg("-o")
                    .arg(file)
                    .stderr(std::process::Stdio::null())
                    .spawn()
                    .map(|child| (file, child))
                    .map_err(|e| Failure(format!("could not start wasm-opt: {e}")))
            })
            .collect::<Result<_>>()?;
        for (file, mut child) in children {
            match child.wait() {
                Ok(status) if status.success() => {}
                other => return fail(format!("wasm-opt on {} failed: {other:?}", file.display())),
            }
        }
    }
    println!("    (took {})", crate::cmd::elapsed(started));
    Ok(())
}

/// `cargo rustc` of the app's binary with `--emit-relocs`; returns the linked wasm.
fn link(env: &Env, release: bool) -> Result<PathBuf> {
    let mut cmd = env.command("cargo");
    cmd.args(["rustc", "-p", BIN, "--bin", BIN, "--target", WASM_TARGET]);
    if release {
        cmd.args(["--profile", WASM_PROFILE]);
    }
    cmd.args(["--", "-Clink-args=--emit-relocs"]);
    env.run(&mut cmd)?;
    Ok(target_dir(env)
        .join(WASM_TARGET)
        .join(profile_dir(release))
        .join(format!("{BIN}.wasm")))
}

/// Cargo's output folder for the profile (the dev profile's is `debug`).
fn profile_dir(release: bool) -> &'static str {
    if release { WASM_PROFILE } else { "debug" }
}

fn target_dir(env: &Env) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(|t| env.root.join(t))
        .unwrap_or_else(|| env.root.join("target"))
}

fn link_from_index(staging: &Path, dir: &str) -> Result {
    let path = staging.join("index.html");
    let html = fs::read_to_string(&path).map_err(|e| io_fail(&path, e))?;
    let base = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".to_owned());
    let at = format!("{base}{dir}/");
    let tags = format!(
        "<link rel=\"modulepreload\" href=\"{at}{MAIN_JS}\" />\n  \
         <link rel=\"modulepreload\" href=\"{at}{LINK_JS}\" />\n  \
         <link rel=\"preload\" href=\"{at}{MAIN_WASM}\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\" />\n  \
         <script type=\"module\" src=\"{at}{BOOT_JS}\"></script>\n</head>"
    );
    if !html.contains("</head>") {
        return fail(format!("{} has no </head>", path.display()));
    }
    write(&path, &html.replacen("</head>", &tags, 1))
}

/// `{"fees": ["chunk_3", "split_fees"], …}`: the wasm files (without `.wasm`) each page needs.
fn chunk_map_json(map: &std::collections::HashMap<String, Vec<String>>) -> String {
    let mut pages: Vec<_> = map.iter().collect();
    pages.sort();
    let entries: Vec<String> = pages
        .iter()
        .map(|(page, files)| {
            let files: Vec<String> = files.iter().map(|f| format!("\"{f}\"")).collect();
            format!("  \"{page}\": [{}]", files.join(", "))
        })
        .collect();
    format!("{{\n{}\n}}\n", entries.join(",\n"))
}

/// One hash over every file under `dir`, by relative path and content.
fn hash_dir(dir: &Path) -> Result<String> {
    let mut names = Vec::new();
    crate::sw_stamp::collect(dir, dir, &mut names)?;
    names.sort();
    let mut hash = Fnv::new();
    for name in names {
        let path = dir.join(&name);
        let bytes = fs::read(&path).map_err(|e| io_fail(&path, e))?;
        hash.write(name.as_bytes());
        hash.write(&[0]);
        hash.write(&bytes);
    }
    Ok(format!("{:016x}", hash.0))
}

/// Copies every file under `from` to the same place under `to` (wasm-bindgen's `snippets/`
/// and the reader's `sheet/` are folders).
fn copy_tree(from: &Path, to: &Path) -> Result {
    let mut names = Vec::new();
    crate::sw_stamp::collect(from, from, &mut names)?;
    for name in names {
        let dest = to.join(&name);
        if let Some(parent) = dest.parent() {
            fs::create_dir_all(parent).map_err(|e| io_fail(parent, e))?;
        }
        copy(&from.join(&name), &dest)?;
    }
    Ok(())
}

fn copy(from: &Path, to: &Path) -> Result {
    fs::copy(from, to).map(|_| ()).map_err(|e| io_fail(from, e))
}

fn write(path: &Path, text: &str) -> Result {
    fs::write(path, text).map_err(|e| io_fail(path, e))
}

fn io_fail(path: &Path, e: std::io::Error) -> Failure {
    Failure(format!("{}: {e}", path.display()))
}
