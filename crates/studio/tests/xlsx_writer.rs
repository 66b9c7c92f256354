//! Writes a table as an XLSX workbook the way a spreadsheet program would hold it: dates as
//! date cells, short whole numbers as numbers, the rest as text, each on its original row.
//! A first sheet of notes (no header) checks that the patent list's sheet is found.

use poolcalc_engine::model::date::Date;
use poolcalc_studio::Table;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

/// The workbook's bytes.
///
/// # Errors
/// A cell the writer refuses.
pub fn xlsx(table: &Table) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("Notes")?;
    notes.write_string(0, 0, "Synthetic data written by poolcalc's tests")?;
    let sheet = book.add_worksheet();
    sheet.set_name("Patents")?;
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for row in &table.rows {
        let r = u32::try_from(row.line - 1).unwrap_or(u32::MAX);
        for (c, text) in row.cells.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            if let Some(d) = Date::parse(text.trim()) {
                let (y, m, dd) = (d.year(), &text.trim()[5..7], &text.trim()[8..10]);
                let dt = ExcelDateTime::from_ymd(
                    u16::try_from(y).unwrap_or(1900),
                    m.parse().unwrap_or(1),
                    dd.parse().unwrap_or(1),
                )?;
                sheet.write_datetime_with_format(r, c, dt, &date)?;
            } else if !text.is_empty()
                && text.len() <= 7
                && text.bytes().all(|b| b.is_ascii_digit())
            {
                sheet.write_number(r, c, text.parse::<u32>().unwrap_or(0))?;
            } else if !text.is_empty() {
                sheet.write_string(r, c, text)?;
            }
        }
    }
    book.save_to_buffer()
}
