//! Texts that people read: a plain string or a map of language tags.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

/// A human-readable text (`name`, `notes`): either one string for every language or an object
/// of language tags such as `{"en": "Decoder", "zh": "解码器"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Text {
    /// The same text in every language.
    Plain(String),
    /// Texts by language tag (`en`, `zh`, `zh-CN`, …).
    Lang(BTreeMap<String, String>),
}

impl Text {
    /// The text for `lang` (`"en"`, `"zh"`, `"zh-CN"`): an exact tag, then the same primary
    /// language, then English, then any text there is.
    #[must_use]
    pub fn get(&self, lang: &str) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Lang(map) => {
                let primary = lang.split('-').next().unwrap_or(lang);
                map.get(lang)
                    .or_else(|| {
                        map.iter()
                            .find(|(k, _)| k.split('-').next() == Some(primary))
                            .map(|(_, v)| v)
                    })
                    .or_else(|| map.get("en"))
                    .or_else(|| map.values().next())
                    .map_or("", String::as_str)
            }
        }
    }

    /// Whether every language's text is empty.
    #[must_use]
    pub fn is_blank(&self) -> bool {
        match self {
            Text::Plain(s) => s.trim().is_empty(),
            Text::Lang(map) => map.values().all(|v| v.trim().is_empty()),
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_language_then_primary_then_english() {
        let t = Text::Lang(BTreeMap::from([
            ("en".to_owned(), "Decoder".to_owned()),
            ("zh".to_owned(), "解码器".to_owned()),
        ]));
        assert_eq!(t.get("zh-CN"), "解码器");
        assert_eq!(t.get("zh"), "解码器");
        assert_eq!(t.get("fr"), "Decoder");
        assert_eq!(Text::from("X").get("zh"), "X");
    }
}
