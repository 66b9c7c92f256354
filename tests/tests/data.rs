//! The Data page in a real browser: every bundled dataset opens and shows its overview, an
//! invalid file shows its problems and keeps the dataset in use, a URL that cannot be read is
//! explained, the choice survives a reload, a big download shows its progress, and a file
//! dropped on the page opens like a chosen one.

use fantoccini::Locator;
use poolcalc_e2e::{Options, Session, TestResult, default_pool_name, dist_dir, run};
use serde_json::{Value, json};
use std::time::Duration;

/// How long the 100,000-patent pool may take to open in a debug build on a busy machine.
const BIG_LOAD: Duration = Duration::from_secs(180);

/// (id, English pool name) of every bundled dataset, read from the built app's files.
fn bundled() -> TestResult<Vec<(String, String)>> {
    let dir = dist_dir().join("datasets");
    let index: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("index.json"))?)?;
    let mut out = Vec::new();
    for entry in index["datasets"]
        .as_array()
        .ok_or("index.json: no datasets")?
    {
        let id = entry["id"].as_str().ok_or("entry without id")?.to_owned();
        let file = entry["file"].as_str().ok_or("entry without file")?;
        let dataset: Value = serde_json::from_str(&std::fs::read_to_string(dir.join(file))?)?;
        let name = &dataset["pool"]["name"];
        let name = name
            .as_str()
            .or_else(|| name["en"].as_str())
            .ok_or("pool.name without text")?
            .to_owned();
        out.push((id, name));
    }
    Ok(out)
}

/// Waits until the element's text contains `part`.
async fn wait_contains(s: &Session, testid: &str, part: &str) -> TestResult {
    let script = format!(
        "const e = document.querySelector('[data-testid=\"{testid}\"]');
         return !!e && e.textContent.includes({part:?});"
    );
    s.wait_js(
        &format!("[data-testid={testid}] to contain {part:?}"),
        &script,
    )
    .await
}

/// Drops a file named `name` holding `text` on the Data page's drop zone, as a drag from the
/// desktop does: `dragenter`, `dragover` (which the page must cancel, or the browser would
/// open the file itself), then `drop`.
async fn drop_file(s: &Session, name: &str, text: &str) -> TestResult {
    let seen = s
        .client
        .execute(
            "const [name, text] = arguments;
             const zone = document.querySelector('[data-testid=data-drop]');
             const dataTransfer = new DataTransfer();
             dataTransfer.items.add(new File([text], name, { type: 'application/json' }));
             const fire = (type) => zone.dispatchEvent(
               new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer }));
             // The page redraws the zone after each event, not during it.
             const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
             return (async () => {
               fire('dragenter');
               const cancelled = !fire('dragover');
               await settle();
               const highlighted = zone.classList.contains('dragging');
               fire('drop');
               await settle();
               return { cancelled, highlighted, after: zone.classList.contains('dragging') };
             })();",
            vec![json!(name), json!(text)],
        )
        .await?;
    if seen != json!({ "cancelled": true, "highlighted": true, "after": false }) {
        return Err(format!(
            "the drop zone should cancel dragover and be highlighted only while a file is over it: {seen}"
        )
        .into());
    }
    Ok(())
}

