//! Amounts, counts and percents as people read them and type them: the one place that turns
//! numbers into screen text and typed text into numbers, for every page and the CLI's text
//! output.
//!
//! - On screen, whole parts are grouped by thousands with commas, the convention of both
//!   English and 简体中文: `20,000.00`, `1,172,208`.
//! - Typed text may be grouped or plain (`1,000,000`, `1 000 000`, `1000000`, `1，000`), and a
//!   percent may end in `%` or `％`; every problem is a [`FieldProblem`] for the page to word.
//! - CSV and JSON exports keep plain numbers: they use `poolcalc_engine::model::money`
//!   (`format_money`, `format_exact`), never this module.

use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use poolcalc_engine::model::dataset::MAX_SALE_UNITS;
use poolcalc_engine::model::money::{MAX_AMOUNT, round};

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
    /// More than [`MAX_FILL_YEARS`](crate::fee_form::MAX_FILL_YEARS) years to fill.
    TooManyYears,
    /// More units than [`MAX_SALE_UNITS`] in one sale.
    TooManyUnits,
    /// More than [`MAX_AMOUNT`].
    TooLarge,
    /// More upstream-paid units than the row's units.
    MoreThanUnits,
    /// A percentage above 100 % where a share of a whole is meant.
    OverHundredPercent,
}

// ---------------------------------------------------------------------------------------------
// Screen text

/// Digits of a whole part with a comma before every group of three: `"1234567"` → `"1,234,567"`.
fn group_whole(digits: &str, out: &mut String) {
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
}

/// A count for people: `1234567` → `"1,234,567"`.
#[must_use]
pub fn group_digits(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    group_whole(&digits, &mut out);
    out
}

