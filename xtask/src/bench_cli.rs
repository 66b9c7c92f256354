//! `cargo xtask bench-cli`: the CLI's whole job (read, parse, validate, index, one year's
//! distribution) on the synthetic pools of issue 15, timed as a process, with its peak memory,
//! against the budgets. The pools are generated into `target/bench-cli/` once (same arguments,
//! same bytes) and kept for the next run.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::cmd::{Env, Result, fail};

/// One measured pool: its `poolcalc synth` arguments, runs and budget.
struct Case {
    name: &'static str,
    synth: [&'static str; 8],
    runs: usize,
    budget_ms: f64,
}

const CASES: [Case; 2] = [
    Case {
        name: "100k",
        synth: [
            "--members",
            "300",
            "--patents",
            "100000",
            "--countries",
            "150",
            "--licensees",
            "2000",
        ],
        runs: 7,
        budget_ms: 100.0,
    },
    Case {
        name: "1m",
        synth: [
            "--members",
            "3000",
            "--patents",
            "1000000",
            "--countries",
            "150",
            "--licensees",
            "20000",
        ],
        runs: 3,
        budget_ms: 1500.0,
    },
];

/// The year whose distribution is computed (inside the pools' 2026–2035).
const YEAR: &str = "2030";

pub fn run(env: &Env) -> Result {
    env.run(
        env.command("cargo")
            .args(["build", "--release", "-p", "poolcalc-cli"]),
    )?;
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| env.root.join("target"), PathBuf::from);
    let cli = target.join("release/poolcalc");
    let dir = target.join("bench-cli");
    std::fs::create_dir_all(&dir)
        .map_err(|e| crate::cmd::Failure(format!("{}: {e}", dir.display())))?;
    // Peak memory is measured by /usr/bin/time where it is installed.
    let time = Some(Path::new("/usr/bin/time")).filter(|t| t.is_file());
    println!("\nwhole job: poolcalc distribute --dataset F --year {YEAR} --json");
    for case in &CASES {
        let file = dir.join(format!("synth-{}.json", case.name));
        if !file.is_file() {
            generate(&cli, &case.synth, &file)?;
        }
        let size = std::fs::metadata(&file).map_or(0, |m| m.len());
        let mut walls = Vec::new();
        let mut peak_kb = 0;
        for _ in 0..case.runs {
            let (wall, kb) = timed(time, &cli, &file)?;
            walls.push(wall);
            peak_kb = peak_kb.max(kb);
        }
        walls.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let median = ms(walls[walls.len() / 2]);
        println!(
            "budget: CLI whole job, {} ({:.1} MB): median {median:.0} ms (min {:.0}, max {:.0}) of {} ms budget (ratio {:.2}); peak RSS {}; load average {}",
            case.name,
            size as f64 / 1e6,
            ms(walls[0]),
            ms(walls[walls.len() - 1]),
            case.budget_ms,
            median / case.budget_ms,
            if peak_kb > 0 {
                format!(
                    "{:.0} MB ({:.1}× the file)",
                    peak_kb as f64 / 1e3,
                    peak_kb as f64 * 1e3 / size.max(1) as f64
                )
            } else {
                "not measured (no /usr/bin/time)".to_owned()
            },
            load_average()
        );
    }
    Ok(())
}

fn generate(cli: &Path, args: &[&str], file: &Path) -> Result {
    println!("generating {}", file.display());
    let out = std::fs::File::create(file)
        .map_err(|e| crate::cmd::Failure(format!("{}: {e}", file.display())))?;
    let status = Command::new(cli)
        .arg("synth")
        .args(args)
        .stdout(out)
        .status();
    match status {
        Ok(s) if s.success() => Ok(()),
        other => {
            let _ = std::fs::remove_file(file);
            fail(format!(
                "poolcalc synth {} failed: {other:?}",
                args.join(" ")
            ))
        }
    }
}

/// Wall time of the whole job, and its peak resident memory in KB when `/usr/bin/time`
/// is there to measure it (0 otherwise).
fn timed(time: Option<&Path>, cli: &Path, file: &Path) -> Result<(Duration, u64)> {
    let mut cmd = match time {
        Some(time) => {
            let mut cmd = Command::new(time);
            cmd.args(["-f", "%M"]).arg(cli);
            cmd
        }
        None => Command::new(cli),
    };
    cmd.args(["distribute", "--dataset"])
        .arg(file)
        .args(["--year", YEAR, "--json"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let out = cmd.output();
    let wall = started.elapsed();
    match out {
        Ok(o) if o.status.success() => {
            let text = String::from_utf8_lossy(&o.stderr);
            let kb = text.lines().last().and_then(|l| l.trim().parse().ok());
            Ok((wall, time.and(kb).unwrap_or(0)))
        }
        other => fail(format!(
            "poolcalc distribute on {} failed: {other:?}",
            file.display()
        )),
    }
}

/// The machine's load average (1, 5, 15 minutes): figures on a shared machine swing with it.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".to_owned())
}
