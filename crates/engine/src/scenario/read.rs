//! Reading one change of a scenario file: its kind, then the fields that kind takes.

use rust_decimal::Decimal;

use crate::io::json::{FromJson, Obj, Reader, Value, check_amount};
use crate::io::read::{amount, choice, fraction, id, read_rate};
use crate::model::dataset::{ManagementFee, Member, Method, Patent, Uncovered};
use crate::model::date::Date;
use crate::model::issue::Path;

use super::Change;

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
