//! Project tasks: `cargo xtask serve`, `cargo xtask test` and `cargo xtask bench-cli`.

mod bench_cli;
mod cmd;
mod report;
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
  cargo xtask stamp-sw [DIR]     (trunk hook) write the CSP into DIR/index.html, cache version and precache list into DIR/sw.js";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let env = Env::new();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&env, &args[1..]),
        Some("test") => test(&env),
        Some("bench-cli") => bench_cli::run(&env),
        Some("stamp-sw") => stamp_sw(&args[1..]),
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
    report::wasm_size(&env.root.join("dist"))?;

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

fn stamp_sw(args: &[String]) -> Result {
    let dir = match args.first() {
        Some(d) => PathBuf::from(d),
        None => match std::env::var_os("TRUNK_STAGING_DIR") {
            Some(d) => PathBuf::from(d),
            None => return fail("stamp-sw needs a directory or TRUNK_STAGING_DIR"),
        },
    };
    // The policy first: index.html changes, and the worker's version hashes it.
    let policy = xtask::csp::stamp(&dir).map_err(cmd::Failure)?;
    println!("index.html: Content-Security-Policy {policy}");
    sw_stamp::stamp(&dir)
}
