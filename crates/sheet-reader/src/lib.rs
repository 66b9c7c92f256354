//! The Build page's file reader as a wasm module of its own.
//!
//! Reading a patent list needs calamine (XLSX) and encoding_rs (CSV saved as UTF-16 or
//! GB18030), whose tables are ~250 KB. wasm-split moves code into a page's chunk but keeps
//! every data segment in the first page's module, so inside the app they would weigh on every
//! first visit. Built apart (`cargo xtask`'s split build puts it in `pkg-<hash>/sheet/`), the
//! module is fetched the first time a file is opened on the Build page, and only then.

use wasm_bindgen::prelude::*;

/// `poolcalc_studio::read_table` of a file's bytes, as `poolcalc_studio::wire` JSON.
/// `sheet` names a workbook's sheet (empty: the first with a patent list header); `layout`
/// is a layout name (`auto`, `access-advance`, `poolcalc`).
#[wasm_bindgen]
#[must_use]
pub fn read_table(bytes: &[u8], sheet: &str, layout: &str) -> String {
    let sheet = (!sheet.is_empty()).then_some(sheet);
    let layout = poolcalc_studio::wire::layout_named(layout);
    poolcalc_studio::wire::encode(&poolcalc_studio::read_table(bytes, sheet, layout))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_file_reads_as_the_studio_reads_it() {
        let csv = "note line\nPatent Number,Country,Licensor\nUS1,US,Alpha\n";
        let json = read_table(csv.as_bytes(), "", "auto");
        let table = poolcalc_studio::wire::decode(&json).unwrap_or_default();
        assert_eq!(
            Ok(table),
            poolcalc_studio::read_table(csv.as_bytes(), None, poolcalc_studio::Layout::Auto)
        );
        let none = poolcalc_studio::wire::decode(&read_table(b"\x00\x01", "", "auto"));
        assert!(none.is_err());
    }
}
