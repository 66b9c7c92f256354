//! Scenarios: a named, versioned list of changes to a pool's terms, market or membership
//! (docs/scenario-format.md), applied to a dataset to give a new, validated dataset.

pub mod share_link;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::io::json::{FromJson, Obj, Reader, Value, check_amount, parse_json};
use crate::io::read::{amount, choice, fraction, header, id, read_rate};
use crate::model::dataset::{
    Dataset, Discount, GroupCap, MAX_SALE_UNITS, ManagementFee, Member, Method, Patent, Rate,
    RateLine, RateSchedule, Uncovered,
};
use crate::model::date::Date;
use crate::model::issue::{Issue, Issues, Path};
use crate::model::money::MAX_AMOUNT;

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
    /// Multiply rates (per unit, every tier, percent of price and its per-unit bounds).
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
    /// Scale the licensees' units: × factor × (1 + growth)^(year − base year), rounded.
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

const KINDS: [&str; 11] = [
    "scale_rates",
    "set_rate",
    "set_annual_cap",
    "set_group_cap",
    "set_discount",
    "remove_discount",
    "set_management_fee",
    "set_method",
    "scale_volumes",
    "add_member",
    "remove_member",
];

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
            let has = o.has("amount") || v.get("amount").is_some_and(Value::is_null);
            let cap = o.opt::<Decimal>(r, "amount");
            if !has {
                r.issues.push(
                    o.path(),
                    "missing field `amount` (a decimal, or null to remove the cap)",
                );
            }
            if let Some(Some(c)) = cap {
                check_amount(r, &o.at("amount"), c);
            }
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

/// Applies a scenario to a dataset: the changed dataset, validated again.
///
/// # Errors
/// Changes that name what does not exist, or a result that is no longer a valid dataset.
pub fn apply_scenario(base: &Dataset, scenario: &Scenario) -> Result<Dataset, Vec<Issue>> {
    let mut d = base.clone();
    let mut issues = Issues::default();
    for (i, change) in scenario.changes.iter().enumerate() {
        let at = format!("changes[{i}]");
        if let Err(message) = apply_change(&mut d, change) {
            issues.push(at, message);
        }
    }
    if issues.is_empty() {
        crate::fees::check_dataset(&d, &mut issues);
    }
    if issues.is_empty() {
        Ok(d)
    } else {
        Err(issues.into_vec())
    }
}

fn schedules<'a>(
    d: &'a mut Dataset,
    only: Option<&String>,
) -> Result<Vec<&'a mut RateSchedule>, String> {
    let picked: Vec<&mut RateSchedule> = d
        .rate_schedules
        .iter_mut()
        .filter(|s| only.is_none_or(|id| &s.id == id))
        .collect();
    if picked.is_empty() {
        return Err(match only {
            Some(id) => format!("no rate schedule \"{id}\""),
            None => "the dataset has no rate schedule".to_owned(),
        });
    }
    Ok(picked)
}

/// Scales a line's rates by `factor`. Factors of several changes compound before the result
/// is validated again, so each product is checked here: past [`MAX_AMOUNT`] it is an error.
fn scale_rate(rate: &mut Rate, factor: Decimal) -> Result<(), String> {
    let scale = |amount: &mut Decimal| -> Result<(), String> {
        match amount.checked_mul(factor) {
            Some(scaled) if scaled <= MAX_AMOUNT => {
                *amount = scaled;
                Ok(())
            }
            _ => Err(format!(
                "this total is too large to compute exactly: {amount} × {factor} is more than {MAX_AMOUNT}, the largest amount the calculator takes"
            )),
        }
    };
    match rate {
        Rate::PerUnit { per_unit } => scale(per_unit)?,
        Rate::Tiers { tiers, .. } => {
            for t in tiers.iter_mut() {
                scale(&mut t.per_unit)?;
            }
        }
        Rate::PercentOfPrice {
            percent_of_price,
            min_per_unit,
            max_per_unit,
        } => {
            *percent_of_price = percent_of_price
                .checked_mul(factor)
                .map_or(Decimal::ONE, |p| p.min(Decimal::ONE));
            for m in min_per_unit.iter_mut().chain(max_per_unit.iter_mut()) {
                scale(m)?;
            }
        }
    }
    Ok(())
}

