//! The scenario workspace in the browser: one localStorage entry per scenario, holding the
//! scenario file's JSON, under a key per dataset. Entries the engine cannot read are kept
//! untouched and listed for download, so a damaged or newer-format entry never costs work.
//! An entry's value is the scenario file itself, versioned by its own `format` field; the
//! keys are built in `crate::browser::storage::keys`.

use crate::browser::storage::{self, keys};
use leptos::prelude::*;
use poolcalc_engine::scenario::{Scenario, load_scenario};

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

impl Store {
    /// Reads every stored scenario of `dataset_id`.
    pub fn open(dataset_id: &str) -> Store {
        // Only this dataset's keys: `a`'s prefix also starts the keys of dataset `a.b`.
        let mut found: Vec<String> = storage::keys_with_prefix(&keys::scenario_prefix(dataset_id))
            .into_iter()
            .filter(|k| keys::scenario_key_of(k, dataset_id))
            .collect();
        // Keys end in a zero-padded creation time: sorted keys are creation order.
        found.sort();
        let mut entries = Vec::new();
        let mut broken = Vec::new();
        for key in found {
            let raw = storage::raw(&key).unwrap_or_default();
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
        let dataset_id = self.dataset_id.get_value();
        let mut n = js_sys::Date::now() as u64;
        let taken = |k: &str| {
            self.entries
                .with_untracked(|e| e.iter().any(|x| x.key == k))
                || self.broken.with_untracked(|b| b.iter().any(|x| x.key == k))
                || storage::raw(k).is_some()
        };
        loop {
            let key = keys::scenario(&dataset_id, n);
            if !taken(&key) {
                return key;
            }
            n += 1;
        }
    }

    fn write(&self, key: &str, scenario: &Scenario) {
        let stored = storage::write_raw(key, &scenario.to_json());
        self.save_error.set(
            (!stored)
                .then(|| "the browser refused to store it (storage full or disabled)".to_owned()),
        );
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
        storage::remove(key);
        self.entries.update(|e| e.retain(|x| x.key != key));
        self.broken.update(|b| b.retain(|x| x.key != key));
    }

    pub fn get(&self, key: &str) -> Option<Scenario> {
        self.entries
            .with(|e| e.iter().find(|x| x.key == key).map(|x| x.scenario.clone()))
    }

    /// A page choice kept per dataset (`name` is e.g. "compare").
    pub fn ui_get(&self, name: &str) -> Option<String> {
        storage::read_text(&keys::scenario_ui(&self.dataset_id.get_value(), name)).found()
    }

    pub fn ui_set(&self, name: &str, value: &str) {
        // A choice that cannot be kept is only a convenience lost.
        storage::write_quietly(
            &keys::scenario_ui(&self.dataset_id.get_value(), name),
            &value,
        );
    }
}
