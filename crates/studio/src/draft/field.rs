//! One form field: how the text a person types is kept at its JSON path, how it is shown
//! again, and what is wrong with it before the engine is asked.

use std::str::FromStr;

use poolcalc_engine::model::date::Date;
use poolcalc_views::format::{FieldProblem, parse_decimal, parse_optional_percent, parse_units};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::path;

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text, trimmed; empty leaves the field out.
    Text,
    /// An amount or rate ≥ 0, kept as a decimal string; grouped input is accepted.
    Decimal,
    /// A fraction shown and typed as a percentage ("10" or "10 %" is `"0.10"`), 0–100 %.
    Percent,
    /// A year (an integer, 1900–2200).
    Year,
    /// A whole number (an integer ≥ 0).
    Count,
    /// A tier's upper bound: a whole number, or empty for the open last band (`null`).
    UpTo,
    /// A date `YYYY-MM-DD`.
    Date,
    /// Country codes, separated by commas or spaces; upper-cased.
    Countries,
    /// Names separated by commas.
    Names,
    /// A checkbox: `true`, or left out.
    Flag,
}

/// The text a field shows for the value at its path.
#[must_use]
pub fn field_text(value: Option<&Value>, kind: Kind) -> String {
    match (value, kind) {
        (None | Some(Value::Null), _) => String::new(),
        (Some(Value::String(s)), Kind::Percent) => match Decimal::from_str(s)
            .ok()
            .and_then(|d| d.checked_mul(Decimal::ONE_HUNDRED))
        {
            Some(p) => p.normalize().to_string(),
            None => s.clone(),
        },
        (Some(Value::String(s)), _) => s.clone(),
        (Some(Value::Array(items)), _) => items
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
            .collect::<Vec<_>>()
            .join(", "),
        (Some(Value::Bool(b)), _) => if *b { "true" } else { "" }.to_owned(),
        (Some(v), _) => v.to_string(),
    }
}

/// Keeps `text` at `path` as `kind` says; text that does not read is kept as it was typed,
/// so nothing is lost and the problem is shown on the field.
pub fn set_field(dataset: &mut Value, at: &str, kind: Kind, text: &str) {
    let t = text.trim();
    let raw = || Some(Value::String(t.to_owned()));
    let value = match kind {
        _ if t.is_empty() && kind == Kind::UpTo => Some(Value::Null),
        _ if t.is_empty() => None,
        Kind::Text | Kind::Date => raw(),
        Kind::Decimal => match parse_decimal(t) {
            Ok(Some(d)) => Some(Value::String(d.to_string())),
            _ => raw(),
        },
        Kind::Percent => match parse_optional_percent(t) {
            Ok(Some(d)) => Some(Value::String(d.normalize().to_string())),
            _ => raw(),
        },
        Kind::Year | Kind::Count | Kind::UpTo => match parse_units(t) {
            Ok(n) => Some(Value::from(n)),
            Err(_) => raw(),
        },
        Kind::Countries => Some(list(t, true)),
        Kind::Names => Some(list(t, false)),
        Kind::Flag => (t == "true").then_some(Value::Bool(true)),
    };
    path::set(dataset, at, value);
}

fn list(text: &str, codes: bool) -> Value {
    let split: &[char] = if codes {
        &[',', '，', ';', ' ']
    } else {
        &[',', '，', ';']
    };
    Value::Array(
        text.split(split)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                Value::String(if codes {
                    s.to_ascii_uppercase()
                } else {
                    s.to_owned()
                })
            })
            .collect(),
    )
}

/// What is wrong with the value at a field, by the field's own rules (the engine checks how
/// the parts relate). `required` fields must not be empty.
#[must_use]
pub fn field_problem(value: Option<&Value>, kind: Kind, required: bool) -> Option<FieldProblem> {
    let text = match value {
        None | Some(Value::Null) => {
            return (required && kind != Kind::UpTo).then_some(FieldProblem::Empty);
        }
        Some(Value::String(s)) => s.as_str(),
        Some(Value::Array(items)) if kind == Kind::Countries => {
            let bad = items.iter().any(|c| {
                c.as_str()
                    .is_none_or(|c| c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()))
            });
            return bad.then_some(FieldProblem::NotACountry);
        }
        Some(Value::Number(n)) if kind == Kind::Year => {
            let ok = n.as_u64().is_some_and(|y| (1900..=2200).contains(&y));
            return (!ok).then_some(FieldProblem::NotAYear);
        }
        Some(_) => return None,
    };
    match kind {
        Kind::Decimal => parse_decimal(text).err(),
        Kind::Percent => match Decimal::from_str(text) {
            Ok(d) if d.is_sign_negative() && !d.is_zero() => Some(FieldProblem::Negative),
            Ok(d) if d > Decimal::ONE => Some(FieldProblem::OverHundredPercent),
            Ok(_) => None,
            Err(_) => Some(
                parse_optional_percent(text)
                    .err()
                    .unwrap_or(FieldProblem::NotADecimal),
            ),
        },
        // A year or count kept as text did not read as a number.
        Kind::Year => Some(FieldProblem::NotAYear),
        Kind::Count | Kind::UpTo => Some(
            parse_units(text)
                .err()
                .unwrap_or(FieldProblem::NotWholeUnits),
        ),
        Kind::Date => Date::parse(text)
            .is_none()
            .then_some(FieldProblem::NotADate),
        Kind::Text | Kind::Countries | Kind::Names | Kind::Flag => None,
    }
}

