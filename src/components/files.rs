//! Files in and out without a server: the text of a file the user chose, and text saved as
//! a download made from a Blob in the page.

use crate::i18n::{Locale, t_string, use_i18n};
use leptos_i18n::I18nContext;
use poolcalc_engine::usage_csv::CsvIssue;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why a chosen file gave no text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    NoneChosen,
    Unreadable,
    NotText,
}

impl FileProblem {
    /// The problem in the UI language.
    pub fn text(self) -> String {
        let i18n = use_i18n();
        match self {
            FileProblem::NoneChosen => t_string!(i18n, files_none_chosen),
            FileProblem::Unreadable => t_string!(i18n, files_unreadable),
            FileProblem::NotText => t_string!(i18n, files_not_text),
        }
        .to_owned()
    }
}

/// The text of the first file chosen in `input`, or why there is none.
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Result<String, FileProblem> {
    let file = input
        .files()
        .and_then(|f| f.get(0))
        .ok_or(FileProblem::NoneChosen)?;
    JsFuture::from(file.text())
        .await
        .map_err(|_| FileProblem::Unreadable)?
        .as_string()
        .ok_or(FileProblem::NotText)
}

/// The name and text of the first file chosen in `input`, which is then cleared: choosing
/// the same file again (after fixing it) must fire `change` again.
pub async fn chosen_file(input: web_sys::HtmlInputElement) -> Option<(String, String)> {
    let name = input.files()?.get(0)?.name();
    let text = read_chosen_file(&input).await;
    input.set_value("");
    Some((name, text.ok()?))
}

/// The text of the first file chosen in `input`, which is then cleared (see `chosen_file`).
pub async fn chosen_file_text(input: web_sys::HtmlInputElement) -> Option<String> {
    chosen_file(input).await.map(|(_, text)| text)
}

/// What a CSV import says: `first` (what was read), then every bad row by its line number.
/// Takes the i18n context because it runs after a file was read, in a task that has no
/// component around it to ask.
pub fn csv_import_report(
    i18n: I18nContext<Locale>,
    first: String,
    issues: &[CsvIssue],
) -> Vec<String> {
    std::iter::once(first)
        .chain(
            issues
                .iter()
                .map(|i| format!("{} {}: {}", t_string!(i18n, import_line), i.line, i.message)),
        )
        .collect()
}

/// Offers `text` as a file named `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let props = web_sys::BlobPropertyBag::new();
    props.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &props) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let anchor = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(a) = anchor {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
