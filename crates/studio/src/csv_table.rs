//! CSV (and other delimited text) into a [`Table`]: the encoding is found from a byte-order
//! mark or by trying UTF-8, then GB18030 (what Chinese Excel writes); the delimiter is sniffed
//! among `,` `;` tab `|` from the lines that agree most on their number of fields, so a
//! preamble above the header does not mislead it.

use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};

use crate::table::{FileError, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, Row, Table};

const DELIMITERS: [(u8, &str); 4] = [(b',', ","), (b';', ";"), (b'\t', "tab"), (b'|', "|")];
/// Lines looked at to choose the delimiter.
const SNIFF_LINES: usize = 200;

/// Reads delimited text.
///
/// # Errors
/// A file too large, with too many rows, or not text.
pub fn read_csv(bytes: &[u8]) -> Result<Table, FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge(bytes.len()));
    }
    let (text, encoding) = decode(bytes)?;
    let (delimiter, name) = sniff(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut lines = LineCounter::new(&text);
    // The text is valid UTF-8 and the reader is flexible, so only I/O could fail, and the
    // text is in memory.
    while let Ok(true) = reader.read_record(&mut record) {
        let start = record
            .position()
            .and_then(|p| usize::try_from(p.byte()).ok())
            .unwrap_or(0);
        let line = lines.line_at(start);
        if rows.len() >= MAX_ROWS {
            return Err(FileError::TooManyRows);
        }
        let cells = record.iter().take(MAX_COLUMNS).map(str::to_owned).collect();
        rows.push(Row { line, cells });
    }
    Ok(Table {
        rows,
        source: format!("CSV, {encoding}, delimiter {name}"),
    })
}

/// Line numbers of byte offsets, counted forward as records are read. The csv reader skips
/// blank lines and places a record after them at the first blank line, so the line breaks at
/// a record's start are stepped over.
struct LineCounter<'t> {
    text: &'t [u8],
    at: usize,
    line: usize,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, byte: usize) -> usize {
        let mut end = byte.min(self.text.len()).max(self.at);
        while matches!(self.text.get(end), Some(b'\r' | b'\n')) {
            end += 1;
        }
        self.line += self.text[self.at..end]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        self.at = end;
        self.line
    }
}

/// The text of the file and the name of its encoding.
fn decode(bytes: &[u8]) -> Result<(String, &'static str), FileError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest).map(|t| (t, "UTF-8 with BOM"));
    }
    for (bom, enc, name) in [
        (&b"\xFF\xFE"[..], UTF_16LE, "UTF-16LE"),
        (&b"\xFE\xFF"[..], UTF_16BE, "UTF-16BE"),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return enc
                .decode_without_bom_handling_and_without_replacement(rest)
                .map(|t| (t.into_owned(), name))
                .ok_or(FileError::NotText);
        }
    }
    if let Ok(t) = utf8(bytes) {
        return Ok((t, "UTF-8"));
    }
    GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .filter(|t| !t.contains('\0'))
        .map(|t| (t.into_owned(), "GB18030"))
        .ok_or(FileError::NotText)
}

fn utf8(bytes: &[u8]) -> Result<String, FileError> {
    match std::str::from_utf8(bytes) {
        Ok(t) if !t.contains('\0') => Ok(t.to_owned()),
        _ => Err(FileError::NotText),
    }
}

/// The delimiter whose most common field count (of at least 2) is shared by the most lines of
/// the file's start; ties go to the earlier of `,` `;` tab `|`.
fn sniff(text: &str) -> (u8, &'static str) {
    let head: String = text
        .lines()
        .take(SNIFF_LINES)
        .collect::<Vec<_>>()
        .join("\n");
    let mut best = (0usize, DELIMITERS[0]);
    for d in DELIMITERS {
        let mut counts: Vec<usize> = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(d.0)
            .from_reader(head.as_bytes())
            .records()
            .map_while(Result::ok)
            .map(|r| r.len())
            .filter(|&n| n >= 2)
            .collect();
        counts.sort_unstable();
        let modal = counts
            .chunk_by(|a, b| a == b)
            .map(<[usize]>::len)
            .max()
            .unwrap_or(0);
        if modal > best.0 {
            best = (modal, d);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(t: &Table) -> Vec<Vec<&str>> {
        t.rows
            .iter()
            .map(|r| r.cells.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn each_delimiter_is_found_past_a_preamble() {
        for d in [",", ";", "\t", "|"] {
            let text = format!(
                "Patent list, as of 1 May 2026; see notes\n\nA{d}B{d}C\n1{d}2{d}3\n4{d}5{d}6\n"
            );
            let t = read_csv(text.as_bytes()).unwrap_or_default();
            assert_eq!(
                cells(&t)[1..],
                [["A", "B", "C"], ["1", "2", "3"], ["4", "5", "6"]],
                "{d:?}"
            );
            // Blank lines are not rows, but lines keep their numbers in the file.
            assert_eq!(t.rows[1].line, 3);
        }
    }

    #[test]
    fn lines_count_from_one_and_quoted_newlines_keep_their_start_line() {
        let t = read_csv(b"a,b\n\"x\ny\",2\nz,3\n").unwrap_or_default();
        let lines: Vec<usize> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 2, 4]);
        assert_eq!(t.rows[1].cells[0], "x\ny");
    }

    #[test]
    fn encodings_are_read_and_named() {
        let bom = read_csv("\u{feff}专利号,国家\nX,CN\n".as_bytes()).unwrap_or_default();
        assert_eq!(cells(&bom)[0], ["专利号", "国家"]);
        assert!(bom.source.contains("UTF-8 with BOM"));
        let (gb, _, _) = GB18030.encode("专利号,国家\nX,中国\n");
        let t = read_csv(&gb).unwrap_or_default();
        assert_eq!(cells(&t)[1], ["X", "中国"]);
        assert!(t.source.contains("GB18030"));
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "a\tb\n1\t2\n".encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        let t = read_csv(&utf16).unwrap_or_default();
        assert_eq!(cells(&t)[1], ["1", "2"]);
        assert!(t.source.contains("tab"));
    }

    #[test]
    fn binary_is_not_text() {
        assert_eq!(read_csv(b"\0\x01\x02\xff\xfe\xfd"), Err(FileError::NotText));
    }
}
