//! Step 3 of a service line (version 2): each tier with the thresholds the line's measures
//! met, the tier reached (the last that qualifies), its amount and the credit.

use rust_decimal::Decimal;
use serde::Serialize;

use poolcalc_engine::model::service::{Measures, Met, ServiceTier, service_amount};

/// One tier as the explanation shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceTierStep {
    /// Weighted users from which the tier applies.
    pub users: Option<u64>,
    /// Weighted subscribers from which it applies.
    pub subscribers: Option<u64>,
    /// Revenue from which it applies.
    pub revenue: Option<Decimal>,
    /// Its amount a year.
    pub amount: Decimal,
    /// Which of its thresholds the line's measures reached.
    pub met: Met,
    /// Whether it qualifies: no threshold, or one of them met.
    pub qualifies: bool,
}

/// A service line's step 3.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceStep {
    /// Weighted users and subscribers, and revenue, of the line's sales.
    pub measures: Measures,
    /// Every tier, in list order.
    pub tiers: Vec<ServiceTierStep>,
    /// The tier reached: the last that qualifies; `None` when none does.
    pub tier: Option<usize>,
    /// Its amount (0 when none).
    pub tier_amount: Decimal,
    /// The credit taken off it.
    pub credit: Option<Decimal>,
    /// max(0, tier amount − credit): the line's exact amount.
    pub amount: Decimal,
}

/// The step of a line with these tiers and credit whose sales add up to `measures`, having
/// reached `tier`.
pub(super) fn service_step(
    tiers: &[ServiceTier],
    credit: Option<Decimal>,
    measures: Measures,
    tier: Option<usize>,
) -> ServiceStep {
    ServiceStep {
        measures,
        tiers: tiers
            .iter()
            .map(|t| ServiceTierStep {
                users: t.users,
                subscribers: t.subscribers,
                revenue: t.revenue,
                amount: t.amount,
                met: t.met(&measures),
                qualifies: t.qualifies(&measures),
            })
            .collect(),
        tier,
        tier_amount: tier
            .and_then(|t| tiers.get(t))
            .map_or(Decimal::ZERO, |t| t.amount),
        credit,
        amount: service_amount(tiers, credit, tier),
    }
}