#[tokio::test]
async fn every_bundled_dataset_opens_and_shows_its_overview() {
    run(
        "every_bundled_dataset_opens_and_shows_its_overview",
        Options::desktop(),
        |s| async move {
            s.open("data").await?;
            s.wait_text("pool-name", &default_pool_name("en")?).await?;
            for (id, name) in bundled()? {
                // The 100,000-patent pool has its own timing test (explorer.rs).
                if id == "synth-100k" {
                    continue;
                }
                s.click(&format!("data-open-{id}")).await?;
                s.wait_text("pool-name", &name).await?;
                s.wait_text("data-in-use", &name).await?;
                s.click("nav-overview").await?;
                s.wait_text("explorer-pool-name", &name).await?;
                s.wait_js(
                    "the overview's counts and schedules",
                    "return !!document.querySelector('[data-testid=explorer-count-patents]')
                        && !!document.querySelector('[data-testid=explorer-schedules] table')
                        && !!document.querySelector('[data-testid=explorer-disc-patent_list]');",
                )
                .await?;
                s.wait_text(
                    "explorer-illustrative",
                    "Parts of this dataset are made up: it does not describe a real pool's terms.",
                )
                .await?;
                s.click("nav-data").await?;
                s.wait_text("page-title", "Data").await?;
            }
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn an_invalid_file_shows_every_problem_and_keeps_the_dataset() {
    run(
        "an_invalid_file_shows_every_problem_and_keeps_the_dataset",
        Options::desktop(),
        |s| async move {
            let default = default_pool_name("en")?;
            s.open("data").await?;
            s.wait_text("pool-name", &default).await?;

            let dir =
                std::env::temp_dir().join(format!("poolcalc-e2e-data-{}", std::process::id()));
            std::fs::create_dir_all(&dir)?;
            let path = dir.join("broken.json");
            // Two problems the engine reports by path: a JSON number where a decimal string
            // belongs, and a patent whose member does not exist is only checked once reading
            // succeeds, so keep to reading problems here.
            let mut ds: Value = serde_json::from_str(&std::fs::read_to_string(
                dist_dir().join("datasets/worked-example.json"),
            )?)?;
            ds["patents"][0]["weight"] = serde_json::json!(2);
            ds["members"][1]["joined"] = serde_json::json!("2028-02-30");
            std::fs::write(&path, ds.to_string())?;

            let input = s
                .client
                .find(Locator::Css("[data-testid=\"data-file\"]"))
                .await?;
            input.send_keys(&path.to_string_lossy()).await?;

            wait_contains(&s, "data-errors", "patents[0].weight").await?;
            wait_contains(&s, "data-errors", "members[1].joined").await?;
            wait_contains(&s, "data-problem-lead", "Problems found: 2,").await?;
            // Nothing replaced the dataset in use.
            s.wait_text("pool-name", &default).await?;
            s.wait_text("data-in-use", &default).await?;
            let _ = std::fs::remove_dir_all(&dir);

            // A valid file opens, and stays open after a reload (kept in localStorage).
            let good = dir.join("good.json");
            std::fs::create_dir_all(&dir)?;
            std::fs::copy(dist_dir().join("datasets/worked-example.json"), &good)?;
            let input = s
                .client
                .find(Locator::Css("[data-testid=\"data-file\"]"))
                .await?;
            input.send_keys(&good.to_string_lossy()).await?;
            s.wait_text("pool-name", "Worked example pool").await?;
            wait_contains(&s, "data-in-use-from", "good.json").await?;
            s.client.refresh().await?;
            s.wait_text("pool-name", "Worked example pool").await?;
            let _ = std::fs::remove_dir_all(&dir);
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn a_url_that_cannot_be_read_is_explained() {
    run(
        "a_url_that_cannot_be_read_is_explained",
        Options::desktop(),
        |s| async move {
            let default = default_pool_name("en")?;
            s.open("data").await?;
            s.wait_text("pool-name", &default).await?;
            // Nothing listens on port 9 of loopback: the fetch fails like a CORS refusal does.
            let field = s
                .client
                .find(Locator::Css("[data-testid=\"data-url\"]"))
                .await?;
            field.send_keys("http://127.0.0.1:9/pool.json").await?;
            s.click("data-url-load").await?;
            wait_contains(&s, "data-problem-lead", "CORS").await?;
            s.wait_text("pool-name", &default).await?;

            // A missing file on the app's own server is an HTTP error, said as such.
            let field = s
                .client
                .find(Locator::Css("[data-testid=\"data-url\"]"))
                .await?;
            field.clear().await?;
            field
                .send_keys(&format!("{}datasets/missing.json", s.base_url))
                .await?;
            s.click("data-url-load").await?;
            wait_contains(&s, "data-problem-lead", "HTTP status 404").await?;

            // What was typed survives a reload.
            s.client.refresh().await?;
            s.wait_text("pool-name", &default).await?;
            s.wait_js(
                "the typed URL back in its field",
                "const e = document.querySelector('[data-testid=data-url]');
                 return !!e && e.value.endsWith('datasets/missing.json');",
            )
            .await?;

            // A URL on the app's server that holds a dataset opens it.
            let field = s
                .client
                .find(Locator::Css("[data-testid=\"data-url\"]"))
                .await?;
            field.clear().await?;
            field
                .send_keys(&format!("{}datasets/worked-example.json", s.base_url))
                .await?;
            s.click("data-url-load").await?;
            s.wait_text("pool-name", "Worked example pool").await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn the_chosen_bundled_dataset_survives_a_reload() {
    run(
        "the_chosen_bundled_dataset_survives_a_reload",
        Options::desktop(),
        |s| async move {
            s.open("data").await?;
            s.wait_text("pool-name", &default_pool_name("en")?).await?;
            s.click("data-open-avs-style").await?;
            let name = bundled()?
                .into_iter()
                .find(|(id, _)| id == "avs-style")
                .map(|(_, n)| n)
                .ok_or("avs-style is not bundled")?;
            s.wait_text("pool-name", &name).await?;
            s.client.refresh().await?;
            s.wait_text("pool-name", &name).await?;
            s.open("").await?;
            s.wait_text("explorer-pool-name", &name).await?;
            // The schema download points at a file the build ships.
            let href = s
                .js("return document.querySelector('[data-testid=explorer-pool-name]') ? 'ok' : '';")
                .await?;
            assert_eq!(href, Value::String("ok".into()));
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn the_schema_download_is_served() {
    run("the_schema_download_is_served", Options::desktop(), |s| async move {
        s.open("data").await?;
        s.wait_text("pool-name", &default_pool_name("en")?).await?;
        s.wait_js(
            "the schema link to answer with JSON",
            "const a = document.querySelector('[data-testid=data-schema]');
             if (!a) return false;
             if (!window.__schema) {
               window.__schema = 'pending';
               fetch(a.href).then(r => r.json()).then(j => { window.__schema = j.title || j['$schema'] || 'ok'; })
                 .catch(() => { window.__schema = 'failed'; });
             }
             return window.__schema !== 'pending' && window.__schema !== 'failed';",
        )
        .await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_big_download_shows_its_progress_while_the_bytes_arrive() {
    run(
        "a_big_download_shows_its_progress_while_the_bytes_arrive",
        Options::desktop(),
        |s| async move {
            let name = bundled()?
                .into_iter()
                .find(|(id, _)| id == "synth-100k")
                .map(|(_, n)| n)
                .ok_or("synth-100k is not bundled")?;
            let size = std::fs::metadata(dist_dir().join("datasets/synth-100k.json"))?.len();
            s.open("data").await?;
            s.wait_text("pool-name", &default_pool_name("en")?).await?;
            // A network slower than loopback (256 KB every 4 ms, about 60 MB/s), so that
            // the download spans several frames however fast this machine is; the app still
            // reads a real body stream with the server's Content-Length.
            s.js("const realFetch = window.fetch.bind(window);
                  window.fetch = async (input, init) => {
                    const response = await realFetch(input, init);
                    if (!String(input).includes('synth-100k') || !response.body) return response;
                    const reader = response.body.getReader();
                    const PIECE = 256 * 1024;
                    let chunk = null, at = 0;
                    const body = new ReadableStream({
                      async pull(controller) {
                        if (!chunk || at >= chunk.length) {
                          const { done, value } = await reader.read();
                          if (done) { controller.close(); return; }
                          chunk = value; at = 0;
                        }
                        await new Promise((resolve) => setTimeout(resolve, 4));
                        controller.enqueue(chunk.subarray(at, at + PIECE));
                        at += PIECE;
                      },
                    });
                    return new Response(body, {
                      status: response.status,
                      statusText: response.statusText,
                      headers: response.headers,
                    });
                  };
                  return true;")
                .await?;
            // What the download's bar showed at every frame (the engine's phases after it
            // count in percent): only painted values count (a MutationObserver would also
            // see values the browser never drew).
            s.js("window.__bars = [];
                  const tick = () => {
                    const p = document.querySelector('[data-testid=data-progress-bar]');
                    if (p && p.dataset.stage === 'bytes') window.__bars.push([p.getAttribute('value'), p.getAttribute('max')]);
                    requestAnimationFrame(tick);
                  };
                  requestAnimationFrame(tick);
                  return true;")
                .await?;
            s.click("data-open-synth-100k").await?;
            s.wait_js_within(
                "synth-100k in use",
                &format!(
                    "const e = document.querySelector('[data-testid=data-in-use]');
                     return !!e && e.textContent.trim() === {name:?};"
                ),
                BIG_LOAD,
            )
            .await?;
            let seen = s.js("return window.__bars;").await?;
            let frames: Vec<(f64, f64)> = seen
                .as_array()
                .ok_or("no frames recorded")?
                .iter()
                .filter_map(|pair| {
                    let value = pair[0].as_str()?.parse().ok()?;
                    let max = pair[1].as_str()?.parse().ok()?;
                    Some((value, max))
                })
                .collect();
            let part_way = frames
                .iter()
                .filter(|(value, max)| *value > 0.0 && value < max)
                .count();
            assert!(
                part_way > 0,
                "no frame showed the download part-way; frames with a value: {frames:?}"
            );
            // The total is the server's Content-Length: the file's size.
            assert!(
                frames.iter().all(|(_, max)| *max == size as f64),
                "a total other than {size} bytes: {frames:?}"
            );
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn a_dropped_file_opens_and_a_dropped_invalid_one_is_explained() {
    run(
        "a_dropped_file_opens_and_a_dropped_invalid_one_is_explained",
        Options::desktop(),
        |s| async move {
            let text = std::fs::read_to_string(dist_dir().join("datasets/worked-example.json"))?;
            s.open("data").await?;
            s.wait_text("pool-name", &default_pool_name("en")?).await?;

            drop_file(&s, "dropped.json", &text).await?;
            s.wait_text("pool-name", "Worked example pool").await?;
            s.wait_text("data-in-use", "Worked example pool").await?;
            wait_contains(&s, "data-in-use-from", "dropped.json").await?;

            // Well-formed JSON that is not a valid dataset: its problem is listed by path, and
            // the dropped dataset stays in use.
            let mut broken: Value = serde_json::from_str(&text)?;
            broken["patents"][0]["weight"] = json!(2);
            drop_file(&s, "broken.json", &broken.to_string()).await?;
            wait_contains(&s, "data-errors", "patents[0].weight").await?;
            wait_contains(&s, "data-problem-lead", "Problems found: 1,").await?;
            s.wait_text("pool-name", "Worked example pool").await?;
            s.wait_text("data-in-use", "Worked example pool").await?;
            wait_contains(&s, "data-in-use-from", "dropped.json").await?;
            Ok(())
        },
    )
    .await;
}
