//! `poolcalc import patents`, run as a user would, on the studio's synthetic test files.

mod common;

use std::path::PathBuf;

use common::{json, poolcalc};

fn data(file: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../studio/tests/data")
        .join(file)
        .to_string_lossy()
        .into_owned()
}

/// The members of the Access Advance test list, in order of first appearance.
const MEMBERS: [&str; 4] = [
    "alpha-video-co",
    "beta-labs-gmbh",
    "gamma-tech",
    "delta-inc",
];

fn ids(v: &serde_json::Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|x| x["id"].as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_claim_list_gives_patents_and_members_and_a_report_per_reason() {
    let (ok, out, err) = poolcalc(&["import", "patents", &data("access-advance.csv")]);
    assert!(ok, "{err}");
    let v = json(&out);
    assert_eq!(
        ids(&v, "patents"),
        [
            "US-9100001",
            "DE-EP2100002",
            "CN-ZL2013100000031",
            "FR-1100009",
            "KR-102000011",
            "US-9100010"
        ]
    );
    assert_eq!(ids(&v, "members"), MEMBERS);
    assert_eq!(v["patents"][0]["expires"], "2033-04-01");
    assert_eq!(v["members"][0]["country"], "XX");
    for line in [
        "6 patents of 4 members; 5 rows or patents could not be used as they are",
        "see-note: \"See Note\" instead of claim data, no expiry date — 1 (left out)",
        "  line 10: 10-2000004",
        "expiry-conflict: the same patent with different expiry dates — 1 (left out)",
        "  line 11: 2031-09-30, 2032-09-30 (lines 11, 12)",
        "unknown-country: unknown country — 1 (left out)",
        "  line 13: EP",
    ] {
        assert!(err.lines().any(|l| l == line), "{line:?} not in:\n{err}");
    }
}

#[test]
fn the_xlsx_file_gives_the_same_json_as_the_csv_file() {
    for (csv, xlsx) in [
        ("access-advance.csv", "access-advance.xlsx"),
        ("chinese.csv", "chinese.xlsx"),
        ("generic.tsv", "generic.xlsx"),
    ] {
        let (ok, from_csv, err) = poolcalc(&["import", "patents", &data(csv)]);
        assert!(ok, "{err}");
        let (ok, from_xlsx, err) =
            poolcalc(&["import", "patents", &data(xlsx), "--sheet", "Patents"]);
        assert!(ok, "{err}");
        assert_eq!(from_xlsx, from_csv, "{xlsx}");
    }
}

#[test]
fn with_terms_a_complete_dataset_that_validates() {
    let (ok, out, err) = poolcalc(&[
        "import",
        "patents",
        &data("access-advance.csv"),
        "--terms",
        &data("terms.json"),
        "--resolve",
        "no-licensor=Delta Inc.",
    ]);
    assert!(ok, "{err}");
    let v = json(&out);
    assert_eq!(v["format"], "patent-pool-dataset");
    assert_eq!(v["pool"]["id"], "synthetic-video");
    // The terms' merge table and choices apply: Beta Labs is Beta Labs GmbH, the See Note
    // patent has the given expiry, the conflicting one the latest, 9100007 the given licensor.
    assert_eq!(ids(&v, "patents").len(), 9);
    assert_eq!(ids(&v, "members"), MEMBERS);
    assert_eq!(v["members"][0]["country"], "US");
    assert_eq!(v["members"][3]["joined"], "2021-07-01");
    assert_eq!(v["patents"][0]["weight"], "3", "claims as weight");
    let path = std::env::temp_dir().join(format!("poolcalc-import-{}.json", std::process::id()));
    std::fs::write(&path, &out).unwrap_or_else(|e| panic!("{e}"));
    let (ok, summary, err) = poolcalc(&["validate", &path.to_string_lossy()]);
    assert!(ok, "{err}");
    assert!(
        summary.starts_with("valid: Synthetic video pool — 4 members, 9 patents"),
        "{summary}"
    );
}

#[test]
fn bad_arguments_and_files_are_refused_with_a_reason() {
    let (ok, _, err) = poolcalc(&[
        "import",
        "patents",
        &data("access-advance.csv"),
        "--resolve",
        "see-note=soon",
    ]);
    assert!(!ok);
    assert!(
        err.contains("see-note: \"soon\" is not a date (YYYY-MM-DD)"),
        "{err}"
    );
    let (ok, _, err) = poolcalc(&["import", "patents", &data("terms.json")]);
    assert!(!ok);
    assert!(err.contains("no header row found"), "{err}");
    let (ok, _, err) = poolcalc(&[
        "import",
        "patents",
        &data("generic.tsv"),
        "--layout",
        "access-advance",
    ]);
    assert!(!ok);
    assert!(
        err.contains("the header row of the access-advance layout is not in the file"),
        "{err}"
    );
}
