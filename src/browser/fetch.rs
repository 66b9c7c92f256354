//! Fetching text over HTTP with the browser's `fetch`.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// GETs `url` (relative URLs resolve against the page) and returns the body as text.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("{url}: {}", describe(&e)))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|e| format!("{url}: {}", describe(&e)))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let body = response
        .text()
        .map_err(|e| format!("{url}: {}", describe(&e)))?;
    JsFuture::from(body)
        .await
        .map_err(|e| format!("{url}: {}", describe(&e)))?
        .as_string()
        .ok_or_else(|| format!("{url}: body is not text"))
}

fn describe(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "request failed".to_owned())
}
