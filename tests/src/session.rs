//! What a test does in the browser: open a page, read and wait for what a person sees, click,
//! type, press keys, run a script.

use super::*;

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
