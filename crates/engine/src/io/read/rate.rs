//! Rate lines: `per_unit`, `tiers`, `percent_of_price` and (version 2) `service_tiers`.

use crate::io::json::{FromJson, Obj, Reader, Value, needs_version_2};
use crate::io::read::{amount, choice, fraction, opt_amount};
use crate::model::dataset::{Rate, RateLine, Tier, TierMode};
use crate::model::issue::Path;
use crate::model::service::ServiceTier;

impl FromJson for RateLine {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let product = o.req::<String>(r, "product");
        let region = o.req::<String>(r, "region");
        let rate = read_rate(&mut o, r);
        // Keys belonging to another kind of line are reported as unknown by `finish`.
        o.finish(r);
        Some(RateLine {
            product: product?,
            region: region?,
            rate: rate?,
        })
    }
}

/// The rate of a line: exactly one of `per_unit`, `tiers`, `percent_of_price` or (version 2)
/// `service_tiers`.
pub(crate) fn read_rate(o: &mut Obj<'_, '_>, r: &mut Reader) -> Option<Rate> {
    let v2 = r.version >= 2;
    // In a version 1 file the version 2 keys are named as such rather than as unknown.
    let mut later = false;
    for key in ["service_tiers", "credit"] {
        if !v2 && o.has(key) {
            r.issues
                .push(o.at(key), needs_version_2(&format!("`{key}`")));
            later = true;
        }
    }
    if later {
        return None;
    }
    let kinds: &[&'static str] = if v2 {
        &["per_unit", "tiers", "percent_of_price", "service_tiers"]
    } else {
        &["per_unit", "tiers", "percent_of_price"]
    };
    let present: Vec<&str> = kinds.iter().copied().filter(|k| o.has(k)).collect();
    if v2 && o.has("credit") && present != ["service_tiers"] && present.len() == 1 {
        r.issues.push(
            o.at("credit"),
            "`credit` belongs to a `service_tiers` line only",
        );
    }
    match present.as_slice() {
        ["per_unit"] => amount(o, r, "per_unit").map(|per_unit| Rate::PerUnit { per_unit }),
        ["tiers"] => read_tiers(o, r),
        ["percent_of_price"] => read_percent(o, r),
        ["service_tiers"] => read_service_tiers(o, r),
        [] if v2 => {
            r.issues.push(
                o.path(),
                "a rate line needs one of `per_unit`, `tiers`, `percent_of_price` or `service_tiers`",
            );
            None
        }
        [] => {
            r.issues.push(
                o.path(),
                "a rate line needs one of `per_unit`, `tiers` or `percent_of_price`",
            );
            None
        }
        many => {
            r.issues.push(
                o.path(),
                format!("a rate line takes exactly one of {}", many.join(", ")),
            );
            None
        }
    }
}

/// A service line (version 2 section 3): its tiers, amounts not decreasing, and a credit.
fn read_service_tiers(o: &mut Obj<'_, '_>, r: &mut Reader) -> Option<Rate> {
    let tiers = o.req::<Vec<ServiceTier>>(r, "service_tiers");
    let credit = opt_amount(o, r, "credit");
    let tiers = tiers?;
    let path = o.at("service_tiers");
    if tiers.is_empty() {
        r.issues.push(path, "service tiers need at least one tier");
    }
    for (i, pair) in tiers.windows(2).enumerate() {
        if let [before, after] = pair
            && after.amount < before.amount
        {
            r.issues.push(
                format!("{path}[{}].amount", i + 1),
                format!(
                    "amount {} is below the tier before it ({}): amounts must not decrease",
                    after.amount, before.amount
                ),
            );
        }
    }
    Some(Rate::ServiceTiers {
        service_tiers: tiers,
        credit: credit?,
    })
}

impl FromJson for ServiceTier {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let users = o.opt::<u64>(r, "users");
        let subscribers = o.opt::<u64>(r, "subscribers");
        let revenue = opt_amount(&mut o, r, "revenue");
        let amount = amount(&mut o, r, "amount");
        o.finish(r);
        Some(ServiceTier {
            users: users?,
            subscribers: subscribers?,
            revenue: revenue?,
            amount: amount?,
        })
    }
}

fn read_tiers(o: &mut Obj<'_, '_>, r: &mut Reader) -> Option<Rate> {
    let tiers = o.req::<Vec<Tier>>(r, "tiers");
    let mode = choice(
        o,
        r,
        "tier_mode",
        &[
            (TierMode::Marginal, "marginal"),
            (TierMode::AllUnits, "all_units"),
        ],
        TierMode::Marginal,
    );
    let tiers = tiers?;
    let path = o.at("tiers");
    if tiers.is_empty() {
        r.issues.push(path, "tiers need at least one band");
    }
    let mut previous: Option<u64> = None;
    for (i, t) in tiers.iter().enumerate() {
        let last = i + 1 == tiers.len();
        match (t.up_to, last) {
            (None, false) => r.issues.push(
                format!("{path}[{i}].up_to"),
                "only the last band may be open (up_to null)",
            ),
            (Some(_), true) => r.issues.push(
                format!("{path}[{i}].up_to"),
                "the last band must be open: set up_to to null",
            ),
            (Some(u), false) => {
                if previous.is_some_and(|p| u <= p) || u == 0 {
                    r.issues.push(
                        format!("{path}[{i}].up_to"),
                        format!("up_to {u} must be above the band before it (and above 0)"),
                    );
                }
                previous = Some(u);
            }
            (None, true) => {}
        }
    }
    Some(Rate::Tiers {
        tiers,
        tier_mode: mode?,
    })
}

fn read_percent(o: &mut Obj<'_, '_>, r: &mut Reader) -> Option<Rate> {
    let percent = fraction(o, r, "percent_of_price");
    let min = opt_amount(o, r, "min_per_unit");
    let max = opt_amount(o, r, "max_per_unit");
    if let (Some(Some(lo)), Some(Some(hi))) = (min, max)
        && hi < lo
    {
        r.issues.push(
            o.at("max_per_unit"),
            format!("max_per_unit {hi} is below min_per_unit {lo}"),
        );
    }
    Some(Rate::PercentOfPrice {
        percent_of_price: percent?,
        min_per_unit: min?,
        max_per_unit: max?,
    })
}

impl FromJson for Tier {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let has_up_to = o.has("up_to");
        let up_to = o.opt::<u64>(r, "up_to");
        if !has_up_to && !matches!(v.get("up_to"), Some(Value::Null)) {
            r.issues.push(
                o.path(),
                "missing field `up_to` (a number, or null for the open last band)",
            );
        }
        let per_unit = amount(&mut o, r, "per_unit");
        o.finish(r);
        Some(Tier {
            up_to: up_to?,
            per_unit: per_unit?,
        })
    }
}
