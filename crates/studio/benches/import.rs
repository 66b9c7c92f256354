//! A 22,000-row claim-level patent list (Access Advance layout, about 3.7 MB of CSV) imported,
//! aggregated to patents and validated as a complete dataset, from CSV and from XLSX.
//! Budget: under 200 ms natively (docs/performance.md).

use criterion::{Criterion, criterion_group, criterion_main};
use rust_xlsxwriter::Workbook;
use serde_json::json;

use poolcalc_studio::output::dataset_json;
use poolcalc_studio::{ImportOptions, Layout, import_file};

const ROWS: usize = 22_000;
const HEADER: [&str; 10] = [
    "Count (Claims)",
    "Count (Patents)",
    "Profile",
    "Country",
    "Patent Number",
    "Claim Number",
    "Category",
    "Licensor",
    "Est. Exp. Date",
    "Representative Standard Sections",
];
const COUNTRIES: [&str; 8] = ["US", "CN", "Germany", "JP", "KR", "France", "GB", "India"];

/// The rows: patents of one to seven claims, 40 licensors, every 50th patent "See Note".
fn rows() -> Vec<[String; 10]> {
    let mut out = Vec::with_capacity(ROWS);
    let mut patent = 0usize;
    while out.len() < ROWS {
        patent += 1;
        let claims = 1 + patent % 7;
        let note = patent.is_multiple_of(50);
        for claim in 1..=claims {
            if out.len() == ROWS {
                break;
            }
            out.push([
                "1".to_owned(),
                if claim == 1 { "1" } else { "" }.to_owned(),
                ["Main", "Main 10", "Main 4:4:4", "Scalable Main"][patent % 4].to_owned(),
                COUNTRIES[patent % COUNTRIES.len()].to_owned(),
                format!("{},{:03},{:03}", 9 + patent / 1_000_000, patent / 1000 % 1000, patent % 1000),
                if note { "See Note".to_owned() } else { (claim * 3).to_string() },
                if patent.is_multiple_of(3) { "Optional" } else { "Core" }.to_owned(),
                format!("Licensor Number {} Co., Ltd.", patent % 40),
                if note { "See Note".to_owned() } else { format!("{}-{:02}-{:02}", 2030 + patent % 15, 1 + patent % 12, 1 + patent % 28) },
                format!("8.6.{} (coding tree unit syntax), 9.3.{} (CABAC parsing), 7.3.{}.{} (slice segment header semantics)", claim, patent % 9, patent % 5, claim),
            ]);
        }
    }
    out
}

fn csv(rows: &[[String; 10]]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    let _ = w.write_record(["Website Patent List (synthetic, for the poolcalc benchmark)"]);
    let _ = w.write_record(HEADER);
    for r in rows {
        let _ = w.write_record(r);
    }
    w.into_inner().unwrap_or_default()
}

fn xlsx(rows: &[[String; 10]]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in (0u16..).zip(HEADER) {
        let _ = sheet.write_string(0, c, h);
    }
    for (r, row) in (1u32..).zip(rows) {
        for (c, cell) in (0u16..).zip(row) {
            let _ = match cell.parse::<u32>() {
                Ok(n) => sheet.write_number(r, c, n),
                Err(_) => sheet.write_string(r, c, cell),
            };
        }
    }
    book.save_to_buffer().unwrap_or_default()
}

fn terms() -> serde_json::Value {
    json!({
        "pool": {"id": "bench", "name": "Bench pool", "currency": "USD"},
        "products": [{"id": "d", "name": "Decoder"}],
        "rate_schedules": [{"id": "s", "from_year": 2026,
            "lines": [{"product": "d", "region": "*", "per_unit": "0.20"}]}],
        "distribution": {"management_fee": {"percent": "0.1"}, "method": "weighted"}
    })
}

fn bench(c: &mut Criterion) {
    let rows = rows();
    let options = ImportOptions {
        layout: Layout::AccessAdvance,
        claims_as_weight: true,
        ..ImportOptions::default()
    };
    let terms = terms();
    for (name, file) in [("csv", csv(&rows)), ("xlsx", xlsx(&rows))] {
        if let Ok(path) = std::env::var("STUDIO_BENCH_WRITE") {
            let _ = std::fs::write(format!("{path}.{name}"), &file);
        }
        let run = || {
            let import = import_file(&file, None, &options).unwrap_or_else(|e| panic!("{e}"));
            let dataset = dataset_json(&import, &terms).unwrap_or_else(|e| panic!("{e:?}"));
            (import.patents.len(), dataset.len())
        };
        let (patents, _) = run();
        println!(
            "{name}: {} bytes, {ROWS} rows, {patents} patents",
            file.len()
        );
        c.bench_function(
            &format!("import 22000 claim rows ({name}) + validate"),
            |b| b.iter(run),
        );
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
