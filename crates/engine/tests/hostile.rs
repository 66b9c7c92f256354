//! Inputs written by someone trying to break the engine: dates in year 1 or 9999, tens of
//! thousands of overlapping schedules, 200,000 broken patents, a byte-order mark, an empty
//! object, formulas in CSV cells. Each ends in a bounded, readable answer.

mod common;

use common::{base, pool};
use poolcalc_engine::io::synth::{SynthError, SynthOptions, synthesize};
use poolcalc_engine::io::usage_csv::write_sales_csv;
use poolcalc_engine::model::issue::MAX_ISSUES;
use poolcalc_engine::model::text::safe_file_name;
use poolcalc_engine::scenario::load_scenario;
use poolcalc_engine::{Issue, load_dataset, load_usage};
use serde_json::{Value, json};

fn problems(v: &Value) -> Vec<String> {
    problems_of(&v.to_string())
}

fn problems_of(text: &str) -> Vec<String> {
    load_dataset(text)
        .err()
        .map(|i| i.iter().map(ToString::to_string).collect())
        .unwrap_or_default()
}

fn has(all: &[String], path: &str, words: &str) -> bool {
    all.iter()
        .any(|p| p.starts_with(&format!("{path}: ")) && p.contains(words))
}

#[test]
fn dates_and_years_outside_1900_to_2200_are_errors() {
    let mut v = base();
    v["members"][0]["joined"] = json!("0001-01-01");
    v["patents"][0]["expires"] = json!("9999-12-31");
    v["rate_schedules"][0]["from_year"] = json!(1800);
    let all = problems(&v);
    assert!(
        has(&all, "members[0].joined", "outside the years 1900–2200"),
        "{all:#?}"
    );
    assert!(
        has(&all, "patents[0].expires", "outside the years 1900–2200"),
        "{all:#?}"
    );
    assert!(
        has(
            &all,
            "rate_schedules[0].from_year",
            "out of range 1900–2200"
        ),
        "{all:#?}"
    );
    let usage = json!({"format": "patent-pool-usage", "version": 1, "licensee": "L",
        "years": [{"year": 3000, "sales": []}]});
    let all: Vec<String> = load_usage(&usage.to_string())
        .err()
        .map(|i| i.iter().map(ToString::to_string).collect())
        .unwrap_or_default();
    assert!(
        has(&all, "years[0].year", "out of range 1900–2200"),
        "{all:#?}"
    );
    // The edges are years a dataset may name.
    let mut v = base();
    v["members"][0]["joined"] = json!("1900-01-01");
    v["patents"][0]["expires"] = json!("2200-12-31");
    let p = pool(&v);
    assert_eq!(p.index().year_range(), Some((1900, 2200)));
}

#[test]
fn a_patent_without_a_grant_date_counts_from_its_members_joining() {
    let p = pool(&base());
    assert_eq!(p.index().year_range(), Some((2000, 2039)));
}

#[test]
fn twenty_thousand_overlapping_schedules_give_a_capped_list() {
    let mut v = base();
    let schedules: Vec<Value> = (0..20_000)
        .map(|i| {
            json!({"id": format!("s{i}"), "from_year": 2020,
            "lines": [{"product": "dec", "region": "*", "per_unit": "1"}]})
        })
        .collect();
    v["rate_schedules"] = Value::Array(schedules);
    let all = problems(&v);
    assert_eq!(all.len(), MAX_ISSUES + 1, "{:#?}", &all[..3.min(all.len())]);
    assert!(all[0].contains("overlaps schedule \"s0\""), "{}", all[0]);
    assert!(
        all[MAX_ISSUES].starts_with("(document): and "),
        "{}",
        all[MAX_ISSUES]
    );
}

#[test]
fn two_hundred_thousand_broken_patents_give_a_capped_list_with_the_count() {
    let mut v = base();
    let patents: Vec<Value> = (0..200_000)
        .map(|i| {
            json!({"id": format!("p{i}"), "member": "a", "country": "usa",
            "number": "1", "expires": "2040-01-01"})
        })
        .collect();
    v["patents"] = Value::Array(patents);
    let all = problems(&v);
    assert_eq!(all.len(), MAX_ISSUES + 1);
    assert!(
        has(&all, "patents[0].country", "not a country code"),
        "{}",
        all[0]
    );
    assert_eq!(
        all[MAX_ISSUES],
        format!("(document): and {} more problems", 200_000 - MAX_ISSUES)
    );
}

