//! The header row of a patent list and the field of each column, found by header names or
//! fixed by a layout preset.

use crate::columns::{Field, detect, header_key};
use crate::table::{FileError, Row, Table};

/// Rows searched for the header (preamble lines above it are skipped).
const HEADER_SEARCH_ROWS: usize = 50;

/// A layout of a known publisher, or detection from the headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Columns found by their header names.
    Auto,
    /// Access Advance "Website Patent List": one row per claim.
    AccessAdvance,
    /// The dataset's own field names as headers (`number`, `country`, `member`, …).
    Poolcalc,
}

/// The columns of the Access Advance list that hold patent fields.
const ACCESS_ADVANCE: [(&str, Field); 5] = [
    ("Country", Field::Country),
    ("Patent Number", Field::Number),
    ("Claim Number", Field::Claim),
    ("Licensor", Field::Member),
    ("Est. Exp. Date", Field::Expires),
];

impl Layout {
    /// Every layout with its name.
    pub const ALL: [(Layout, &'static str); 3] = [
        (Layout::Auto, "auto"),
        (Layout::AccessAdvance, "access-advance"),
        (Layout::Poolcalc, "poolcalc"),
    ];

    /// The layout's name.
    #[must_use]
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(l, _)| *l == self)
            .map_or("auto", |(_, n)| n)
    }

    /// The layout with this name.
    #[must_use]
    pub fn parse(name: &str) -> Option<Layout> {
        Self::ALL.iter().find(|(_, n)| *n == name).map(|(l, _)| *l)
    }

    /// The fields of a header row under this layout, `None` when the row is not its header.
    fn map_row(self, row: &Row) -> Option<Vec<Option<Field>>> {
        let heads = (0..row.cells.len()).map(|c| row.cell(c));
        let mapping: Vec<Option<Field>> = match self {
            Layout::Auto => heads.map(detect).collect(),
            Layout::AccessAdvance => {
                let m: Vec<Option<Field>> = heads
                    .map(|h| {
                        let k = header_key(h);
                        ACCESS_ADVANCE
                            .iter()
                            .find(|(name, _)| header_key(name) == k)
                            .map(|(_, f)| *f)
                    })
                    .collect();
                let found = m.iter().flatten().count();
                return (found == ACCESS_ADVANCE.len()).then_some(m);
            }
            Layout::Poolcalc => heads.map(Field::parse).collect(),
        };
        let has_number = mapping.contains(&Some(Field::Number));
        let others = mapping
            .iter()
            .flatten()
            .filter(|f| **f != Field::Number)
            .count();
        (has_number && others >= 1).then_some(mapping)
    }
}

/// The header row found in a table and the field of each column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Index of the header row in the table.
    pub row: usize,
    /// The header texts, trimmed.
    pub names: Vec<String>,
    /// The field of each column (a field is held by its first column only).
    pub fields: Vec<Option<Field>>,
}

impl Header {
    /// The column holding `field`.
    #[must_use]
    pub fn column(&self, field: Field) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(field))
    }

    /// Sets the field of a column (the user's mapping), taking it from any other column.
    pub fn assign(&mut self, column: usize, field: Option<Field>) {
        if let Some(f) = field {
            for slot in &mut self.fields {
                if *slot == Some(f) {
                    *slot = None;
                }
            }
        }
        if let Some(slot) = self.fields.get_mut(column) {
            *slot = field;
        }
    }
}

/// The first row of the table's start that is a header under `layout`.
///
/// # Errors
/// No such row ([`FileError::NoHeader`], or [`FileError::LayoutNotFound`] for a preset).
pub fn find_header(table: &Table, layout: Layout) -> Result<Header, FileError> {
    for (i, row) in table.rows.iter().enumerate().take(HEADER_SEARCH_ROWS) {
        if let Some(mut fields) = layout.map_row(row) {
            // A field named twice is taken from its first column.
            for c in 0..fields.len() {
                if fields[c].is_some() && fields[..c].contains(&fields[c]) {
                    fields[c] = None;
                }
            }
            return Ok(Header {
                row: i,
                names: row.cells.iter().map(|c| c.trim().to_owned()).collect(),
                fields,
            });
        }
    }
    Err(match layout {
        Layout::Auto => FileError::NoHeader,
        other => FileError::LayoutNotFound(other.name()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Row;

    fn table(rows: &[&[&str]]) -> Table {
        Table {
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| Row {
                    line: i + 1,
                    cells: r.iter().map(|c| (*c).to_owned()).collect(),
                })
                .collect(),
            source: String::new(),
        }
    }

    #[test]
    fn the_header_is_found_below_a_preamble() {
        let t = table(&[
            &["Patent list of the pool"],
            &["Number of patents: 3", ""],
            &["Country", "Patent No.", "Owner", "Notes"],
        ]);
        let h = find_header(&t, Layout::Auto).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(h.row, 2);
        assert_eq!(
            h.fields,
            [
                Some(Field::Country),
                Some(Field::Number),
                Some(Field::Member),
                None
            ]
        );
    }

    #[test]
    fn a_preset_needs_its_own_header() {
        let t = table(&[&["Country", "Patent No.", "Owner"]]);
        assert_eq!(
            find_header(&t, Layout::AccessAdvance),
            Err(FileError::LayoutNotFound("access-advance"))
        );
        assert_eq!(
            find_header(&table(&[&["a", "b"]]), Layout::Auto),
            Err(FileError::NoHeader)
        );
    }
}
