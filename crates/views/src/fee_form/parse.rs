//! The fields of the fee form parsed as people type them (thousands separators, lower-case
//! country codes, percentages with `%`), each problem typed for the page to word; and the
//! numbers the page prints as text.

use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use poolcalc_engine::model::dataset::MAX_SALE_UNITS;
use poolcalc_engine::model::date::YEARS;
use poolcalc_engine::model::money::MAX_AMOUNT;

/// Why a typed field cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum FieldProblem {
    /// Not a whole year of the engine's range, 1900–2200.
    NotAYear,
    /// Empty where a value is needed.
    Empty,
    /// Not a whole number of units ≥ 0.
    NotWholeUnits,
    /// Not a decimal number such as 12.50.
    NotADecimal,
    /// Below zero.
    Negative,
    /// Not a two-letter ISO country code.
    NotACountry,
    /// Not a date `YYYY-MM-DD`.
    NotADate,
    /// A growth rate of −100 % or less.
    GrowthTooLow,
    /// More than [`MAX_FILL_YEARS`](super::MAX_FILL_YEARS) years to fill.
    TooManyYears,
    /// More units than [`MAX_SALE_UNITS`] in one sale.
    TooManyUnits,
    /// More than [`MAX_AMOUNT`].
    TooLarge,
    /// More upstream-paid units than the row's units.
    MoreThanUnits,
}

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

/// Digits with optional thousands separators (`,`, `_`, spaces) removed.
fn without_separators(text: &str) -> String {
    text.trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}' | '，'))
        .collect()
}

/// Whole units ≥ 0; `1,000,000` is accepted.
///
/// # Errors
/// [`FieldProblem::NotWholeUnits`], [`FieldProblem::Negative`] or [`FieldProblem::Empty`].
pub fn parse_units(text: &str) -> Result<u64, FieldProblem> {
    let t = without_separators(text);
    if t.is_empty() {
        return Err(FieldProblem::Empty);
    }
    if let Some(rest) = t.strip_prefix('-')
        && !rest.is_empty()
        && rest.chars().all(|c| c.is_ascii_digit())
    {
        return Err(FieldProblem::Negative);
    }
    if !t.chars().all(|c| c.is_ascii_digit()) {
        return Err(FieldProblem::NotWholeUnits);
    }
    match t.parse::<u64>() {
        Ok(u) if u <= MAX_SALE_UNITS => Ok(u),
        // All digits, so only its size can be wrong.
        _ => Err(FieldProblem::TooManyUnits),
    }
}

/// A decimal number, no exponent; empty is `None`.
///
/// # Errors
/// [`FieldProblem::NotADecimal`] or [`FieldProblem::Negative`].
pub fn parse_decimal(text: &str) -> Result<Option<Decimal>, FieldProblem> {
    let t = without_separators(text);
    if t.is_empty() {
        return Ok(None);
    }
    let shape = t.strip_prefix('-').unwrap_or(&t);
    let (whole, frac) = match shape.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (shape, None),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let ok = digits(whole) && frac.is_none_or(|f| digits(f) && !f.is_empty()) && !whole.is_empty();
    if !ok {
        return Err(FieldProblem::NotADecimal);
    }
    let d = Decimal::from_str(&t).map_err(|_| FieldProblem::NotADecimal)?;
    if d.is_sign_negative() && !d.is_zero() {
        return Err(FieldProblem::Negative);
    }
    if d > MAX_AMOUNT {
        return Err(FieldProblem::TooLarge);
    }
    Ok(Some(d))
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

/// A percentage typed as "5", "5 %" or "-2.5": the fraction (0.05, −0.025); empty is 0.
///
/// # Errors
/// [`FieldProblem::NotADecimal`].
pub fn parse_percent(text: &str) -> Result<Decimal, FieldProblem> {
    let t = text.trim().trim_end_matches(['%', '％']).trim();
    let (negative, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let value = parse_decimal(body)?.unwrap_or_default() / Decimal::ONE_HUNDRED;
    Ok(if negative { -value } else { value })
}

/// A fraction as a percentage for people: 0.0325 → "3.25", at most `dp` decimals.
#[must_use]
pub fn percent_text(fraction: Decimal, dp: u32) -> String {
    (fraction * Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string()
}

/// A per-unit amount for people: at least the currency's decimals, at most `decimals + 4`.
#[must_use]
pub fn per_unit_text(amount: Decimal, decimals: u32) -> String {
    let mut r = amount.round_dp_with_strategy(decimals + 4, RoundingStrategy::MidpointAwayFromZero);
    r = r.normalize();
    if r.scale() < decimals {
        r.rescale(decimals);
    }
    r.to_string()
}

/// A count that may be left empty (users, subscribers, upstream-paid units): `None` when
/// empty, else as [`parse_units`].
///
/// # Errors
/// As [`parse_units`], but never [`FieldProblem::Empty`].
pub fn parse_optional_count(text: &str) -> Result<Option<u64>, FieldProblem> {
    match parse_units(text) {
        Ok(n) => Ok(Some(n)),
        Err(FieldProblem::Empty) => Ok(None),
        Err(p) => Err(p),
    }
}
