//! The patent list import on the synthetic test files of each layout and format.

mod xlsx_writer;

use std::collections::BTreeMap;
use std::path::PathBuf;

use poolcalc_studio::{Choice, Import, ImportOptions, Layout, Reason, import_file, read_table};

fn bytes(file: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(file);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn import(file: &str, options: &ImportOptions) -> Import {
    import_file(&bytes(file), None, options).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// (id, member, expires, claims) of each patent.
fn patents(i: &Import) -> Vec<(String, String, String, usize)> {
    i.patents
        .iter()
        .map(|p| {
            (
                p.patent.id.clone(),
                p.patent.member.clone(),
                p.patent.expires.to_string(),
                p.claims,
            )
        })
        .collect()
}

fn owned(rows: &[(&str, &str, &str, usize)]) -> Vec<(String, String, String, usize)> {
    rows.iter()
        .map(|(a, b, c, d)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned(), *d))
        .collect()
}

/// reason name → (count, listed lines).
fn problems(i: &Import) -> BTreeMap<&'static str, Vec<usize>> {
    i.problems
        .0
        .iter()
        .map(|(r, rows)| (r.name(), rows.listed.iter().map(|p| p.line).collect()))
        .collect()
}

#[test]
fn access_advance_claim_rows_become_patents_and_bad_rows_are_listed() {
    for layout in [Layout::Auto, Layout::AccessAdvance] {
        let options = ImportOptions {
            layout,
            ..ImportOptions::default()
        };
        let i = import("access-advance.csv", &options);
        assert_eq!(i.header.row, 2, "two preamble lines");
        assert_eq!(i.rows_read, 16);
        assert_eq!(
            patents(&i),
            owned(&[
                ("US-9100001", "alpha-video-co", "2033-04-01", 3),
                ("DE-EP2100002", "beta-labs-gmbh", "2034-01-15", 1),
                ("CN-ZL2013100000031", "gamma-tech", "2035-06-15", 2),
                ("FR-1100009", "delta-inc", "2036-04-01", 1),
                ("KR-102000011", "beta-labs-gmbh", "2039-01-01", 1),
                ("US-9100010", "delta-inc", "2038-12-31", 1),
            ])
        );
        assert_eq!(i.patents[0].patent.number, "9,100,001");
        let expected: BTreeMap<&str, Vec<usize>> = [
            ("unknown-country", vec![13]),
            ("no-licensor", vec![14]),
            ("bad-expiry", vec![15]),
            ("see-note", vec![10]),
            ("expiry-conflict", vec![11]),
        ]
        .into_iter()
        .collect();
        assert_eq!(problems(&i), expected);
        let names: Vec<String> = i
            .members
            .iter()
            .map(|m| m.name.get("en").to_owned())
            .collect();
        assert_eq!(
            names,
            [
                "Alpha Video Co.",
                "Beta Labs GmbH",
                "Gamma Tech",
                "Delta Inc."
            ]
        );
    }
}

#[test]
fn a_value_given_per_reason_brings_those_rows_in() {
    let mut options = ImportOptions::default();
    for (r, c) in [
        (Reason::SeeNote, Choice::Value("2034-01-01".into())),
        (Reason::ExpiryConflict, Choice::Latest),
        (Reason::NoLicensor, Choice::Value("Delta Inc.".into())),
        (Reason::UnknownCountry, Choice::Value("Germany".into())),
        (Reason::BadExpiry, Choice::Value("20300301".into())),
    ] {
        options.choices.insert(r, c);
    }
    options
        .merge
        .push(("Beta Labs".into(), "Beta Labs GmbH".into()));
    options.claims_as_weight = true;
    let i = import("access-advance.csv", &options);
    let got = patents(&i);
    for p in [
        ("KR-102000004", "beta-labs-gmbh", "2034-01-01", 1),
        ("JP-5000005", "alpha-video-co", "2032-09-30", 2),
        ("US-9100007", "delta-inc", "2037-01-01", 1),
        ("DE-3000006", "gamma-tech", "2036-01-01", 1),
        ("US-9100008", "delta-inc", "2030-03-01", 1),
    ] {
        assert!(got.contains(&owned(&[p])[0]), "{p:?} in {got:?}");
    }
    assert_eq!(got.len(), 11);
    // The problems are still reported, with what was done.
    assert_eq!(i.problems.total(), 5);
    let weights: Vec<String> = i
        .patents
        .iter()
        .map(|p| p.patent.weight.to_string())
        .collect();
    assert_eq!(weights[0], "3", "claim count as weight");
}

