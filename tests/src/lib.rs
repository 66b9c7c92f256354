//! Browser end-to-end tests: a shared harness that serves `dist/` and drives headless
//! Chromium through chromedriver.
//!
//! Missing pieces (Chromium, chromedriver, a built `dist/`) fail the tests with a message
//! saying what to do: a skipped browser test would let a broken app pass.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, Locator};
use futures_util::FutureExt;
use serde_json::{Value, json};
use std::future::Future;
use std::io::Write;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use xtask::static_server::{Logged, StaticServer};

pub mod fees_page;
pub mod memory;
pub mod profile;
pub mod remote;
pub mod timing;

mod cli;
mod session;
mod setup;

pub use cli::*;
use setup::Setup;

pub type Error = Box<dyn std::error::Error + Send + Sync>;
pub type TestResult<T = ()> = Result<T, Error>;

/// How long a condition may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(50);

/// The built app the tests drive: `dist/`, or `$POOLCALC_DIST` (so several builds, e.g. of
/// developers working side by side, can be tested without overwriting each other).
pub fn dist_dir() -> PathBuf {
    std::env::var_os("POOLCALC_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("dist"))
}

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(".."))
}

/// Browser window and language for one test.
#[derive(Clone, Debug)]
pub struct Options {
    pub width: u32,
    pub height: u32,
    /// Sent as the browser's preferred language (Chromium's `intl.accept_languages`).
    pub language: &'static str,
    /// The built app to serve, when not `dist_dir()` (a copy a test may change).
    pub dist: Option<PathBuf>,
    /// A first visit as over a phone's line: the server sends the build's precompressed
    /// copies and Chromium's network emulation slows the page down to `SLOW_LINE`.
    pub slow_line: bool,
}

/// Chromium network emulation for `Options::slow_line`: about 1.6 Mbit/s down and up, with
/// 150 ms added to every round trip.
pub const SLOW_LINE: NetworkConditions = NetworkConditions {
    latency_ms: 150,
    bytes_per_second: 200_000,
};

impl Options {
    pub fn desktop() -> Self {
        Options {
            width: 1280,
            height: 900,
            language: "en-US",
            dist: None,
            slow_line: false,
        }
    }

    pub fn phone() -> Self {
        Options {
            width: 360,
            height: 780,
            ..Self::desktop()
        }
    }

    pub fn language(mut self, language: &'static str) -> Self {
        self.language = language;
        self
    }

    pub fn dist(mut self, dir: PathBuf) -> Self {
        self.dist = Some(dir);
        self
    }

    pub fn slow_line(mut self) -> Self {
        self.slow_line = true;
        self
    }
}

/// chromedriver's own command for Chromium's network emulation (WebDriver has none).
#[derive(Clone, Copy, Debug)]
pub struct NetworkConditions {
    pub latency_ms: u32,
    pub bytes_per_second: u32,
}

impl WebDriverCompatibleCommand for NetworkConditions {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/chromium/network_conditions",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let conditions = json!({ "network_conditions": {
            "offline": false,
            "latency": self.latency_ms,
            "download_throughput": self.bytes_per_second,
            "upload_throughput": self.bytes_per_second,
        }});
        (http::Method::POST, Some(conditions.to_string()))
    }
}

/// What a test body gets: the browser, and the server it can stop.
#[derive(Clone)]
pub struct Session {
    pub client: Client,
    pub base_url: String,
    server: Arc<Mutex<Option<StaticServer>>>,
    /// chromedriver's process: the browser's processes are below it (`memory`).
    driver_pid: u32,
}

/// Runs `body` in a fresh browser against a fresh server for `dist/`; on failure saves a
/// screenshot to `target/e2e-screenshots/<name>.png` and fails the test.
pub async fn run<F, Fut>(name: &str, options: Options, body: F)
where
    F: FnOnce(Session) -> Fut,
    Fut: Future<Output = TestResult>,
{
    let setup = match Setup::start(&options).await {
        Ok(setup) => setup,
        Err(e) => panic!("{name}: could not start the browser test setup: {e}"),
    };
    let session = setup.session.clone();
    let outcome = AssertUnwindSafe(body(session)).catch_unwind().await;
    let failure = match outcome {
        Ok(Ok(())) => None,
        Ok(Err(e)) => Some(e.to_string()),
        Err(panic) => Some(
            panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_else(|| "panic".to_owned()),
        ),
    };
    let screenshot = match &failure {
        Some(_) => Some(save_screenshot(&setup.session.client, name).await),
        None => None,
    };
    setup.finish().await;
    if let Some(message) = failure {
        let shot = match screenshot {
            Some(Ok(path)) => format!("screenshot: {}", path.display()),
            Some(Err(e)) => format!("no screenshot: {e}"),
            None => String::new(),
        };
        panic!("{name} failed: {message}\n{shot}");
    }
}

async fn save_screenshot(client: &Client, name: &str) -> TestResult<PathBuf> {
    let dir = workspace_root().join("target/e2e-screenshots");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, client.screenshot().await?)?;
    Ok(path)
}

/// ChromeDriver's command for the browser log (not part of W3C WebDriver, so fantoccini has
/// no method for it).
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.to_owned()))
    }
}

/// A copy of the built app in a fresh temporary directory, for a test that changes files.
pub fn copy_of_dist(name: &str) -> TestResult<PathBuf> {
    let to = std::env::temp_dir().join(format!("poolcalc-dist-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&to);
    copy_dir(&dist_dir(), &to)?;
    Ok(to)
}

fn copy_dir(from: &Path, to: &Path) -> TestResult {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let path = entry?.path();
        let target = to.join(path.file_name().ok_or("a file without a name")?);
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            std::fs::copy(&path, &target)?;
        }
    }
    Ok(())
}

/// Prints a measured timing and appends it to `target/e2e-metrics/budgets.txt` for
/// `cargo xtask test` to show: cargo test hides what a passing test prints. A file that
/// cannot be written is said on stderr but fails no test (the timing is still printed).
pub fn report_metric(line: &str) {
    println!("{line}");
    let path = workspace_root().join(xtask::BUDGETS_FILE);
    let written = path
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| {
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
        })
        // One write per line: tests run in parallel threads and append to the same file.
        .and_then(|mut file| file.write_all(format!("{line}\n").as_bytes()));
    if let Err(e) = written {
        eprintln!("cannot append to {}: {e}", path.display());
    }
}

/// Leaves the measured first-render time for `cargo xtask test` to report.
pub fn record_first_render(ms: f64) -> TestResult {
    let path = workspace_root().join(xtask::FIRST_RENDER_FILE);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&path, format!("{ms:.1}\n"))?;
    Ok(())
}
