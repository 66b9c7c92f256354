//! Project tasks: `cargo xtask serve`, `cargo xtask test`, `cargo xtask bench-cli` and the build's hooks.

mod bench_cli;
mod cmd;
mod precompress;
mod report;
mod size_report;
mod split_build;
mod sw_stamp;
mod tools;

use cmd::{Env, Result, fail};
use std::path::PathBuf;
use std::process::ExitCode;
use xtask::static_server::StaticServer;

const USAGE: &str = "usage:
  cargo xtask serve [--port N]   install what is missing, build the release app, serve it on 127.0.0.1
  cargo xtask test               install what is missing, then fmt, clippy, tests, wasm build, browser tests
  cargo xtask bench-cli          build the release CLI, time its whole job on the synthetic 100k and 1M pools against the budgets
  cargo xtask post-build         (trunk hook) build the split wasm into $TRUNK_STAGING_DIR, link it
                                 from index.html, write the CSP into it, stamp sw.js, write
                                 .br/.gz beside every file
  cargo xtask sizes              print the built wasm's sizes (first page and every chunk)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let env = Env::new();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&env, &args[1..]),
        Some("test") => test(&env),
        Some("bench-cli") => bench_cli::run(&env),
        Some("post-build") => post_build(&env),
        Some("sizes") => size_report::wasm_sizes(&env.root.join("dist")),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("\nxtask: FAILED: {failure}");
            ExitCode::FAILURE
        }
    }
}

fn serve(env: &Env, args: &[String]) -> Result {
    let port = match args {
        [] => 8080,
        [flag, port] if flag == "--port" => match port.parse::<u16>() {
            Ok(p) => p,
            Err(_) => return fail(format!("--port wants a number, got {port:?}")),
        },
        _ => return fail(format!("unexpected arguments {args:?}\n{USAGE}")),
    };
    let pins = tools::pins(env)?;
    tools::ensure_build_tools(env, &pins)?;
    build_web(env, &pins)?;
    let dist = env.root.join("dist");
    let server = StaticServer::start(&dist, ("127.0.0.1", port))
        .map_err(|e| cmd::Failure(format!("cannot listen on 127.0.0.1:{port}: {e}")))?;
    println!("\npoolcalc is served at {}  (Ctrl+C to stop)", server.url());
    server.wait();
    Ok(())
}

fn test(env: &Env) -> Result {
    let started = std::time::Instant::now();
    let pins = tools::pins(env)?;
    tools::ensure_build_tools(env, &pins)?;
    tools::ensure_browser(env)?;

    env.run(env.command("cargo").args(["fmt", "--all", "--check"]))?;
    env.run(env.command("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    env.run(env.command("cargo").args([
        "clippy",
        "-p",
        "poolcalc-web",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;
    env.run(
        env.command("cargo")
            .args(["test", "--workspace", "--exclude", "poolcalc-e2e"]),
    )?;
    build_web(env, &pins)?;
    size_report::wasm_sizes(&env.root.join("dist"))?;

    // Only this run's measurements are reported: the tests write these afresh.
    for metrics in [report::FIRST_RENDER_FILE, report::BUDGETS_FILE] {
        let _ = std::fs::remove_file(env.root.join(metrics));
    }
    // One browser at a time: the timing tests share a file with other tests, and on a
    // 2-core machine parallel Chromiums would measure each other instead of the app.
    env.run(
        env.command("cargo")
            .args(["test", "-p", "poolcalc-e2e", "--", "--test-threads=1"]),
    )?;
    report::first_render(&env.root);
    report::budgets(&env.root);
    println!(
        "\nxtask test: all steps passed in {}",
        cmd::elapsed(started)
    );
    Ok(())
}

/// The release build of the web app into `dist/`.
fn build_web(env: &Env, pins: &tools::Pins) -> Result {
    // trunk runs offline below so it can never fetch tools of its own; the crates must be
    // in cargo's cache first.
    env.run(env.command("cargo").args(["fetch"]))?;
    env.run(
        env.command("trunk")
            .args(["build", "--release", "--offline"])
            .env("TRUNK_TOOLS_WASM_BINDGEN", &pins.wasm_bindgen),
    )
}

/// Trunk's post_build hook: trunk has put the stylesheet, index.html and the copied files
/// into its staging directory; the wasm, the service worker's stamp and the compressed
/// copies come here, in that order (the stamp lists the wasm files, the copies include sw.js).
fn post_build(env: &Env) -> Result {
    let Some(staging) = std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from) else {
        return fail("post-build runs as trunk's hook and needs TRUNK_STAGING_DIR");
    };
    let release = std::env::var("TRUNK_PROFILE").as_deref() != Ok("debug");
    split_build::build(env, &staging, release)?;
    // The policy after the wasm links (index.html changes), before the worker's stamp (its
    // version hashes index.html) and before the compressed copies (they include both).
    let policy = xtask::csp::stamp(&staging).map_err(cmd::Failure)?;
    println!("index.html: Content-Security-Policy {policy}");
    sw_stamp::stamp(&staging)?;
    precompress::precompress(&staging)
}
