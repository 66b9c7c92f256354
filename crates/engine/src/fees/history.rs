//! Rate history and renewal rises (pool-dataset-v2 section 5): every rate a schedule shares
//! with its predecessor, how much it rose, and whether the rise passes the pool's own
//! `max_rate_rise`. A rise above it is reported, not refused: the pool's terms may break the
//! pool's own promise, and that is what a reader wants to see.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::model::applies_to::admit_in_common;
use crate::model::dataset::{Dataset, Rate, RateSchedule};

/// Which rate of a line a change is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum RateField {
    /// `per_unit`.
    PerUnit,
    /// A tier's `per_unit`, the tier named by its `up_to` (`None`: the open band).
    Tier(Option<u64>),
    /// `percent_of_price`.
    PercentOfPrice,
    /// `min_per_unit`.
    MinPerUnit,
    /// `max_per_unit`.
    MaxPerUnit,
    /// A service tier's `amount`, by position.
    ServiceTier(usize),
}

/// The field as `terms-history --json` names it: `per_unit`, `tiers[up_to=N].per_unit`
/// (`N` null for the open band), `percent_of_price`, `min_per_unit`, `max_per_unit`,
/// `service_tiers[i].amount`.
impl std::fmt::Display for RateField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RateField::PerUnit => f.write_str("per_unit"),
            RateField::Tier(Some(u)) => write!(f, "tiers[up_to={u}].per_unit"),
            RateField::Tier(None) => f.write_str("tiers[up_to=null].per_unit"),
            RateField::PercentOfPrice => f.write_str("percent_of_price"),
            RateField::MinPerUnit => f.write_str("min_per_unit"),
            RateField::MaxPerUnit => f.write_str("max_per_unit"),
            RateField::ServiceTier(i) => write!(f, "service_tiers[{i}].amount"),
        }
    }
}

/// One rate compared across a renewal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RateChange {
    /// Product id.
    pub product: String,
    /// Region id or `"*"`.
    pub region: String,
    /// The earlier schedule's id.
    pub from_schedule: String,
    /// The later schedule's id.
    pub to_schedule: String,
    /// Which rate.
    pub field: RateField,
    /// The earlier rate.
    pub old: Decimal,
    /// The later rate.
    pub new: Decimal,
    /// (new − old) / old, to 28 significant digits; `None` where the old rate is 0.
    pub rise: Option<Decimal>,
    /// Whether the rise is above the pool's `max_rate_rise` (compared exactly).
    pub over: bool,
}

impl RateChange {
    /// The rise as shown and printed: rounded half away from zero to 4 decimals.
    #[must_use]
    pub fn rise_shown(&self) -> Option<Decimal> {
        self.rise.map(|r| {
            let mut r = r.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
            r.rescale(4);
            r
        })
    }
}

/// Every rate shared across each renewal of a pool's schedules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermsHistory {
    /// The pool's promise, when it makes one.
    pub max_rate_rise: Option<Decimal>,
    /// Per schedule (in dataset order), per predecessor, per line of the later schedule
    /// (its order), each rate both give.
    pub changes: Vec<RateChange>,
    /// How many changes are above `max_rate_rise`.
    pub over: usize,
}

/// The predecessors of schedule `b` (positions): the schedules that end the year before it
/// begins and admit a licensee it admits (a signing date, or a licensee without one).
#[must_use]
pub fn predecessors(d: &Dataset, b: usize) -> Vec<usize> {
    let Some(later) = d.rate_schedules.get(b) else {
        return Vec::new();
    };
    d.rate_schedules
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            a.to_year
                .is_some_and(|t| t.checked_add(1) == Some(later.from_year))
                && admit_in_common(a.applies_to.as_ref(), later.applies_to.as_ref())
        })
        .map(|(i, _)| i)
        .collect()
}

/// The rate history of a dataset.
#[must_use]
pub fn terms_history(d: &Dataset) -> TermsHistory {
    let max = d.pool.max_rate_rise;
    let mut changes = Vec::new();
    for (b, later) in d.rate_schedules.iter().enumerate() {
        for a in predecessors(d, b) {
            compare(&d.rate_schedules[a], later, max, &mut changes);
        }
    }
    let over = changes.iter().filter(|c| c.over).count();
    TermsHistory {
        max_rate_rise: max,
        changes,
        over,
    }
}

/// The rates `a` and `b` give for the same product and region, in `b`'s line order.
fn compare(a: &RateSchedule, b: &RateSchedule, max: Option<Decimal>, out: &mut Vec<RateChange>) {
    for line in &b.lines {
        let Some(old) = a
            .lines
            .iter()
            .find(|l| l.product == line.product && l.region == line.region)
        else {
            continue;
        };
        for (field, old, new) in shared_rates(&old.rate, &line.rate) {
            // Rates are at most MAX_AMOUNT, so only a rate of far more decimals than any
            // pool writes could make the quotient pass a Decimal; it is left out then.
            let rise = (old > Decimal::ZERO)
                .then(|| (new - old).checked_div(old))
                .flatten();
            // (new − old) / old > max exactly, without the division's rounding.
            let over = old > Decimal::ZERO
                && max.is_some_and(|m| m.checked_mul(old).is_some_and(|limit| new - old > limit));
            out.push(RateChange {
                product: line.product.clone(),
                region: line.region.clone(),
                from_schedule: a.id.clone(),
                to_schedule: b.id.clone(),
                field,
                old,
                new,
                rise,
                over,
            });
        }
    }
}

/// The rates two lines both give: per-unit rates, tiers of equal `up_to`, the percentage
/// and its bounds, service tiers by position. Lines of different kinds share none.
fn shared_rates(old: &Rate, new: &Rate) -> Vec<(RateField, Decimal, Decimal)> {
    match (old, new) {
        (Rate::PerUnit { per_unit: o }, Rate::PerUnit { per_unit: n }) => {
            vec![(RateField::PerUnit, *o, *n)]
        }
        (Rate::Tiers { tiers: o, .. }, Rate::Tiers { tiers: n, .. }) => n
            .iter()
            .filter_map(|t| {
                let before = o.iter().find(|b| b.up_to == t.up_to)?;
                Some((RateField::Tier(t.up_to), before.per_unit, t.per_unit))
            })
            .collect(),
        (
            Rate::PercentOfPrice {
                percent_of_price: op,
                min_per_unit: omin,
                max_per_unit: omax,
            },
            Rate::PercentOfPrice {
                percent_of_price: np,
                min_per_unit: nmin,
                max_per_unit: nmax,
            },
        ) => {
            let mut out = vec![(RateField::PercentOfPrice, *op, *np)];
            for (field, o, n) in [
                (RateField::MinPerUnit, omin, nmin),
                (RateField::MaxPerUnit, omax, nmax),
            ] {
                if let (Some(o), Some(n)) = (o, n) {
                    out.push((field, *o, *n));
                }
            }
            out
        }
        (
            Rate::ServiceTiers {
                service_tiers: o, ..
            },
            Rate::ServiceTiers {
                service_tiers: n, ..
            },
        ) => o
            .iter()
            .zip(n)
            .enumerate()
            .map(|(i, (o, n))| (RateField::ServiceTier(i), o.amount, n.amount))
            .collect(),
        _ => Vec::new(),
    }
}
