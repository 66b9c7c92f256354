//! Reads a parsed JSON document into typed structures while collecting *every* problem with its
//! JSON path, instead of stopping at the first as serde's derive would.

use std::borrow::Cow;
use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Number;

use crate::model::date::{Date, YEARS, YEARS_TEXT};
use crate::model::issue::{Issues, Path};
use crate::model::money::MAX_AMOUNT;
use crate::model::text::Text;

/// A parsed JSON document, read like a `serde_json::Value` but borrowing its strings and keys
/// from the text and keeping an object's fields in one vector: a `Value` tree of a large
/// dataset costs millions of small allocations to build and as many to free, which was most
/// of the loading time.
#[derive(Debug)]
#[cfg_attr(test, derive(PartialEq))]
pub(crate) enum Value<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    /// Sorted by key, each key once (the last one written wins): the order and the duplicate
    /// rule of `serde_json::Map`, so problems are reported as they were with it.
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

impl<'a> Value<'a> {
    /// The field `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        match self {
            Value::Object(fields) => field(fields, key),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }

    fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.as_i64(),
            _ => None,
        }
    }
}

/// The field `key` of an object's sorted fields.
fn field<'f, 'a>(fields: &'f [(Cow<'a, str>, Value<'a>)], key: &str) -> Option<&'f Value<'a>> {
    fields
        .binary_search_by(|(k, _)| k.as_ref().cmp(key))
        .ok()
        .and_then(|i| fields.get(i))
        .map(|(_, v)| v)
}

/// For any text that outlives the tree, so a tree can be a borrowed field of a larger type.
impl<'de: 'a, 'a> Deserialize<'de> for Value<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor(std::marker::PhantomData))
    }
}

/// Builds [`Value`] as `serde_json::Value`'s visitor does, with borrowed strings.
struct ValueVisitor<'a>(std::marker::PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for ValueVisitor<'a> {
    type Value = Value<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value<'a>, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value<'a>, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value<'a>, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Value<'a>, E> {
        Ok(Number::from_f64(n).map_or(Value::Null, Value::Number))
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Value<'a>, E> {
        Ok(Value::String(Cow::Borrowed(s)))
    }

    /// A string with escapes, which cannot be borrowed.
    fn visit_str<E>(self, s: &str) -> Result<Value<'a>, E> {
        Ok(Value::String(Cow::Owned(s.to_owned())))
    }

    fn visit_unit<E>(self) -> Result<Value<'a>, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value<'a>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value<'a>, A::Error> {
        let mut fields: Vec<(Cow<'a, str>, Value<'a>)> = Vec::new();
        while let Some((key, value)) = map.next_entry::<Value<'a>, Value<'a>>()? {
            let Value::String(key) = key else {
                return Err(de::Error::custom("an object key is not a string"));
            };
            fields.push((key, value));
        }
        // Stable, so equal keys stay in document order and the last one is kept.
        fields.sort_by(|a, b| a.0.cmp(&b.0));
        fields.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                std::mem::swap(&mut later.1, &mut kept.1);
            }
            same
        });
        Ok(Value::Object(fields))
    }
}

/// Collects problems while reading.
#[derive(Debug)]
pub(crate) struct Reader {
    pub issues: Issues,
    /// The format version of the file being read: fields a later version added are errors
    /// in an earlier one. Files of other formats (scenarios, stacks) read the latest terms.
    pub version: u64,
}

impl Default for Reader {
    fn default() -> Self {
        Reader {
            issues: Issues::default(),
            version: crate::model::version::LATEST_VERSION,
        }
    }
}

/// A type that can be read from a JSON value at a path.
pub(crate) trait FromJson: Sized {
    /// Reads `v`; on failure records why at `path` and returns `None`.
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self>;
}

