//! Patents licensed by more than one stacked pool — the duplicate-royalty exposure — matched
//! on country and normalised number, counted and listed per pair of pool licences.

use std::collections::BTreeMap;

use serde::Serialize;

use super::compute::PoolSet;
use super::{Stack, Terms};

/// The most patents listed for one pair; `count` gives them all.
pub const MAX_LISTED: usize = 200;

/// Patents in both pools of a pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverlapPair {
    /// The first licence's id (stack order).
    pub a: String,
    /// The second licence's id.
    pub b: String,
    /// How many (country, number) keys are in both pools.
    pub count: usize,
    /// The first [`MAX_LISTED`] of them, by country then number.
    pub patents: Vec<OverlapPatent>,
}

/// One patent found in both pools.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverlapPatent {
    /// Country of grant.
    pub country: String,
    /// The number as matched ([`normalised_number`]).
    pub number: String,
    /// The patent's id in the first pool.
    pub a_patent: String,
    /// Its id in the second pool.
    pub b_patent: String,
}

/// A patent number as compared across pools: capitals, letters and digits only, without a
/// leading copy of the country code and without a trailing kind code (`B1`, `B2`, `C`, `A1`)
/// — so `US 9,620,831 B2`, `US9620831B2` and `9620831` are one patent in the US.
#[must_use]
pub fn normalised_number(country: &str, number: &str) -> String {
    let mut n: String = number
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let country = country.to_ascii_uppercase();
    if n.len() > country.len() && n.starts_with(&country) {
        n.replace_range(..country.len(), "");
    }
    let b = n.as_bytes();
    let kind = match b {
        [.., d, l, k] if d.is_ascii_digit() && l.is_ascii_uppercase() && k.is_ascii_digit() => 2,
        [.., d, l] if d.is_ascii_digit() && l.is_ascii_uppercase() => 1,
        _ => 0,
    };
    n.truncate(n.len() - kind);
    n
}

/// (country, normalised number) → the first patent id with it, for one pool.
type Keys<'a> = BTreeMap<(String, String), &'a str>;

fn keys(pool: &crate::pool::Pool) -> Keys<'_> {
    let mut out = BTreeMap::new();
    for p in &pool.dataset().patents {
        let country = p.country.to_ascii_uppercase();
        let number = normalised_number(&country, &p.number);
        out.entry((country, number)).or_insert(p.id.as_str());
    }
    out
}

/// Every pair of pool licences with at least one patent in common.
#[must_use]
pub fn overlaps(stack: &Stack, pools: &PoolSet) -> Vec<OverlapPair> {
    let keyed: Vec<(&str, Keys<'_>)> = stack
        .licences
        .iter()
        .filter(|l| matches!(l.terms, Terms::Pool { .. }))
        .filter_map(|l| pools.get(&l.id).map(|p| (l.id.as_str(), keys(p))))
        .collect();
    let mut out = Vec::new();
    for (i, (a, ka)) in keyed.iter().enumerate() {
        for (b, kb) in &keyed[i + 1..] {
            let mut count = 0;
            let mut patents = Vec::new();
            for ((country, number), a_patent) in ka {
                let Some(b_patent) = kb.get(&(country.clone(), number.clone())) else {
                    continue;
                };
                count += 1;
                if patents.len() < MAX_LISTED {
                    patents.push(OverlapPatent {
                        country: country.clone(),
                        number: number.clone(),
                        a_patent: (*a_patent).to_owned(),
                        b_patent: (*b_patent).to_owned(),
                    });
                }
            }
            if count > 0 {
                out.push(OverlapPair {
                    a: (*a).to_owned(),
                    b: (*b).to_owned(),
                    count,
                    patents,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalised_number;

    #[test]
    fn numbers_match_across_spellings() {
        for (country, number) in [
            ("US", "US9620831B2"),
            ("US", "US 9,620,831 B2"),
            ("us", "9620831"),
            ("US", "us9620831b1"),
        ] {
            assert_eq!(normalised_number(country, number), "9620831", "{number}");
        }
        assert_eq!(normalised_number("DE", "EP3326993B1"), "EP3326993");
        assert_eq!(normalised_number("CA", "CA3691653C"), "3691653");
        assert_eq!(normalised_number("TW", "TWI566227B"), "I566227");
        assert_eq!(normalised_number("IN", "IN201936680"), "201936680");
        // A number that is only a country code stays as written.
        assert_eq!(normalised_number("US", "US"), "US");
    }
}
