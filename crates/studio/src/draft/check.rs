//! The whole draft checked by the engine, as the Data page would check the file: every
//! problem with its JSON path, which the forms show on the field it falls on.

use poolcalc_engine::{Issue, load_dataset};

use super::Draft;
use super::path::falls_on;

/// What the engine says of a draft.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Checked {
    /// Every problem (the engine caps the list and says how many more).
    pub issues: Vec<Issue>,
    /// The draft as a dataset text, when it is valid: what the export writes.
    pub valid: Option<String>,
}

impl Checked {
    /// The messages of the problems that fall on the field at `field`.
    #[must_use]
    pub fn on(&self, field: &str) -> Vec<String> {
        // A missing field is reported on the object that lacks it.
        let missing = field
            .rsplit_once('.')
            .map(|(object, key)| (object, format!("missing field `{key}`")));
        self.issues
            .iter()
            .filter(|i| {
                falls_on(&i.path, field)
                    || missing
                        .as_ref()
                        .is_some_and(|(o, m)| i.path == *o && i.message == *m)
            })
            .map(|i| i.message.clone())
            .collect()
    }
}

/// Checks the draft with the engine's own reader and rules.
#[must_use]
pub fn check(draft: &Draft) -> Checked {
    let text = draft.text();
    match load_dataset(&text) {
        Ok(_) => Checked {
            issues: Vec::new(),
            valid: Some(text),
        },
        Err(issues) => Checked {
            issues,
            valid: None,
        },
    }
}
