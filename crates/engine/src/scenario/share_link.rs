//! A scenario carried in a URL fragment (`io::share_code`: compact JSON, deflated, URL-safe
//! base64), read back with the same rules as a scenario file.

use crate::io::share_code;
use crate::model::issue::Issue;
use crate::scenario::{SCENARIO_FORMAT, Scenario, load_scenario};

/// The scenario as the text after `#scen=` in a share link.
#[must_use]
pub fn encode_share(scenario: &Scenario) -> String {
    let v = serde_json::to_value(scenario).unwrap_or_default();
    share_code::encode(&share_code::with_format(v, SCENARIO_FORMAT))
}

/// Reads a share code back into a scenario, read with the same rules as a scenario file.
///
/// # Errors
/// A code that is not base64, not deflate data, not UTF-8, or not a valid scenario.
pub fn decode_share(code: &str) -> Result<Scenario, Vec<Issue>> {
    let json = share_code::decode(code, "scenario").map_err(|i| vec![i])?;
    load_scenario(&json)
}
