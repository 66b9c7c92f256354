//! Which language the UI speaks: browser language on first visit, then the user's choice.

use crate::browser::storage::{self, keys};
use crate::i18n::{Locale, use_i18n};
use leptos::prelude::*;
use leptos_i18n::I18nContext;

/// Keeps `<html lang>` in step with the UI language.
pub fn init() {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let locale = i18n.get_locale();
        if let Some(html) = document_element() {
            let _ = html.set_attribute("lang", html_lang(locale));
        }
    });
}

/// Switches to the other language and remembers the choice.
pub fn switch(i18n: I18nContext<Locale>) {
    let next = other(i18n.get_locale_untracked());
    i18n.set_locale(next);
    // Private modes may refuse storage; the switch still works for this visit.
    storage::write_quietly(keys::LANG, &code(next));
}

pub fn other(locale: Locale) -> Locale {
    match locale {
        Locale::en => Locale::zh,
        Locale::zh => Locale::en,
    }
}

/// The BCP 47 tag for `<html lang>`.
pub fn html_lang(locale: Locale) -> &'static str {
    match locale {
        Locale::en => "en",
        Locale::zh => "zh-CN",
    }
}

/// The key datasets use for texts in this language.
pub fn code(locale: Locale) -> &'static str {
    match locale {
        Locale::en => "en",
        Locale::zh => "zh",
    }
}

/// Any Chinese tag (zh, zh-CN, zh-Hans, zh-TW …) gets the Chinese UI; all else English.
pub fn locale_for_tag(tag: &str) -> Locale {
    if tag.trim().to_ascii_lowercase().starts_with("zh") {
        Locale::zh
    } else {
        Locale::en
    }
}

/// Parses a stored choice; anything unexpected counts as no choice.
pub fn stored_locale(value: &str) -> Option<Locale> {
    match value {
        "en" => Some(Locale::en),
        "zh" => Some(Locale::zh),
        _ => None,
    }
}

/// The language a page load starts in: stored choice, else the browser's language.
pub fn initial_locale() -> Locale {
    if let Some(stored) = storage::read_text(keys::LANG)
        .found()
        .and_then(|v| stored_locale(&v))
    {
        return stored;
    }
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .map(|tag| locale_for_tag(&tag))
        .unwrap_or(Locale::en)
}

/// The language currently on `<html lang>`, for code outside the reactive tree.
pub fn page_locale() -> Locale {
    document_element()
        .and_then(|e| e.get_attribute("lang"))
        .map(|tag| locale_for_tag(&tag))
        .unwrap_or(Locale::en)
}

fn document_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_tags_pick_chinese() {
        for tag in ["zh", "zh-CN", "zh-TW", "ZH-hans", " zh-HK"] {
            assert_eq!(locale_for_tag(tag), Locale::zh, "{tag}");
        }
        for tag in ["en-US", "fr", "", "z"] {
            assert_eq!(locale_for_tag(tag), Locale::en, "{tag}");
        }
    }

    #[test]
    fn stored_choice_round_trips() {
        for locale in [Locale::en, Locale::zh] {
            assert_eq!(stored_locale(code(locale)), Some(locale));
        }
        assert_eq!(stored_locale("de"), None);
        assert_eq!(html_lang(Locale::zh), "zh-CN");
    }
}
