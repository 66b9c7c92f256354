//! Everything the app keeps in localStorage: every key, built here and nowhere else, and the
//! versioned envelope each value is kept in (`{"v":1,"data":…}`).
//!
//! A value that does not read (damaged, or written by a newer version of the app) is never
//! replaced by defaults: it is copied aside under `poolcalc.backup.<key>` first, reported to
//! the person (`StorageNotice`) and offered for download. If even the copy cannot be made,
//! the key is left alone for the rest of the visit. A write the browser refuses (storage
//! full, or disabled) is reported too.
//!
//! Values kept before versioning (the bare JSON or text) still read, as version 0.

use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::cell::RefCell;
use std::collections::BTreeSet;

/// The envelope version this build writes.
pub const VERSION: u64 = 1;

const BACKUP_PREFIX: &str = "poolcalc.backup.";

/// Every key, one place. Per-dataset keys hold the dataset's id at the end, so no key of one
/// dataset is a prefix of another's (scenarios end in a fixed-width number, see
/// `scenario_key_of`).
pub mod keys {
    /// The UI language the person chose.
    pub const LANG: &str = "poolcalc.lang";
    /// Where the dataset in use came from.
    pub const DATASET_SOURCE: &str = "poolcalc.dataset.source";
    /// The text of a dataset file the person opened, when it fits.
    pub const DATASET_FILE: &str = "poolcalc.dataset.file";
    /// The last dataset loaded from a URL, kept so a later visit opens it without fetching.
    pub const DATASET_URL_COPY: &str = "poolcalc.dataset.urlcopy";
    /// The dataset being written on the Build page (`poolcalc_studio::draft::Draft`).
    pub const DRAFT: &str = "poolcalc.build.draft";
    /// The URL being typed on the Data page.
    pub const URL_DRAFT: &str = "poolcalc.data.url";
    /// The royalty stack being worked on: the stack file's own JSON, which carries its format
    /// and version (no envelope).
    pub const STACK: &str = "poolcalc.stack.v1";
    /// Where an unreadable stack is kept, with the time it was found so none replaces another.
    pub const STACK_KEPT_PREFIX: &str = "poolcalc.stack.kept.";

    /// The fees form of one dataset.
    pub fn fees(pool_id: &str) -> String {
        format!("poolcalc.fees.{pool_id}")
    }

    /// The shares page inputs of one dataset.
    pub fn shares(pool_id: &str) -> String {
        format!("poolcalc.shares.{pool_id}")
    }

    /// Every scenario key starts with this.
    pub const SCENARIOS: &str = "poolcalc.scen.";
    /// Every scenario page choice starts with this (not read as a scenario: it differs from
    /// `SCENARIOS` at its 14th character).
    pub const SCENARIO_CHOICES: &str = "poolcalc.scenui.";

    /// Scenario keys of one dataset start with this; the rest is `SCENARIO_DIGITS` digits.
    pub fn scenario_prefix(dataset_id: &str) -> String {
        format!("{SCENARIOS}{dataset_id}.")
    }

    /// Digits of the creation time that end a scenario key.
    pub const SCENARIO_DIGITS: usize = 15;

    /// A scenario key of `dataset_id` (`n` is its creation time in ms).
    pub fn scenario(dataset_id: &str, n: u64) -> String {
        format!("{}{n:015}", scenario_prefix(dataset_id))
    }

    /// Whether `key` is a scenario of `dataset_id`, and not of a dataset whose id merely
    /// starts with it (`a` and `a.b`).
    pub fn scenario_key_of(key: &str, dataset_id: &str) -> bool {
        key.strip_prefix(&scenario_prefix(dataset_id))
            .is_some_and(|rest| {
                rest.len() == SCENARIO_DIGITS && rest.bytes().all(|b| b.is_ascii_digit())
            })
    }

    /// A scenario page choice (`name` is e.g. "compare") of one dataset.
    pub fn scenario_ui(dataset_id: &str, name: &str) -> String {
        format!("{SCENARIO_CHOICES}{dataset_id}.{name}")
    }
}

/// What reading a key found.
#[derive(Debug, Clone, PartialEq)]
pub enum Read<T> {
    Missing,
    Found(T),
    /// Kept aside: the text does not read as this version's data.
    Damaged,
    /// Kept aside: written by a newer version of the app.
    Newer(u64),
}

impl<T> Read<T> {
    pub fn found(self) -> Option<T> {
        match self {
            Read::Found(t) => Some(t),
            _ => None,
        }
    }
}

