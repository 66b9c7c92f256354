//! Share links: a file carried in the address's fragment (`#scen=…`, `#stack=…`), read once
//! and then taken out of the address so a reload does not import it again.

/// This page's address without any fragment.
pub fn page_address() -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    )
}

/// A link to this page carrying `code` after `mark` (`#stack=`).
pub fn link(mark: &str, code: &str) -> String {
    format!("{}{mark}{code}", page_address())
}

/// Takes the code after `mark` out of the address, when the fragment starts with it.
pub fn take_code(mark: &str) -> Option<String> {
    let window = web_sys::window()?;
    let hash = window.location().hash().ok()?;
    let code = hash.strip_prefix(mark)?.to_owned();
    if let Ok(history) = window.history() {
        let _ =
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page_address()));
    }
    Some(code)
}