fn type_name(v: &Value<'_>) -> &'static str {
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
    pub fn expected(&mut self, path: &Path<'_>, what: &str, got: &Value<'_>) {
        self.issues
            .push(path, format!("expected {what}, found {}", type_name(got)));
    }

    /// Opens an object for reading its fields.
    pub fn object<'a, 'p>(&mut self, v: &'a Value<'a>, path: &Path<'p>) -> Option<Obj<'a, 'p>> {
        match v {
            Value::Object(map) => Some(Obj {
                map: map.as_slice(),
                path: *path,
                known: {
                    // Room for a typical object's fields without regrowing.
                    let mut known = Vec::with_capacity(map.len() + 4);
                    known.push("extensions");
                    known
                },
                found: 0,
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
    map: &'a [(Cow<'a, str>, Value<'a>)],
    path: Path<'p>,
    known: Vec<&'static str>,
    /// How many of its fields `req` and `opt` found (each key is read once).
    found: usize,
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
        match field(self.map, key) {
            Some(v) => {
                self.found += 1;
                T::from_json(r, v, &self.at(key))
            }
            None => {
                r.issues.push(self.path, format!("missing field `{key}`"));
                None
            }
        }
    }

    /// A field that may be absent (or null): `Some(None)` when absent, `None` when malformed.
    pub fn opt<T: FromJson>(&mut self, r: &mut Reader, key: &'static str) -> Option<Option<T>> {
        self.known.push(key);
        let v = field(self.map, key);
        if v.is_some() {
            self.found += 1;
        }
        match v {
            None | Some(Value::Null) => Some(None),
            Some(v) => T::from_json(r, v, &self.at(key)).map(Some),
        }
    }

    /// A list field that may be absent, meaning empty.
    pub fn list<T: FromJson>(&mut self, r: &mut Reader, key: &'static str) -> Option<Vec<T>> {
        self.opt::<Vec<T>>(r, key).map(Option::unwrap_or_default)
    }

    /// A field version 2 added, read as [`Self::opt`]; in a version 1 file its presence is
    /// an error that names it (`None`).
    pub fn opt_v2<T: FromJson>(&mut self, r: &mut Reader, key: &'static str) -> Option<Option<T>> {
        if r.version < 2 && self.has(key) {
            r.issues
                .push(self.at(key), needs_version_2(&format!("`{key}`")));
            return None;
        }
        self.opt(r, key)
    }

    /// Whether the field is present (and not null); marks it as known.
    pub fn has(&mut self, key: &'static str) -> bool {
        self.known.push(key);
        field(self.map, key).is_some_and(|v| !v.is_null())
    }

    /// Whether every field of the object was read by `req` or `opt`: then no other field
    /// need be looked for (the fields a later version added, on the hot path of sales).
    pub fn all_read(&self) -> bool {
        self.found == self.map.len()
    }

    /// Reports every key that was not read.
    pub fn finish(self, r: &mut Reader) {
        for (key, _) in self.map {
            if !self.known.contains(&key.as_ref()) {
                r.issues.push(
                    self.at(key),
                    format!("unknown field `{key}` (put extra data inside `extensions`)"),
                );
            }
        }
    }
}

/// What a version 1 file is told when it uses `what` (a field or a value) of version 2.
pub(crate) fn needs_version_2(what: &str) -> String {
    format!("{what} needs version 2 of the format: set \"version\": 2 to use it")
}

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

/// The text without the UTF-8 byte-order mark Windows tools write before it: it is not part
/// of the JSON.
pub(crate) fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Parses a whole JSON document; a syntax error names its line and column.
pub(crate) fn parse_json(text: &str) -> Result<Value<'_>, Issues> {
    serde_json::from_str(without_bom(text)).map_err(|e| {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A `serde_json::Value` as this module's tree: what reading saw before the tree borrowed
    /// its strings, so equal trees mean every file reads, and fails, as it did.
    fn from_serde(v: &serde_json::Value) -> Value<'static> {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(n.clone()),
            serde_json::Value::String(s) => Value::String(Cow::Owned(s.clone())),
            serde_json::Value::Array(items) => Value::Array(items.iter().map(from_serde).collect()),
            serde_json::Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| (Cow::Owned(k.clone()), from_serde(v)))
                    .collect(),
            ),
        }
    }

    fn same_as_serde(text: &str) {
        let ours = parse_json(text).map_err(Issues::into_vec);
        let theirs = serde_json::from_str::<serde_json::Value>(text);
        match (ours, theirs) {
            (Ok(ours), Ok(theirs)) => assert_eq!(ours, from_serde(&theirs), "{text:.200}"),
            (Err(ours), Err(e)) => assert_eq!(
                ours[0].message,
                format!("not valid JSON: {}", json_error_message(&e))
            ),
            (ours, theirs) => panic!("{ours:?} but serde_json: {theirs:?} for {text:.200}"),
        }
    }

    #[test]
    fn the_tree_is_serde_jsons_value() {
        for text in [
            r#"{"b": 1, "a": 2, "b": {"y": [], "x": {}}, "a": null}"#,
            r#"{"s": "esc\"aped \u00e9\n", "f": 1.5, "n": -3, "u": 18446744073709551615, "e": 1e300}"#,
            r#"[true, false, null, "", [[["deep"]]], {"\u0061": 1, "a": 2}]"#,
            r#"{"a": 1,}"#,
            r#"{"a": 1} x"#,
            "",
        ] {
            same_as_serde(text);
        }
    }

    #[test]
    fn bundled_and_synthetic_datasets_read_as_with_serde_json() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/datasets");
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
        for entry in entries.flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            same_as_serde(&text);
        }
        for seed in 1..=3 {
            let opts = crate::io::synth::SynthOptions {
                members: 20,
                patents: 400,
                countries: 12,
                licensees: 10,
                from: 2026,
                to: 2030,
                seed,
            };
            let synth = crate::io::synth::synthesize(&opts).unwrap_or_else(|e| panic!("{e}"));
            same_as_serde(&synth.to_compact_json());
        }
    }
}
