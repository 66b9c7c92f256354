//! Version 2 signing-date schedules (pool-dataset-v2 section 4): which licensees a schedule
//! admits, so existing licensees keep their old terms.

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::date::Date;

/// The signing dates a schedule admits: on or after `signed_from` and before
/// `signed_before`, each when given. A licensee without a signing date is not admitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, JsonSchema)]
pub struct AppliesTo {
    /// Admits licensees signed before this date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_before: Option<Date>,
    /// Admits licensees signed on or after this date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_from: Option<Date>,
}

impl AppliesTo {
    /// Whether a licensee signed on `signed` is admitted.
    #[must_use]
    pub fn admits_date(&self, signed: Date) -> bool {
        self.signed_before.is_none_or(|b| signed < b)
            && self.signed_from.is_none_or(|f| f <= signed)
    }

    /// Whether some signing date is admitted by both.
    #[must_use]
    pub fn meets(&self, other: &AppliesTo) -> bool {
        let from = self.signed_from.max(other.signed_from);
        let before = match (self.signed_before, other.signed_before) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        // `from` None is the earliest date there is; `before` None the latest.
        match (from, before) {
            (Some(f), Some(b)) => f < b,
            _ => true,
        }
    }

    /// The first signing date admitted by both, for a message (`None`: no bound from below).
    #[must_use]
    pub fn first_shared(&self, other: &AppliesTo) -> Option<Date> {
        self.signed_from.max(other.signed_from)
    }
}

/// Whether a schedule with `applies_to` admits a licensee signed on `signed` (pool-dataset-v2
/// 4): without `applies_to` every licensee, with it only a licensee whose date it admits.
#[must_use]
pub fn admits(applies_to: Option<&AppliesTo>, signed: Option<Date>) -> bool {
    match (applies_to, signed) {
        (None, _) => true,
        (Some(a), Some(d)) => a.admits_date(d),
        (Some(_), None) => false,
    }
}

/// Whether two schedules admit some licensee in common: a signing date both admit, or a
/// licensee without one (which only schedules without `applies_to` admit).
#[must_use]
pub fn admit_in_common(a: Option<&AppliesTo>, b: Option<&AppliesTo>) -> bool {
    match (a, b) {
        (None, _) | (_, None) => true,
        (Some(a), Some(b)) => a.meets(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap_or(Date::year_start(1900))
    }

    #[test]
    fn before_is_strict_and_from_is_inclusive() {
        let old = AppliesTo {
            signed_before: Some(d("2026-01-01")),
            signed_from: None,
        };
        let new = AppliesTo {
            signed_before: None,
            signed_from: Some(d("2026-01-01")),
        };
        assert!(admits(Some(&old), Some(d("2025-12-31"))));
        assert!(!admits(Some(&old), Some(d("2026-01-01"))));
        assert!(admits(Some(&new), Some(d("2026-01-01"))));
        assert!(!admits(Some(&new), None));
        assert!(admits(None, None));
        assert!(!admit_in_common(Some(&old), Some(&new)));
        assert!(admit_in_common(None, Some(&new)));
        let window = AppliesTo {
            signed_before: Some(d("2026-06-01")),
            signed_from: Some(d("2025-06-01")),
        };
        assert!(admit_in_common(Some(&old), Some(&window)));
        assert_eq!(old.first_shared(&window), Some(d("2025-06-01")));
    }
}
