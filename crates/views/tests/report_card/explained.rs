//! Every indicator, status and passage explained.

use super::*;
use crate::bundled::bundled;

#[test]
fn every_indicator_and_status_is_explained_in_both_languages() {
    for &id in IndicatorId::ALL {
        let a = about(id);
        assert!(
            !a.en.is_empty() && !a.zh.is_empty() && !a.formula.is_empty(),
            "{}",
            id.as_str()
        );
        assert!(
            a.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{}",
            id.as_str()
        );
    }
    for (_, pool) in bundled() {
        let card = report_card(&pool, &Options::default());
        for r in card
            .sections
            .iter()
            .flat_map(|s| &s.indicators)
            .flat_map(|i| &i.rows)
        {
            if let Some(s) = r.status {
                let (key, en, zh) = status_label(s);
                assert!(!key.is_empty() && !en.is_empty() && !zh.is_empty());
            }
        }
    }
}

#[test]
fn passages_are_quoted_verbatim_from_the_interpretation() {
    let text = include_str!("../../../../docs/guidelines-interpretation-2025.zh.txt");
    for p in PASSAGES {
        assert!(text.contains(p.zh), "not in the interpretation: {}", p.zh);
        assert!(!p.en.is_empty());
    }
}