/// What went wrong with one key, for the notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    /// Could not be read; the text is kept under `backup` (None when even that failed).
    Damaged { backup: Option<String> },
    /// Newer than this version of the app; kept under `backup`.
    Newer {
        version: u64,
        backup: Option<String>,
    },
    /// The browser refused to store it.
    Refused,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub key: String,
    pub trouble: Trouble,
}

thread_local! {
    /// Problems of this visit, shown by `StorageNotice` (an `ArcRwSignal` needs no owner, so
    /// code that runs before the app's reactive tree can report too).
    static PROBLEMS: ArcRwSignal<Vec<Problem>> = ArcRwSignal::new(Vec::new());
    /// Keys whose unreadable text could not be copied aside: never written this visit.
    static FROZEN: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
}

/// The problems of this visit (reactive).
pub fn problems() -> ArcRwSignal<Vec<Problem>> {
    PROBLEMS.with(Clone::clone)
}

fn report(key: &str, trouble: Trouble) {
    let problems = problems();
    let known = problems.with_untracked(|p| p.iter().any(|x| x.key == key && x.trouble == trouble));
    if !known {
        problems.update(|p| {
            p.retain(|x| x.key != key);
            p.push(Problem {
                key: key.to_owned(),
                trouble,
            });
        });
    }
}

/// A refused write that later succeeds is no longer a problem.
fn clear_refused(key: &str) {
    let problems = problems();
    let listed = problems.with_untracked(|p| {
        p.iter()
            .any(|x| x.key == key && x.trouble == Trouble::Refused)
    });
    if listed {
        problems.update(|p| p.retain(|x| !(x.key == key && x.trouble == Trouble::Refused)));
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The raw text under `key`.
pub fn raw(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// The version and data of an envelope, when `text` is one.
fn unwrap_envelope(text: &str) -> Option<(Option<u64>, Value)> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(mut map)) if map.len() == 2 && map.contains_key("v") => {
            let version = map.get("v").and_then(Value::as_u64);
            Some((version, map.remove("data")?))
        }
        _ => None,
    }
}

fn open_envelope<T: DeserializeOwned>(version: Option<u64>, data: Value) -> Read<T> {
    match version {
        Some(v) if v > VERSION => Read::Newer(v),
        Some(_) => serde_json::from_value(data).map_or(Read::Damaged, Read::Found),
        None => Read::Damaged,
    }
}

/// How a stored text reads as a value of type `T`.
pub fn parse_json<T: DeserializeOwned>(text: &str) -> Read<T> {
    match unwrap_envelope(text) {
        Some((version, data)) => open_envelope(version, data),
        // Kept before versioning: the bare value.
        None => serde_json::from_str(text).map_or(Read::Damaged, Read::Found),
    }
}

/// How a stored text reads as text; text kept before versioning is the bare text.
pub fn parse_text(text: &str) -> Read<String> {
    match unwrap_envelope(text) {
        Some((version, data)) => open_envelope(version, data),
        None => Read::Found(text.to_owned()),
    }
}

/// The envelope of `value`.
pub fn envelope<T: Serialize>(value: &T) -> Option<String> {
    serde_json::to_string(&serde_json::json!({ "v": VERSION, "data": value })).ok()
}

/// Reads `key` as `T`; what does not read is kept aside and reported.
pub fn read<T: DeserializeOwned>(key: &str) -> Read<T> {
    match raw(key) {
        None => Read::Missing,
        Some(text) => settle(key, &text, parse_json(&text)),
    }
}

/// Reads `key` as text; what does not read is kept aside and reported.
pub fn read_text(key: &str) -> Read<String> {
    match raw(key) {
        None => Read::Missing,
        Some(text) => settle(key, &text, parse_text(&text)),
    }
}

fn settle<T>(key: &str, text: &str, read: Read<T>) -> Read<T> {
    match read {
        Read::Damaged => {
            let backup = keep_aside(key, text);
            report(key, Trouble::Damaged { backup });
            Read::Damaged
        }
        Read::Newer(version) => {
            let backup = keep_aside(key, text);
            report(key, Trouble::Newer { version, backup });
            Read::Newer(version)
        }
        found => found,
    }
}

