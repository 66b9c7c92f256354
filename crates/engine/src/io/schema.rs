//! JSON Schemas of the dataset and usage profile files, generated from the types so they
//! cannot drift from what the program reads (a test keeps `public/schema/` in sync). The
//! types hold version 2; the version 1 schemas are those with what version 2 added taken
//! out, so version 1 files are described exactly as before.

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

/// The properties version 2 added, by definition: a version 1 file that gives one is an
/// error (`io::read`), and the version 1 schema leaves them out.
const V2_PROPERTIES: [(&str, &str); 9] = [
    ("PoolInfo", "max_rate_rise"),
    ("Region", "user_weight"),
    ("Product", "kind"),
    ("RateSchedule", "applies_to"),
    ("Sale", "made_in"),
    ("Sale", "upstream_paid_units"),
    ("Sale", "users"),
    ("Sale", "subscribers"),
    ("Sale", "revenue"),
];

/// The definitions only version 2 refers to.
const V2_DEFINITIONS: [&str; 3] = ["AppliesTo", "ProductKind", "ServiceTier"];

/// Pins `format` and `version`, and closes every object to unknown fields except
/// `extensions`, as the reader does.
fn finish(schema: Schema, format: &str, title: &str, version: u32) -> Value {
    let mut v = schema.to_value();
    v["title"] = json!(title);
    v["properties"]["format"] = json!({"const": format});
    v["properties"]["version"] = json!({"const": version});
    if version == 1 {
        to_version_1(&mut v);
    }
    close_objects(&mut v);
    if let Some(defs) = v.get_mut("$defs").and_then(Value::as_object_mut) {
        for def in defs.values_mut() {
            close_objects(def);
        }
    }
    v
}

/// Takes out of a version 2 schema what version 2 added: its properties and definitions,
/// the `service_tiers` kind of rate line, the string values of `requires_patent_in_force`,
/// and gives `units` back its place among a sale's required fields.
fn to_version_1(v: &mut Value) {
    let Some(defs) = v.get_mut("$defs").and_then(Value::as_object_mut) else {
        return;
    };
    for (def, property) in V2_PROPERTIES {
        if let Some(props) = defs
            .get_mut(def)
            .and_then(|d| d.get_mut("properties"))
            .and_then(Value::as_object_mut)
        {
            props.remove(property);
        }
    }
    for def in V2_DEFINITIONS {
        defs.remove(def);
    }
    if let Some(kinds) = defs
        .get_mut("RateLine")
        .and_then(|d| d.get_mut("anyOf"))
        .and_then(Value::as_array_mut)
    {
        kinds.retain(|k| k.pointer("/properties/service_tiers").is_none());
    }
    if let Some(rule) = defs.get_mut("RateSchedule").and_then(|d| {
        d.pointer_mut("/properties/requires_patent_in_force")
            .and_then(Value::as_object_mut)
    }) {
        rule.remove("anyOf");
        rule.insert("type".into(), json!("boolean"));
    }
    if let Some(sale) = defs.get_mut("Sale").and_then(Value::as_object_mut) {
        if let Some(units) = sale
            .get_mut("properties")
            .and_then(|p| p.get_mut("units"))
            .and_then(Value::as_object_mut)
        {
            units.remove("default");
        }
        sale.insert("required".into(), json!(["product", "country", "units"]));
    }
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

/// The JSON Schema of a dataset file of `version` (1 or 2).
#[must_use]
pub fn dataset_schema(version: u32) -> Value {
    finish(
        schemars::schema_for!(DatasetFile<'static>),
        DATASET_FORMAT,
        &format!("Patent pool dataset, version {version}"),
        version,
    )
}

/// The JSON Schema of a usage profile file of `version` (1 or 2).
#[must_use]
pub fn usage_schema(version: u32) -> Value {
    finish(
        schemars::schema_for!(UsageFile<'static>),
        USAGE_FORMAT,
        &format!("Patent pool usage profile, version {version}"),
        version,
    )
}
