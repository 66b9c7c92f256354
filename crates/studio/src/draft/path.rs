//! JSON paths as the engine writes them (`rate_schedules[0].lines[1].per_unit`): reading and
//! writing a value at one, and whether a problem's path falls on a field's.

use serde_json::{Map, Value};

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The steps of `path`; `None` when it is not one (an index that is not a number, a bracket
/// left open).
#[must_use]
pub fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        while let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']')?;
            out.push(Step::Index(r[..end].parse().ok()?));
            rest = &r[end + 1..];
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(out)
}

/// The value at `path` in `root`.
#[must_use]
pub fn get<'v>(root: &'v Value, path: &str) -> Option<&'v Value> {
    steps(path)?.into_iter().try_fold(root, |v, s| match s {
        Step::Key(k) => v.get(k),
        Step::Index(i) => v.get(i),
    })
}

/// The value at `path` in `root`, to change it.
pub fn get_mut<'v>(root: &'v mut Value, path: &str) -> Option<&'v mut Value> {
    steps(path)?.into_iter().try_fold(root, |v, s| match s {
        Step::Key(k) => v.get_mut(k),
        Step::Index(i) => v.get_mut(i),
    })
}

/// Puts `value` at `path`, making the objects on the way; `None` removes an object's key.
/// An index may name an item or the end of its list (to add one); past that nothing changes.
pub fn set(root: &mut Value, path: &str, value: Option<Value>) {
    let Some(steps) = steps(path) else {
        return;
    };
    let Some((last, parents)) = steps.split_last() else {
        return;
    };
    let mut at = root;
    for (i, s) in parents.iter().enumerate() {
        let next_is_index = matches!(steps.get(i + 1), Some(Step::Index(_)));
        let fresh = || {
            if next_is_index {
                Value::Array(Vec::new())
            } else {
                Value::Object(Map::new())
            }
        };
        at = match s {
            Step::Key(k) => {
                if !at.is_object() {
                    *at = Value::Object(Map::new());
                }
                let Value::Object(m) = at else { return };
                m.entry((*k).to_owned()).or_insert_with(fresh)
            }
            Step::Index(n) => {
                let Value::Array(list) = at else { return };
                if *n == list.len() {
                    list.push(fresh());
                }
                let Some(v) = list.get_mut(*n) else { return };
                v
            }
        };
    }
    match (last, at) {
        (Step::Key(k), Value::Object(m)) => match value {
            Some(v) => {
                m.insert((*k).to_owned(), v);
            }
            None => {
                m.remove(*k);
            }
        },
        (Step::Index(n), Value::Array(list)) => {
            if let Some(v) = value {
                if *n == list.len() {
                    list.push(v);
                } else if let Some(slot) = list.get_mut(*n) {
                    *slot = v;
                }
            }
        }
        (Step::Key(k), at) => {
            if let Some(v) = value {
                let mut m = Map::new();
                m.insert((*k).to_owned(), v);
                *at = Value::Object(m);
            }
        }
        _ => {}
    }
}

/// Whether a problem at `problem` belongs to the field at `field`: the same path, or a part
/// of the field's value (`regions[0].countries[2]` belongs to `regions[0].countries`).
#[must_use]
pub fn falls_on(problem: &str, field: &str) -> bool {
    problem
        .strip_prefix(field)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('[') || rest.starts_with('.'))
}

/// An element id for the field at `path`: letters, digits and `-` only.
#[must_use]
pub fn element_id(path: &str) -> String {
    let mut out = String::from("draft-");
    let mut dash = false;
    for c in path.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
            dash = false;
        } else if !dash {
            out.push('-');
            dash = true;
        }
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_and_writes_paths() {
        let mut v = json!({"rate_schedules": [{"lines": [{"per_unit": "1"}]}]});
        assert_eq!(
            get(&v, "rate_schedules[0].lines[0].per_unit"),
            Some(&json!("1"))
        );
        set(
            &mut v,
            "rate_schedules[0].lines[0].per_unit",
            Some(json!("2")),
        );
        set(
            &mut v,
            "rate_schedules[0].lines[1].per_unit",
            Some(json!("3")),
        );
        set(
            &mut v,
            "rate_schedules[0].lines[5].per_unit",
            Some(json!("9")),
        );
        set(&mut v, "pool.name.zh", Some(json!("池")));
        assert_eq!(
            v,
            json!({"rate_schedules": [{"lines": [{"per_unit": "2"}, {"per_unit": "3"}]}],
                   "pool": {"name": {"zh": "池"}}})
        );
        set(&mut v, "pool.name.zh", None);
        assert_eq!(v["pool"], json!({"name": {}}));
        assert_eq!(steps("a[x]"), None);
        assert_eq!(steps("a[1"), None);
    }

    #[test]
    fn problems_fall_on_their_field() {
        assert!(falls_on("regions[0].countries[2]", "regions[0].countries"));
        assert!(falls_on("pool.id", "pool.id"));
        assert!(!falls_on("pool.idx", "pool.id"));
        assert!(!falls_on("regions[10].id", "regions[1].id"));
        assert_eq!(
            element_id("rate_schedules[0].lines[1].per_unit"),
            "draft-rate_schedules-0-lines-1-per_unit"
        );
    }
}
