//! Browser end-to-end tests: a shared harness that serves `dist/` and drives headless
//! Chromium through chromedriver.
//!
//! Missing pieces (Chromium, chromedriver, a built `dist/`) fail the tests with a message
//! saying what to do: a skipped browser test would let a broken app pass.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use futures_util::FutureExt;
use serde_json::{Value, json};
use std::future::Future;
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use xtask::static_server::{Logged, StaticServer};

pub mod memory;
pub mod profile;
pub mod remote;
pub mod timing;

pub type Error = Box<dyn std::error::Error + Send + Sync>;
pub type TestResult<T = ()> = Result<T, Error>;

/// How long a condition may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(50);

/// The flags Chromium runs with in every test, plus a fresh `--user-data-dir`.
const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

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

/// Everything started for one test, torn down by `finish` (or on drop).
struct Setup {
    session: Session,
    driver: Child,
    profile: PathBuf,
}

impl Setup {
    async fn start(options: &Options) -> TestResult<Self> {
        let dist = options.dist.clone().unwrap_or_else(dist_dir);
        if !dist.join("index.html").is_file() {
            return Err(format!(
                "{} is missing: build the app first (`cargo xtask test` does, or `trunk build --release`)",
                dist.join("index.html").display()
            )
            .into());
        }
        let chromium = find_program(&["chromium", "chromium-browser", "google-chrome"]).ok_or(
            "Chromium not found on PATH: install it (Debian: `apt-get install chromium chromium-driver`)",
        )?;
        let chromedriver = find_program(&["chromedriver"]).ok_or(
            "chromedriver not found on PATH: install it (Debian: `apt-get install chromium-driver`)",
        )?;

        let server = StaticServer::start_with(&dist, "127.0.0.1:0", options.slow_line)?;
        let base_url = server.url();

        let port = free_port()?;
        let mut driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", chromedriver.display()))?;
        if let Err(e) = wait_for_port(port).await {
            let _ = driver.kill();
            return Err(e);
        }

        let profile =
            std::env::temp_dir().join(format!("poolcalc-e2e-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&profile)?;
        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|f| (*f).to_owned()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": args,
                "prefs": { "intl": { "accept_languages": options.language } },
            },
            // The console, where the browser says what a Content-Security-Policy refused.
            "goog:loggingPrefs": { "browser": "ALL" },
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!("json! object literal");
        };
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = match ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(c) => c,
            Err(e) => {
                let _ = driver.kill();
                return Err(format!("cannot open a Chromium session: {e}").into());
            }
        };
        client
            .set_window_size(options.width, options.height)
            .await?;
        if options.slow_line {
            client.issue_cmd(SLOW_LINE).await?;
        }
        Ok(Setup {
            session: Session {
                client,
                base_url,
                server: Arc::new(Mutex::new(Some(server))),
                driver_pid: driver.id(),
            },
            driver,
            profile,
        })
    }

    async fn finish(mut self) {
        let _ = self.session.client.clone().close().await;
        self.cleanup();
    }

    fn cleanup(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        if let Ok(mut server) = self.session.server.lock() {
            server.take();
        }
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

impl Drop for Setup {
    fn drop(&mut self) {
        self.cleanup();
    }
}

fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|candidate| candidate.is_file())
    })
}

fn free_port() -> TestResult<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

async fn wait_for_port(port: u16) -> TestResult {
    let deadline = Instant::now() + WAIT;
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            return Err(format!("chromedriver did not listen on port {port}").into());
        }
        tokio::time::sleep(POLL).await;
    }
    Ok(())
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

fn by_testid(testid: &str) -> String {
    format!("[data-testid=\"{testid}\"]")
}

impl Session {
    /// Opens `path` (relative to the served app, e.g. "" or "fees").
    pub async fn open(&self, path: &str) -> TestResult {
        Ok(self
            .client
            .goto(&format!("{}{path}", self.base_url))
            .await?)
    }

    /// Bytes of response bodies the server has sent in this test, as sent (compressed when
    /// the test serves precompressed copies).
    pub fn bytes_served(&self) -> u64 {
        self.server
            .lock()
            .ok()
            .and_then(|s| s.as_ref().map(StaticServer::bytes_sent))
            .unwrap_or(0)
    }

    /// chromedriver's process id, under which the browser's processes run (`memory`).
    pub fn driver_pid(&self) -> u32 {
        self.driver_pid
    }

    /// Stops the static server: from now on the network for the app is gone.
    pub fn stop_server(&self) {
        let server = self.server.lock().ok().and_then(|mut s| s.take());
        if let Some(server) = server {
            server.stop();
        }
    }

