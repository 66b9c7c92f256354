//! Cell values other than dates and countries: statuses, weights, patent number keys.

use poolcalc_engine::model::dataset::PatentStatus;
use poolcalc_engine::model::money::MAX_AMOUNT;
use rust_decimal::Decimal;

/// A status cell: the dataset names and common words in English and Chinese; empty is in force.
#[must_use]
pub fn parse_status(text: &str) -> Option<PatentStatus> {
    let t: String = text
        .trim()
        .chars()
        .map(|c| if c == '_' || c == '-' { ' ' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    Some(match t.as_str() {
        "" | "in force" | "inforce" | "active" | "granted" | "valid" | "alive" | "有效"
        | "授权" | "已授权" => PatentStatus::InForce,
        "pending" | "application" | "applied" | "published" | "审中" | "审查中" | "申请中"
        | "公开" => PatentStatus::Pending,
        "invalidated" | "invalid" | "revoked" | "无效" | "已无效" | "宣告无效" => {
            PatentStatus::Invalidated
        }
        "withdrawn" | "removed" | "撤回" | "已撤回" | "退出" => PatentStatus::Withdrawn,
        _ => return None,
    })
}

/// A weight cell: a plain decimal from 0 to 10^12 (the engine's amount limit).
#[must_use]
pub fn parse_weight(text: &str) -> Option<Decimal> {
    let t = text.trim();
    let plain = !t.is_empty()
        && t.len() <= 30
        && t.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && t.bytes().filter(|b| *b == b'.').count() <= 1
        && t.bytes().any(|b| b.is_ascii_digit());
    if !plain {
        return None;
    }
    t.parse::<Decimal>()
        .ok()
        .filter(|w| *w <= MAX_AMOUNT)
        .map(|w| w.normalize())
}

/// Whether a cell says "See Note" (Access Advance's marker for claims described in a note).
#[must_use]
pub fn is_see_note(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 40 && t.to_ascii_lowercase().starts_with("see note")
}

/// What identifies a patent number within its country: letters and digits, upper case
/// (`7,123,456 B2`, `7123456b2` and `7 123 456 B2` are one patent).
#[must_use]
pub fn number_key(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_weights_and_keys() {
        assert_eq!(parse_status(""), Some(PatentStatus::InForce));
        assert_eq!(parse_status("In Force"), Some(PatentStatus::InForce));
        assert_eq!(parse_status("in_force"), Some(PatentStatus::InForce));
        assert_eq!(parse_status("审查中"), Some(PatentStatus::Pending));
        assert_eq!(parse_status("Withdrawn"), Some(PatentStatus::Withdrawn));
        assert_eq!(parse_status("expired?"), None);
        assert_eq!(parse_weight("2.50"), Some(Decimal::new(25, 1)));
        for bad in ["", "-1", "1e3", "1,5", "1000000000001", ".", "1.2.3"] {
            assert_eq!(parse_weight(bad), None, "{bad}");
        }
        assert!(is_see_note(" See Note 3 "));
        assert!(!is_see_note("12"));
        assert_eq!(number_key("7,123,456 b2"), "7123456B2");
        assert_eq!(
            number_key("ZL 2010 1 0123456.7"),
            "ZL201010123456 7".replace(' ', "")
        );
    }
}
