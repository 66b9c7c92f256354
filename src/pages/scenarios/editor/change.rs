//! What the form holds (text by field path) as scenario JSON, read by the engine, and its
//! problems sorted back to their fields.

use std::collections::BTreeMap;

use poolcalc_engine::scenario::{Change, load_scenario};
use serde_json::{Map, Value, json};

use super::kinds::{Field, Input, PATENT_FIELDS, RATE_KIND, fields};

pub type Values = BTreeMap<String, String>;

pub fn value<'a>(v: &'a Values, path: &str) -> &'a str {
    v.get(path).map_or("", |s| s.trim())
}

pub fn shown(field: &Field, v: &Values) -> bool {
    field.when.is_none_or(|(p, on)| value(v, p) == on)
}

/// Puts `x` at a dotted path inside `obj`.
pub fn put(obj: &mut Map<String, Value>, path: &str, x: Value) {
    match path.split_once('.') {
        Some((head, rest)) => {
            let inner = obj
                .entry(head.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(m) = inner {
                put(m, rest, x);
            }
        }
        None => {
            obj.insert(path.to_owned(), x);
        }
    }
}

/// Tier lines "UP_TO RATE" (UP_TO "-" for the open band). Text that is not a number is passed
/// on as text, so the engine's message names the tier.
pub fn tiers_json(text: &str) -> Value {
    let bands = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut parts = l.split(|c: char| c.is_whitespace() || c == ':' || c == ';');
            let up_to = parts.next().unwrap_or_default().trim();
            let rate = parts.find(|p| !p.trim().is_empty()).unwrap_or_default();
            let up_to = if matches!(up_to, "-" | "" | "∞") {
                Value::Null
            } else {
                up_to
                    .parse::<u64>()
                    .map_or_else(|_| Value::String(up_to.to_owned()), Value::from)
            };
            json!({"up_to": up_to, "per_unit": rate.trim()})
        })
        .collect();
    Value::Array(bands)
}

pub fn field_json(input: Input, text: &str) -> Value {
    match input {
        Input::Whole => text
            .parse::<i64>()
            .map_or_else(|_| Value::String(text.to_owned()), Value::from),
        Input::Many(_) => Value::Array(
            text.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Value::String(s.to_owned()))
                .collect(),
        ),
        Input::Tiers => tiers_json(text),
        _ => Value::String(text.to_owned()),
    }
}

/// The change as scenario JSON, from what the form holds.
pub fn change_json(kind: &str, v: &Values, patent_rows: usize) -> Value {
    let mut obj = Map::new();
    obj.insert("type".into(), kind.into());
    for field in fields(kind) {
        if field.path == RATE_KIND || !shown(&field, v) {
            continue;
        }
        let text = value(v, field.path);
        if text.is_empty() {
            // An empty cap is the way to say "no cap".
            if kind == "set_annual_cap" && field.path == "amount" {
                obj.insert("amount".into(), Value::Null);
            }
            continue;
        }
        put(&mut obj, field.path, field_json(field.input, text));
    }
    if kind == "add_member" {
        let member = value(v, "member.id");
        let patents = (0..patent_rows)
            .filter_map(|i| {
                let mut p = Map::new();
                for (name, input, _) in PATENT_FIELDS {
                    let text = value(v, &format!("patents[{i}].{name}"));
                    if !text.is_empty() {
                        p.insert(name.to_owned(), field_json(input, text));
                    }
                }
                (!p.is_empty()).then(|| {
                    p.insert("member".into(), member.into());
                    Value::Object(p)
                })
            })
            .collect();
        obj.insert("patents".into(), Value::Array(patents));
    }
    Value::Object(obj)
}

/// Problems by field path, and those that belong to no field.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Problems {
    pub by_field: BTreeMap<String, Vec<String>>,
    pub general: Vec<String>,
}

/// Reads the form's change with the engine.
pub fn read_change(kind: &str, v: &Values, patent_rows: usize) -> Result<Change, Problems> {
    let doc = json!({
        "format": "poolcalc-scenario", "version": 1, "name": "form",
        "changes": [change_json(kind, v, patent_rows)],
    });
    let mut paths: Vec<String> = fields(kind).iter().map(|f| f.path.to_owned()).collect();
    if kind == "add_member" {
        for i in 0..patent_rows {
            for (name, _, _) in PATENT_FIELDS {
                paths.push(format!("patents[{i}].{name}"));
            }
        }
    }
    match load_scenario(&doc.to_string()) {
        Ok(mut s) if !s.changes.is_empty() => Ok(s.changes.remove(0)),
        Ok(_) => Err(Problems::default()),
        Err(issues) => {
            let mut out = Problems::default();
            for issue in issues {
                let rest = issue.path.strip_prefix("changes[0]").unwrap_or(&issue.path);
                let mut rest = rest.trim_start_matches('.').to_owned();
                if let Some(name) = issue
                    .message
                    .strip_prefix("missing field `")
                    .and_then(|m| m.split('`').next())
                {
                    rest = if rest.is_empty() {
                        name.to_owned()
                    } else {
                        format!("{rest}.{name}")
                    };
                }
                let owner = paths
                    .iter()
                    .filter(|p| {
                        rest == **p
                            || rest.starts_with(&format!("{p}["))
                            || rest.starts_with(&format!("{p}."))
                    })
                    .max_by_key(|p| p.len());
                match owner {
                    Some(p) => out
                        .by_field
                        .entry(p.clone())
                        .or_default()
                        .push(issue.message),
                    None => out.general.push(issue.to_string()),
                }
            }
            Err(out)
        }
    }
}

/// The id used for a field's element and its test id.
pub fn field_id(path: &str) -> String {
    let mut id = String::from("scen-f-");
    for c in path.chars() {
        id.push(if c.is_ascii_alphanumeric() || c == '_' {
            c
        } else {
            '-'
        });
    }
    id.trim_end_matches('-').replace("--", "-")
}
