//! Application state shared through context: the dataset in use.

pub mod catalog;
pub mod download;
pub mod loader;
pub mod stack;
pub mod steps;
pub mod url_secrets;

use leptos::prelude::*;
use poolcalc_engine::{Dataset, Issue, Pool, load_dataset};
use std::sync::Arc;

/// Shared state of the running app; `use_app_state` returns it.
#[derive(Clone, Copy)]
pub struct AppState {
    pub dataset: RwSignal<DatasetLoad>,
}

/// How far loading the dataset has come.
#[derive(Clone, Debug, PartialEq)]
pub enum DatasetLoad {
    Loading,
    Ready(Arc<LoadedDataset>),
    /// Technical detail for the reader; the UI adds a translated heading.
    Failed(String),
}

/// The dataset in use, validated by the engine.
#[derive(Debug)]
pub struct LoadedDataset {
    /// The catalog entry it was loaded from (empty when it came from a file or a URL).
    pub catalog_id: String,
    /// The dataset with its index and lookups, built once and shared by every page
    /// (`pool.dataset()` is the dataset itself).
    pub pool: Arc<Pool>,
    /// Made up in whole or part, by the dataset's or the catalog's word.
    pub illustrative: bool,
}

/// Two loads are the same when they share one pool: comparing 100,000 patents field by field
/// on every signal update would be wasted work.
impl PartialEq for LoadedDataset {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.pool, &other.pool)
            && self.catalog_id == other.catalog_id
            && self.illustrative == other.illustrative
    }
}

impl LoadedDataset {
    /// Wraps a validated, indexed pool.
    pub fn new(catalog_id: String, pool: Pool, illustrative: bool) -> Self {
        LoadedDataset {
            catalog_id,
            illustrative: illustrative || pool.dataset().pool.illustrative,
            pool: Arc::new(pool),
        }
    }

    /// The dataset in use.
    pub fn dataset(&self) -> &Dataset {
        self.pool.dataset()
    }

    /// The pool's name in `lang` ("en", "zh").
    pub fn pool_name(&self, lang: &str) -> &str {
        self.dataset().pool.name.get(lang)
    }
}

impl AppState {
    /// Puts the state in context; `loader::start` is then handed it to load the dataset.
    pub fn provide() -> Self {
        let state = AppState {
            dataset: RwSignal::new(DatasetLoad::Loading),
        };
        provide_context(state);
        state
    }
}

pub fn use_app_state() -> AppState {
    // Provided by `Shell` above every component that asks; a miss is a programming error.
    expect_context::<AppState>()
}

/// Parses and validates a dataset file with the engine.
pub fn read_dataset(json: &str) -> Result<Dataset, String> {
    load_dataset(json).map_err(|issues| describe_issues(&issues))
}

/// The first few problems, one per line, each "path: message".
fn describe_issues(issues: &[Issue]) -> String {
    const SHOWN: usize = 5;
    let mut text = issues
        .iter()
        .take(SHOWN)
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    if issues.len() > SHOWN {
        text.push_str(&format!("\n(+{} more)", issues.len() - SHOWN));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_worked_example() {
        let json = include_str!("../public/datasets/worked-example.json");
        let ds = read_dataset(json).unwrap();
        assert_eq!(ds.pool.id, "worked-example");
        assert_eq!(ds.pool.name.get("en"), "Worked example pool");
        assert_eq!(ds.pool.name.get("zh"), "算例专利池");
        assert!(ds.pool.illustrative);
    }

    #[test]
    fn every_bundled_dataset_loads() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/public/datasets");
        let index = std::fs::read_to_string(format!("{dir}/index.json")).unwrap();
        let catalog = crate::state::catalog::Catalog::parse(&index).unwrap();
        catalog.default_entry().unwrap();
        for entry in &catalog.datasets {
            let json = std::fs::read_to_string(format!("{dir}/{}", entry.file)).unwrap();
            if let Err(e) = read_dataset(&json) {
                panic!("{}: {e}", entry.file);
            }
        }
    }

    #[test]
    fn invalid_datasets_list_their_problems() {
        let err = read_dataset(r#"{"pool": {"id": "x"}}"#).unwrap_err();
        assert!(!err.is_empty());
        assert!(read_dataset("not json").is_err());
    }
}
