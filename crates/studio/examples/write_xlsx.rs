//! Writes `tests/data/*.xlsx` from the CSV test files (run from the crate directory:
//! `cargo run -p poolcalc-studio --example write_xlsx`). The test `xlsx_files_match_csv`
//! checks that each committed workbook imports as its CSV file does.

#[path = "../tests/xlsx_writer.rs"]
mod xlsx_writer;

use poolcalc_studio::{Layout, read_table};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    for (csv, xlsx) in [
        ("access-advance.csv", "access-advance.xlsx"),
        ("chinese.csv", "chinese.xlsx"),
        ("generic.tsv", "generic.xlsx"),
    ] {
        let table = read_table(&std::fs::read(dir.join(csv))?, None, Layout::Auto)?;
        std::fs::write(dir.join(xlsx), xlsx_writer::xlsx(&table)?)?;
        println!("wrote {xlsx}");
    }
    Ok(())
}
