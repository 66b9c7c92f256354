//! What every CSV file of the engine shares: the reader's settings and header, the bad-row
//! report, and writing rows to text.

use serde::Serialize;

/// A bad row of a CSV file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CsvIssue {
    /// Line number in the file (1 is the header).
    pub line: u64,
    /// What is wrong.
    pub message: String,
}

/// A reader that trims fields and accepts short rows, with the header in lower case; a header
/// that cannot be read is a problem on line 1.
pub fn open(text: &str) -> Result<(csv::Reader<&[u8]>, Vec<String>), CsvIssue> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.as_bytes());
    match reader.headers() {
        Ok(h) => {
            let header = h.iter().map(str::to_lowercase).collect();
            Ok((reader, header))
        }
        Err(e) => Err(CsvIssue {
            line: 1,
            message: e.to_string(),
        }),
    }
}

/// Rows as CSV text.
pub fn write_rows<R, F>(rows: impl IntoIterator<Item = R>) -> String
where
    R: IntoIterator<Item = F>,
    F: AsRef<[u8]>,
{
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail.
        let _ = w.write_record(row);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
