//! An XLSX sheet into a [`Table`], through calamine's cell-by-cell reader: a sheet's declared
//! size is not trusted (a cell at A1 and one at XFD1048576 would make a dense range of 17
//! billion cells), so only cells that exist are kept, within the row and column limits.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};

use crate::dates::serial_date;
use crate::table::{FileError, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, Row, Table};

/// Most cells read from one sheet (empty styled cells count too), bounding the time.
const MAX_CELLS: usize = 20_000_000;

fn open(bytes: &[u8]) -> Result<Xlsx<Cursor<&[u8]>>, FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge(bytes.len()));
    }
    Xlsx::new(Cursor::new(bytes)).map_err(|e| FileError::Workbook(e.to_string()))
}

/// The sheet names of a workbook, in workbook order.
///
/// # Errors
/// A workbook that does not open.
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, FileError> {
    Ok(open(bytes)?.sheet_names())
}

/// Reads one sheet.
///
/// # Errors
/// A workbook that does not open, a sheet that is not there, or too many rows.
pub fn read_sheet(bytes: &[u8], sheet: &str) -> Result<Table, FileError> {
    let mut book = open(bytes)?;
    let sheets = book.sheet_names();
    if !sheets.iter().any(|s| s == sheet) {
        return Err(FileError::NoSuchSheet {
            name: sheet.to_owned(),
            sheets,
        });
    }
    let mut cells = book
        .worksheet_cells_reader(sheet)
        .map_err(|e| FileError::Workbook(e.to_string()))?;
    // Cells come row by row in a sheet written by a spreadsheet program; the map only sorts
    // the rare sheet that is not, so a row is looked up once, not once per cell.
    let mut rows: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    let mut current: Option<(u32, Vec<String>)> = None;
    for _ in 0..MAX_CELLS {
        let cell = match cells.next_cell() {
            Ok(Some(c)) => c,
            Ok(None) => break,
            Err(e) => return Err(FileError::Workbook(e.to_string())),
        };
        let (r, c) = cell.get_position();
        let Ok(c) = usize::try_from(c) else { continue };
        if c >= MAX_COLUMNS {
            continue;
        }
        let text = cell_text(cell.get_value());
        if text.is_empty() {
            continue;
        }
        if current.as_ref().is_none_or(|(row, _)| *row != r) {
            if let Some((row, done)) = current.take() {
                put_row(&mut rows, row, done)?;
            }
            current = Some((r, rows.remove(&r).unwrap_or_default()));
        }
        if let Some((_, row)) = current.as_mut() {
            if row.len() <= c {
                row.resize(c + 1, String::new());
            }
            row[c] = text;
        }
    }
    if let Some((row, done)) = current {
        put_row(&mut rows, row, done)?;
    }
    let rows = rows
        .into_iter()
        .map(|(r, cells)| Row {
            line: usize::try_from(r).map_or(usize::MAX, |r| r.saturating_add(1)),
            cells,
        })
        .collect();
    Ok(Table {
        rows,
        source: format!("XLSX, sheet {sheet}"),
    })
}

fn put_row(
    rows: &mut BTreeMap<u32, Vec<String>>,
    r: u32,
    cells: Vec<String>,
) -> Result<(), FileError> {
    if rows.len() >= MAX_ROWS {
        return Err(FileError::TooManyRows);
    }
    rows.insert(r, cells);
    Ok(())
}

/// A cell as the text a person sees, dates as `YYYY-MM-DD`, whole numbers without `.0`.
fn cell_text(v: &DataRef<'_>) -> String {
    match v {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number_text(*f),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        DataRef::DateTime(d) => match d.as_datetime() {
            Some(dt) => dt.date().format("%Y-%m-%d").to_string(),
            None => {
                serial_date(d.as_f64()).map_or_else(|| number_text(d.as_f64()), |d| d.to_string())
            }
        },
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

fn number_text(f: f64) -> String {
    // Integers up to 2^53 are exact in f64; patent numbers and serial dates stay digits.
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        format!("{f:.0}")
    } else {
        f.to_string()
    }
}
