//! The Build page's file reader, a wasm module of its own (crates/sheet-reader, see there
//! why): fetched and started the first time a file is read, then kept for the visit.

use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

// The split build puts the reader beside the app's own files, in `pkg-<hash>/sheet/`; this
// snippet lives in `pkg-<hash>/snippets/<crate>-<hash>/`, so the path is relative to it. A
// module import is a script from this origin: the CSP's script-src 'self' allows it.
#[wasm_bindgen(inline_js = "
let reader = null;
export function load_sheet_reader() {
  if (reader === null) {
    const url = new URL('../../sheet/poolcalc_sheet_reader.js', import.meta.url);
    reader = import(url.href).then(async (m) => { await m.default(); return m; });
    reader.catch(() => { reader = null; });
  }
  return reader;
}")]
extern "C" {
    fn load_sheet_reader() -> Promise;
}

/// `poolcalc_studio::wire` JSON of the table in `bytes` (see `poolcalc_sheet_reader::read_table`).
///
/// # Errors
/// The reader could not be fetched (offline before the Build page was first used) or started.
pub async fn read_table(bytes: &[u8], sheet: &str, layout: &str) -> Result<String, String> {
    let module = JsFuture::from(load_sheet_reader())
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?;
    let read: Function = Reflect::get(&module, &JsValue::from_str("read_table"))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or("the sheet reader has no read_table")?;
    let answer = read
        .call3(
            &JsValue::NULL,
            &Uint8Array::from(bytes),
            &JsValue::from_str(sheet),
            &JsValue::from_str(layout),
        )
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?;
    answer
        .as_string()
        .ok_or_else(|| "the sheet reader gave no text".to_owned())
}
