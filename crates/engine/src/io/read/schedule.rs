//! Rate schedules: years, the in-force rule, whom a schedule admits (version 2), discounts
//! and group caps. Its lines are read in `rate`.

use crate::io::json::{FromJson, Reader, Value, needs_version_2};
use crate::io::read::{amount, fraction, id, opt_amount};
use crate::model::applies_to::AppliesTo;
use crate::model::dataset::{Discount, GroupCap, RateLine, RateSchedule};
use crate::model::date::Date;
use crate::model::in_force::InForceRule;
use crate::model::issue::Path;

impl FromJson for RateSchedule {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let id = id(&mut o, r, "id");
        let from_year = o.req::<i32>(r, "from_year");
        let to_year = o.opt::<i32>(r, "to_year");
        if let (Some(f), Some(Some(t))) = (from_year, to_year)
            && t < f
        {
            r.issues.push(
                o.at("to_year"),
                format!("to_year {t} is before from_year {f}"),
            );
        }
        let lines = o.req::<Vec<RateLine>>(r, "lines");
        let discounts = o.list::<Discount>(r, "discounts");
        let group_caps = o.list::<GroupCap>(r, "group_caps");
        let annual_cap = opt_amount(&mut o, r, "annual_cap");
        let requires = o.opt::<InForceRule>(r, "requires_patent_in_force");
        let applies_to = o.opt_v2::<AppliesTo>(r, "applies_to");
        o.finish(r);
        Some(RateSchedule {
            id: id?,
            from_year: from_year?,
            to_year: to_year?,
            lines: lines?,
            discounts: discounts?,
            group_caps: group_caps?,
            annual_cap: annual_cap?,
            requires_patent_in_force: requires?.unwrap_or_default(),
            applies_to: applies_to?,
        })
    }
}

/// `false`, `true` and (version 2) `"sale"` or `"made_or_sold"`.
impl FromJson for InForceRule {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let rule = match v {
            Value::Bool(false) => return Some(InForceRule::Off),
            Value::Bool(true) => return Some(InForceRule::Sale),
            Value::String(s) if s == "sale" => InForceRule::Sale,
            Value::String(s) if s == "made_or_sold" => InForceRule::MadeOrSold,
            Value::String(s) => {
                r.issues.push(
                    path,
                    format!("\"{s}\" is not one of: false, true, \"sale\", \"made_or_sold\""),
                );
                return None;
            }
            other => {
                r.expected(path, "true, false, \"sale\" or \"made_or_sold\"", other);
                return None;
            }
        };
        if r.version < 2 {
            let name = if rule == InForceRule::Sale {
                "sale"
            } else {
                "made_or_sold"
            };
            r.issues.push(path, needs_version_2(&format!("\"{name}\"")));
            return None;
        }
        Some(rule)
    }
}

impl FromJson for AppliesTo {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let before = o.opt::<Date>(r, "signed_before");
        let from = o.opt::<Date>(r, "signed_from");
        if let (Some(Some(f)), Some(Some(b))) = (from, before)
            && f >= b
        {
            r.issues.push(
                o.at("signed_from"),
                format!("signed_from {f} is not before signed_before {b}: no licensee could sign in between"),
            );
        }
        o.finish(r);
        Some(AppliesTo {
            signed_before: before?,
            signed_from: from?,
        })
    }
}

impl FromJson for Discount {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let id = id(&mut o, r, "id");
        let percent = fraction(&mut o, r, "percent");
        let signed_before = o.req(r, "signed_before");
        o.finish(r);
        Some(Discount {
            id: id?,
            percent: percent?,
            signed_before: signed_before?,
        })
    }
}

impl FromJson for GroupCap {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let id = id(&mut o, r, "id");
        let products = o.req(r, "products");
        let amount = amount(&mut o, r, "amount");
        o.finish(r);
        Some(GroupCap {
            id: id?,
            products: products?,
            amount: amount?,
        })
    }
}
