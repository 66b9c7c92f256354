//! Files in and out without a server: the text of a file the user chose, and text saved as
//! a download made from a Blob in the page.

use poolcalc_engine::model::text::safe_file_name;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why a chosen file gave no text (its words are in `i18n::labels`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    NoneChosen,
    Unreadable,
    NotText,
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

/// Offers `text` as a file named `name` (made safe: names carry dataset ids and years).
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
        a.set_download(&safe_file_name(name));
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
