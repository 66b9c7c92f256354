//! Exports of the page models written from hostile text: formulas in CSV cells are
//! neutralised (the engine's own exports are tested in crates/engine/tests/hostile.rs).

use poolcalc_views::candidate_csv::{CandidateRow, write_candidate_csv};

#[test]
fn candidate_csv_cells_that_a_spreadsheet_would_run_are_neutralised() {
    let row = CandidateRow {
        number: "=HYPERLINK(\"http://x\",\"y\")".into(),
        country: "@SUM(A1)".into(),
        family: "+cmd".into(),
        granted: "-1+2".into(),
        expires: "2040-01-01".into(),
        weight: "-1.5".into(),
    };
    let csv = write_candidate_csv(&[row]);
    let line = csv.lines().nth(1).unwrap_or_default();
    assert_eq!(
        line,
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@SUM(A1),'+cmd,'-1+2,2040-01-01,-1.5"
    );
}
