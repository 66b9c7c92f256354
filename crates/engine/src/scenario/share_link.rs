//! A scenario carried in a URL fragment: compact JSON, deflated, then URL-safe base64 without
//! padding, so a link works offline and in a browser that has never seen the scenario.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::model::issue::Issue;
use crate::scenario::{SCENARIO_FORMAT, Scenario, load_scenario};

/// Inflating stops here: a link is a few hundred bytes, a hostile one must not fill memory.
const MAX_INFLATED: usize = 1 << 20;

/// The scenario as the text after `#scen=` in a share link.
#[must_use]
pub fn encode_share(scenario: &Scenario) -> String {
    let mut v = serde_json::to_value(scenario).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.insert("format".into(), SCENARIO_FORMAT.into());
        o.insert("version".into(), 1.into());
    }
    let json = serde_json::to_string(&v).unwrap_or_default();
    URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9))
}

/// Reads a share code back into a scenario, read with the same rules as a scenario file.
///
/// # Errors
/// A code that is not base64, not deflate data, not UTF-8, or not a valid scenario.
pub fn decode_share(code: &str) -> Result<Scenario, Vec<Issue>> {
    let bad = |m: &str| vec![Issue::new("", format!("this share link is damaged: {m}"))];
    let bytes = URL_SAFE_NO_PAD
        .decode(code.trim().trim_end_matches('='))
        .map_err(|_| bad("not base64url text"))?;
    let raw = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, MAX_INFLATED)
        .map_err(|_| bad("not compressed scenario data"))?;
    let json = String::from_utf8(raw).map_err(|_| bad("not UTF-8 text"))?;
    load_scenario(&json)
}
