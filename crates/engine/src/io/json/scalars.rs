//! Strings, numbers, decimals, dates, texts and lists read from JSON, and the checks of
//! country codes, ids, amounts and fractions.

use rust_decimal::Decimal;

use super::Value;
use super::reader::{FromJson, Reader};
use crate::model::date::{Date, YEARS, YEARS_TEXT};
use crate::model::issue::Path;
use crate::model::money::MAX_AMOUNT;
use crate::model::text::Text;

/// The text of a string value, borrowed from the document.
fn str_of<'v>(r: &mut Reader, v: &'v Value<'_>, path: &Path<'_>) -> Option<&'v str> {
    match v {
        Value::String(s) => Some(s),
        other => {
            r.expected(path, "a string", other);
            None
        }
    }
}

impl FromJson for String {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        str_of(r, v, path).map(str::to_owned)
    }
}

impl FromJson for bool {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        match v {
            Value::Bool(b) => Some(*b),
            other => {
                r.expected(path, "true or false", other);
                None
            }
        }
    }
}

impl FromJson for u64 {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        match v.as_u64() {
            Some(n) => Some(n),
            None if v.as_i64().is_some() => {
                r.issues.push(path, "must not be negative");
                None
            }
            None => {
                r.expected(path, "a whole number", v);
                None
            }
        }
    }
}

impl FromJson for i32 {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        match v.as_i64().and_then(|n| i32::try_from(n).ok()) {
            Some(n) if YEARS.contains(&n) => Some(n),
            Some(n) => {
                r.issues
                    .push(path, format!("year {n} is out of range {YEARS_TEXT}"));
                None
            }
            None => {
                r.expected(path, "a year (whole number)", v);
                None
            }
        }
    }
}

/// A decimal written as a string: digits with an optional sign and fraction, nothing else.
impl FromJson for Decimal {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let Value::String(s) = v else {
            if let Value::Number(n) = v {
                r.issues.push(
                    path,
                    format!(
                        "decimals are written as strings, e.g. \"{n}\" (JSON numbers lose cents)"
                    ),
                );
            } else {
                r.expected(path, "a decimal string such as \"0.20\"", v);
            }
            return None;
        };
        match parse_decimal(s) {
            Ok(d) => Some(d),
            Err(BadDecimal::Malformed) => {
                r.issues
                    .push(path, format!("\"{s}\" is not a decimal such as \"12.50\""));
                None
            }
            Err(BadDecimal::TooLong) => {
                r.issues
                    .push(path, format!("\"{s}\" has too many digits (28 at most)"));
                None
            }
        }
    }
}

/// Why a string is not a dataset decimal.
pub(crate) enum BadDecimal {
    /// Not digits with an optional sign and fraction.
    Malformed,
    /// More digits than a `Decimal` holds.
    TooLong,
}

/// A decimal as datasets write it: digits with an optional sign and fraction, nothing else.
pub(crate) fn parse_decimal(s: &str) -> Result<Decimal, BadDecimal> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, "0"));
    let well_formed = !int.is_empty()
        && !frac.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit());
    if !well_formed {
        return Err(BadDecimal::Malformed);
    }
    Decimal::from_str_exact(s).map_err(|_| BadDecimal::TooLong)
}

impl FromJson for Date {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let s = str_of(r, v, path)?;
        let d = Date::parse(s);
        match d {
            None => r
                .issues
                .push(path, format!("\"{s}\" is not a date written YYYY-MM-DD")),
            Some(d) if !YEARS.contains(&d.year()) => r.issues.push(
                path,
                format!("{s} is outside the years {YEARS_TEXT} the calculator takes"),
            ),
            Some(d) => return Some(d),
        }
        None
    }
}

impl FromJson for Text {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        match v {
            Value::String(s) => Some(Text::Plain(s.as_ref().to_owned())),
            Value::Object(map) => {
                let mut out = std::collections::BTreeMap::new();
                let mut ok = true;
                for (k, v) in map {
                    let p = Path::Key(path, k);
                    if !is_language_tag(k) {
                        r.issues.push(
                            p,
                            format!("`{k}` is not a language tag such as \"en\" or \"zh\""),
                        );
                        ok = false;
                    } else if let Some(s) = String::from_json(r, v, &p) {
                        out.insert(k.as_ref().to_owned(), s);
                    } else {
                        ok = false;
                    }
                }
                if out.is_empty() && ok {
                    r.issues.push(path, "a text needs at least one language");
                    ok = false;
                }
                ok.then_some(Text::Lang(out))
            }
            other => {
                r.expected(path, "a text (a string or {\"en\": …, \"zh\": …})", other);
                None
            }
        }
    }
}

pub(crate) fn is_language_tag(k: &str) -> bool {
    let mut parts = k.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()));
    primary_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let Value::Array(items) = v else {
            r.expected(path, "a list", v);
            return None;
        };
        // Read every item even after a failure so all problems are reported.
        let read: Vec<Option<T>> = items
            .iter()
            .enumerate()
            .map(|(i, item)| T::from_json(r, item, &Path::Index(path, i)))
            .collect();
        read.into_iter().collect()
    }
}

/// Checks an ISO 3166-1 alpha-2 country code (two capital letters).
pub(crate) fn check_country(r: &mut Reader, path: &Path<'_>, code: &str) {
    if !(code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())) {
        r.issues.push(
            path,
            format!(
                "\"{code}\" is not a country code (two capital letters, ISO 3166-1, e.g. \"CN\")"
            ),
        );
    }
}

/// Checks an identifier: not empty, no surrounding spaces.
pub(crate) fn check_id(r: &mut Reader, path: &Path<'_>, id: &str) {
    if id.is_empty() || id.trim() != id {
        r.issues
            .push(path, "an id must not be empty or start or end with spaces");
    }
}

/// Checks an amount that must not be negative.
pub(crate) fn check_amount(r: &mut Reader, path: &Path<'_>, d: Decimal) {
    if d.is_sign_negative() && !d.is_zero() {
        r.issues
            .push(path, format!("{d} is negative; amounts must be 0 or more"));
    } else if d > MAX_AMOUNT {
        r.issues.push(
            path,
            format!("{d} is more than {MAX_AMOUNT}, the largest amount the calculator takes"),
        );
    }
}

/// Checks a fraction that must lie in [0, 1].
pub(crate) fn check_fraction(r: &mut Reader, path: &Path<'_>, d: Decimal) {
    if d < Decimal::ZERO || d > Decimal::ONE {
        r.issues.push(
            path,
            format!("{d} is outside 0–1 (a percentage is written as a fraction: \"0.10\" for 10%)"),
        );
    }
}
