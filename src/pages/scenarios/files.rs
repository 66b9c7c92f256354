//! Files and links of the workspace: downloads as data URLs (no server, no object URLs to
//! revoke), reading a chosen file, and the share link in the URL fragment.

pub use crate::browser::files::read_chosen_file;
use wasm_bindgen::JsCast;

/// The fragment a share link carries its scenario in: `#scen=<code>`.
pub const SHARE_MARK: &str = "#scen=";

/// A link target that downloads `text` as a JSON file.
pub fn data_url(text: &str) -> String {
    format!(
        "data:application/json;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    )
}

/// A file name from a scenario name: letters, digits and dashes only.
pub fn file_name(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    out.truncate(60);
    let out = out.trim_matches('-').to_owned();
    if out.is_empty() {
        "scenario.json".to_owned()
    } else {
        format!("{out}.json")
    }
}

/// The input element an event came from.
pub fn input_of(ev: &leptos::ev::Event) -> Option<web_sys::HtmlInputElement> {
    ev.target()?.dyn_into().ok()
}

pub fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Marks the start of a timed computation; `measure` closes it (the browser tests read these).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(&format!("{name}-start"));
    }
}

pub fn measure(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, &format!("{name}-start"));
    }
}