fn options(from: i32, to: i32) -> SynthOptions {
    SynthOptions {
        members: 4,
        patents: 40,
        countries: 5,
        licensees: 3,
        from,
        to,
        seed: 3,
    }
}

#[test]
fn synth_writes_only_datasets_that_load_again_and_refuses_absurd_sizes() {
    // Two centuries of growth: sales stay within what a sale may hold, dates within range.
    let d = synthesize(&options(1990, 2180)).unwrap_or_else(|e| panic!("{e}"));
    let back = problems_of(&d.to_compact_json());
    assert_eq!(back, Vec::<String>::new());
    // Expiries twenty years after 2200 would pass the dates a dataset may hold.
    assert_eq!(
        synthesize(&options(1990, 2200)).err(),
        Some(SynthError::Years)
    );
    for (members, patents, licensees) in [(100_000, 10, 1), (3, 100_000_000, 1), (3, 10, 1_000_000)]
    {
        let o = SynthOptions {
            members,
            patents,
            licensees,
            ..options(2026, 2030)
        };
        let err = synthesize(&o)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.starts_with("at most "),
            "{members} {patents} {licensees}: {err}"
        );
    }
}

#[test]
fn shape_and_reference_problems_are_reported_together() {
    let mut v = base();
    v["members"] = json!([
        {"id": "a", "name": "A", "country": "US", "joined": "2000-01-01"},
        {"id": "b", "name": "B", "country": "US", "joined": "2000-01-01"},
        {"id": "c", "name": "C", "country": "US", "joined": "2020-13-45"}
    ]);
    v["patents"] = json!([
        {"id": "p1", "member": "a", "country": "US", "number": "1", "expires": "2040-01-01"},
        {"id": "p2", "member": "b", "country": "US", "number": "2", "expires": "2040-01-01"},
        {"id": "p3", "member": "ghost", "country": "US", "number": "3", "expires": "2040-01-01"}
    ]);
    v["rate_schedules"][0]["lines"] = json!([
        {"product": "dec", "region": "*", "per_unit": "1"},
        {"product": "nothing", "region": "r9", "per_unit": "1"}
    ]);
    v["licensees"] = json!([{"id": "l", "licensee": "L", "years": [
        {"year": 2026, "sales": [{"product": "gizmo", "country": "US", "units": 1}]}
    ]}]);
    let all = problems(&v);
    assert!(has(&all, "members[2].joined", "not a date"), "{all:#?}");
    assert!(
        has(&all, "patents[2].member", "unknown member \"ghost\""),
        "{all:#?}"
    );
    assert!(
        has(
            &all,
            "rate_schedules[0].lines[1].product",
            "unknown product \"nothing\""
        ),
        "{all:#?}"
    );
    assert!(
        has(
            &all,
            "rate_schedules[0].lines[1].region",
            "unknown region \"r9\""
        ),
        "{all:#?}"
    );
    assert!(
        has(
            &all,
            "licensees[0].years[0].sales[0].product",
            "unknown product \"gizmo\""
        ),
        "{all:#?}"
    );
    assert_eq!(all.len(), 5, "{all:#?}");
}

#[test]
fn a_byte_order_mark_before_the_json_is_accepted() {
    let bom = |text: String| format!("\u{feff}{text}");
    assert!(load_dataset(&bom(base().to_string())).is_ok());
    let usage = json!({"format": "patent-pool-usage", "version": 1, "licensee": "L", "years": []});
    assert!(load_usage(&bom(usage.to_string())).is_ok());
    let scenario = json!({"format": "poolcalc-scenario", "version": 1, "name": "s", "changes": []});
    assert!(load_scenario(&bom(scenario.to_string())).is_ok());
}

fn missing(issues: Vec<Issue>) -> Vec<String> {
    issues
        .iter()
        .filter_map(|i| i.message.strip_prefix("missing field `"))
        .map(|m| m.trim_end_matches('`').to_owned())
        .collect()
}

