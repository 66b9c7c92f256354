//! A read table as text, so it can cross from the sheet reader's own wasm module
//! (crates/sheet-reader) into the app: `{"ok": {...}}` or `{"err": {...}}`, JSON.

use serde::{Deserialize, Serialize};

use crate::header::Layout;
use crate::table::{FileError, Row, Table};

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Wire {
    Ok {
        source: String,
        /// `[line, [cells…]]` per row.
        rows: Vec<(usize, Vec<String>)>,
    },
    Err(WireError),
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum WireError {
    TooLarge { bytes: usize },
    TooManyRows,
    NotText,
    Workbook { message: String },
    NoSuchSheet { name: String, sheets: Vec<String> },
    NoHeader,
    LayoutNotFound { layout: String },
}

/// `result` as the JSON the sheet reader returns.
#[must_use]
pub fn encode(result: &Result<Table, FileError>) -> String {
    let wire = match result {
        Ok(t) => Wire::Ok {
            source: t.source.clone(),
            rows: t.rows.iter().map(|r| (r.line, r.cells.clone())).collect(),
        },
        Err(e) => Wire::Err(match e {
            FileError::TooLarge(n) => WireError::TooLarge { bytes: *n },
            FileError::TooManyRows => WireError::TooManyRows,
            FileError::NotText => WireError::NotText,
            FileError::Workbook(m) => WireError::Workbook { message: m.clone() },
            FileError::NoSuchSheet { name, sheets } => WireError::NoSuchSheet {
                name: name.clone(),
                sheets: sheets.clone(),
            },
            FileError::NoHeader => WireError::NoHeader,
            FileError::LayoutNotFound(l) => WireError::LayoutNotFound {
                layout: (*l).to_owned(),
            },
        }),
    };
    serde_json::to_string(&wire).unwrap_or_default()
}

/// What [`encode`] wrote; a text it did not write is a workbook that cannot be read.
///
/// # Errors
/// The file's own error, as the reader found it.
pub fn decode(text: &str) -> Result<Table, FileError> {
    let wire: Wire = serde_json::from_str(text)
        .map_err(|e| FileError::Workbook(format!("the sheet reader's answer: {e}")))?;
    match wire {
        Wire::Ok { source, rows } => Ok(Table {
            source,
            rows: rows
                .into_iter()
                .map(|(line, cells)| Row { line, cells })
                .collect(),
        }),
        Wire::Err(e) => Err(match e {
            WireError::TooLarge { bytes } => FileError::TooLarge(bytes),
            WireError::TooManyRows => FileError::TooManyRows,
            WireError::NotText => FileError::NotText,
            WireError::Workbook { message } => FileError::Workbook(message),
            WireError::NoSuchSheet { name, sheets } => FileError::NoSuchSheet { name, sheets },
            WireError::NoHeader => FileError::NoHeader,
            // The layout's own name, so the message names it as the reader did.
            WireError::LayoutNotFound { layout } => Layout::ALL
                .iter()
                .find(|(_, n)| *n == layout)
                .map_or(FileError::NoHeader, |(_, n)| FileError::LayoutNotFound(n)),
        }),
    }
}

/// A layout by the name [`Layout::name`] gives; `auto` for any other.
#[must_use]
pub fn layout_named(name: &str) -> Layout {
    Layout::ALL
        .iter()
        .find(|(_, n)| *n == name)
        .map_or(Layout::Auto, |(l, _)| *l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_answer_comes_back_as_it_went() {
        let table = Table {
            source: "CSV, UTF-8, delimiter ;".into(),
            rows: vec![
                Row {
                    line: 3,
                    cells: vec!["Patent Number".into(), "专利号 \"x\"".into()],
                },
                Row {
                    line: 4,
                    cells: vec![],
                },
            ],
        };
        assert_eq!(decode(&encode(&Ok(table.clone()))), Ok(table));
        for e in [
            FileError::TooLarge(7),
            FileError::TooManyRows,
            FileError::NotText,
            FileError::Workbook("damaged".into()),
            FileError::NoSuchSheet {
                name: "P".into(),
                sheets: vec!["A".into(), "B".into()],
            },
            FileError::NoHeader,
            FileError::LayoutNotFound("access-advance"),
        ] {
            assert_eq!(decode(&encode(&Err(e.clone()))), Err(e));
        }
        assert!(matches!(decode("<html>"), Err(FileError::Workbook(_))));
        assert_eq!(layout_named("access-advance"), Layout::AccessAdvance);
        assert_eq!(layout_named("nonsense"), Layout::Auto);
    }
}
