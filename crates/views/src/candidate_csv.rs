//! A joining patent holder's patents, typed in form rows or imported from CSV
//! (`number,country,family,granted,expires,weight`), checked row by row and turned into the
//! dataset's patents.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use poolcalc_engine::io::csv::{self as csv_io, CsvIssue, write_rows};
use poolcalc_engine::model::dataset::{Patent, PatentStatus};
use poolcalc_engine::model::date::{Date, YEARS};

/// The columns of a candidate CSV, in order.
pub const CANDIDATE_HEADER: [&str; 6] = [
    "number", "country", "family", "granted", "expires", "weight",
];

/// One patent as typed (all text, so that what a person typed is kept even when wrong).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateRow {
    /// Publication or grant number.
    pub number: String,
    /// Country of grant (two letters).
    pub country: String,
    /// Family id, or empty.
    pub family: String,
    /// Grant date `YYYY-MM-DD`, or empty.
    pub granted: String,
    /// First day no longer in force, `YYYY-MM-DD`.
    pub expires: String,
    /// Weight for the weighted method, or empty for 1.
    pub weight: String,
}

/// What is wrong with a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum RowProblem {
    /// The number is empty.
    Number,
    /// The country is not two letters.
    Country,
    /// The grant date is not a real `YYYY-MM-DD` day.
    Granted,
    /// The expiry date is missing or not a real day.
    Expires,
    /// Expiry is not after the grant date.
    ExpiresBeforeGranted,
    /// The weight is not a decimal of 0 or more.
    Weight,
}

/// Reads a candidate CSV into rows; the header names the columns (any order, case-insensitive;
/// `family`, `granted` and `weight` may be left out). Rows that cannot be read at all are
/// listed by line; the rest are kept as typed and checked by [`candidate_patents`].
#[must_use]
pub fn read_candidate_csv(text: &str) -> (Vec<CandidateRow>, Vec<CsvIssue>) {
    let mut issues = Vec::new();
    let (mut reader, header) = match csv_io::open(text) {
        Ok(opened) => opened,
        Err(issue) => return (Vec::new(), vec![issue]),
    };
    let cols: Vec<Option<usize>> = CANDIDATE_HEADER
        .iter()
        .map(|n| header.iter().position(|h| h == n))
        .collect();
    for required in [0, 1, 4] {
        if cols[required].is_none() {
            issues.push(CsvIssue {
                line: 1,
                message: format!(
                    "the header needs the columns number, country and expires (and may have family, granted, weight); `{}` is missing",
                    CANDIDATE_HEADER[required]
                ),
            });
            return (Vec::new(), issues);
        }
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                issues.push(CsvIssue {
                    line: e.position().map_or(0, |p| p.line()),
                    message: e.to_string(),
                });
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let field = |i: usize| {
            cols[i]
                .and_then(|c| record.get(c))
                .map_or("", csv_io::plain)
                .to_owned()
        };
        rows.push(CandidateRow {
            number: field(0),
            country: field(1),
            family: field(2),
            granted: field(3),
            expires: field(4),
            weight: field(5),
        });
    }
    (rows, issues)
}

/// Writes rows as a candidate CSV (the same columns the reader takes).
#[must_use]
pub fn write_candidate_csv(rows: &[CandidateRow]) -> String {
    let header = CANDIDATE_HEADER.map(str::to_owned);
    write_rows(std::iter::once(header).chain(rows.iter().map(|r| {
        [
            &r.number, &r.country, &r.family, &r.granted, &r.expires, &r.weight,
        ]
        .map(String::clone)
    })))
}

/// The problems of one row (empty when it is good).
#[must_use]
pub fn row_problems(r: &CandidateRow) -> Vec<RowProblem> {
    parse_row(r, "", 0).err().unwrap_or_default()
}

/// The rows as patents of member `member` (ids `member-1`, `member-2`, …), or each bad row's
/// position (0-based) with its problems. Blank rows are left out.
///
/// # Errors
/// Every row with a problem.
pub fn candidate_patents(
    member: &str,
    rows: &[CandidateRow],
) -> Result<Vec<Patent>, Vec<(usize, Vec<RowProblem>)>> {
    let mut patents = Vec::new();
    let mut bad = Vec::new();
    for (i, r) in rows.iter().enumerate().filter(|(_, r)| !is_blank(r)) {
        match parse_row(r, member, i + 1) {
            Ok(p) => patents.push(p),
            Err(problems) => bad.push((i, problems)),
        }
    }
    if bad.is_empty() {
        Ok(patents)
    } else {
        Err(bad)
    }
}

fn is_blank(r: &CandidateRow) -> bool {
    [
        &r.number, &r.country, &r.family, &r.granted, &r.expires, &r.weight,
    ]
    .iter()
    .all(|f| f.trim().is_empty())
}

fn parse_row(r: &CandidateRow, member: &str, n: usize) -> Result<Patent, Vec<RowProblem>> {
    let mut problems = Vec::new();
    let number = r.number.trim();
    if number.is_empty() {
        problems.push(RowProblem::Number);
    }
    let country = r.country.trim().to_ascii_uppercase();
    if !(country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase())) {
        problems.push(RowProblem::Country);
    }
    let granted = if r.granted.trim().is_empty() {
        None
    } else {
        let d = Date::parse(r.granted.trim()).filter(|d| YEARS.contains(&d.year()));
        if d.is_none() {
            problems.push(RowProblem::Granted);
        }
        d
    };
    let expires = Date::parse(r.expires.trim()).filter(|d| YEARS.contains(&d.year()));
    if expires.is_none() {
        problems.push(RowProblem::Expires);
    }
    if let (Some(g), Some(e)) = (granted, expires)
        && e <= g
    {
        problems.push(RowProblem::ExpiresBeforeGranted);
    }
    let weight = if r.weight.trim().is_empty() {
        Some(Decimal::ONE)
    } else {
        crate::format::parse_amount(&r.weight).ok()
    };
    if weight.is_none() {
        problems.push(RowProblem::Weight);
    }
    match (expires, weight) {
        (Some(expires), Some(weight)) if problems.is_empty() => Ok(Patent {
            id: format!("{member}-{n}"),
            member: member.to_owned(),
            family: Some(r.family.trim())
                .filter(|f| !f.is_empty())
                .map(str::to_owned),
            country,
            number: number.to_owned(),
            granted,
            expires,
            status: PatentStatus::InForce,
            weight,
            standards: Vec::new(),
        }),
        _ => Err(problems),
    }
}
