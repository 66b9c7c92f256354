//! What one browser test starts and tears down: the static server for `dist/`,
//! chromedriver on a free port, and Chromium with a fresh profile.

use crate::{Options, POLL, SLOW_LINE, Session, TestResult, WAIT, dist_dir};
use fantoccini::ClientBuilder;
use serde_json::{Value, json};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use xtask::static_server::StaticServer;

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

/// Everything started for one test, torn down by `finish` (or on drop).
pub(crate) struct Setup {
    pub(crate) session: Session,
    driver: Child,
    profile: PathBuf,
}

impl Setup {
    pub(crate) async fn start(options: &Options) -> TestResult<Self> {
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

    pub(crate) async fn finish(mut self) {
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
