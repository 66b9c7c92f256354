//! Files in and out without a server: reading a chosen file's text, and saving text as a
//! download made from a Blob in the page.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text and name of the first file chosen in the `<input type=file>` of `ev`.
pub async fn chosen_file_text(input: web_sys::HtmlInputElement) -> Option<(String, String)> {
    let file = input.files()?.get(0)?;
    let name = file.name();
    let text = JsFuture::from(file.text()).await.ok()?.as_string()?;
    // Choosing the same file again must fire `change` again.
    input.set_value("");
    Some((name, text))
}

/// Offers `text` as a file named `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
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