/// A decimal as it stands (its own scale, trailing zeros kept) with its whole part grouped:
/// `-1234567.50` → `"-1,234,567.50"`.
#[must_use]
pub fn grouped_exact(d: Decimal) -> String {
    let plain = d.to_string();
    let (sign, digits) = plain
        .strip_prefix('-')
        .map_or(("", plain.as_str()), |rest| ("-", rest));
    let (whole, fraction) = digits
        .split_once('.')
        .map_or((digits, None), |(w, f)| (w, Some(f)));
    let mut out = String::with_capacity(plain.len() + whole.len() / 3);
    out.push_str(sign);
    group_whole(whole, &mut out);
    if let Some(f) = fraction {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// An amount for people: rounded half away from zero to `dp` decimals, exactly `dp` decimals,
/// whole part grouped; a value that rounds to zero has no sign. `20000` → `"20,000.00"` (dp 2).
#[must_use]
pub fn grouped(d: Decimal, dp: u32) -> String {
    let mut r = round(d, dp);
    r.rescale(dp);
    if r.is_zero() {
        r.set_sign_positive(true);
    }
    grouped_exact(r)
}

/// An amount of money on screen: `"20,000.00 USD"`.
#[must_use]
pub fn money(d: Decimal, dp: u32, currency: &str) -> String {
    format!("{} {currency}", grouped(d, dp))
}

/// A fraction as a percentage for people, rounded half away from zero to at most `dp`
/// decimals, without trailing zeros and without grouping (it is also what a person types):
/// `0.0325` → `"3.25"`, `0.255` → `"25.5"` (dp 1), `-0.5` → `"-50"`.
#[must_use]
pub fn percent_text(fraction: Decimal, dp: u32) -> String {
    (fraction * Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string()
}

/// A fraction as the exact percentage a person types: `0.125` → `"12.5"`.
#[must_use]
pub fn percent_exact(fraction: Decimal) -> String {
    (fraction * Decimal::ONE_HUNDRED).normalize().to_string()
}

/// A fraction as a percentage with exactly `dp` decimals, grouped: `0.123456` → `"12.35"`.
#[must_use]
pub fn percent_fixed(fraction: Decimal, dp: u32) -> String {
    grouped(fraction * Decimal::ONE_HUNDRED, dp)
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

// ---------------------------------------------------------------------------------------------
// Typed text

/// The text without thousands separators (`,`, `_`, spaces, `，`) and surrounding spaces.
fn without_separators(text: &str) -> String {
    text.trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}' | '\u{202f}' | '，'))
        .collect()
}

/// Whole units ≥ 0, grouped or plain; `1,000,000` is accepted.
///
/// # Errors
/// [`FieldProblem::NotWholeUnits`], [`FieldProblem::Negative`], [`FieldProblem::TooManyUnits`]
/// or [`FieldProblem::Empty`].
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

/// A decimal number ≥ 0 up to [`MAX_AMOUNT`], grouped or plain, no exponent; empty is `None`.
///
/// # Errors
/// [`FieldProblem::NotADecimal`], [`FieldProblem::Negative`] or [`FieldProblem::TooLarge`].
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

/// An amount ≥ 0 that must be given, as [`parse_decimal`].
///
/// # Errors
/// As [`parse_decimal`], and [`FieldProblem::Empty`].
pub fn parse_amount(text: &str) -> Result<Decimal, FieldProblem> {
    parse_decimal(text)?.ok_or(FieldProblem::Empty)
}

/// A percentage typed as "5", "5 %", "5％", "1,250" or "-2.5": the fraction (0.05, 12.5,
/// −0.025); `None` when empty.
///
/// # Errors
/// [`FieldProblem::NotADecimal`], [`FieldProblem::TooLarge`], or [`FieldProblem::Negative`]
/// for a second minus sign.
pub fn parse_optional_percent(text: &str) -> Result<Option<Decimal>, FieldProblem> {
    let t = text.trim().trim_end_matches(['%', '％']).trim();
    let (negative, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    Ok(parse_decimal(body)?.map(|v| {
        let value = v / Decimal::ONE_HUNDRED;
        if negative { -value } else { value }
    }))
}

/// A percentage as [`parse_optional_percent`]; empty is 0.
///
/// # Errors
/// [`FieldProblem::NotADecimal`] or [`FieldProblem::TooLarge`].
pub fn parse_percent(text: &str) -> Result<Decimal, FieldProblem> {
    Ok(parse_optional_percent(text)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    #[test]
    fn amounts_and_counts_are_grouped() {
        assert_eq!(grouped(d("20000"), 2), "20,000.00");
        assert_eq!(grouped(d("1172208"), 2), "1,172,208.00");
        assert_eq!(grouped(d("73575148.705"), 2), "73,575,148.71");
        assert_eq!(grouped(d("-1234.5"), 0), "-1,235");
        assert_eq!(grouped(d("-0.001"), 2), "0.00");
        assert_eq!(grouped_exact(d("-840300.00")), "-840,300.00");
        assert_eq!(grouped_exact(d("0.308058")), "0.308058");
        assert_eq!(group_digits(100_000), "100,000");
        assert_eq!(group_digits(999), "999");
        assert_eq!(money(d("20000"), 2, "USD"), "20,000.00 USD");
    }

    #[test]
    fn percents_for_people() {
        assert_eq!(percent_text(d("0.0325"), 4), "3.25");
        assert_eq!(percent_text(d("0.255"), 0), "26");
        assert_eq!(percent_text(d("-0.5"), 1), "-50");
        assert_eq!(percent_exact(d("0.125")), "12.5");
        assert_eq!(percent_fixed(d("0.123456"), 2), "12.35");
        assert_eq!(percent_fixed(d("12.345"), 2), "1,234.50");
    }

    #[test]
    fn percents_typed_with_either_sign_grouped_or_not() {
        assert_eq!(parse_percent("5"), Ok(d("0.05")));
        assert_eq!(parse_percent(" 5 % "), Ok(d("0.05")));
        assert_eq!(parse_percent("5％"), Ok(d("0.05")));
        assert_eq!(parse_percent("-2.5"), Ok(d("-0.025")));
        assert_eq!(parse_percent("-50 %"), Ok(d("-0.5")));
        assert_eq!(parse_percent("1,250"), Ok(d("12.5")));
        assert_eq!(parse_percent(""), Ok(Decimal::ZERO));
        assert_eq!(parse_optional_percent(" % "), Ok(None));
        assert_eq!(parse_percent("abc"), Err(FieldProblem::NotADecimal));
        assert_eq!(parse_percent("5e2"), Err(FieldProblem::NotADecimal));
    }

    #[test]
    fn amounts_typed_grouped_or_plain() {
        assert_eq!(parse_decimal("1,234.50"), Ok(Some(d("1234.50"))));
        assert_eq!(parse_decimal("1 234.50"), Ok(Some(d("1234.50"))));
        assert_eq!(parse_decimal("1，234"), Ok(Some(d("1234"))));
        assert_eq!(parse_decimal(""), Ok(None));
        assert_eq!(parse_amount(""), Err(FieldProblem::Empty));
        assert_eq!(parse_amount("-1"), Err(FieldProblem::Negative));
        assert_eq!(parse_units("1,000,000"), Ok(1_000_000));
    }
}