/// Copies `text` to the backup key of `key` (an existing different backup is kept under a
/// numbered key); when no copy can be made, `key` is frozen for this visit.
fn keep_aside(key: &str, text: &str) -> Option<String> {
    let storage = local_storage()?;
    let base = format!("{BACKUP_PREFIX}{key}");
    for n in 0..100u32 {
        let name = if n == 0 {
            base.clone()
        } else {
            format!("{base}.{n}")
        };
        match storage.get_item(&name).ok().flatten() {
            Some(existing) if existing == text => return Some(name),
            Some(_) => continue,
            None => {
                if storage.set_item(&name, text).is_ok() {
                    return Some(name);
                }
                break;
            }
        }
    }
    FROZEN.with(|f| f.borrow_mut().insert(key.to_owned()));
    None
}

/// Stores `value` under `key` in its envelope. Returns whether it was stored; a refusal is
/// reported.
pub fn write<T: Serialize>(key: &str, value: &T) -> bool {
    match envelope(value) {
        Some(text) => write_raw(key, &text),
        None => false,
    }
}

/// Stores `text` (already in its envelope, or a format with its own version) under `key`.
pub fn write_raw(key: &str, text: &str) -> bool {
    if FROZEN.with(|f| f.borrow().contains(key)) {
        return false;
    }
    let stored = local_storage().is_some_and(|s| s.set_item(key, text).is_ok());
    if stored {
        clear_refused(key);
    } else {
        report(key, Trouble::Refused);
    }
    stored
}

/// Stores `text` under `key` as it is, for an entry that reports a refusal itself (the
/// stack's own format, no envelope).
///
/// # Errors
/// The browser's reason (quota, private mode).
pub fn write_own(key: &str, text: &str) -> Result<(), String> {
    let s = local_storage().ok_or("no local storage")?;
    s.set_item(key, text).map_err(|e| {
        e.as_string()
            .unwrap_or_else(|| "storage refused".to_owned())
    })
}

/// Like `write`, for data that is only a convenience (a choice, a draft): a refusal is not
/// worth a notice.
pub fn write_quietly<T: Serialize>(key: &str, value: &T) -> bool {
    if FROZEN.with(|f| f.borrow().contains(key)) {
        return false;
    }
    envelope(value)
        .is_some_and(|text| local_storage().is_some_and(|s| s.set_item(key, &text).is_ok()))
}

pub fn remove(key: &str) {
    if FROZEN.with(|f| f.borrow().contains(key)) {
        return;
    }
    if let Some(s) = local_storage() {
        let _ = s.remove_item(key);
    }
}

/// Every stored key that starts with `prefix`.
pub fn keys_with_prefix(prefix: &str) -> Vec<String> {
    let Some(s) = local_storage() else {
        return Vec::new();
    };
    (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelopes_round_trip_and_old_values_still_read() {
        let text = envelope(&vec![1, 2]).unwrap();
        assert_eq!(text, r#"{"data":[1,2],"v":1}"#);
        assert_eq!(parse_json::<Vec<i32>>(&text), Read::Found(vec![1, 2]));
        assert_eq!(parse_json::<Vec<i32>>("[3]"), Read::Found(vec![3]));
        assert_eq!(parse_text("zh"), Read::Found("zh".to_owned()));
        assert_eq!(
            parse_text(&envelope(&"en").unwrap()),
            Read::Found("en".to_owned())
        );
        // A typed draft that merely looks like JSON is still the text typed.
        assert_eq!(parse_text("{\"a\":1}"), Read::Found("{\"a\":1}".to_owned()));
    }

    #[test]
    fn damaged_and_newer_values_are_told_apart() {
        assert_eq!(parse_json::<Vec<i32>>("{broken"), Read::Damaged);
        assert_eq!(
            parse_json::<Vec<i32>>(r#"{"v":1,"data":"x"}"#),
            Read::Damaged
        );
        assert_eq!(
            parse_json::<Vec<i32>>(r#"{"v":7,"data":[1]}"#),
            Read::Newer(7)
        );
        assert_eq!(parse_text(r#"{"v":2,"data":"en"}"#), Read::Newer(2));
    }

    #[test]
    fn a_dataset_whose_id_starts_with_another_never_shares_its_scenarios() {
        let of_ab = keys::scenario("a.b", 1_700_000_000_000);
        assert!(keys::scenario_key_of(&of_ab, "a.b"));
        assert!(!keys::scenario_key_of(&of_ab, "a"), "{of_ab}");
        assert!(keys::scenario_key_of(&keys::scenario("a", 5), "a"));
        assert!(!keys::scenario_key_of(&keys::scenario("a", 5), "a.b"));
    }
}
