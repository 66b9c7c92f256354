//! Version 2 service lines (streaming and other services, pool-dataset-v2 section 3): what a
//! service product is charged by (users, subscribers, revenue) and the tiers of its line.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

/// What kind of product a licence covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProductKind {
    /// Charged per unit (every version 1 product).
    #[default]
    Device,
    /// Charged by users, subscribers or revenue through `service_tiers` (version 2).
    Service,
}

impl ProductKind {
    /// Both kinds with their JSON names.
    pub const ALL: [(ProductKind, &'static str); 2] = [
        (ProductKind::Device, "device"),
        (ProductKind::Service, "service"),
    ];

    /// Whether this is the default, left out when a product is written.
    #[must_use]
    pub fn is_device(&self) -> bool {
        *self == ProductKind::Device
    }
}

/// One tier of a service line: its thresholds (any one met qualifies it; none given always
/// qualifies) and the amount a year it costs.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ServiceTier {
    /// Weighted users from which the tier applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub users: Option<u64>,
    /// Weighted subscribers from which the tier applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscribers: Option<u64>,
    /// Revenue from which the tier applies.
    #[schemars(with = "Option<crate::model::money::DecimalString>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revenue: Option<Decimal>,
    /// Money a year.
    #[schemars(with = "crate::model::money::DecimalString")]
    pub amount: Decimal,
}

impl ServiceTier {
    /// Whether the tier applies to a line whose weighted users, subscribers and revenue are
    /// `measures`: it gives no threshold, or at least one given threshold is met.
    #[must_use]
    pub fn qualifies(&self, measures: &Measures) -> bool {
        let met = self.met(measures);
        (self.users.is_none() && self.subscribers.is_none() && self.revenue.is_none())
            || met.users
            || met.subscribers
            || met.revenue
    }

    /// Which of the tier's given thresholds `measures` reach.
    #[must_use]
    pub fn met(&self, m: &Measures) -> Met {
        Met {
            users: self.users.is_some_and(|t| m.users >= Decimal::from(t)),
            subscribers: self
                .subscribers
                .is_some_and(|t| m.subscribers >= Decimal::from(t)),
            revenue: self.revenue.is_some_and(|t| m.revenue >= t),
        }
    }
}

/// Which thresholds of a tier were reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Met {
    /// Weighted users ≥ the tier's `users`.
    pub users: bool,
    /// Weighted subscribers ≥ the tier's `subscribers`.
    pub subscribers: bool,
    /// Revenue ≥ the tier's `revenue`.
    pub revenue: bool,
}

/// A service line's measures over its sales: users and subscribers weighted by their
/// region's `user_weight`, revenue as given. Exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Measures {
    /// Σ users × user_weight.
    pub users: Decimal,
    /// Σ subscribers × user_weight.
    pub subscribers: Decimal,
    /// Σ revenue.
    pub revenue: Decimal,
}

impl Measures {
    /// The sum, or `None` when it passes what a Decimal holds.
    #[must_use]
    pub fn checked_add(&self, other: &Measures) -> Option<Measures> {
        Some(Measures {
            users: self.users.checked_add(other.users)?,
            subscribers: self.subscribers.checked_add(other.subscribers)?,
            revenue: self.revenue.checked_add(other.revenue)?,
        })
    }
}

/// The tier a service line reaches: the last in list order that qualifies (`None` when no
/// tier does).
#[must_use]
pub fn reached_tier(tiers: &[ServiceTier], measures: &Measures) -> Option<usize> {
    tiers.iter().rposition(|t| t.qualifies(measures))
}

/// A service line's exact amount (pool-dataset-v2 3): max(0, tier amount − credit), 0 when no
/// tier qualifies.
#[must_use]
pub fn service_amount(
    tiers: &[ServiceTier],
    credit: Option<Decimal>,
    tier: Option<usize>,
) -> Decimal {
    let amount = tier
        .and_then(|t| tiers.get(t))
        .map_or(Decimal::ZERO, |t| t.amount);
    // Both are at most MAX_AMOUNT and not negative, so the difference fits.
    (amount - credit.unwrap_or(Decimal::ZERO)).max(Decimal::ZERO)
}

/// What one service sale reports (pool-dataset-v2 3), each optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ServiceUse {
    /// Users (for example monthly active users), before region weighting.
    #[schemars(range(max = 1_000_000_000_000u64))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub users: Option<u64>,
    /// Subscribers, before region weighting.
    #[schemars(range(max = 1_000_000_000_000u64))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscribers: Option<u64>,
    /// Revenue.
    #[schemars(with = "Option<crate::model::money::DecimalString>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revenue: Option<Decimal>,
}

impl ServiceUse {
    /// The sale's measures with users and subscribers weighted by `weight`, or `None` when
    /// they pass what a Decimal holds.
    #[must_use]
    pub fn weighted(&self, weight: Decimal) -> Option<Measures> {
        let w = |n: Option<u64>| Decimal::from(n.unwrap_or(0)).checked_mul(weight);
        Some(Measures {
            users: w(self.users)?,
            subscribers: w(self.subscribers)?,
            revenue: self.revenue.unwrap_or(Decimal::ZERO),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tier(users: Option<u64>, subscribers: Option<u64>, amount: i64) -> ServiceTier {
        ServiceTier {
            users,
            subscribers,
            revenue: None,
            amount: Decimal::from(amount),
        }
    }

    fn measures(users: i64, subscribers: i64) -> Measures {
        Measures {
            users: Decimal::from(users),
            subscribers: Decimal::from(subscribers),
            revenue: Decimal::ZERO,
        }
    }

    #[test]
    fn the_last_qualifying_tier_counts_and_one_threshold_is_enough() {
        let tiers = [
            tier(None, None, 0),
            tier(Some(100_000), None, 25_000),
            tier(Some(1_000_000), Some(200_000), 90_000),
        ];
        assert_eq!(reached_tier(&tiers, &measures(99_999, 0)), Some(0));
        assert_eq!(reached_tier(&tiers, &measures(100_000, 0)), Some(1));
        // Subscribers alone reach the top tier.
        assert_eq!(reached_tier(&tiers, &measures(0, 200_000)), Some(2));
        assert_eq!(reached_tier(&tiers[1..], &measures(5, 5)), None);
        let credit = Some(Decimal::from(5_000));
        assert_eq!(
            service_amount(&tiers, credit, Some(1)),
            Decimal::from(20_000)
        );
        // A credit above the tier leaves nothing, never a negative amount.
        assert_eq!(service_amount(&tiers, credit, Some(0)), Decimal::ZERO);
        assert_eq!(service_amount(&tiers, None, None), Decimal::ZERO);
    }
}
