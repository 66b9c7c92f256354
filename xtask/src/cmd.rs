//! Running external commands: every step prints what it runs, and the first failure stops.

use std::ffi::OsStr;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Why a task stopped; printed once by `main`.
#[derive(Debug)]
pub struct Failure(pub String);

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub type Result<T = ()> = std::result::Result<T, Failure>;

pub fn fail<T>(msg: impl Into<String>) -> Result<T> {
    Err(Failure(msg.into()))
}

/// The checkout this task was started in: the nearest directory, from the current one
/// upwards, holding `xtask/Cargo.toml`. Found at run time, not from the compile-time
/// manifest path, because a shared target directory may hold a binary built in another
/// checkout.
fn find_root() -> PathBuf {
    let start = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    start
        .ancestors()
        .find(|dir| dir.join("xtask/Cargo.toml").is_file())
        .map(Path::to_path_buf)
        .unwrap_or(start)
}

/// Where the repository and the tools it installs live.
pub struct Env {
    pub root: PathBuf,
    path: String,
}

impl Env {
    pub fn new() -> Self {
        let root = find_root();
        // Tools installed by this task must win over older copies elsewhere on PATH: trunk
        // looks up wasm-opt and wasm-bindgen by name and would otherwise download its own.
        let mut dirs = vec![root.join(".tools/node_modules/.bin")];
        if let Some(home) = std::env::var_os("HOME") {
            dirs.push(PathBuf::from(home).join(".cargo/bin"));
        }
        let mut path = dirs
            .iter()
            .map(|d| d.display().to_string())
            .collect::<Vec<_>>()
            .join(":");
        if let Ok(existing) = std::env::var("PATH") {
            path.push(':');
            path.push_str(&existing);
        }
        Self { root, path }
    }

    /// A command run from the repository root with the task's PATH.
    pub fn command(&self, program: impl AsRef<OsStr>) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(&self.root).env("PATH", &self.path);
        cmd
    }

    /// Runs `cmd`, printing it first; a non-zero exit is a failure.
    pub fn run(&self, cmd: &mut Command) -> Result {
        let shown = show(cmd);
        println!("\n==> {shown}");
        let started = Instant::now();
        match cmd.status() {
            Ok(status) if status.success() => {
                println!("    (took {})", elapsed(started));
                Ok(())
            }
            Ok(status) => fail(format!("`{shown}` failed ({status})")),
            Err(e) => fail(format!("could not start `{shown}`: {e}")),
        }
    }

    /// Runs `program args` quietly and returns its stdout, or `None` if it is missing or fails.
    pub fn probe(&self, program: &str, args: &[&str]) -> Option<String> {
        let out = self
            .command(program)
            .args(args)
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
    }
}

fn show(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        s.push(' ');
        s.push_str(&arg.to_string_lossy());
    }
    for (key, value) in cmd.get_envs() {
        if let Some(value) = value
            && key != "PATH"
        {
            s = format!("{}={} {s}", key.to_string_lossy(), value.to_string_lossy());
        }
    }
    s
}

/// "2m05s" or "4.2s": how long since `started`.
pub fn elapsed(started: Instant) -> String {
    let secs = started.elapsed().as_secs_f64();
    if secs < 60.0 {
        format!("{secs:.1}s")
    } else {
        format!("{}m{:02}s", (secs / 60.0) as u64, (secs % 60.0) as u64)
    }
}
