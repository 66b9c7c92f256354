//! Any file and any cells: the import never panics, loses no good row, and what it gives
//! always forms a dataset the engine accepts.

use proptest::prelude::*;
use serde_json::{Value, json};

use poolcalc_studio::output::dataset_json;
use poolcalc_studio::{ImportOptions, import_file};

/// The rest of a dataset, the smallest the engine accepts.
fn terms() -> Value {
    json!({
        "pool": {"id": "p", "name": "P", "currency": "USD"},
        "products": [{"id": "d", "name": "D"}],
        "rate_schedules": [{"id": "s", "from_year": 2026,
            "lines": [{"product": "d", "region": "*", "per_unit": "1"}]}],
        "distribution": {"management_fee": {"percent": "0.1"}, "method": "per_patent"}
    })
}

const HEADER: &str =
    "Patent Number,Country,Licensor,Grant Date,Expiration Date,Status,Weight,Claim Number";

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("See Note".to_owned()),
        Just("US".to_owned()),
        Just("中国".to_owned()),
        Just("EP".to_owned()),
        Just("Acme Corp".to_owned()),
        Just("ACME CORP.".to_owned()),
        Just("2030-01-01".to_owned()),
        Just("20310615".to_owned()),
        Just("47848".to_owned()),
        Just("2029-02-30".to_owned()),
        Just("pending".to_owned()),
        Just("1.5".to_owned()),
        Just("\"a,b\"".to_owned()),
        "[0-9]{1,3}",
        "[ -~]{0,6}",
        "\\PC{0,4}",
    ]
}

fn rows() -> impl Strategy<Value = Vec<Vec<String>>> {
    prop::collection::vec(prop::collection::vec(cell(), 0..10), 0..40)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_are_read_or_refused(bytes in prop::collection::vec(any::<u8>(), 0..2000), zip in any::<bool>()) {
        let mut file = if zip { b"PK\x03\x04".to_vec() } else { Vec::new() };
        file.extend(bytes);
        if let Ok(i) = import_file(&file, None, &ImportOptions::default()) {
            prop_assert!(i.patents.iter().map(|p| p.rows).sum::<usize>() <= i.rows_read);
        }
    }

    #[test]
    fn any_cells_give_a_valid_dataset_and_keep_every_good_row(rows in rows(), delim in prop::sample::select(vec![",", ";", "\t", "|"])) {
        let mut text = HEADER.replace(',', delim);
        for r in &rows {
            text.push('\n');
            text.push_str(&r.join(delim));
        }
        let Ok(i) = import_file(text.as_bytes(), None, &ImportOptions::default()) else {
            // Only a header the sniffer reads differently (a cell holding the delimiter).
            return Ok(());
        };
        let used: usize = i.patents.iter().map(|p| p.rows).sum();
        prop_assert!(used <= i.rows_read);
        if i.problems.total() == 0 {
            prop_assert_eq!(used, i.rows_read, "a row was lost without a reason");
        }
        let json = dataset_json(&i, &terms());
        prop_assert!(json.is_ok(), "{:?}", json.err());
    }
}
