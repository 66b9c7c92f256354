//! Scenarios: a named, versioned list of changes to a pool's terms, market or membership
//! (docs/scenario-format.md), applied to a dataset to give a new, validated dataset.

mod apply;
pub mod share_link;

pub use apply::apply_scenario;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::io::json::{FromJson, Obj, Reader, Value, check_amount, parse_json};
use crate::io::read::{amount, choice, fraction, header, id, read_rate};
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

impl FromJson for Change {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let kind = o.req::<String>(r, "type")?;
        let change = read_change(&kind, &mut o, r, v);
        // An unknown type already says what is wrong; its fields would only add noise.
        if change.is_some() || KINDS.contains(&kind.as_str()) {
            o.finish(r);
        }
        change
    }
}

const KINDS: [&str; 12] = [
    "scale_rates",
    "set_rate",
    "set_annual_cap",
    "set_group_cap",
    "set_discount",
    "remove_discount",
    "set_management_fee",
    "set_method",
    "set_max_rate_rise",
    "scale_volumes",
    "add_member",
    "remove_member",
];

/// An amount a change must give, where `null` removes what it sets: missing is an error
/// that says so (`what` the field holds).
fn removable_amount(
    o: &mut Obj<'_, '_>,
    r: &mut Reader,
    v: &Value<'_>,
    key: &'static str,
    what: &str,
) -> Option<Option<Decimal>> {
    let has = o.has(key) || v.get(key).is_some_and(Value::is_null);
    let amount = o.opt::<Decimal>(r, key);
    if !has {
        r.issues
            .push(o.path(), format!("missing field `{key}` ({what})"));
    }
    if let Some(Some(a)) = amount {
        check_amount(r, &o.at(key), a);
    }
    amount
}

/// Reads the fields of one kind of change.
fn read_change(kind: &str, o: &mut Obj<'_, '_>, r: &mut Reader, v: &Value<'_>) -> Option<Change> {
    match kind {
        "scale_rates" => {
            let factor = amount(o, r, "factor");
            let schedule = o.opt::<String>(r, "schedule");
            let product = o.opt::<String>(r, "product");
            let region = o.opt::<String>(r, "region");
            Some(Change::ScaleRates {
                factor: factor?,
                schedule: schedule?,
                product: product?,
                region: region?,
            })
        }
        "set_rate" => {
            let schedule = o.opt::<String>(r, "schedule");
            let product = o.req::<String>(r, "product");
            let region = o.req::<String>(r, "region");
            let rate = read_rate(o, r);
            Some(Change::SetRate {
                schedule: schedule?,
                product: product?,
                region: region?,
                rate: rate?,
            })
        }
        "set_annual_cap" => {
            let schedule = o.opt::<String>(r, "schedule");
            let cap = removable_amount(o, r, v, "amount", "a decimal, or null to remove the cap");
            Some(Change::SetAnnualCap {
                schedule: schedule?,
                amount: cap?,
            })
        }
        "set_group_cap" => {
            let schedule = o.opt::<String>(r, "schedule");
            let gid = id(o, r, "id");
            let products = o.opt::<Vec<String>>(r, "products");
            let cap = amount(o, r, "amount");
            Some(Change::SetGroupCap {
                schedule: schedule?,
                id: gid?,
                products: products?,
                amount: cap?,
            })
        }
        "set_discount" => {
            let schedule = o.opt::<String>(r, "schedule");
            let did = id(o, r, "id");
            let percent = fraction(o, r, "percent");
            let before = o.req::<Date>(r, "signed_before");
            Some(Change::SetDiscount {
                schedule: schedule?,
                id: did?,
                percent: percent?,
                signed_before: before?,
            })
        }
        "remove_discount" => {
            let schedule = o.opt::<String>(r, "schedule");
            let did = id(o, r, "id");
            Some(Change::RemoveDiscount {
                schedule: schedule?,
                id: did?,
            })
        }
        "set_management_fee" => {
            let fee = o.req::<ManagementFee>(r, "management_fee");
            Some(Change::SetManagementFee {
                management_fee: fee?,
            })
        }
        "set_method" => {
            let method = choice(o, r, "method", &Method::ALL, Method::PerPatent);
            let uncovered = if o.has("uncovered") {
                choice(
                    o,
                    r,
                    "uncovered",
                    &[
                        (Uncovered::ProRata, "pro_rata"),
                        (Uncovered::Retained, "retained"),
                    ],
                    Uncovered::ProRata,
                )
                .map(Some)
            } else {
                Some(None)
            };
            if !v.get("method").is_some_and(Value::is_string) {
                r.issues.push(o.path(), "missing field `method`");
            }
            Some(Change::SetMethod {
                method: method?,
                uncovered: uncovered?,
            })
        }
        "set_max_rate_rise" => {
            let max = removable_amount(
                o,
                r,
                v,
                "max_rate_rise",
                "a fraction such as \"0.20\", or null to remove it",
            );
            Some(Change::SetMaxRateRise {
                max_rate_rise: max?,
            })
        }
        "scale_volumes" => {
            let factor = o.opt::<Decimal>(r, "factor");
            let growth = o.opt::<Decimal>(r, "growth");
            let base_year = o.opt::<i32>(r, "base_year");
            if let Some(Some(f)) = factor {
                check_amount(r, &o.at("factor"), f);
            }
            if let Some(Some(g)) = growth
                && g <= -Decimal::ONE
            {
                r.issues.push(
                    o.at("growth"),
                    format!("growth {g} would leave no volume; it must be above -1"),
                );
            }
            Some(Change::ScaleVolumes {
                factor: factor?.unwrap_or(Decimal::ONE),
                growth: growth?.unwrap_or(Decimal::ZERO),
                base_year: base_year?,
            })
        }
        "add_member" => {
            let member = o.req::<Member>(r, "member");
            let patents = o.list::<Patent>(r, "patents");
            Some(Change::AddMember {
                member: member?,
                patents: patents?,
            })
        }
        "remove_member" => {
            let member = o.req::<String>(r, "member");
            let from = o.req::<Date>(r, "from");
            Some(Change::RemoveMember {
                member: member?,
                from: from?,
            })
        }
        other => {
            r.issues.push(
                o.at("type"),
                format!("\"{other}\" is not a change poolcalc knows (see docs/scenario-format.md)"),
            );
            None
        }
    }
}
