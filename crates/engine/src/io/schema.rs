//! JSON Schemas of the dataset and usage profile files, generated from the types so they
//! cannot drift from what the program reads (a test keeps `public/schema/` in sync).

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Value, json};

use crate::model::dataset::{DATASET_FORMAT, DatasetFile, USAGE_FORMAT, UsageFile};
use crate::model::date::Date;

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        })
    }
}

/// Pins `format` and `version`, and closes every object to unknown fields except
/// `extensions`, as the reader does.
fn finish(schema: Schema, format: &str, title: &str) -> Value {
    let mut v = schema.to_value();
    v["title"] = json!(title);
    v["properties"]["format"] = json!({"const": format});
    v["properties"]["version"] = json!({"const": 1});
    close_objects(&mut v);
    if let Some(defs) = v.get_mut("$defs").and_then(Value::as_object_mut) {
        for def in defs.values_mut() {
            close_objects(def);
        }
    }
    v
}

fn close_objects(v: &mut Value) {
    let Some(obj) = v.as_object_mut() else { return };
    if let Some(props) = obj.get_mut("properties").and_then(Value::as_object_mut) {
        props.insert(
            "extensions".into(),
            json!({"type": "object", "description": "Free data, ignored by poolcalc"}),
        );
        obj.insert("unevaluatedProperties".into(), json!(false));
    }
}

/// The JSON Schema of a dataset file.
#[must_use]
pub fn dataset_schema() -> Value {
    finish(
        schemars::schema_for!(DatasetFile<'static>),
        DATASET_FORMAT,
        "Patent pool dataset, version 1",
    )
}

/// The JSON Schema of a usage profile file.
#[must_use]
pub fn usage_schema() -> Value {
    finish(
        schemars::schema_for!(UsageFile<'static>),
        USAGE_FORMAT,
        "Patent pool usage profile, version 1",
    )
}
