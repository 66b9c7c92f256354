//! The stack in localStorage: one entry holding the stack file's own JSON (which carries its
//! format and version). An entry the engine cannot read is moved aside under a key of its own,
//! never overwritten, and offered for download.

use poolcalc_engine::stack::{Stack, load_stack};

/// The entry of the stack being worked on.
const KEY: &str = "poolcalc.stack.v1";
/// Where an unreadable entry is kept (with the time it was found, so none replaces another).
const KEPT_PREFIX: &str = "poolcalc.stack.kept.";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

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
    let Some(raw) = storage().and_then(|s| s.get_item(KEY).ok().flatten()) else {
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
    if let (Stored::Broken { raw, .. }, Some(s)) = (&found, storage()) {
        let kept = format!("{KEPT_PREFIX}{}", js_sys::Date::now() as u64);
        // Only when the copy is safe is the entry freed for the next save.
        if s.set_item(&kept, raw).is_ok() {
            let _ = s.remove_item(KEY);
        }
    }
    found
}

/// Saves the stack.
///
/// # Errors
/// The browser's reason (quota, private mode).
pub fn write(stack: &Stack) -> Result<(), String> {
    let s = storage().ok_or("no local storage")?;
    s.set_item(KEY, &stack.to_json()).map_err(|e| {
        e.as_string()
            .unwrap_or_else(|| "storage refused".to_owned())
    })
}
