//! The guidelines report card: the pool in use measured against the four principles and four
//! mechanisms of the 2025 *Patent Pool Construction and Operation Guidelines*, one section each,
//! every indicator with its value, what it means, its formula and the passage it speaks to.
//!
//! A page model built on the other page models (balance, policy, distribute, holder,
//! membership_change, explorer): numbers in, rows out. Statuses describe ("above the reference
//! line"); they never judge.

mod catalogue;
mod disclosure;
mod distribution;
mod export;
mod fairness;
mod interest;
mod management;
mod openness;
mod passages;
mod stack;
mod status;
mod subject;

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::shares_view::{income_years, licensee_incomes};
use poolcalc_engine::fees::Income;
use poolcalc_engine::model::money::round;
use poolcalc_engine::pool::Pool;

pub use catalogue::{About, IndicatorId, about};
pub use export::{REPORT_HEADER, report_csv, report_json};
pub use passages::{PASSAGES, Passage, PassageId};
pub use stack::OpenStack;
pub use status::{Status, status_label};
pub use subject::{Subject, Value};

/// Decimals of every fraction in a report (a share of income: 0.123457 is 12.3457 %).
pub const FRACTION_DECIMALS: u32 = 6;
/// Decimals of a Herfindahl–Hirschman index, in points of 0 – 10,000.
pub const POINTS_DECIMALS: u32 = 2;
/// How many years ahead "as patents expire" looks, the report's year included.
pub const AHEAD_YEARS: i32 = 10;

/// What a report is asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// The year measured; `None` takes [`default_year`].
    pub year: Option<i32>,
    /// The reference line for royalty as a share of unit profit (a heuristic, never a limit).
    pub reference: Decimal,
    /// The name of the scenario applied to the dataset, if any (shown, not used).
    pub scenario: Option<String>,
    /// A royalty stack open beside the report: its aggregate joins the interest balance.
    pub stack: Option<OpenStack>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            year: None,
            reference: crate::balance::DEFAULT_REFERENCE,
            scenario: None,
            stack: None,
        }
    }
}

/// The seven parts of the report: four principles, the mechanisms that carry numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionId {
    /// 利益平衡 (with the rate-setting of 对外许可).
    InterestBalance,
    /// 收益分配.
    RevenueDistribution,
    /// 开放性.
    Openness,
    /// 无歧视.
    NonDiscrimination,
    /// 服务管理 and the management fee.
    Management,
    /// 信息披露.
    Disclosure,
    /// 市场化.
    Sustainability,
}

impl SectionId {
    /// Every section in report order.
    pub const ALL: [SectionId; 7] = [
        SectionId::InterestBalance,
        SectionId::RevenueDistribution,
        SectionId::Openness,
        SectionId::NonDiscrimination,
        SectionId::Management,
        SectionId::Disclosure,
        SectionId::Sustainability,
    ];

    /// A stable name (for test ids, translation keys and exports).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            SectionId::InterestBalance => "interest_balance",
            SectionId::RevenueDistribution => "revenue_distribution",
            SectionId::Openness => "openness",
            SectionId::NonDiscrimination => "non_discrimination",
            SectionId::Management => "management",
            SectionId::Disclosure => "disclosure",
            SectionId::Sustainability => "sustainability",
        }
    }
}

/// One row of an indicator: its subject, value, and a second figure where the indicator
/// sets two side by side (a share of income against a share of patents).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// What the row is about.
    pub subject: Subject,
    /// The value.
    pub value: Value,
    /// The figure it is set against (see the indicator's `detail` wording).
    pub detail: Option<Value>,
    /// A neutral description of where the value stands.
    pub status: Option<Status>,
}

impl Row {
    fn new(subject: Subject, value: Value) -> Row {
        Row {
            subject,
            value,
            detail: None,
            status: None,
        }
    }

    fn status(mut self, s: Status) -> Row {
        self.status = Some(s);
        self
    }

    fn detail(mut self, v: Value) -> Row {
        self.detail = Some(v);
        self
    }
}

/// One indicator with its rows (one for the pool, or one per product, member, year, …).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    /// Which indicator.
    pub id: IndicatorId,
    /// Its rows.
    pub rows: Vec<Row>,
}

/// One section of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// Which section.
    pub id: SectionId,
    /// Its indicators in order.
    pub indicators: Vec<Indicator>,
}