    /// The requests the app's server has answered so far (none once it is stopped).
    pub fn requests(&self) -> Vec<Logged> {
        self.server
            .lock()
            .ok()
            .and_then(|s| s.as_ref().map(StaticServer::requests))
            .unwrap_or_default()
    }

    /// The browser console's messages since the last call, the browser's own included (a
    /// Content-Security-Policy refusal is said there, whatever the page does).
    pub async fn browser_log(&self) -> TestResult<Vec<String>> {
        let entries = self.client.issue_cmd(BrowserLog).await?;
        let entries = entries
            .as_array()
            .ok_or_else(|| format!("the browser log is not a list: {entries}"))?;
        Ok(entries
            .iter()
            .map(|e| {
                format!(
                    "{} {}",
                    e["level"].as_str().unwrap_or_default(),
                    e["message"].as_str().unwrap_or_default()
                )
            })
            .collect())
    }

    /// Text of the element with `data-testid`, if it is there.
    pub async fn text(&self, testid: &str) -> Option<String> {
        let el = self
            .client
            .find(Locator::Css(&by_testid(testid)))
            .await
            .ok()?;
        el.text().await.ok()
    }

    /// Waits until the element with `data-testid` shows exactly `expected`.
    pub async fn wait_text(&self, testid: &str, expected: &str) -> TestResult {
        let deadline = Instant::now() + WAIT;
        loop {
            let seen = self.text(testid).await;
            if seen.as_deref().map(str::trim) == Some(expected) {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "waited {WAIT:?} for [data-testid={testid}] to read {expected:?}, last saw {seen:?}"
                )
                .into());
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until a page whose code cannot be fetched says so, inside the working shell
    /// (its navigation still there): never a blank page.
    pub async fn wait_chunk_failed(&self) -> TestResult {
        self.wait_js(
            "the chunk-failed message",
            "return !!document.querySelector('[data-testid=chunk-failed]');",
        )
        .await?;
        self.wait_text("nav-overview", "Overview").await
    }

    /// Types `value` into the input `input_testid` and times the page's answer in its own
    /// clock: until the first change inside `observed` (a CSS selector), until that change's
    /// style and layout are forced at once, and until the first frame after. Returns the
    /// three in ms, or an error when nothing changed within 5 s.
    pub async fn timed_edit(
        &self,
        input_testid: &str,
        observed: &str,
        value: &str,
    ) -> TestResult<(f64, f64, f64)> {
        let script = format!(
            "const done = arguments[arguments.length - 1];
             const input = document.querySelector({input:?});
             const t0 = performance.now();
             let first = -1, laid = -1;
             const obs = new MutationObserver(() => {{
               obs.disconnect();
               first = performance.now() - t0;
               document.body.getBoundingClientRect();
               laid = performance.now() - t0;
             }});
             obs.observe(document.querySelector({observed:?}), {{subtree: true, childList: true, characterData: true}});
             const painted = () => requestAnimationFrame(() => setTimeout(() => {{
               if (first >= 0) {{ done([first, laid, performance.now() - t0]); }} else {{ painted(); }}
             }}, 0));
             setTimeout(() => {{ obs.disconnect(); done([-1, -1, -1]); }}, 5000);
             input.value = {value:?};
             input.dispatchEvent(new Event('input', {{bubbles: true}}));
             painted();",
            input = format!("[data-testid=\"{input_testid}\"]"),
        );
        let v = self.client.execute_async(&script, vec![]).await?;
        let at = |i: usize| v[i].as_f64().unwrap_or(-1.0);
        if at(0) < 0.0 {
            return Err(
                format!("nothing in {observed} changed after typing into {input_testid}").into(),
            );
        }
        Ok((at(0), at(1), at(2)))
    }

    /// The duration of the latest performance measure `name` the page recorded, in ms.
    pub async fn last_measure(&self, name: &str) -> TestResult<f64> {
        let v = self
            .js(&format!(
                "const m = performance.getEntriesByName({name:?}); return m.length ? m[m.length - 1].duration : -1;"
            ))
            .await?;
        Ok(v.as_f64().unwrap_or(-1.0))
    }

    /// Waits until the text of the element with `data-testid` contains `part`.
    pub async fn wait_contains(&self, testid: &str, part: &str) -> TestResult {
        self.wait_contains_within(testid, part, WAIT).await
    }

    /// Waits up to `limit` until the element with `data-testid` contains `part`.
    pub async fn wait_contains_within(
        &self,
        testid: &str,
        part: &str,
        limit: Duration,
    ) -> TestResult {
        let script = format!(
            "const e = document.querySelector('[data-testid=\"{testid}\"]');
             return !!e && e.textContent.includes({part:?});"
        );
        let what = format!("[data-testid={testid}] to contain {part:?}");
        self.wait_js_within(&what, &script, limit).await
    }

    /// Runs `script` (a function body that returns a value) in the page.
    pub async fn js(&self, script: &str) -> TestResult<Value> {
        Ok(self.client.execute(script, vec![]).await?)
    }

    /// Waits until `script` returns `true`.
    pub async fn wait_js(&self, what: &str, script: &str) -> TestResult {
        self.wait_js_within(what, script, WAIT).await
    }

    /// Waits up to `limit` until `script` returns `true` (for the 100,000-patent pool, whose
    /// load in a debug build takes longer than `WAIT`).
    pub async fn wait_js_within(&self, what: &str, script: &str, limit: Duration) -> TestResult {
        let deadline = Instant::now() + limit;
        loop {
            // Errors while the page reloads are expected; only the deadline fails.
            if let Ok(Value::Bool(true)) = self.client.execute(script, vec![]).await {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!("waited {limit:?} for {what}").into());
            }
            tokio::time::sleep(POLL).await;
        }
    }

