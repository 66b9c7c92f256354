//! Reads a `serde_json::Value` into typed structures while collecting *every* problem with its
//! JSON path, instead of stopping at the first as serde's derive would.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::{Map, Value};

use crate::date::Date;
use crate::issue::{Issues, Path};
use crate::text::Text;

/// Collects problems while reading.
#[derive(Debug, Default)]
pub(crate) struct Reader {
    pub issues: Issues,
}

/// A type that can be read from a JSON value at a path.
pub(crate) trait FromJson: Sized {
    /// Reads `v`; on failure records why at `path` and returns `None`.
    fn from_json(r: &mut Reader, v: &Value, path: &Path<'_>) -> Option<Self>;
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

impl Reader {
    pub fn expected(&mut self, path: &Path<'_>, what: &str, got: &Value) {
        self.issues
            .push(path, format!("expected {what}, found {}", type_name(got)));
    }

    /// Opens an object for reading its fields.
    pub fn object<'a, 'p>(&mut self, v: &'a Value, path: &Path<'p>) -> Option<Obj<'a, 'p>> {
        match v {
            Value::Object(map) => Some(Obj {
                map,
                path: *path,
                known: {
                    // Room for a typical object's fields without regrowing.
                    let mut known = Vec::with_capacity(map.len() + 4);
                    known.push("extensions");
                    known
                },
            }),
            other => {
                self.expected(path, "an object", other);
                None
            }
        }
    }
}

/// An object being read: remembers which keys were asked for, so `finish` can report the
/// unknown ones (typos must not pass silently).
pub(crate) struct Obj<'a, 'p> {
    map: &'a Map<String, Value>,
    path: Path<'p>,
    known: Vec<&'static str>,
}

impl Obj<'_, '_> {
    /// The JSON path of this object.
    pub fn path(&self) -> &Path<'_> {
        &self.path
    }

    /// The JSON path of one of its fields.
    pub fn at<'s>(&'s self, key: &'s str) -> Path<'s> {
        Path::Key(&self.path, key)
    }

    /// A field that must be present.
    pub fn req<T: FromJson>(&mut self, r: &mut Reader, key: &'static str) -> Option<T> {
        self.known.push(key);
        match self.map.get(key) {
            Some(v) => T::from_json(r, v, &self.at(key)),
            None => {
                r.issues.push(self.path, format!("missing field `{key}`"));
                None
            }
        }
    }

    /// A field that may be absent (or null): `Some(None)` when absent, `None` when malformed.
    pub fn opt<T: FromJson>(&mut self, r: &mut Reader, key: &'static str) -> Option<Option<T>> {
        self.known.push(key);
        match self.map.get(key) {
            None | Some(Value::Null) => Some(None),
            Some(v) => T::from_json(r, v, &self.at(key)).map(Some),
        }
    }

    /// A list field that may be absent, meaning empty.
    pub fn list<T: FromJson>(&mut self, r: &mut Reader, key: &'static str) -> Option<Vec<T>> {
        self.opt::<Vec<T>>(r, key).map(Option::unwrap_or_default)
    }

    /// Whether the field is present (and not null); marks it as known.
    pub fn has(&mut self, key: &'static str) -> bool {
        self.known.push(key);
        self.map.get(key).is_some_and(|v| !v.is_null())
    }

    /// Reports every key that was not read.
    pub fn finish(self, r: &mut Reader) {
        for key in self.map.keys() {
            if !self.known.contains(&key.as_str()) {
                r.issues.push(
                    self.at(key),
                    format!("unknown field `{key}` (put extra data inside `extensions`)"),
                );
            }
        }
    }
}

impl FromJson for String {
    fn from_json(r: &mut Reader, v: &Value, path: &Path<'_>) -> Option<Self> {
        match v {
            Value::String(s) => Some(s.clone()),
            other => {
                r.expected(path, "a string", other);
                None
            }
        }
    }
}

impl FromJson for bool {
    fn from_json(r: &mut Reader, v: &Value, path: &Path<'_>) -> Option<Self> {
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
    fn from_json(r: &mut Reader, v: &Value, path: &Path<'_>) -> Option<Self> {
        match v.as_u64() {
            Some(n) => Some(n),
            None if v.is_i64() => {
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
    fn from_json(r: &mut Reader, v: &Value, path: &Path<'_>) -> Option<Self> {
        match v.as_i64().and_then(|n| i32::try_from(n).ok()) {
            Some(n) if (1..=9999).contains(&n) => Some(n),
            Some(n) => {
                r.issues
                    .push(path, format!("year {n} is out of range 1–9999"));
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
    fn from_json(r: &mut Reader, v: &Value, path: &Path<'_>) -> Option<Self> {
        let Value::String(s) = v else {
            if v.is_number() {
                r.issues.push(
                    path,
                    format!(
                        "decimals are written as strings, e.g. \"{v}\" (JSON numbers lose cents)"
                    ),
                );
            } else {
                r.expected(path, "a decimal string such as \"0.20\"", v);
            }
            return None;
        };
        let digits = s.strip_prefix('-').unwrap_or(s);
        let (int, frac) = digits.split_once('.').unwrap_or((digits, "0"));
        let well_formed = !int.is_empty()
            && !frac.is_empty()
            && int.bytes().all(|b| b.is_ascii_digit())
            && frac.bytes().all(|b| b.is_ascii_digit());
        if !well_formed {
            r.issues
                .push(path, format!("\"{s}\" is not a decimal such as \"12.50\""));
            return None;
        }
        match Decimal::from_str_exact(s) {
            Ok(d) => Some(d),
            Err(_) => {
                r.issues
                    .push(path, format!("\"{s}\" has too many digits (28 at most)"));
                None
            }
        }
    }
}

impl FromJson for Date {
    fn from_json(r: &mut Reader, v: &Value, path: &Path<'_>) -> Option<Self> {
        let s = String::from_json(r, v, path)?;
        let d = Date::parse(&s);
        if d.is_none() {
            r.issues
                .push(path, format!("\"{s}\" is not a date written YYYY-MM-DD"));
        }
        d
    }
}

impl FromJson for Text {
    fn from_json(r: &mut Reader, v: &Value, path: &Path<'_>) -> Option<Self> {
        match v {
            Value::String(s) => Some(Text::Plain(s.clone())),
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
                        out.insert(k.clone(), s);
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

fn is_language_tag(k: &str) -> bool {
    let mut parts = k.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()));
    primary_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(r: &mut Reader, v: &Value, path: &Path<'_>) -> Option<Self> {
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
pub(crate) fn check_non_negative(r: &mut Reader, path: &Path<'_>, d: Decimal) {
    if d.is_sign_negative() && !d.is_zero() {
        r.issues
            .push(path, format!("{d} is negative; amounts must be 0 or more"));
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

/// Parses a whole JSON document; a syntax error names its line and column.
pub(crate) fn parse_json(text: &str) -> Result<Value, Issues> {
    Value::from_str(text).map_err(|e| {
        let mut issues = Issues::default();
        issues.push(
            format_args!("line {}, column {}", e.line(), e.column()),
            format!("not valid JSON: {}", json_error_message(&e)),
        );
        issues
    })
}

fn json_error_message(e: &serde_json::Error) -> String {
    // serde_json appends " at line X column Y", already given in the path.
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => full[..i].to_owned(),
        None => full,
    }
}