#[test]
fn chinese_headers_bom_semicolons_and_statuses() {
    let i = import("chinese.csv", &ImportOptions::default());
    assert!(
        i.source.contains("UTF-8 with BOM") && i.source.contains("delimiter ;"),
        "{}",
        i.source
    );
    assert_eq!(
        patents(&i),
        owned(&[
            ("CN-ZL2010100000012", "member-1", "2030-01-01", 1),
            ("US-US8000002", "member-1", "2031-01-01", 1),
            ("JP-JP4000003", "member-2", "2032-01-15", 1),
        ])
    );
    assert_eq!(i.patents[2].patent.status.as_str(), "pending");
    assert_eq!(i.patents[1].patent.family.as_deref(), Some("F1"));
    assert_eq!(
        i.patents[1]
            .patent
            .granted
            .map(|d| d.to_string())
            .as_deref(),
        Some("2012-06-01")
    );
    let expected: BTreeMap<&str, Vec<usize>> =
        [("expiry-not-after-grant", vec![6]), ("bad-status", vec![7])]
            .into_iter()
            .collect();
    assert_eq!(problems(&i), expected);
    assert_eq!(i.members[0].name.get("zh"), "华为技术有限公司");
}

#[test]
fn tabs_serial_dates_weights_and_country_names() {
    let i = import("generic.tsv", &ImportOptions::default());
    assert_eq!(
        patents(&i),
        owned(&[
            ("US-US7000001B2", "omega-devices-ltd", "2028-09-04", 1),
            ("GB-GB2000002", "omega-devices-ltd", "2031-06-01", 1),
            ("CN-CN100000003", "sigma-codec", "2036-06-30", 1),
        ])
    );
    assert_eq!(
        i.patents[0]
            .patent
            .granted
            .map(|d| d.to_string())
            .as_deref(),
        Some("2004-01-14")
    );
    assert_eq!(i.patents[1].patent.weight.to_string(), "1.5");
    assert_eq!(i.patents[2].patent.weight.to_string(), "1");
    let expected: BTreeMap<&str, Vec<usize>> =
        [("bad-weight", vec![5]), ("unknown-country", vec![6])]
            .into_iter()
            .collect();
    assert_eq!(problems(&i), expected);
}

#[test]
fn poolcalc_layout_and_conflicts_between_a_patents_rows() {
    let options = ImportOptions {
        layout: Layout::Poolcalc,
        ..ImportOptions::default()
    };
    let i = import("poolcalc.psv", &options);
    assert_eq!(
        patents(&i),
        owned(&[("JP-3000003", "lambda-corp", "2037-01-01", 1)])
    );
    let expected: BTreeMap<&str, Vec<usize>> =
        [("licensor-conflict", vec![2]), ("field-conflict", vec![4])]
            .into_iter()
            .collect();
    assert_eq!(problems(&i), expected);
    let mut options = options;
    options
        .choices
        .insert(Reason::LicensorConflict, Choice::First);
    options.choices.insert(Reason::FieldConflict, Choice::First);
    let i = import("poolcalc.psv", &options);
    assert_eq!(i.patents.len(), 3);
    assert_eq!(i.patents[1].patent.status.as_str(), "pending");
}

#[test]
fn xlsx_workbooks_import_as_their_csv_files_do() {
    for (csv, xlsx) in [
        ("access-advance.csv", "access-advance.xlsx"),
        ("chinese.csv", "chinese.xlsx"),
        ("generic.tsv", "generic.xlsx"),
    ] {
        let from_csv = import(csv, &ImportOptions::default());
        let table = read_table(&bytes(csv), None, Layout::Auto).unwrap_or_default();
        let written = xlsx_writer::xlsx(&table).unwrap_or_else(|e| panic!("{e}"));
        for book in [written, bytes(xlsx)] {
            let from_xlsx = import_file(&book, None, &ImportOptions::default())
                .unwrap_or_else(|e| panic!("{xlsx}: {e}"));
            assert_eq!(from_xlsx.source, "XLSX, sheet Patents");
            assert_eq!(from_xlsx.patents, from_csv.patents, "{xlsx}");
            assert_eq!(from_xlsx.members, from_csv.members, "{xlsx}");
            assert_eq!(from_xlsx.problems, from_csv.problems, "{xlsx}");
        }
    }
}

#[test]
fn a_sheet_can_be_named_and_a_missing_one_is_reported() {
    let book = bytes("generic.xlsx");
    let i = import_file(&book, Some("Patents"), &ImportOptions::default());
    assert_eq!(i.map(|i| i.patents.len()).ok(), Some(3));
    let e = import_file(&book, Some("Sheet9"), &ImportOptions::default()).err();
    assert_eq!(
        e.map(|e| e.to_string()).as_deref(),
        Some("there is no sheet \"Sheet9\" (sheets: Notes, Patents)")
    );
    let e = import_file(&book, Some("Notes"), &ImportOptions::default()).err();
    assert!(e.is_some_and(|e| e.to_string().starts_with("no header row")));
}

#[test]
fn a_value_that_cannot_be_taken_is_refused_before_reading() {
    let mut options = ImportOptions::default();
    options
        .choices
        .insert(Reason::SeeNote, Choice::Value("31/12/2030".into()));
    options
        .choices
        .insert(Reason::NoNumber, Choice::Value("1".into()));
    let e = import_file(&bytes("access-advance.csv"), None, &options).err();
    assert_eq!(
        e.map(|e| e.to_string()).as_deref(),
        Some(
            "no-number: these rows can only be left out; \
             see-note: \"31/12/2030\" is not a date (YYYY-MM-DD)"
        )
    );
}