    pub async fn html_lang(&self) -> TestResult<String> {
        Ok(self
            .js("return document.documentElement.lang;")
            .await?
            .as_str()
            .unwrap_or_default()
            .to_owned())
    }

    pub async fn click(&self, testid: &str) -> TestResult {
        // Waits for the element: right after `open`, the app may not have drawn it yet.
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(&by_testid(testid)))
            .await?
            .click()
            .await?;
        Ok(())
    }

    /// Presses and releases one key on whatever has focus, as a keyboard would.
    pub async fn press(&self, key: Key) -> TestResult {
        let value: char = key.into();
        let actions = KeyActions::new("keyboard".to_owned())
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
        self.client.perform_actions(actions).await?;
        Ok(())
    }

    /// Focuses the element with `testid` and presses Enter on it, as a keyboard user would.
    pub async fn press_enter_on(&self, testid: &str) -> TestResult {
        // The app moves the cursor in an animation frame after Add, Copy and Remove; two
        // frames drawn first let such a move land before this focus, not between it and Enter.
        self.js(
            "window.__poolcalcFrames = 0;
             requestAnimationFrame(() => requestAnimationFrame(() => { window.__poolcalcFrames = 2; }));
             return true;",
        )
        .await?;
        self.wait_js(
            "two animation frames",
            "return window.__poolcalcFrames === 2;",
        )
        .await?;
        self.js(&format!(
            "document.querySelector('{}').focus(); return true;",
            by_testid(testid)
        ))
        .await?;
        self.press(Key::Enter).await
    }

    /// Whether the element with `testid` is shown and lies across no edge of the viewport.
    pub async fn inside_viewport(&self, testid: &str) -> TestResult<bool> {
        Ok(self
            .js(&format!(
                "const e = document.querySelector('{}'); if (!e) return false;
                 const r = e.getBoundingClientRect();
                 return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth;",
                by_testid(testid)
            ))
            .await?
            .as_bool()
            .unwrap_or(false))
    }

    /// Shift+Tab: moves focus back, as a keyboard user does to return to the navigation.
    pub async fn press_shift_tab(&self) -> TestResult {
        let (shift, tab): (char, char) = (Key::Shift.into(), Key::Tab.into());
        let actions = KeyActions::new("keyboard".to_owned())
            .then(KeyAction::Down { value: shift })
            .then(KeyAction::Down { value: tab })
            .then(KeyAction::Up { value: tab })
            .then(KeyAction::Up { value: shift });
        self.client.perform_actions(actions).await?;
        Ok(())
    }

    /// `data-testid` of the focused element ("" when it has none).
    pub async fn focused_testid(&self) -> TestResult<String> {
        Ok(self
            .js("const e = document.activeElement; return (e && e.getAttribute('data-testid')) || '';")
            .await?
            .as_str()
            .unwrap_or_default()
            .to_owned())
    }

    /// Milliseconds from navigation start to the app's `poolcalc-first-render` mark.
    pub async fn first_render_ms(&self) -> TestResult<f64> {
        self.wait_js(
            "the first-render mark",
            "return performance.getEntriesByName('poolcalc-first-render').length > 0;",
        )
        .await?;
        self.js("return performance.getEntriesByName('poolcalc-first-render')[0].startTime;")
            .await?
            .as_f64()
            .ok_or_else(|| "first-render mark has no start time".into())
    }
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
