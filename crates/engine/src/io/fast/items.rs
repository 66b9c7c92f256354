//! The fast path's many items (patents, licensees, their years and sales): serde reads each
//! into a mirror of the model's type, the rules the careful reader applies across its fields
//! are checked, and any problem is a serde error that stops the read at once.

use serde::Deserialize as Derive;
use serde::de::{Deserialize, Deserializer};

use crate::io::fast::scalars::{
    Amount, Country, Day, Id, Ignored, Status, Words, Year, map_only, refused,
};
use crate::model::dataset::{
    Licensee, MAX_SALE_UNITS, Patent, PatentStatus, Sale, SaleV2, Usage, UsageYear,
    check_sale_units, default_weight,
};
use crate::model::service::ServiceUse;

/// A model value that passed every check of the careful reader. `Vec<Checked<T>>` becomes a
/// `Vec<T>` in place (same layout), so a list is never copied.
pub(crate) struct Checked<T>(pub T);

/// The items of a list, unwrapped.
pub(crate) fn unwrap<T>(items: Vec<Checked<T>>) -> Vec<T> {
    items.into_iter().map(|c| c.0).collect()
}

#[derive(Derive)]
#[serde(deny_unknown_fields)]
struct PatentIn {
    id: Id,
    member: String,
    family: Option<String>,
    country: Country,
    number: String,
    granted: Option<Day>,
    expires: Day,
    status: Option<Status>,
    weight: Option<Amount>,
    standards: Option<Vec<String>>,
    #[serde(rename = "extensions")]
    _extensions: Option<Ignored>,
}

impl<'de> Deserialize<'de> for Checked<Patent> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let p = map_only::<_, PatentIn>(d)?;
        if p.granted.is_some_and(|g| p.expires.0 <= g.0) {
            return Err(refused());
        }
        Ok(Checked(Patent {
            id: p.id.0,
            member: p.member,
            family: p.family,
            country: p.country.0,
            number: p.number,
            granted: p.granted.map(|g| g.0),
            expires: p.expires.0,
            status: p.status.map_or(PatentStatus::InForce, |s| s.0),
            weight: p.weight.map_or_else(default_weight, |w| w.0),
            standards: p.standards.unwrap_or_default(),
        }))
    }
}

#[derive(Derive)]
#[serde(deny_unknown_fields)]
struct LicenseeIn {
    id: Id,
    licensee: Words,
    signed: Option<Day>,
    years: Vec<Checked<UsageYear>>,
    #[serde(rename = "extensions")]
    _extensions: Option<Ignored>,
}

impl<'de> Deserialize<'de> for Checked<Licensee> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let l = map_only::<_, LicenseeIn>(d)?;
        let years = unwrap(l.years);
        // A year given twice is a problem of the careful reader's (all its sales in one entry).
        let mut seen: Vec<i32> = years.iter().map(|y| y.year).collect();
        seen.sort_unstable();
        if seen.windows(2).any(|w| w[0] == w[1]) {
            return Err(refused());
        }
        Ok(Checked(Licensee {
            id: l.id.0,
            usage: Usage {
                licensee: l.licensee.0,
                signed: l.signed.map(|s| s.0),
                years,
            },
        }))
    }
}

#[derive(Derive)]
#[serde(deny_unknown_fields)]
struct YearIn {
    year: Year,
    sales: Vec<Checked<Sale>>,
    #[serde(rename = "extensions")]
    _extensions: Option<Ignored>,
}

impl<'de> Deserialize<'de> for Checked<UsageYear> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let y = map_only::<_, YearIn>(d)?;
        Ok(Checked(UsageYear {
            year: y.year.0,
            sales: unwrap(y.sales),
        }))
    }
}

#[derive(Derive)]
#[serde(deny_unknown_fields)]
struct SaleIn {
    product: String,
    country: Country,
    made_in: Option<Country>,
    units: Option<u64>,
    upstream_paid_units: Option<u64>,
    price: Option<Amount>,
    users: Option<u64>,
    subscribers: Option<u64>,
    revenue: Option<Amount>,
    #[serde(rename = "extensions")]
    _extensions: Option<Ignored>,
}

/// A sale as version 2 reads it: with `units` a device sale (no service measures, at most
/// `units` paid upstream), without a service sale (units 0). Whether a version 1 file may
/// hold it is asked once the version is known (`Sale::uses_v2`).
impl<'de> Deserialize<'de> for Checked<Sale> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = map_only::<_, SaleIn>(d)?;
        let at_most = |n: Option<u64>| n.is_none_or(|n| n <= MAX_SALE_UNITS);
        if !at_most(s.users) || !at_most(s.subscribers) {
            return Err(refused());
        }
        let revenue = s.revenue.map(|r| r.0);
        let (units, service) = match s.units {
            Some(units) => {
                let units = check_sale_units(units).map_err(|_| refused::<D::Error>())?;
                let measured = s.users.is_some() || s.subscribers.is_some() || revenue.is_some();
                if measured || s.upstream_paid_units.is_some_and(|up| up > units) {
                    return Err(refused());
                }
                (units, None)
            }
            None => (
                0,
                Some(ServiceUse {
                    users: s.users,
                    subscribers: s.subscribers,
                    revenue,
                }),
            ),
        };
        let sale = Sale::new(s.product, s.country.0, units, s.price.map(|p| p.0));
        Ok(Checked(sale.with_v2(SaleV2 {
            made_in: s.made_in.map(|m| m.0),
            upstream_paid_units: s.upstream_paid_units,
            service,
        })))
    }
}
