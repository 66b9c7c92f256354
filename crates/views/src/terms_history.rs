//! The Overview's rate history (pool-dataset-v2 section 5): per product, region and rate,
//! its value across renewals with each rise and the pool's own limit, rises above the limit
//! marked; and every schedule with the licensees it applies to by signing date.

use rust_decimal::Decimal;
use serde::Serialize;

pub use poolcalc_engine::fees::history::RateField;
use poolcalc_engine::fees::history::terms_history;
use poolcalc_engine::model::applies_to::AppliesTo;
use poolcalc_engine::model::dataset::Dataset;
use poolcalc_engine::model::date::Date;

/// The history as the Overview shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermsHistoryView {
    /// The pool's limit on a rise from one schedule to the next, when it sets one.
    pub max_rate_rise: Option<Decimal>,
    /// One row per product, region and rate, in the order they first appear.
    pub rows: Vec<HistoryRow>,
    /// How many rises are above the limit.
    pub over: usize,
    /// Every schedule, in dataset order, with whom it applies to.
    pub schedules: Vec<ScheduleAdmission>,
}

/// One rate of one product in one region across renewals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryRow {
    /// Product id.
    pub product: String,
    /// Region id or `"*"`.
    pub region: String,
    /// Which rate of the line.
    pub field: RateField,
    /// Each renewal it was compared across.
    pub steps: Vec<HistoryStep>,
}

/// A rate across one renewal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryStep {
    /// The earlier schedule.
    pub from_schedule: String,
    /// The later schedule.
    pub to_schedule: String,
    /// The rate before.
    pub old: Decimal,
    /// The rate after.
    pub new: Decimal,
    /// The rise as shown (4 decimals); `None` where the rate before was 0.
    pub rise: Option<Decimal>,
    /// Above the pool's limit (compared exactly).
    pub over: bool,
}

/// Whom a schedule admits by signing date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Admits {
    /// Every licensee (no `applies_to`).
    Everyone,
    /// Licensees signed before the date.
    SignedBefore(Date),
    /// Licensees signed on or after the date.
    SignedFrom(Date),
    /// Licensees signed on or after the first date and before the second.
    SignedBetween(Date, Date),
    /// Every licensee with a signing date (an `applies_to` without dates).
    AnySigned,
}

impl Admits {
    /// Whom a schedule with this `applies_to` admits.
    #[must_use]
    pub fn of(applies_to: Option<AppliesTo>) -> Admits {
        match applies_to.map(|a| (a.signed_from, a.signed_before)) {
            None => Admits::Everyone,
            Some((None, None)) => Admits::AnySigned,
            Some((Some(f), None)) => Admits::SignedFrom(f),
            Some((None, Some(b))) => Admits::SignedBefore(b),
            Some((Some(f), Some(b))) => Admits::SignedBetween(f, b),
        }
    }
}

/// A schedule's years and whom it applies to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScheduleAdmission {
    /// Schedule id.
    pub id: String,
    /// First year.
    pub from_year: i32,
    /// Last year, open-ended when `None`.
    pub to_year: Option<i32>,
    /// Whom it admits.
    pub admits: Admits,
}

/// The rate history of `d`.
#[must_use]
pub fn terms_history_view(d: &Dataset) -> TermsHistoryView {
    let h = terms_history(d);
    let mut rows: Vec<HistoryRow> = Vec::new();
    for c in &h.changes {
        let step = HistoryStep {
            from_schedule: c.from_schedule.clone(),
            to_schedule: c.to_schedule.clone(),
            old: c.old,
            new: c.new,
            rise: c.rise_shown(),
            over: c.over,
        };
        match rows
            .iter_mut()
            .find(|r| r.product == c.product && r.region == c.region && r.field == c.field)
        {
            Some(r) => r.steps.push(step),
            None => rows.push(HistoryRow {
                product: c.product.clone(),
                region: c.region.clone(),
                field: c.field,
                steps: vec![step],
            }),
        }
    }
    let schedules = d
        .rate_schedules
        .iter()
        .map(|s| ScheduleAdmission {
            id: s.id.clone(),
            from_year: s.from_year,
            to_year: s.to_year,
            admits: Admits::of(s.applies_to),
        })
        .collect();
    TermsHistoryView {
        max_rate_rise: h.max_rate_rise,
        rows,
        over: h.over,
        schedules,
    }
}
