//! What an import gives: the `patents` and `members` JSON of a v1 dataset, the text report,
//! and with a terms file (the rest of a dataset, see docs/studio.md) a complete dataset that
//! the engine has validated.

use serde_json::{Map, Value, json};

use poolcalc_engine::model::dataset::{DATASET_FORMAT, Member};
use poolcalc_engine::model::date::Date;
use poolcalc_engine::{Issue, load_dataset};

use crate::Import;
use crate::header::Layout;
use crate::options::{ImportOptions, parse_choice};
use crate::problems::{MAX_LISTED, Reason};

/// `{"members": [...], "patents": [...]}` as in a v1 dataset.
#[must_use]
pub fn list_json(import: &Import) -> Value {
    json!({
        "members": import.members,
        "patents": import.patents.iter().map(|p| &p.patent).collect::<Vec<_>>(),
    })
}

/// The report a person reads: what was read, what came of it, and each reason with its count
/// and lines.
#[must_use]
pub fn report_lines(import: &Import, options: &ImportOptions) -> Vec<String> {
    let mut out = vec![
        format!("read {} ({} data rows)", import.source, import.rows_read),
        format!(
            "{} patents of {} members; {} rows or patents could not be used as they are",
            import.patents.len(),
            import.members.len(),
            import.problems.total()
        ),
    ];
    for (reason, rows) in &import.problems.0 {
        out.push(format!(
            "{}: {} — {} ({})",
            reason.name(),
            reason.describe(),
            rows.count,
            choice_text(options, *reason)
        ));
        for p in &rows.listed {
            out.push(format!("  line {}: {}", p.line, p.value));
        }
        if rows.count > MAX_LISTED {
            out.push(format!("  and {} more", rows.count - MAX_LISTED));
        }
    }
    out
}

fn choice_text(options: &ImportOptions, reason: Reason) -> String {
    match options.choice(reason) {
        crate::Choice::LeaveOut => "left out".to_owned(),
        crate::Choice::Value(v) => format!("given {v:?}"),
        crate::Choice::Latest => "latest date taken".to_owned(),
        crate::Choice::Earliest => "earliest date taken".to_owned(),
        crate::Choice::First => "first row's taken".to_owned(),
    }
}

/// The import options a terms file's `import` object sets, over `base`.
///
/// # Errors
/// Every entry that cannot be read, as `import.KEY: message`.
pub fn terms_options(terms: &Value, base: ImportOptions) -> Result<ImportOptions, Vec<String>> {
    let mut o = base;
    let mut bad = Vec::new();
    let Some(import) = terms.get("import") else {
        return Ok(o);
    };
    let Some(import) = import.as_object() else {
        return Err(vec!["import: expected an object".to_owned()]);
    };
    for (key, v) in import {
        let path = format!("import.{key}");
        match (key.as_str(), v) {
            ("layout", Value::String(s)) => match Layout::parse(s) {
                Some(l) => o.layout = l,
                None => bad.push(format!("{path}: unknown layout \"{s}\"")),
            },
            ("merge", Value::Object(m)) => {
                for (from, to) in m {
                    match to.as_str() {
                        Some(to) => o.merge.push((from.clone(), to.to_owned())),
                        None => bad.push(format!("{path}.{from}: expected a name")),
                    }
                }
            }
            ("resolve", Value::Object(m)) => {
                for (name, choice) in m {
                    match (Reason::parse(name), choice.as_str()) {
                        (Some(r), Some(c)) => {
                            o.choices.insert(r, parse_choice(c));
                        }
                        (None, _) => bad.push(format!("{path}.{name}: unknown reason")),
                        (_, None) => bad.push(format!("{path}.{name}: expected text")),
                    }
                }
            }
            ("claims_as_weight", Value::Bool(b)) => o.claims_as_weight = *b,
            ("member_country", Value::String(s)) => o.member_country.clone_from(s),
            ("member_joined", Value::String(s)) => match Date::parse(s) {
                Some(d) => o.member_joined = d,
                None => bad.push(format!("{path}: \"{s}\" is not a date (YYYY-MM-DD)")),
            },
            _ => bad.push(format!("{path}: unknown entry or wrong type")),
        }
    }
    if bad.is_empty() { Ok(o) } else { Err(bad) }
}

