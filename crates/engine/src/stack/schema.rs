//! The JSON Schema of a stack file, generated from the types as the dataset's is (a test keeps
//! `public/schema/poolcalc-stack-v1.schema.json` in sync).

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::{Value, json};

use super::{Reference, STACK_FORMAT, Stack};

/// A reference line as a file may write it: a preset's id, or the line in full. Only
/// describes the file for the schema (the reader expands a preset), so never built.
#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(untagged)]
pub(crate) enum ReferenceEntry {
    /// `{"preset": id}`.
    Preset(PresetRef),
    /// The line in full.
    Line(Reference),
}

/// A preset reference line by id (schema only, as above).
#[allow(dead_code)]
#[derive(JsonSchema)]
pub(crate) struct PresetRef {
    /// One of `smartphone-2018`, `5g-handset-2023`, `lte-2008`, `interest-balance`.
    preset: String,
}

/// A stack file: the `format` and `version` header around a [`Stack`].
#[derive(Serialize, JsonSchema)]
struct StackFile<'a> {
    /// Always [`STACK_FORMAT`].
    format: &'static str,
    /// Always 1.
    version: u32,
    /// The stack.
    #[serde(flatten)]
    stack: &'a Stack,
}

/// Closes object schemas to unknown fields but `extensions`, as the readers do: every schema
/// with `properties` except the direct branches of `oneOf`/`anyOf`/`allOf`, which are parts of
/// a flattened object (a licence's terms) and must leave the other parts' fields alone.
fn close(v: &mut Value, whole: bool) {
    let Value::Object(o) = v else { return };
    if whole && let Some(Value::Object(props)) = o.get_mut("properties") {
        props.insert(
            "extensions".into(),
            json!({"type": "object", "description": "Free data, ignored by poolcalc"}),
        );
        o.insert("unevaluatedProperties".into(), json!(false));
    }
    for (key, child) in o.iter_mut() {
        match (key.as_str(), child) {
            ("properties" | "$defs", Value::Object(map)) => {
                map.values_mut().for_each(|c| close(c, true));
            }
            ("oneOf" | "anyOf" | "allOf", Value::Array(branches)) => {
                branches.iter_mut().for_each(|c| close(c, false));
            }
            ("items" | "additionalProperties", c) => close(c, true),
            _ => {}
        }
    }
}

/// The JSON Schema of a stack file.
#[must_use]
pub fn stack_schema() -> Value {
    let mut v = schemars::schema_for!(StackFile<'static>).to_value();
    close(&mut v, true);
    v["title"] = json!("poolcalc royalty stack, version 1");
    v["properties"]["format"] = json!({"const": STACK_FORMAT});
    v["properties"]["version"] = json!({"const": 1});
    v
}
