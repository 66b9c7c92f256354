//! Scenarios: a named, versioned list of changes to a pool's terms, market or membership
//! (docs/scenario-format.md), applied to a dataset to give a new, validated dataset.

mod apply;
mod read;
pub mod share_link;

pub use apply::apply_scenario;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::io::json::{FromJson, Obj, Reader, Value, parse_json};
use crate::io::read::header;
use crate::model::dataset::{ManagementFee, Member, Method, Patent, Rate, Uncovered};
use crate::model::date::Date;
use crate::model::issue::{Issue, Issues, Path};

/// The `format` value of a scenario file.
pub const SCENARIO_FORMAT: &str = "poolcalc-scenario";

/// A named set of changes to the dataset in use.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scenario {
    /// What the scenario is called.
    pub name: String,
    /// Changes, applied in order.
    pub changes: Vec<Change>,
}

/// One change. `schedule` (where present) limits it to one rate schedule; absent, it applies
/// to every schedule.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Change {
    /// Multiply rates (per unit, every tier, percent of price and its per-unit bounds, every
    /// service tier's amount and the credit).
    ScaleRates {
        /// Multiplier, e.g. "1.10" for +10 %.
        factor: Decimal,
        /// Only this schedule.
        #[serde(skip_serializing_if = "Option::is_none")]
        schedule: Option<String>,
        /// Only this product.
        #[serde(skip_serializing_if = "Option::is_none")]
        product: Option<String>,
        /// Only this region ("*" included).
        #[serde(skip_serializing_if = "Option::is_none")]
        region: Option<String>,
    },
    /// Replace (or add) the rate of a product in a region.
    SetRate {
        /// Only this schedule.
        #[serde(skip_serializing_if = "Option::is_none")]
        schedule: Option<String>,
        /// Product id.
        product: String,
        /// Region id or "*".
        region: String,
        /// The new rate.
        #[serde(flatten)]
        rate: Rate,
    },
    /// Set or remove the enterprise (annual) cap.
    SetAnnualCap {
        /// Only this schedule.
        #[serde(skip_serializing_if = "Option::is_none")]
        schedule: Option<String>,
        /// The cap; `null` removes it.
        amount: Option<Decimal>,
    },
    /// Change a group cap's amount, or add a group cap.
    SetGroupCap {
        /// Only this schedule.
        #[serde(skip_serializing_if = "Option::is_none")]
        schedule: Option<String>,
        /// Group cap id.
        id: String,
        /// Its products, needed when the group is new.
        #[serde(skip_serializing_if = "Option::is_none")]
        products: Option<Vec<String>>,
        /// The cap.
        amount: Decimal,
    },
    /// Add or replace a discount.
    SetDiscount {
        /// Only this schedule.
        #[serde(skip_serializing_if = "Option::is_none")]
        schedule: Option<String>,
        /// Discount id.
        id: String,
        /// Fraction taken off.
        percent: Decimal,
        /// For licensees signing before this date.
        signed_before: Date,
    },
    /// Remove a discount.
    RemoveDiscount {
        /// Only this schedule.
        #[serde(skip_serializing_if = "Option::is_none")]
        schedule: Option<String>,
        /// Discount id.
        id: String,
    },
    /// Replace the management fee.
    SetManagementFee {
        /// The new fee.
        management_fee: ManagementFee,
    },
    /// Replace the distribution method.
    SetMethod {
        /// The method.
        method: Method,
        /// Uncovered handling, when given.
        #[serde(skip_serializing_if = "Option::is_none")]
        uncovered: Option<Uncovered>,
    },
    /// Set or remove the pool's limit on rate rises from one schedule to the next.
    SetMaxRateRise {
        /// The fraction; `null` removes it.
        max_rate_rise: Option<Decimal>,
    },
    /// Scale the licensees' volumes (units, upstream-paid units, users, subscribers,
    /// revenue): × factor × (1 + growth)^(year − base year), counts rounded.
    ScaleVolumes {
        /// Multiplier on every year.
        factor: Decimal,
        /// Yearly growth, e.g. "0.05".
        growth: Decimal,
        /// Year the growth counts from (default: the first year with sales).
        #[serde(skip_serializing_if = "Option::is_none")]
        base_year: Option<i32>,
    },
    /// A patent holder joins with its patents.
    AddMember {
        /// The new member.
        member: Member,
        /// Its patents.
        patents: Vec<Patent>,
    },
    /// A member leaves the pool on a date.
    RemoveMember {
        /// Member id.
        member: String,
        /// First day outside the pool.
        from: Date,
    },
}

/// Reads a scenario file.
///
/// # Errors
/// Every problem found, each with its JSON path.
pub fn load_scenario(json: &str) -> Result<Scenario, Vec<Issue>> {
    read_file(json, scenario_fields)
}

/// Reads a workspace file: `{"format": "poolcalc-scenario", "version": 1, "scenarios": [...]}`.
///
/// # Errors
/// Every problem found, each with its JSON path.
pub fn load_scenarios(json: &str) -> Result<Vec<Scenario>, Vec<Issue>> {
    read_file(json, |o, r| o.req::<Vec<Scenario>>(r, "scenarios"))
}

/// Reads a scenario file's header and then its body with `body`.
fn read_file<T>(
    json: &str,
    body: impl FnOnce(&mut Obj<'_, '_>, &mut Reader) -> Option<T>,
) -> Result<T, Vec<Issue>> {
    let value = parse_json(json).map_err(Issues::into_vec)?;
    let mut r = Reader::default();
    let read = r.object(&value, &Path::Root).and_then(|mut o| {
        let head = header(&mut o, &mut r, SCENARIO_FORMAT);
        let body = body(&mut o, &mut r);
        o.finish(&mut r);
        head.and(body)
    });
    match read {
        Some(t) if r.issues.is_empty() => Ok(t),
        _ => Err(r.issues.into_vec()),
    }
}

fn scenario_fields(o: &mut Obj<'_, '_>, r: &mut Reader) -> Option<Scenario> {
    let name = o.req::<String>(r, "name");
    let changes = o.req::<Vec<Change>>(r, "changes");
    Some(Scenario {
        name: name?,
        changes: changes?,
    })
}

impl FromJson for Scenario {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let s = scenario_fields(&mut o, r);
        o.finish(r);
        s
    }
}

impl Scenario {
    /// The scenario as a file of its own.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        if let Some(o) = v.as_object_mut() {
            o.insert("format".into(), SCENARIO_FORMAT.into());
            o.insert("version".into(), 1.into());
        }
        serde_json::to_string_pretty(&v).unwrap_or_default()
    }
}

/// Several scenarios as one workspace file.
#[must_use]
pub fn scenarios_to_json(list: &[Scenario]) -> String {
    let v = serde_json::json!({"format": SCENARIO_FORMAT, "version": 1, "scenarios": list});
    serde_json::to_string_pretty(&v).unwrap_or_default()
}
