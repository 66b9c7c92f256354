//! The reader: problems collected with their paths, and objects read field by field with
//! their unknown keys reported.

use std::borrow::Cow;

use super::{Value, field};
use crate::model::issue::{Issues, Path};

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
