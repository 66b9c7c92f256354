//! The rows of one patent (same country and number; a claim-level list has one row per claim)
//! brought together into one dataset patent, with its claim count.

use std::collections::HashMap;

use poolcalc_engine::model::dataset::Patent;
use poolcalc_engine::model::date::Date;
use rust_decimal::Decimal;

use crate::dates::parse_date;
use crate::members::Members;
use crate::options::ImportOptions;
use crate::problems::{Choice, Problems, Reason};
use crate::rows::PatentRow;

/// A patent of the import, with what the list said about it.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedPatent {
    /// The dataset patent.
    pub patent: Patent,
    /// Claims listed for it (distinct claim numbers, else its rows).
    pub claims: usize,
    /// Its first row's line.
    pub line: usize,
    /// Rows it was made from.
    pub rows: usize,
    /// The licensor as the list spells it (first row).
    pub licensor: String,
}

/// Rows grouped by patent, in order of first appearance.
#[derive(Default)]
pub struct Groups {
    index: HashMap<(&'static str, String), usize>,
    groups: Vec<Vec<PatentRow>>,
}

impl Groups {
    /// Adds a row to its patent's group.
    pub fn add(&mut self, row: PatentRow) {
        let k = (row.country, row.key.clone());
        match self.index.get(&k) {
            Some(&i) => self.groups[i].push(row),
            None => {
                self.index.insert(k, self.groups.len());
                self.groups.push(vec![row]);
            }
        }
    }

    /// One patent per group; groups left out by a problem's choice are recorded and dropped.
    pub fn patents(
        self,
        options: &ImportOptions,
        members: &mut Members,
        problems: &mut Problems,
    ) -> Vec<ImportedPatent> {
        self.groups
            .into_iter()
            .filter_map(|rows| merge(&rows, options, members, problems))
            .collect()
    }
}

/// Distinct values, in order of first appearance.
fn distinct<T: PartialEq + Clone>(values: impl Iterator<Item = T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for v in values {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// "a, b (lines 3, 7)": what a patent's rows disagree on.
fn conflict_text(values: &[String], rows: &[PatentRow]) -> String {
    let lines: Vec<String> = rows.iter().take(10).map(|r| r.line.to_string()).collect();
    format!(
        "{} (lines {}{})",
        values.join(", "),
        lines.join(", "),
        if rows.len() > 10 { ", …" } else { "" }
    )
}

fn merge(
    rows: &[PatentRow],
    options: &ImportOptions,
    members: &mut Members,
    problems: &mut Problems,
) -> Option<ImportedPatent> {
    let first = rows.first()?;
    let line = first.line;
    let mut record = |reason: Reason, value: String| {
        problems.push(line, reason, &value);
        options.choice(reason)
    };

    let licensors = distinct(rows.iter().map(|r| members.key(&r.member)));
    let licensor = if licensors.len() > 1 {
        let names = distinct(rows.iter().map(|r| r.member.clone()));
        match record(Reason::LicensorConflict, conflict_text(&names, rows)) {
            Choice::First => first.member.clone(),
            Choice::Value(v) => v.trim().to_owned(),
            _ => return None,
        }
    } else {
        first.member.clone()
    };

    let dates = distinct(rows.iter().filter_map(|r| r.expires.ok()));
    let expires = match dates.as_slice() {
        [d] => *d,
        [] => {
            let reason = if rows.iter().all(|r| r.expires == Err(Reason::SeeNote)) {
                Reason::SeeNote
            } else {
                Reason::NoExpiry
            };
            match record(reason, first.number.clone()) {
                Choice::Value(v) => parse_date(v)?,
                _ => return None,
            }
        }
        many => {
            let texts: Vec<String> = many.iter().map(ToString::to_string).collect();
            match record(Reason::ExpiryConflict, conflict_text(&texts, rows)) {
                Choice::Latest => many.iter().max().copied()?,
                Choice::Earliest => many.iter().min().copied()?,
                Choice::Value(v) => parse_date(v)?,
                _ => return None,
            }
        }
    };

    let families = distinct(rows.iter().filter_map(|r| r.family.clone()));
    let granted = distinct(rows.iter().filter_map(|r| r.granted));
    let statuses = distinct(rows.iter().map(|r| r.status));
    let weights = distinct(rows.iter().filter_map(|r| r.weight));
    let mut differing = Vec::new();
    for (name, n) in [
        ("family", families.len()),
        ("granted", granted.len()),
        ("status", statuses.len()),
        ("weight", weights.len()),
    ] {
        if n > 1 {
            differing.push(name.to_owned());
        }
    }
    if !differing.is_empty()
        && record(Reason::FieldConflict, conflict_text(&differing, rows)) != &Choice::First
    {
        return None;
    }
    let granted: Option<Date> = granted.first().copied();
    let expires = match granted {
        Some(g) if expires <= g => {
            let text = format!("expires {expires}, granted {g}");
            match record(Reason::NotAfterGranted, text) {
                Choice::Value(v) => parse_date(v).filter(|d| *d > g)?,
                _ => return None,
            }
        }
        _ => expires,
    };

    let claim_numbers = distinct(rows.iter().filter_map(|r| r.claim.as_deref()));
    let claims = if claim_numbers.is_empty() {
        rows.len()
    } else {
        claim_numbers.len()
    };
    let weight = match weights.first() {
        Some(w) => *w,
        None if options.claims_as_weight => Decimal::from(claims),
        None => Decimal::ONE,
    };
    let patent = Patent {
        id: format!("{}-{}", first.country, first.key),
        member: members.id(&licensor),
        family: families.first().cloned(),
        country: first.country.to_owned(),
        number: first.number.clone(),
        granted,
        expires,
        status: statuses.first().copied().unwrap_or_default(),
        weight,
        standards: Vec::new(),
    };
    Some(ImportedPatent {
        patent,
        claims,
        line,
        rows: rows.len(),
        licensor,
    })
}
