//! The stack in localStorage (`storage::keys::STACK`): one entry holding the stack file's own
//! JSON (which carries its format and version). An entry the engine cannot read is moved aside
//! under a key of its own (`keys::STACK_KEPT_PREFIX`), never overwritten, and offered for
//! download.

use crate::browser::storage::{self, keys};
use poolcalc_engine::stack::{Stack, load_stack};

/// What the browser holds.
pub enum Stored {
    /// Nothing yet.
    Empty,
    /// A stack that reads.
    Stack(Box<Stack>),
    /// An entry that does not read: its text (now kept aside) and the engine's problems.
    Broken { raw: String, problems: Vec<String> },
}

/// Reads the stored stack without touching the entry (for pages that only show it).
pub fn peek() -> Stored {
    let Some(raw) = storage::raw(keys::STACK) else {
        return Stored::Empty;
    };
    match load_stack(&raw) {
        Ok(stack) => Stored::Stack(Box::new(stack)),
        Err(issues) => Stored::Broken {
            raw,
            problems: issues.iter().map(ToString::to_string).collect(),
        },
    }
}

/// Reads the stored stack; an unreadable one is moved aside first.
pub fn read() -> Stored {
    let found = peek();
    if let Stored::Broken { raw, .. } = &found {
        let kept = format!("{}{}", keys::STACK_KEPT_PREFIX, js_sys::Date::now() as u64);
        // Only when the copy is safe is the entry freed for the next save.
        if storage::write_own(&kept, raw).is_ok() {
            storage::remove(keys::STACK);
        }
    }
    found
}

/// Saves the stack.
///
/// # Errors
/// The browser's reason (quota, private mode).
pub fn write(stack: &Stack) -> Result<(), String> {
    storage::write_own(keys::STACK, &stack.to_json())
}
