//! Texts that people read: a plain string or a map of language tags.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write;

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

/// Whether `c` may reach a terminal or a file name only escaped: control characters (C0, DEL
/// and C1, which move the cursor, clear the screen or start an escape sequence) and the
/// bidirectional overrides and isolates, which reorder what is shown.
fn is_hidden_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` safe to print on a terminal: every control character but the line break written as
/// `\uXXXX`, so dataset text (a name, an id, a message quoting them) cannot move the cursor,
/// recolour or retitle the terminal. The escape is JSON's, so printed JSON stays valid.
#[must_use]
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_hidden_control(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c != '\n' && is_hidden_control(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The longest download file name, in characters (file systems take 255 bytes).
const MAX_FILE_NAME: usize = 100;

/// `name` as a download file name every system takes: path separators, characters Windows
/// forbids (`<>:"/\\|?*`) and control characters become `-`; leading dots and spaces and
/// trailing dots and spaces go; a name Windows reserves (`CON`, `NUL`, `COM1`, …) gets a `_`
/// in front; long names are cut to 100 characters, keeping the extension. An empty result is
/// `download`.
#[must_use]
pub fn safe_file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if is_hidden_control(c)
                || matches!(c, '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*')
            {
                '-'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned
        .trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' ']);
    let (stem, ext) = match trimmed.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && (1..=10).contains(&ext.chars().count()) => {
            (stem, Some(ext))
        }
        _ => (trimmed, None),
    };
    let room = MAX_FILE_NAME - ext.map_or(0, |e| e.chars().count() + 1);
    let mut stem: String = stem.chars().take(room).collect();
    stem.truncate(stem.trim_end_matches(['.', ' ']).len());
    if stem.is_empty() {
        stem.push_str("download");
    }
    let device = stem.split('.').next().unwrap_or("").to_ascii_uppercase();
    let reserved = matches!(device.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (device.len() == 4
            && (device.starts_with("COM") || device.starts_with("LPT"))
            && device.as_bytes()[3].is_ascii_digit());
    if reserved {
        stem.insert(0, '_');
    }
    match ext {
        Some(ext) => format!("{stem}.{ext}"),
        None => stem,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_for_the_terminal() {
        assert_eq!(printable("plain\nlines"), "plain\nlines");
        assert_eq!(
            printable("evil\u{1b}]0;owned\u{7}\u{9b}2J\u{202e}txt"),
            "evil\\u001b]0;owned\\u0007\\u009b2J\\u202etxt"
        );
    }

    #[test]
    fn file_names_are_safe_on_every_system() {
        assert_eq!(safe_file_name("fees.csv"), "fees.csv");
        assert_eq!(safe_file_name("HEVC 池 2028.csv"), "HEVC 池 2028.csv");
        assert_eq!(safe_file_name("../../etc/passwd"), "-..-etc-passwd");
        assert_eq!(safe_file_name("a\u{0}b\u{202e}vsc.exe"), "a-b-vsc.exe");
        assert_eq!(safe_file_name("con.json"), "_con.json");
        assert_eq!(safe_file_name("LPT1"), "_LPT1");
        assert_eq!(safe_file_name(" ... "), "download");
        assert_eq!(safe_file_name(".json"), "json");
        assert_eq!(safe_file_name("name. "), "name");
        let long = safe_file_name(&format!("{}.csv", "x".repeat(300)));
        assert_eq!(long.chars().count(), MAX_FILE_NAME);
        assert!(long.ends_with("x.csv"));
    }

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
