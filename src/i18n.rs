//! The languages: every UI string (generated from locales/en.json and locales/zh.json), the
//! language in use, country names, and labels several pages share.

// Generates the strings from locales/en.json and locales/zh.json. leptos_i18n 0.6 prefers a
// build.rs generator, but that one brings ICU data-generation and an HTTP client in as build
// dependencies (minutes more per clean build on two cores) for features this app does not use.
#[allow(deprecated)]
mod generated {
    leptos_i18n::load_locales!();
}
pub use generated::i18n::*;

pub mod countries;
pub mod labels;
pub mod language;
