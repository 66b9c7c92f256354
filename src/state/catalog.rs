//! The list of bundled datasets, `datasets/index.json`.

use serde::Deserialize;
use std::collections::BTreeMap;

/// Where the bundled datasets are, relative to the page.
pub const DATASETS_DIR: &str = "datasets/";
pub const INDEX_URL: &str = "datasets/index.json";

#[derive(Debug, Clone, Deserialize)]
pub struct Catalog {
    pub default: String,
    pub datasets: Vec<CatalogEntry>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CatalogEntry {
    pub id: String,
    pub file: String,
    #[serde(default)]
    pub name: BTreeMap<String, String>,
    #[serde(default)]
    pub illustrative: bool,
    #[serde(default)]
    pub description: BTreeMap<String, String>,
}

impl Catalog {
    pub fn parse(json: &str) -> Result<Self, String> {
        serde_json::from_str(json).map_err(|e| format!("{INDEX_URL}: {e}"))
    }

    /// The entry named as default, with a URL that stays inside `datasets/`.
    pub fn default_entry(&self) -> Result<(&CatalogEntry, String), String> {
        let entry = self
            .datasets
            .iter()
            .find(|d| d.id == self.default)
            .ok_or_else(|| format!("{INDEX_URL}: default {:?} is not listed", self.default))?;
        Ok((entry, entry_url(entry)?))
    }

    /// The entry with this id, with its URL inside `datasets/`.
    pub fn entry(&self, id: &str) -> Result<(&CatalogEntry, String), String> {
        let entry = self
            .datasets
            .iter()
            .find(|d| d.id == id)
            .ok_or_else(|| format!("{INDEX_URL}: {id:?} is not listed"))?;
        Ok((entry, entry_url(entry)?))
    }
}

/// A catalog text in `lang`, else English, else any.
pub fn text_in<'a>(texts: &'a BTreeMap<String, String>, lang: &str) -> &'a str {
    texts
        .get(lang)
        .or_else(|| texts.get("en"))
        .or_else(|| texts.values().next())
        .map_or("", String::as_str)
}

fn entry_url(entry: &CatalogEntry) -> Result<String, String> {
    let file = entry.file.as_str();
    let plain = !file.is_empty()
        && file
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && !file.starts_with('.');
    if plain {
        Ok(format!("{DATASETS_DIR}{file}"))
    } else {
        Err(format!(
            "{INDEX_URL}: dataset {:?} has an unusable file name {file:?}",
            entry.id
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = r#"{"default": "worked-example", "datasets": [{"id": "worked-example",
        "file": "worked-example.json", "name": {"en": "Worked example pool", "zh": "算例专利池"},
        "illustrative": true}]}"#;

    #[test]
    fn finds_the_default_dataset() {
        let catalog = Catalog::parse(INDEX).unwrap();
        let (entry, url) = catalog.default_entry().unwrap();
        assert_eq!(entry.id, "worked-example");
        assert_eq!(url, "datasets/worked-example.json");
    }

    #[test]
    fn refuses_file_names_that_leave_the_folder() {
        for bad in ["../secret.json", "/etc/passwd", "a/b.json", "", ".hidden"] {
            let json = INDEX.replace("worked-example.json", bad);
            let catalog = Catalog::parse(&json).unwrap();
            assert!(catalog.default_entry().is_err(), "{bad}");
        }
    }

    #[test]
    fn reports_a_missing_default() {
        let json = INDEX.replace(r#""default": "worked-example""#, r#""default": "nope""#);
        let err = Catalog::parse(&json).unwrap().default_entry().unwrap_err();
        assert!(err.contains("nope"), "{err}");
    }
}