/// Names compared without case, spaces and punctuation (as licensor spellings are).
fn name_key(v: Option<&Value>) -> Option<String> {
    let name = v?.as_str()?;
    Some(
        name.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

/// The complete dataset of an import and a terms file, validated by the engine.
///
/// A terms file is a v1 dataset without `patents`; its `members` (optional) give imported
/// members their home country, joining and exit dates, matched by `id` or by `name`; an
/// `import` object holds import options and is not part of the dataset.
///
/// # Errors
/// The dataset's problems as the engine reports them (`path: message`).
pub fn dataset_json(import: &Import, terms: &Value) -> Result<String, Vec<Issue>> {
    let Some(terms) = terms.as_object() else {
        return Err(vec![Issue::new("", "a terms file is a JSON object")]);
    };
    let mut d: Map<String, Value> = terms.clone();
    d.remove("import");
    if d.contains_key("patents") {
        return Err(vec![Issue::new(
            "patents",
            "a terms file has no patents: they come from the list",
        )]);
    }
    d.entry("format").or_insert(json!(DATASET_FORMAT));
    d.entry("version").or_insert(json!(1));
    let given: Vec<Value> = match d.remove("members") {
        Some(Value::Array(m)) => m,
        Some(_) => return Err(vec![Issue::new("members", "expected a list of members")]),
        None => Vec::new(),
    };
    let (members, patents) = merged_list(import, &given);
    d.insert("members".to_owned(), Value::Array(members));
    d.insert("patents".to_owned(), Value::Array(patents));
    let text = serde_json::to_string_pretty(&Value::Object(d)).unwrap_or_default();
    load_dataset(&text).map(|_| text)
}

/// The members and patents of an import, with `given` members (a terms file's, or a draft's)
/// laid over the imported ones as [`merge_members`] does, and each patent naming its member's
/// id after the merge.
pub(crate) fn merged_list(import: &Import, given: &[Value]) -> (Vec<Value>, Vec<Value>) {
    let (members, renamed) = merge_members(&import.members, given);
    let patents = import
        .patents
        .iter()
        .map(|p| {
            let mut v = json!(p.patent);
            if let Some(id) = renamed.iter().find(|(from, _)| *from == p.patent.member) {
                v["member"] = json!(id.1);
            }
            v
        })
        .collect();
    (members, patents)
}

/// The imported members with the terms file's entries laid over them (matched by id, else by
/// name; the terms entry's id wins), then the terms' members that match none. Returns the
/// members and (imported id, terms id) for members whose id changed.
fn merge_members(imported: &[Member], given: &[Value]) -> (Vec<Value>, Vec<(String, String)>) {
    let mut used = vec![false; given.len()];
    let mut renamed = Vec::new();
    let mut out = Vec::new();
    for m in imported {
        let mine = json!(m);
        let found = given.iter().enumerate().find(|(i, g)| {
            !used[*i]
                && (g.get("id").and_then(Value::as_str) == Some(m.id.as_str())
                    || name_key(g.get("name")) == name_key(mine.get("name")))
        });
        match found {
            Some((i, g)) => {
                used[i] = true;
                let mut v = mine.clone();
                if let (Some(v), Some(g)) = (v.as_object_mut(), g.as_object()) {
                    for (k, x) in g {
                        v.insert(k.clone(), x.clone());
                    }
                }
                if let Some(id) = v.get("id").and_then(Value::as_str)
                    && id != m.id
                {
                    renamed.push((m.id.clone(), id.to_owned()));
                }
                out.push(v);
            }
            None => out.push(mine),
        }
    }
    out.extend(
        given
            .iter()
            .zip(&used)
            .filter(|(_, u)| !**u)
            .map(|(g, _)| g.clone()),
    );
    (out, renamed)
}
