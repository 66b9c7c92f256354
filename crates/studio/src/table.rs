//! A sheet of text cells as read from a file, with the line (CSV) or row (XLSX) number a person
//! sees in a spreadsheet program, and the limits that keep reading an untrusted file bounded.

/// Largest file read, in bytes (a 22,000-claim list is about 4 MB).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// Most rows read from one file or sheet.
pub const MAX_ROWS: usize = 500_000;
/// Columns past this one are not read (no layout has that many).
pub const MAX_COLUMNS: usize = 200;

/// One row of cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Line in the CSV file or row in the sheet, counted from 1.
    pub line: usize,
    /// Cell texts, as read (untrimmed).
    pub cells: Vec<String>,
}

impl Row {
    /// The cell at `column`, trimmed; empty when the row is shorter.
    #[must_use]
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", |c| c.trim())
    }

    /// Whether every cell is blank.
    #[must_use]
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// The rows of one file or sheet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// Rows in file order (blank rows included, so header search sees the real lines).
    pub rows: Vec<Row>,
    /// How the file was read, for the report ("CSV, UTF-8, delimiter ;", "XLSX, sheet Patents").
    pub source: String,
}

/// Why a file cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge(usize),
    /// More than [`MAX_ROWS`] rows.
    TooManyRows,
    /// Not text in a known encoding.
    NotText,
    /// A workbook that does not open (damaged, encrypted, not XLSX).
    Workbook(String),
    /// The named sheet is not in the workbook.
    NoSuchSheet {
        /// The sheet asked for.
        name: String,
        /// The sheets there are.
        sheets: Vec<String>,
    },
    /// No row looks like a header of a patent list.
    NoHeader,
    /// A layout was chosen whose header row is not in the file.
    LayoutNotFound(&'static str),
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileError::TooLarge(n) => write!(
                f,
                "the file has {n} bytes; at most {MAX_FILE_BYTES} are read"
            ),
            FileError::TooManyRows => write!(f, "the file has more than {MAX_ROWS} rows"),
            FileError::NotText => write!(
                f,
                "the file is not text (UTF-8, UTF-16 or GB18030) nor an XLSX workbook"
            ),
            FileError::Workbook(e) => write!(f, "the workbook cannot be read: {e}"),
            FileError::NoSuchSheet { name, sheets } => write!(
                f,
                "there is no sheet \"{name}\" (sheets: {})",
                sheets.join(", ")
            ),
            FileError::NoHeader => write!(
                f,
                "no header row found in the first rows: a patent number column is needed \
                 (e.g. \"Patent Number\", \"专利号\") with a country, licensor or expiry column"
            ),
            FileError::LayoutNotFound(layout) => {
                write!(
                    f,
                    "the header row of the {layout} layout is not in the file"
                )
            }
        }
    }
}

impl std::error::Error for FileError {}

/// Whether `bytes` start like an XLSX workbook (a ZIP archive).
#[must_use]
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}
