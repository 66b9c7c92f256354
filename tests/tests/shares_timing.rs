//! Timings of the member-shares page on the 100,000-patent dataset (`synth-100k`), printed
//! against the budgets, not asserted: switching the method or editing the fee updates the
//! shares in under 16 ms; a 20-year evaluation with a joining candidate of 5,000 patents in
//! under 100 ms. Run it against a release build for numbers that mean something.

use poolcalc_e2e::timing::{measure, wait_long};
use poolcalc_e2e::{Options, dist_dir, report_metric, run};
use serde_json::Value;
use std::time::Instant;

#[tokio::test]
async fn shares_timings_on_100k_patents() {
    run("shares_timings_on_100k_patents", Options::desktop(), |s| async move {
        let file = dist_dir().join("datasets/synth-100k.json");
        if !file.is_file() {
            return Err(format!(
                "{} is missing: generate it with `cargo run --release -q -p poolcalc-cli -- synth --members 300 --patents 100000 --countries 150 --licensees 200 --from 2026 --to 2045 --seed 7 > {}`",
                file.display(),
                file.display()
            )
            .into());
        }
        let dataset: Value = serde_json::from_str(&std::fs::read_to_string(&file)?)?;
        let patents = dataset["patents"].as_array().map_or(0, Vec::len);
        // The big dataset as the remembered choice (a bundled one opens at start; a URL
        // would wait to be asked), then the page.
        s.open("").await?;
        s.js("localStorage.setItem('poolcalc.dataset.source', JSON.stringify({kind: 'bundled', at: 'synth-100k'})); return true;")
            .await?;
        s.open("shares").await?;
        let t0 = Instant::now();
        wait_long(
            &s,
            "the shares of synth-100k",
            "const c = document.querySelector('[data-testid=\"shares-table\"] tbody td:nth-of-type(2)'); return !!c && c.textContent.length > 0;",
        )
        .await?;
        // The largest member is listed first; its amount is the cell watched.
        let first = s
            .js("return document.querySelector('[data-testid=\"shares-table\"] tbody tr').getAttribute('data-testid').slice('shares-row-'.length);")
            .await?;
        let first = first.as_str().ok_or("no member row")?.to_owned();
        report_metric(&format!("synth-100k ({patents} patents): load + first shares {:.1} s", t0.elapsed().as_secs_f64()));

        for method in ["per_family", "weighted", "country_of_sale", "per_patent"] {
            let (a, b) = measure(&s, "shares-method", method, &format!("shares-amount-{first}"), "change").await?;
            report_metric(&format!("budget: method → {method}: {a:.1} ms to the first cell, {b:.1} ms until painted (budget 16 ms)"));
        }
        for fee in ["12", "7.5"] {
            let (a, b) = measure(&s, "shares-fee-percent", fee, "shares-fee", "input").await?;
            report_metric(&format!("budget: fee → {fee} %: {a:.1} ms to the fee, {b:.1} ms until painted (budget 16 ms)"));
        }

        // A 20-year evaluation (2026–2045) with a candidate of 5,000 patents.
        s.js("const f = document.querySelector('[data-testid=\"shares-from-year\"]'); f.value = '2026'; f.dispatchEvent(new Event('change', {bubbles: true}));
              const t = document.querySelector('[data-testid=\"shares-to-year\"]'); t.value = '2045'; t.dispatchEvent(new Event('change', {bubbles: true})); return true;").await?;
        s.click("shares-tab-join").await?;
        let countries: Vec<String> = dataset["patents"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["country"].as_str().map(str::to_owned))
            .take(50)
            .collect();
        let mut csv = String::from("number,country,family,granted,expires,weight\n");
        for i in 0..5000 {
            let c = &countries[i % countries.len().max(1)];
            csv.push_str(&format!("C{i},{c},f{},2024-01-01,{}-06-30,1\n", i / 3, 2030 + (i % 16)));
        }
        s.js(&format!(
            "const t = document.querySelector('[data-testid=\"shares-import-text\"]'); t.value = {}; t.dispatchEvent(new Event('input', {{bubbles: true}})); return true;",
            serde_json::to_string(&csv)?
        ))
        .await?;
        let started = Instant::now();
        let took = s
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                   const t0 = performance.now();
                   document.querySelector('[data-testid="shares-import-button"]').click();
                   const check = () => {
                     const e = document.querySelector('[data-testid="shares-eval-income-2045"]');
                     if (e) { setTimeout(() => done(performance.now() - t0), 0); } else { setTimeout(check, 5); }
                   };
                   check();"#,
                vec![],
            )
            .await?;
        let engine_ms = s
            .js("const e = document.querySelector('[data-testid=\"shares-eval-ms\"]'); return e ? e.getAttribute('data-ms') : null;")
            .await?;
        report_metric(&format!(
            "budget: join 5,000 patents, 20 years: {:.1} ms from import to table, of which the evaluation {} ms (budget 100 ms; wall {:.1} s)",
            took.as_f64().unwrap_or(-1.0),
            engine_ms.as_str().unwrap_or("?"),
            started.elapsed().as_secs_f64()
        ));
        Ok(())
    })
    .await;
}