/// How a rate line charges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    PerUnit,
    Tiers,
    Percent,
}

impl LineKind {
    pub const ALL: [LineKind; 3] = [LineKind::PerUnit, LineKind::Tiers, LineKind::Percent];

    /// The name used in forms (the dataset key that marks it).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            LineKind::PerUnit => "per_unit",
            LineKind::Tiers => "tiers",
            LineKind::Percent => "percent_of_price",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<LineKind> {
        LineKind::ALL.into_iter().find(|k| k.name() == s)
    }
}

/// How the line at `line` charges (per unit when it says nothing yet).
#[must_use]
pub fn line_kind(dataset: &Value, line: &str) -> LineKind {
    let l = path::get(dataset, line);
    let has = |k: &str| l.and_then(|l| l.get(k)).is_some();
    if has("tiers") {
        LineKind::Tiers
    } else if has("percent_of_price") {
        LineKind::Percent
    } else {
        LineKind::PerUnit
    }
}

/// Makes the line at `line` charge as `kind`: the other kinds' fields go, the new kind's
/// start empty (a tier list starts with its open last band).
pub fn set_line_kind(dataset: &mut Value, line: &str, kind: LineKind) {
    if line_kind(dataset, line) == kind {
        return;
    }
    let Some(Value::Object(l)) = path::get_mut(dataset, line) else {
        return;
    };
    for k in [
        "per_unit",
        "tiers",
        "tier_mode",
        "percent_of_price",
        "min_per_unit",
        "max_per_unit",
    ] {
        l.remove(k);
    }
    if kind == LineKind::Tiers {
        let mut open = Map::new();
        open.insert("up_to".to_owned(), Value::Null);
        l.insert("tiers".to_owned(), Value::Array(vec![Value::Object(open)]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn kept(kind: Kind, text: &str) -> Option<Value> {
        let mut v = json!({});
        set_field(&mut v, "x", kind, text);
        v.get("x").cloned()
    }

    #[test]
    fn typed_text_is_kept_as_the_dataset_wants_it() {
        assert_eq!(kept(Kind::Percent, "10 %"), Some(json!("0.1")));
        assert_eq!(kept(Kind::Percent, "12.5％"), Some(json!("0.125")));
        assert_eq!(kept(Kind::Decimal, "20,000.50"), Some(json!("20000.50")));
        assert_eq!(kept(Kind::Year, "2026"), Some(json!(2026)));
        assert_eq!(kept(Kind::UpTo, ""), Some(Value::Null));
        assert_eq!(
            kept(Kind::Countries, "cn, us de"),
            Some(json!(["CN", "US", "DE"]))
        );
        assert_eq!(kept(Kind::Text, "  "), None);
        // Not readable: kept as typed, and the field says why.
        assert_eq!(kept(Kind::Decimal, "0,2x"), Some(json!("0,2x")));
        assert_eq!(kept(Kind::Year, "20x6"), Some(json!("20x6")));
    }

    #[test]
    fn fields_say_what_is_wrong() {
        let p = |v: Value, k| field_problem(Some(&v), k, true);
        assert_eq!(
            field_problem(None, Kind::Text, true),
            Some(FieldProblem::Empty)
        );
        assert_eq!(field_problem(None, Kind::Text, false), None);
        assert_eq!(
            p(json!("1.5"), Kind::Percent),
            Some(FieldProblem::OverHundredPercent)
        );
        assert_eq!(
            p(json!("abc"), Kind::Decimal),
            Some(FieldProblem::NotADecimal)
        );
        assert_eq!(p(json!("20x6"), Kind::Year), Some(FieldProblem::NotAYear));
        assert_eq!(p(json!(1800), Kind::Year), Some(FieldProblem::NotAYear));
        assert_eq!(
            p(json!("2026-02-30"), Kind::Date),
            Some(FieldProblem::NotADate)
        );
        assert_eq!(
            p(json!(["CN", "EUR"]), Kind::Countries),
            Some(FieldProblem::NotACountry)
        );
        assert_eq!(p(json!("0.1"), Kind::Percent), None);
    }

    #[test]
    fn percents_show_as_typed() {
        assert_eq!(field_text(Some(&json!("0.125")), Kind::Percent), "12.5");
        assert_eq!(field_text(Some(&json!("x%")), Kind::Percent), "x%");
        assert_eq!(
            field_text(Some(&json!(["CN", "US"])), Kind::Countries),
            "CN, US"
        );
    }

    #[test]
    fn a_line_changes_how_it_charges() {
        let mut v = json!({"l": {"product": "p", "per_unit": "1"}});
        set_line_kind(&mut v, "l", LineKind::Tiers);
        assert_eq!(v["l"], json!({"product": "p", "tiers": [{"up_to": null}]}));
        assert_eq!(line_kind(&v, "l"), LineKind::Tiers);
    }
}