#[test]
fn an_empty_object_lists_every_required_field() {
    let all = missing(load_dataset("{}").err().unwrap_or_default());
    let want = [
        "format",
        "version",
        "pool",
        "members",
        "patents",
        "products",
        "rate_schedules",
        "distribution",
    ];
    assert_eq!(all, want);
    let all = missing(load_usage("{}").err().unwrap_or_default());
    assert_eq!(all, ["format", "version", "licensee", "years"]);
    let all = missing(load_scenario("{}").err().unwrap_or_default());
    assert_eq!(all, ["format", "version", "name", "changes"]);
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_neutralised() {
    let usage = json!({"format": "patent-pool-usage", "version": 1, "licensee": "L",
        "years": [{"year": 2026, "sales": [{"product": "-2+3", "country": "US", "units": 5}]}]});
    let u = load_usage(&usage.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
    let csv = write_sales_csv(&u.years);
    assert_eq!(csv.lines().nth(1), Some("2026,'-2+3,US,5,"));
}

#[test]
fn download_names_are_sanitised() {
    assert_eq!(
        safe_file_name("Pool: \"a/b\"\u{1b}[2J.json"),
        "Pool- -a-b--[2J.json"
    );
    assert_eq!(safe_file_name("nul.csv"), "_nul.csv");
}

#[test]
fn more_members_than_the_calculator_takes_are_an_error() {
    let mut v = base();
    let members: Vec<Value> = (0..10_001)
        .map(|i| json!({"id": format!("m{i}"), "name": "M", "country": "US", "joined": "2000-01-01"}))
        .collect();
    v["members"] = Value::Array(members);
    v["patents"][0]["member"] = json!("m0");
    let all = problems(&v);
    assert_eq!(
        all,
        ["members: 10001 members: the calculator takes at most 10000"]
    );
}

#[test]
fn many_countries_and_members_over_three_centuries_are_indexed_without_a_dense_table() {
    // 676 country codes × 2,000 members × 301 years would be 400 M dense cells (1.6 GB).
    let mut v = base();
    let members: Vec<Value> = (0..2000)
        .map(|i| json!({"id": format!("m{i}"), "name": "M", "country": "US", "joined": "1900-01-01"}))
        .collect();
    let letters = b'A'..=b'Z';
    let codes: Vec<String> = letters
        .clone()
        .flat_map(|a| {
            letters
                .clone()
                .map(move |b| String::from_utf8_lossy(&[a, b]).into_owned())
        })
        .collect();
    let patents: Vec<Value> = codes
        .iter()
        .enumerate()
        .map(|(i, c)| {
            json!({"id": format!("p{i}"), "member": format!("m{}", i % 2000), "country": c,
            "number": "1", "expires": "2200-12-31"})
        })
        .collect();
    v["members"] = Value::Array(members);
    v["patents"] = Value::Array(patents);
    let p = pool(&v);
    let index = p.index();
    assert_eq!(index.year_range(), Some((1900, 2200)));
    let year = index.year(2000).map(|y| y.country_member_days.len());
    assert_eq!(year, Some(676));
    assert!(index.heap_bytes() < 100 << 20, "{}", index.heap_bytes());
}

#[test]
fn rate_tables_past_what_the_lookups_hold_are_an_error() {
    // 301 schedules (one a year) × 20,000 products × 3 region slots: 18 M lookup cells.
    let mut v = base();
    let products: Vec<Value> = (0..20_000)
        .map(|i| json!({"id": format!("p{i}"), "name": "P"}))
        .collect();
    let lines: Vec<Value> = (0..20_000)
        .map(|i| json!({"product": format!("p{i}"), "region": "*", "per_unit": "1"}))
        .collect();
    let schedules: Vec<Value> = (1900..=2200)
        .map(|y| json!({"id": format!("s{y}"), "from_year": y, "to_year": y, "lines": lines[..1]}))
        .collect();
    v["products"] = Value::Array(products);
    v["rate_schedules"] = Value::Array(schedules);
    v["rate_schedules"][0]["lines"] = Value::Array(lines);
    let all = problems(&v);
    assert_eq!(
        all,
        [
            "rate_schedules: 301 schedules × 20000 products × 3 regions: the calculator takes at most 4000000 combinations"
        ]
    );
}
