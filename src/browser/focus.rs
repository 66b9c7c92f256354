//! Moving the keyboard focus to an element named by its id.

use wasm_bindgen::JsCast;

/// Moves the focus to the element with `id`, or else to the first whose id starts with
/// `id-`, or else the same for `id` without its last `-part`: a problem of a whole item
/// goes to the item's first field.
pub fn focus_nearest(id: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let mut at = id.to_owned();
    loop {
        let found = doc.get_element_by_id(&at).or_else(|| {
            doc.query_selector(&format!("[id^=\"{at}-\"]"))
                .ok()
                .flatten()
        });
        if let Some(el) = found {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
            return;
        }
        match at.rfind('-') {
            Some(i) if i > 0 => at.truncate(i),
            _ => return,
        }
    }
}
