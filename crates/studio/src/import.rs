//! A patent list file into patents and members: read the table, find the header, read each
//! data row, bring each patent's rows together.

use poolcalc_engine::model::dataset::Member;
use poolcalc_engine::model::text::Text;

#[cfg(feature = "reader")]
use crate::csv_table::read_csv;
use crate::header::{Header, find_header};
use crate::members::Members;
use crate::options::ImportOptions;
use crate::patents::{Groups, ImportedPatent};
use crate::problems::Problems;
use crate::rows::RowReader;
use crate::table::{FileError, Table};
#[cfg(feature = "reader")]
use crate::xlsx_table::{read_sheet, sheet_names};

/// The result of an import.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// How the file was read.
    pub source: String,
    /// The header row and the field of each column.
    pub header: Header,
    /// Data rows read (below the header, blank rows and repeated headers not counted).
    pub rows_read: usize,
    /// The patents, in order of their first row.
    pub patents: Vec<ImportedPatent>,
    /// The members (licensors of the patents), in order of first appearance.
    pub members: Vec<Member>,
    /// Every row that could not be used as it is, by reason.
    pub problems: Problems,
}

/// Why an import cannot run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file cannot be read or has no header.
    File(FileError),
    /// Choices that cannot be taken, each `reason: message`.
    Options(Vec<String>),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::File(e) => e.fmt(f),
            ImportError::Options(m) => write!(f, "{}", m.join("; ")),
        }
    }
}

impl std::error::Error for ImportError {}

impl From<FileError> for ImportError {
    fn from(e: FileError) -> Self {
        ImportError::File(e)
    }
}

/// Reads a CSV file or a workbook's sheet (`sheet`, else the first sheet with a patent list
/// header under `layout`).
///
/// # Errors
/// The file cannot be read, or no sheet has a header.
#[cfg(feature = "reader")]
pub fn read_table(
    bytes: &[u8],
    sheet: Option<&str>,
    layout: crate::header::Layout,
) -> Result<Table, FileError> {
    if !crate::table::is_zip(bytes) {
        return read_csv(bytes);
    }
    if let Some(name) = sheet {
        return read_sheet(bytes, name);
    }
    let mut first_error = None;
    for name in sheet_names(bytes)? {
        let table = read_sheet(bytes, &name)?;
        match find_header(&table, layout) {
            Ok(_) => return Ok(table),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.unwrap_or(FileError::NoHeader))
}

/// The header of a table under the options' layout and column changes.
///
/// # Errors
/// No header row.
pub fn header(table: &Table, options: &ImportOptions) -> Result<Header, FileError> {
    let mut header = find_header(table, options.layout)?;
    for (column, field) in &options.columns {
        header.assign(*column, *field);
    }
    Ok(header)
}

/// Imports the patents of a table.
///
/// # Errors
/// No header row, or choices that cannot be taken.
pub fn import_table(table: &Table, options: &ImportOptions) -> Result<Import, ImportError> {
    let bad = options.check();
    if !bad.is_empty() {
        return Err(ImportError::Options(bad));
    }
    let header = header(table, options)?;
    let mut problems = Problems::default();
    let mut groups = Groups::default();
    let mut rows_read = 0;
    let mut reader = RowReader {
        header: &header,
        options,
        problems: &mut problems,
    };
    for row in table.rows.iter().skip(header.row + 1) {
        let repeated_header = (0..header.names.len()).all(|c| row.cell(c) == header.names[c]);
        if row.is_blank() || repeated_header {
            continue;
        }
        rows_read += 1;
        if let Some(r) = reader.read(row) {
            groups.add(r);
        }
    }
    let mut members = Members::new(&options.merge);
    let patents = groups.patents(options, &mut members, &mut problems);
    let members = members
        .list()
        .iter()
        .map(|(id, name)| Member {
            id: id.clone(),
            name: Text::Plain(name.clone()),
            country: options.member_country.clone(),
            joined: options.member_joined,
            exited: None,
        })
        .collect();
    Ok(Import {
        source: table.source.clone(),
        header,
        rows_read,
        patents,
        members,
        problems,
    })
}

/// Reads and imports a file in one step.
///
/// # Errors
/// As [`read_table`] and [`import_table`].
#[cfg(feature = "reader")]
pub fn import_file(
    bytes: &[u8],
    sheet: Option<&str>,
    options: &ImportOptions,
) -> Result<Import, ImportError> {
    let table = read_table(bytes, sheet, options.layout)?;
    import_table(&table, options)
}
