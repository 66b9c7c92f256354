//! The fee form's own fields parsed as people type them (a year, a country code, lower case
//! accepted), each problem typed for the page to word. Numbers (units, amounts, percents) are
//! read and written by [`crate::format`], re-exported here under the names pages use.

use poolcalc_engine::model::date::YEARS;

pub use crate::format::{
    FieldProblem, parse_decimal, parse_optional_count, parse_percent, parse_units, per_unit_text,
    percent_text,
};

/// A year of the engine's range (`YEARS`, 1900–2200): a year outside it is marked on its
/// field here rather than refused by the engine further on.
///
/// # Errors
/// [`FieldProblem::NotAYear`] or [`FieldProblem::Empty`].
pub fn parse_year(text: &str) -> Result<i32, FieldProblem> {
    let t = text.trim();
    if t.is_empty() {
        return Err(FieldProblem::Empty);
    }
    t.parse::<i32>()
        .ok()
        .filter(|y| YEARS.contains(y))
        .ok_or(FieldProblem::NotAYear)
}

/// A country code; lower case is accepted and upper-cased.
///
/// # Errors
/// [`FieldProblem::NotACountry`] or [`FieldProblem::Empty`].
pub fn parse_country(text: &str) -> Result<String, FieldProblem> {
    let t = text.trim();
    if t.is_empty() {
        return Err(FieldProblem::Empty);
    }
    if t.len() == 2 && t.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(t.to_ascii_uppercase())
    } else {
        Err(FieldProblem::NotACountry)
    }
}
