//! What every CSV file of the engine shares: the reader's settings and header, the bad-row
//! report, and writing rows to text.

use std::borrow::Cow;

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

/// A cell as a spreadsheet may open it: text beginning with `=`, `+`, `-`, `@`, a tab or a
/// carriage return would be run as a formula (OWASP "CSV injection"), so it gets a `'` in
/// front; a number (`-12.50`) stays as it is.
fn neutralised(cell: &[u8]) -> Cow<'_, [u8]> {
    let risky = matches!(
        cell.first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    if !risky || is_number(cell) {
        return Cow::Borrowed(cell);
    }
    let mut out = Vec::with_capacity(cell.len() + 1);
    out.push(b'\'');
    out.extend_from_slice(cell);
    Cow::Owned(out)
}

/// A cell as read: the `'` that [`neutralised`] put before `=`, `+`, `-`, `@`, a tab or a
/// carriage return is taken off again, so an exported file imports as it was.
pub fn plain(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

/// A plain decimal number: an optional minus, digits, optionally a point and digits.
fn is_number(cell: &[u8]) -> bool {
    let digits = cell.strip_prefix(b"-").unwrap_or(cell);
    let (int, frac) = match digits.iter().position(|&b| b == b'.') {
        Some(i) => (&digits[..i], Some(&digits[i + 1..])),
        None => (digits, None),
    };
    !int.is_empty()
        && int.iter().all(u8::is_ascii_digit)
        && frac.is_none_or(|f| !f.is_empty() && f.iter().all(u8::is_ascii_digit))
}

/// Rows as CSV text, every text cell neutralised against formulas.
pub fn write_rows<R, F>(rows: impl IntoIterator<Item = R>) -> String
where
    R: IntoIterator<Item = F>,
    F: AsRef<[u8]>,
{
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        let cells: Vec<F> = row.into_iter().collect();
        // Writing to memory cannot fail.
        let _ = w.write_record(cells.iter().map(|c| neutralised(c.as_ref())));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
