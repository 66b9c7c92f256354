//! One year's fee computation laid out step by step in the order of spec section 4 (line
//! resolution with the version 2 coverage, attribution and upstream-paid units in `route`,
//! tier bands and service tiers in `service`, discount, group caps, enterprise cap,
//! rounding), with the intermediate amounts the explain view prints. Every number comes
//! from the `FeeYear` the fee rules produced and the schedule's own terms, read with the
//! pool's own lookups; nothing is recomputed differently.

use rust_decimal::Decimal;
use serde::Serialize;

use poolcalc_engine::fees::{FeeYear, LineFee};
use poolcalc_engine::model::applies_to::AppliesTo;
use poolcalc_engine::model::dataset::{Rate, Sale};
use poolcalc_engine::model::in_force::InForceRule;
use poolcalc_engine::pool::Pool;

mod route;
mod service;

pub use route::{Coverage, SaleRoute, ServiceRoute};
pub use service::{ServiceStep, ServiceTierStep};

/// How a line is charged, for the sentence that explains it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum LineRate {
    /// Units × this amount.
    PerUnit(Decimal),
    /// Bands (see the line's `bands`); true when all units pay the band the total falls in.
    Tiers {
        /// All-units mode.
        all_units: bool,
    },
    /// A fraction of each sale's price, clamped per unit.
    PercentOfPrice {
        /// Fraction of price.
        percent: Decimal,
        /// Lowest per unit.
        min: Option<Decimal>,
        /// Highest per unit.
        max: Option<Decimal>,
    },
    /// A service line (version 2): which measure reached which tier, and the credit.
    Service(ServiceStep),
}

/// A group cap checked in step 5.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupCapStep {
    /// Cap id.
    pub id: String,
    /// Products it covers.
    pub products: Vec<String>,
    /// The cap.
    pub amount: Decimal,
    /// Σ of its products' lines after the discount.
    pub sum: Decimal,
    /// Whether it bit (sum above the cap).
    pub applied: bool,
}

/// One year's computation, step by step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeeSteps {
    /// The year.
    pub year: i32,
    /// Step 1: the schedule.
    pub schedule: String,
    /// Its first year.
    pub from_year: i32,
    /// Its last year, open-ended when `None`.
    pub to_year: Option<i32>,
    /// Whether royalty is due only where a pool patent counts.
    pub requires_patent_in_force: bool,
    /// Where it must count: the country of sale, or of sale or manufacture (version 2).
    pub in_force_rule: InForceRule,
    /// The licensees the schedule admits by signing date (version 2).
    pub applies_to: Option<AppliesTo>,
    /// Step 2: each sale's line.
    pub routes: Vec<SaleRoute>,
    /// Step 3: per line, its rate, bands and amounts.
    pub lines: Vec<(LineFee, LineRate)>,
    /// Step 4: Σ lines.
    pub gross: Decimal,
    /// The discount's id and fraction, if one applied.
    pub discount: Option<(String, Decimal)>,
    /// gross × fraction.
    pub discount_amount: Decimal,
    /// gross − discount.
    pub after_discount: Decimal,
    /// Step 5.
    pub group_caps: Vec<GroupCapStep>,
    /// Σ lines after the group caps.
    pub after_group_caps: Decimal,
    /// Step 6: the enterprise cap, if the schedule has one.
    pub annual_cap: Option<Decimal>,
    /// Whether it bit.
    pub annual_cap_applied: bool,
    /// The amount before rounding (after both caps).
    pub before_rounding: Decimal,
    /// Rounded: what is due.
    pub payable: Decimal,
    /// Decimals of the currency.
    pub decimals: u32,
}

/// Lays out the computation of `fy` (computed for `sales` of its year).
#[must_use]
pub fn fee_steps(pool: &Pool, fy: &FeeYear, sales: &[Sale]) -> Option<FeeSteps> {
    let (s_pos, schedule) = pool
        .dataset()
        .rate_schedules
        .iter()
        .enumerate()
        .find(|(_, s)| s.id == fy.schedule)?;
    let routes = sales
        .iter()
        .map(|s| route::route(pool, s_pos, schedule, fy.year, s))
        .collect();
    let lines = fy
        .lines
        .iter()
        .map(|l| {
            let rate = schedule
                .lines
                .iter()
                .find(|r| r.product == l.product && r.region == l.region)
                .map_or(LineRate::PerUnit(Decimal::ZERO), |r| match &r.rate {
                    Rate::PerUnit { per_unit } => LineRate::PerUnit(*per_unit),
                    Rate::Tiers { tier_mode, .. } => LineRate::Tiers {
                        all_units: matches!(
                            tier_mode,
                            poolcalc_engine::model::dataset::TierMode::AllUnits
                        ),
                    },
                    Rate::PercentOfPrice {
                        percent_of_price,
                        min_per_unit,
                        max_per_unit,
                    } => LineRate::PercentOfPrice {
                        percent: *percent_of_price,
                        min: *min_per_unit,
                        max: *max_per_unit,
                    },
                    Rate::ServiceTiers {
                        service_tiers,
                        credit,
                    } => {
                        let (measures, tier) = l
                            .service
                            .as_ref()
                            .map_or((Default::default(), None), |s| (s.measures, s.tier));
                        LineRate::Service(service::service_step(
                            service_tiers,
                            *credit,
                            measures,
                            tier,
                        ))
                    }
                });
            (l.clone(), rate)
        })
        .collect();
    let after_discount: Decimal = fy.lines.iter().map(|l| l.discounted).sum();
    let group_caps = schedule
        .group_caps
        .iter()
        .map(|c| {
            let sum = fy
                .lines
                .iter()
                .filter(|l| c.products.contains(&l.product))
                .map(|l| l.discounted)
                .sum();
            GroupCapStep {
                id: c.id.clone(),
                products: c.products.clone(),
                amount: c.amount,
                sum,
                applied: fy.group_caps_applied.contains(&c.id),
            }
        })
        .collect();
    let before_rounding = match schedule.annual_cap {
        Some(c) if fy.annual_cap_applied => c,
        _ => fy.after_group_caps,
    };
    Some(FeeSteps {
        year: fy.year,
        schedule: schedule.id.clone(),
        from_year: schedule.from_year,
        to_year: schedule.to_year,
        requires_patent_in_force: schedule.requires_patent_in_force.is_required(),
        in_force_rule: schedule.requires_patent_in_force,
        applies_to: schedule.applies_to,
        routes,
        lines,
        gross: fy.gross,
        discount: fy
            .discount_applied
            .as_ref()
            .map(|d| (d.id.clone(), d.percent)),
        discount_amount: fy.discount,
        after_discount,
        group_caps,
        after_group_caps: fy.after_group_caps,
        annual_cap: schedule.annual_cap,
        annual_cap_applied: fy.annual_cap_applied,
        before_rounding,
        payable: fy.payable,
        decimals: pool.decimals(),
    })
}
