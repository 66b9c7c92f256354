//! The scenario workspace in the browser: one localStorage entry per scenario, holding the
//! scenario file's JSON, under a key per dataset. Entries the engine cannot read are kept
//! untouched and listed for download, so a damaged or newer-format entry never costs work.

use leptos::prelude::*;
use poolcalc_engine::scenario::{Scenario, load_scenario};

/// Every key starts with this, then the dataset id, a dot and the entry's own id.
const PREFIX: &str = "poolcalc.scen.";
/// Page choices (compared scenarios, year, licensee, …) and form drafts: a different prefix,
/// so they are never read as scenarios.
const UI_PREFIX: &str = "poolcalc.scenui.";

/// A scenario of the workspace with the key it is stored under.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub key: String,
    pub scenario: Scenario,
}

/// A stored entry the engine could not read, kept aside.
#[derive(Clone, Debug, PartialEq)]
pub struct Broken {
    pub key: String,
    pub raw: String,
    /// The engine's `path: message` lines.
    pub problems: Vec<String>,
}

/// The workspace of one dataset.
#[derive(Clone, Copy)]
pub struct Store {
    dataset_id: StoredValue<String>,
    pub entries: RwSignal<Vec<Entry>>,
    pub broken: RwSignal<Vec<Broken>>,
    /// The last storage failure (quota, private mode), for the page to show.
    pub save_error: RwSignal<Option<String>>,
}

pub fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

impl Store {
    /// Reads every stored scenario of `dataset_id`.
    pub fn open(dataset_id: &str) -> Store {
        let prefix = format!("{PREFIX}{dataset_id}.");
        let mut keys = Vec::new();
        if let Some(s) = storage() {
            for i in 0..s.length().unwrap_or(0) {
                if let Ok(Some(k)) = s.key(i)
                    && k.starts_with(&prefix)
                {
                    keys.push(k);
                }
            }
        }
        // Keys end in a zero-padded creation time: sorted keys are creation order.
        keys.sort();
        let mut entries = Vec::new();
        let mut broken = Vec::new();
        for key in keys {
            let raw = storage()
                .and_then(|s| s.get_item(&key).ok().flatten())
                .unwrap_or_default();
            match load_scenario(&raw) {
                Ok(scenario) => entries.push(Entry { key, scenario }),
                Err(issues) => broken.push(Broken {
                    key,
                    raw,
                    problems: issues.iter().map(ToString::to_string).collect(),
                }),
            }
        }
        Store {
            dataset_id: StoredValue::new(dataset_id.to_owned()),
            entries: RwSignal::new(entries),
            broken: RwSignal::new(broken),
            save_error: RwSignal::new(None),
        }
    }

    fn new_key(&self) -> String {
        let prefix = format!("{PREFIX}{}.", self.dataset_id.get_value());
        let mut n = js_sys::Date::now() as u64;
        let taken = |k: &str| {
            self.entries
                .with_untracked(|e| e.iter().any(|x| x.key == k))
                || self.broken.with_untracked(|b| b.iter().any(|x| x.key == k))
                || storage().is_some_and(|s| s.get_item(k).ok().flatten().is_some())
        };
        loop {
            let key = format!("{prefix}{n:015}");
            if !taken(&key) {
                return key;
            }
            n += 1;
        }
    }

    fn write(&self, key: &str, scenario: &Scenario) {
        let result = match storage() {
            Some(s) => s
                .set_item(key, &scenario.to_json())
                .map_err(|_| "the browser refused to store it (storage full or disabled)"),
            None => Err("this browser offers no local storage"),
        };
        self.save_error.set(result.err().map(str::to_owned));
    }

    /// Adds a scenario at the end; returns its key.
    pub fn add(&self, scenario: Scenario) -> String {
        let key = self.new_key();
        self.write(&key, &scenario);
        self.entries.update(|e| {
            e.push(Entry {
                key: key.clone(),
                scenario,
            })
        });
        key
    }

    /// Replaces the scenario stored under `key` and saves it.
    pub fn change(&self, key: &str, edit: impl FnOnce(&mut Scenario)) {
        let mut saved = None;
        self.entries.update(|e| {
            if let Some(x) = e.iter_mut().find(|x| x.key == key) {
                edit(&mut x.scenario);
                saved = Some(x.scenario.clone());
            }
        });
        if let Some(s) = saved {
            self.write(key, &s);
        }
    }

    pub fn remove(&self, key: &str) {
        if let Some(s) = storage() {
            let _ = s.remove_item(key);
        }
        self.entries.update(|e| e.retain(|x| x.key != key));
        self.broken.update(|b| b.retain(|x| x.key != key));
    }

    pub fn get(&self, key: &str) -> Option<Scenario> {
        self.entries
            .with(|e| e.iter().find(|x| x.key == key).map(|x| x.scenario.clone()))
    }

    /// A page choice kept per dataset (`name` is e.g. "compare").
    pub fn ui_get(&self, name: &str) -> Option<String> {
        let key = format!("{UI_PREFIX}{}.{name}", self.dataset_id.get_value());
        storage().and_then(|s| s.get_item(&key).ok().flatten())
    }

    pub fn ui_set(&self, name: &str, value: &str) {
        let key = format!("{UI_PREFIX}{}.{name}", self.dataset_id.get_value());
        if let Some(s) = storage() {
            // A choice that cannot be kept is only a convenience lost.
            let _ = s.set_item(&key, value);
        }
    }
}
