//! Step 2 of the explanation: where each sale went — its line, whether a pool patent
//! counts where it was sold (and made), the country its amount counts to, its units paid
//! upstream, and a service sale's measures weighted by its region.

use rust_decimal::Decimal;
use serde::Serialize;

use poolcalc_engine::fees::ExemptReason;
use poolcalc_engine::model::dataset::{RateSchedule, Sale};
use poolcalc_engine::model::in_force::InForceRule;
use poolcalc_engine::model::service::Measures;
use poolcalc_engine::pool::Pool;

/// Where one sale went (step 2).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SaleRoute {
    /// Product id.
    pub product: String,
    /// Country of sale.
    pub country: String,
    /// Units (0 for a service sale).
    pub units: u64,
    /// The country's region, if any.
    pub region: Option<String>,
    /// The region of the line it resolved to (`"*"` for the catch-all line); `None` for a
    /// sale all paid upstream, which resolves to no line.
    pub line_region: Option<String>,
    /// Royalty-free as a whole: no pool patent counts where it was sold (nor, under
    /// `made_or_sold`, where it was made).
    pub exempt: bool,
    /// Why units of it are royalty-free: the whole sale not in force, or some units paid
    /// upstream; `None` when it is all charged.
    pub exempt_reason: Option<ExemptReason>,
    /// Country of manufacture, when given (version 2).
    pub made_in: Option<String>,
    /// What the in-force check found, when the schedule makes one.
    pub coverage: Option<Coverage>,
    /// The country its amount counts to (the country of sale, or under `made_or_sold`
    /// where it was made); `None` when it is exempt whole.
    pub attributed_to: Option<String>,
    /// Units a supplier paid for: exempt, counted toward no tier.
    pub upstream_paid_units: u64,
    /// Units charged on the line.
    pub charged_units: u64,
    /// A service sale's measures and how its region weighs its users (version 2).
    pub service: Option<ServiceRoute>,
}

/// The in-force check of one sale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// The schedule's rule.
    pub rule: InForceRule,
    /// Whether a pool patent counts in the country of sale that year.
    pub sold_covered: bool,
    /// Whether one counts in the country of manufacture; `None` when the rule does not look
    /// there (`sale`) or the sale names none.
    pub made_covered: Option<bool>,
}

/// A service sale's measures as given and as they count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceRoute {
    /// Users as given.
    pub users: Option<u64>,
    /// Subscribers as given.
    pub subscribers: Option<u64>,
    /// Revenue as given.
    pub revenue: Option<Decimal>,
    /// The `user_weight` of the country's region (1 in no region or without one).
    pub user_weight: Decimal,
    /// Users and subscribers × the weight, and revenue: what the sale adds to its line.
    pub weighted: Measures,
}

/// The route of `sale`, sold in `year`, under `schedule` (at `s_pos`).
pub(super) fn route(
    pool: &Pool,
    s_pos: usize,
    schedule: &RateSchedule,
    year: i32,
    sale: &Sale,
) -> SaleRoute {
    let terms = pool.terms();
    let covered = |c: &str| pool.index().country_days(year, c) > 0;
    let rule = schedule.requires_patent_in_force;
    let coverage = rule.is_required().then(|| Coverage {
        rule,
        sold_covered: covered(&sale.country),
        made_covered: (rule == InForceRule::MadeOrSold)
            .then(|| sale.made_in().map(covered))
            .flatten(),
    });
    let attributed_to = match coverage {
        None => Some(sale.country.clone()),
        Some(c) if c.sold_covered => Some(sale.country.clone()),
        Some(c) if c.made_covered == Some(true) => sale.made_in().map(str::to_owned),
        Some(_) => None,
    };
    let exempt = attributed_to.is_none();
    let upstream = if exempt {
        0
    } else {
        sale.upstream_paid_units().unwrap_or(0).min(sale.units)
    };
    let all_upstream = upstream > 0 && upstream == sale.units;
    let line = (!all_upstream)
        .then(|| terms.resolve_line(s_pos, &sale.product, &sale.country))
        .flatten();
    let exempt_reason = if exempt {
        Some(ExemptReason::NotInForce)
    } else {
        (upstream > 0).then_some(ExemptReason::PaidUpstream)
    };
    let service = sale.service().map(|s| {
        let user_weight = terms.user_weight_of(&sale.country);
        ServiceRoute {
            users: s.users,
            subscribers: s.subscribers,
            revenue: s.revenue,
            user_weight,
            weighted: s.weighted(user_weight).unwrap_or_default(),
        }
    });
    SaleRoute {
        product: sale.product.clone(),
        country: sale.country.clone(),
        units: sale.units,
        region: terms.region_of(&sale.country).map(str::to_owned),
        line_region: line
            .and_then(|l| schedule.lines.get(l))
            .map(|l| l.region.clone()),
        exempt,
        exempt_reason,
        made_in: sale.made_in().map(str::to_owned),
        coverage,
        attributed_to,
        upstream_paid_units: upstream,
        charged_units: if exempt { 0 } else { sale.units - upstream },
        service,
    }
}