fn apply_change(d: &mut Dataset, change: &Change) -> Result<(), String> {
    match change {
        Change::ScaleRates {
            factor,
            schedule,
            product,
            region,
        } => {
            let mut hits = 0;
            for s in schedules(d, schedule.as_ref())? {
                for line in s.lines.iter_mut().filter(|l| {
                    product.as_ref().is_none_or(|p| &l.product == p)
                        && region.as_ref().is_none_or(|r| &l.region == r)
                }) {
                    scale_rate(&mut line.rate, *factor)?;
                    hits += 1;
                }
            }
            if hits == 0 {
                return Err("no rate line matches this product and region".into());
            }
        }
        Change::SetRate {
            schedule,
            product,
            region,
            rate,
        } => {
            for s in schedules(d, schedule.as_ref())? {
                match s
                    .lines
                    .iter_mut()
                    .find(|l| &l.product == product && &l.region == region)
                {
                    Some(line) => line.rate = rate.clone(),
                    None => s.lines.push(RateLine {
                        product: product.clone(),
                        region: region.clone(),
                        rate: rate.clone(),
                    }),
                }
            }
        }
        Change::SetAnnualCap { schedule, amount } => {
            for s in schedules(d, schedule.as_ref())? {
                s.annual_cap = *amount;
            }
        }
        Change::SetGroupCap {
            schedule,
            id,
            products,
            amount,
        } => {
            for s in schedules(d, schedule.as_ref())? {
                match (s.group_caps.iter_mut().find(|g| &g.id == id), products) {
                    (Some(g), p) => {
                        g.amount = *amount;
                        if let Some(p) = p {
                            g.products.clone_from(p);
                        }
                    }
                    (None, Some(p)) => s.group_caps.push(GroupCap {
                        id: id.clone(),
                        products: p.clone(),
                        amount: *amount,
                    }),
                    (None, None) => {
                        return Err(format!(
                            "schedule \"{}\" has no group cap \"{id}\"; give `products` to add one",
                            s.id
                        ));
                    }
                }
            }
        }
        Change::SetDiscount {
            schedule,
            id,
            percent,
            signed_before,
        } => {
            for s in schedules(d, schedule.as_ref())? {
                let discount = Discount {
                    id: id.clone(),
                    percent: *percent,
                    signed_before: *signed_before,
                };
                match s.discounts.iter_mut().find(|x| &x.id == id) {
                    Some(x) => *x = discount,
                    None => s.discounts.push(discount),
                }
            }
        }
        Change::RemoveDiscount { schedule, id } => {
            let mut hits = 0;
            for s in schedules(d, schedule.as_ref())? {
                let before = s.discounts.len();
                s.discounts.retain(|x| &x.id != id);
                hits += before - s.discounts.len();
            }
            if hits == 0 {
                return Err(format!("no discount \"{id}\" to remove"));
            }
        }
        Change::SetManagementFee { management_fee } => {
            d.distribution.management_fee = management_fee.clone()
        }
        Change::SetMethod { method, uncovered } => {
            d.distribution.method = *method;
            if let Some(u) = uncovered {
                d.distribution.uncovered = *u;
            }
        }
        Change::ScaleVolumes {
            factor,
            growth,
            base_year,
        } => scale_volumes(d, *factor, *growth, *base_year)?,
        Change::AddMember { member, patents } => {
            if d.members.iter().any(|m| m.id == member.id) {
                return Err(format!("a member \"{}\" already exists", member.id));
            }
            if let Some(p) = patents.iter().find(|p| p.member != member.id) {
                return Err(format!(
                    "patent \"{}\" belongs to \"{}\", not to the joining member \"{}\"",
                    p.id, p.member, member.id
                ));
            }
            d.members.push(member.clone());
            d.patents.extend(patents.iter().cloned());
        }
        Change::RemoveMember { member, from } => {
            let m = d
                .members
                .iter_mut()
                .find(|m| &m.id == member)
                .ok_or_else(|| format!("no member \"{member}\""))?;
            if *from <= m.joined {
                return Err(format!(
                    "{member} joined on {}; it can only leave after that",
                    m.joined
                ));
            }
            m.exited = Some(m.exited.map_or(*from, |e| e.min(*from)));
        }
    }
    Ok(())
}

fn scale_volumes(
    d: &mut Dataset,
    factor: Decimal,
    growth: Decimal,
    base_year: Option<i32>,
) -> Result<(), String> {
    let base = base_year
        .or_else(|| {
            d.licensees
                .iter()
                .flat_map(|l| l.usage.years.iter().map(|y| y.year))
                .min()
        })
        .unwrap_or(0);
    let step = Decimal::ONE + growth;
    for l in &mut d.licensees {
        for y in &mut l.usage.years {
            let mut m = factor;
            for _ in 0..(y.year - base).unsigned_abs() {
                m = if y.year >= base {
                    m.checked_mul(step)
                } else {
                    m.checked_div(step)
                }
                .ok_or_else(|| {
                    format!(
                        "growth over {} years is too large to compute",
                        (y.year - base).abs()
                    )
                })?;
            }
            for s in &mut y.sales {
                let too_large = || {
                    format!(
                        "this total is too large to compute exactly: {} units × {m} is more than a sale may hold ({MAX_SALE_UNITS})",
                        s.units
                    )
                };
                let scaled = Decimal::from(s.units)
                    .checked_mul(m)
                    .ok_or_else(too_large)?
                    .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
                s.units = u64::try_from(scaled)
                    .ok()
                    .filter(|u| *u <= MAX_SALE_UNITS)
                    .ok_or_else(too_large)?;
            }
        }
    }
    Ok(())
}
