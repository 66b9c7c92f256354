//! A file carried in a URL fragment: its compact JSON deflated, then URL-safe base64 without
//! padding, so a share link works offline and in a browser that has never seen the file.
//! Scenario and stack links both use it; each reads the text back with its own file rules.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::model::issue::Issue;

/// Inflating stops here: a link is a few hundred bytes, a hostile one must not fill memory.
const MAX_INFLATED: usize = 1 << 20;

/// `json` as the text after the `#…=` mark of a share link.
#[must_use]
pub fn encode(json: &str) -> String {
    URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9))
}

/// The JSON text a share code carries; `what` names the file kind in the problem
/// ("scenario", "stack").
///
/// # Errors
/// A code that is not base64, not deflate data within the size limit, or not UTF-8.
pub fn decode(code: &str, what: &str) -> Result<String, Issue> {
    let bad = |m: String| Issue::new("", format!("this share link is damaged: {m}"));
    let bytes = URL_SAFE_NO_PAD
        .decode(code.trim().trim_end_matches('='))
        .map_err(|_| bad("not base64url text".to_owned()))?;
    let raw = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, MAX_INFLATED)
        .map_err(|_| bad(format!("not compressed {what} data")))?;
    String::from_utf8(raw).map_err(|_| bad("not UTF-8 text".to_owned()))
}

/// `value` with the file's `format` and `version`, as compact JSON.
#[must_use]
pub fn with_format(mut value: serde_json::Value, format: &str) -> String {
    if let Some(o) = value.as_object_mut() {
        o.insert("format".into(), format.into());
        o.insert("version".into(), 1.into());
    }
    serde_json::to_string(&value).unwrap_or_default()
}