/// The report card of one pool (a dataset, or a dataset with a scenario applied) in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportCard {
    /// The pool's id.
    pub pool: String,
    /// The scenario applied, if any.
    pub scenario: Option<String>,
    /// Currency of every amount.
    pub currency: String,
    /// Its decimals.
    pub decimals: u32,
    /// The year measured.
    pub year: i32,
    /// The projection's years (those with licensee sales, else with patents in force).
    pub years: Option<(i32, i32)>,
    /// The reference line for royalty as a share of unit profit.
    pub reference: Decimal,
    /// The seven sections in order.
    pub sections: Vec<Section>,
}

/// The year a report measures when none is asked: the dataset's `as_of` year within the
/// projection's years, else their first year, else the current-looking `as_of` year.
#[must_use]
pub fn default_year(pool: &Pool) -> i32 {
    let as_of = pool
        .dataset()
        .pool
        .as_of
        .map(poolcalc_engine::model::date::Date::year);
    match (income_years(pool), as_of) {
        (Some((a, b)), Some(y)) => y.clamp(a, b),
        (Some((a, _)), None) => a,
        (None, Some(y)) => y,
        (None, None) => 2026,
    }
}

/// What every section reads: the pool, the year, and the licensees' income by year.
pub(crate) struct Basis<'a> {
    pub pool: &'a Pool,
    pub year: i32,
    pub years: Option<(i32, i32)>,
    pub reference: Decimal,
    pub incomes: BTreeMap<i32, Income>,
}

impl Basis<'_> {
    fn decimals(&self) -> u32 {
        self.pool.decimals()
    }

    /// The projection's years, always including the report's year.
    pub fn projection(&self) -> std::ops::RangeInclusive<i32> {
        let (a, b) = self.years.unwrap_or((self.year, self.year));
        a.min(self.year)..=b.max(self.year)
    }

    pub fn money(&self, d: Decimal) -> Value {
        money_at(d, self.decimals())
    }

    pub fn income(&self, year: i32) -> Income {
        self.incomes
            .get(&year)
            .cloned()
            .unwrap_or_else(|| poolcalc_engine::fees::pool_income(self.pool, year))
    }
}

/// Money at `decimals`, as the report states it.
pub(crate) fn money_at(d: Decimal, decimals: u32) -> Value {
    let mut r = round(d, decimals);
    r.rescale(decimals);
    Value::Money(r)
}

/// A fraction as the report states it.
pub(crate) fn fraction(d: Decimal) -> Value {
    Value::Fraction(round(d, FRACTION_DECIMALS).normalize())
}

/// `a / b`, none when `b` is zero.
pub(crate) fn ratio(a: Decimal, b: Decimal) -> Option<Decimal> {
    (!b.is_zero()).then(|| a / b)
}

pub(crate) fn indicator(id: IndicatorId, rows: Vec<Row>) -> Indicator {
    Indicator { id, rows }
}

/// The report card of `pool`.
#[must_use]
pub fn report_card(pool: &Pool, options: &Options) -> ReportCard {
    let year = options.year.unwrap_or_else(|| default_year(pool));
    let years = income_years(pool);
    let mut basis = Basis {
        pool,
        year,
        years,
        reference: options.reference,
        incomes: BTreeMap::new(),
    };
    basis.incomes = licensee_incomes(pool, basis.projection());
    let sections = SectionId::ALL
        .iter()
        .map(|&id| Section {
            id,
            indicators: match id {
                SectionId::InterestBalance => {
                    let mut out = interest::section(&basis);
                    if let Some(open) = &options.stack {
                        out.extend(stack::section(&basis, open));
                    }
                    out
                }
                SectionId::RevenueDistribution => distribution::section(&basis),
                SectionId::Openness => openness::section(&basis),
                SectionId::NonDiscrimination => fairness::section(&basis),
                SectionId::Management => management::section(&basis),
                SectionId::Disclosure => disclosure::section(&basis),
                SectionId::Sustainability => management::sustainability(&basis),
            },
        })
        .collect();
    ReportCard {
        pool: pool.dataset().pool.id.clone(),
        scenario: options.scenario.clone(),
        currency: pool.dataset().pool.currency.clone(),
        decimals: pool.decimals(),
        year,
        years,
        reference: options.reference,
        sections,
    }
}

impl ReportCard {
    /// The indicator `id`, wherever it is.
    #[must_use]
    pub fn indicator(&self, id: IndicatorId) -> Option<&Indicator> {
        self.sections
            .iter()
            .flat_map(|s| &s.indicators)
            .find(|i| i.id == id)
    }
}
