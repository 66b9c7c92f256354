//! The terms editor's page model: a draft dataset being written in the Build page's forms.
//!
//! The draft *is* the dataset JSON. Every form field edits one JSON path of it
//! (`rate_schedules[0].lines[1].per_unit`), so the engine's problems, which name JSON paths,
//! fall on the field that holds them without a table of mappings. What a person types is
//! kept even when it does not read (it is stored as text, and both the field's own check and
//! the engine say why); parts of a dataset the forms do not edit (version 2 terms,
//! `extensions`, licensee estimates from a dataset) stay in it untouched.

mod check;
mod field;
pub mod path;
mod template;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use check::{Checked, check};
pub use field::{Kind, LineKind, field_problem, field_text, line_kind, set_field, set_line_kind};
pub use template::{item_template, scratch};

use crate::Import;

/// Where a draft started, shown above the forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Origin {
    Scratch,
    /// A patent list the Build page imported (its file name).
    List {
        source: String,
    },
    /// A copy of a dataset that was in use (its pool id).
    Dataset {
        pool: String,
    },
}

/// A dataset being written. Kept in browser storage as it is (see `src/browser/storage.rs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub origin: Origin,
    pub dataset: Value,
}

impl Draft {
    /// An empty pool with one default region and a per-patent distribution.
    #[must_use]
    pub fn from_scratch() -> Draft {
        Draft {
            origin: Origin::Scratch,
            dataset: scratch(),
        }
    }

    /// A copy of a dataset's JSON (`Dataset::to_json`): names become `{en, zh}` objects so
    /// both languages have a field.
    ///
    /// # Errors
    /// When the text is not a JSON object.
    pub fn from_dataset_json(json: &str) -> Result<Draft, String> {
        let mut dataset: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if !dataset.is_object() {
            return Err("not a JSON object".to_owned());
        }
        template::names_in_both_languages(&mut dataset);
        let pool = dataset
            .pointer("/pool/id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        Ok(Draft {
            origin: Origin::Dataset { pool },
            dataset,
        })
    }

    /// A new draft from scratch holding the patents and members imported from the file
    /// `name`.
    #[must_use]
    pub fn from_list(import: &Import, name: &str) -> Draft {
        let mut d = Draft::from_scratch();
        d.take_list(import, name);
        d
    }

    /// Puts the patents and members imported from the file `name` in place of the draft's.
    /// Members already in the draft (by id or name) keep what was written about them
    /// (country, joined, …).
    pub fn take_list(&mut self, import: &Import, name: &str) {
        let given = match self.dataset.get("members") {
            Some(Value::Array(m)) => m.as_slice(),
            _ => &[],
        };
        let (members, patents) = crate::output::merged_list(import, given);
        // Members written in the draft that the list does not name are kept: a list
        // replaces the patents, not what was written about people.
        if !self.dataset.is_object() {
            self.dataset = Value::Object(Map::new());
        }
        if let Value::Object(obj) = &mut self.dataset {
            obj.insert("members".to_owned(), Value::Array(members));
            obj.insert("patents".to_owned(), Value::Array(patents));
        }
        self.origin = Origin::List {
            source: name.to_owned(),
        };
    }

    /// The dataset as a pretty JSON text, what the export writes.
    #[must_use]
    pub fn text(&self) -> String {
        serde_json::to_string_pretty(&self.dataset).unwrap_or_default()
    }

    /// The value at `path`, if any.
    #[must_use]
    pub fn get(&self, path: &str) -> Option<&Value> {
        path::get(&self.dataset, path)
    }

    /// How many items the list at `path` holds.
    #[must_use]
    pub fn len(&self, path: &str) -> usize {
        self.get(path).and_then(Value::as_array).map_or(0, Vec::len)
    }

    /// Adds a new item (see [`item_template`]) at the end of the list at `path`; a tier goes
    /// before the open last band.
    pub fn push(&mut self, path: &str) {
        let item = item_template(path, &self.dataset);
        let len = self.len(path);
        if path.ends_with(".tiers")
            && len > 0
            && let Some(Value::Array(tiers)) = path::get_mut(&mut self.dataset, path)
        {
            tiers.insert(len - 1, item);
            return;
        }
        path::set(&mut self.dataset, &format!("{path}[{len}]"), Some(item));
    }

    /// Removes item `index` of the list at `path`.
    pub fn remove(&mut self, path: &str, index: usize) {
        if let Some(Value::Array(list)) = path::get_mut(&mut self.dataset, path)
            && index < list.len()
        {
            list.remove(index);
        }
    }
}
