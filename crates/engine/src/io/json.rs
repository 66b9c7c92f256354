//! Reads a parsed JSON document into typed structures while collecting *every* problem with its
//! JSON path, instead of stopping at the first as serde's derive would.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Number;

use crate::model::issue::Issues;

mod reader;
mod scalars;

pub(crate) use reader::{FromJson, Obj, Reader, needs_version_2};
pub(crate) use scalars::{
    check_amount, check_country, check_fraction, check_id, is_language_tag, parse_decimal,
};

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
