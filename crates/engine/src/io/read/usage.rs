//! Usage profiles, a dataset's licensee estimates and their sales (pool-dataset-v1 section 3,
//! v2 sections 1–3).

use crate::io::json::{FromJson, Obj, Reader, Value, check_country};
use crate::io::read::{country, dataset_header, id, opt_amount, opt_amount_v2};
use crate::model::dataset::{
    Licensee, MAX_SALE_UNITS, Sale, SaleV2, USAGE_FORMAT, Usage, UsageYear, check_sale_units,
};
use crate::model::date::Date;
use crate::model::issue::Path;
use crate::model::service::ServiceUse;

/// Reads a usage profile document.
pub(crate) fn read_usage_file(r: &mut Reader, v: &Value<'_>) -> Option<Usage> {
    let mut o = r.object(v, &Path::Root)?;
    let head = dataset_header(&mut o, r, USAGE_FORMAT);
    let usage = read_usage_fields(&mut o, r);
    o.finish(r);
    head?;
    usage
}

fn read_usage_fields(o: &mut Obj<'_, '_>, r: &mut Reader) -> Option<Usage> {
    let licensee = o.req::<crate::model::text::Text>(r, "licensee");
    let signed = o.opt::<Date>(r, "signed");
    let years = o.req::<Vec<UsageYear>>(r, "years");
    if let Some(years) = &years {
        let mut seen = std::collections::BTreeSet::new();
        for (i, y) in years.iter().enumerate() {
            if !seen.insert(y.year) {
                r.issues.push(
                    format!("{}[{i}].year", o.at("years")),
                    format!(
                        "year {} appears twice; put all its sales in one entry",
                        y.year
                    ),
                );
            }
        }
    }
    Some(Usage {
        licensee: licensee?,
        signed: signed?,
        years: years?,
    })
}

impl FromJson for Licensee {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let id = id(&mut o, r, "id");
        let usage = read_usage_fields(&mut o, r);
        o.finish(r);
        Some(Licensee {
            id: id?,
            usage: usage?,
        })
    }
}

impl FromJson for UsageYear {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let year = o.req(r, "year");
        let sales = o.req(r, "sales");
        o.finish(r);
        Some(UsageYear {
            year: year?,
            sales: sales?,
        })
    }
}

impl FromJson for Sale {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let product = o.req::<String>(r, "product");
        let country = country(&mut o, r, "country");
        // A version 2 sale without units is a service sale (which product is a service is
        // checked against the pool); version 1 sales always give units.
        let units_given = r.version < 2 || o.has("units");
        let units = if units_given {
            o.req::<u64>(r, "units").and_then(|u| {
                check_sale_units(u)
                    .map_err(|e| r.issues.push(o.at("units"), e))
                    .ok()
            })
        } else {
            Some(0)
        };
        let price = opt_amount(&mut o, r, "price");
        // Nearly every sale gives only these: its version 2 fields need not be looked for.
        if o.all_read() {
            o.finish(r);
            let sale = Sale::new(product?, country?, units?, price?);
            if units_given {
                return Some(sale);
            }
            return Some(sale.with_v2(SaleV2 {
                service: Some(ServiceUse::default()),
                ..SaleV2::default()
            }));
        }
        let made_in = o.opt_v2::<String>(r, "made_in");
        if let Some(Some(m)) = &made_in {
            check_country(r, &o.at("made_in"), m);
        }
        let upstream = o.opt_v2::<u64>(r, "upstream_paid_units");
        if let (Some(Some(up)), Some(u)) = (upstream, units)
            && units_given
            && up > u
        {
            r.issues.push(
                o.at("upstream_paid_units"),
                format!("{up} upstream-paid units are more than the sale's {u} units"),
            );
        }
        let service = read_service_use(&mut o, r, units_given);
        o.finish(r);
        let sale = Sale::new(product?, country?, units?, price?);
        Some(sale.with_v2(SaleV2 {
            made_in: made_in?,
            upstream_paid_units: upstream?,
            service: service?,
        }))
    }
}

/// A sale's `users`, `subscribers` and `revenue` (version 2): `Some` exactly when the sale
/// gives no `units`; a sale that gives both is an error at the first measure.
fn read_service_use(
    o: &mut Obj<'_, '_>,
    r: &mut Reader,
    units_given: bool,
) -> Option<Option<ServiceUse>> {
    let count = |o: &mut Obj<'_, '_>, r: &mut Reader, key: &'static str| {
        let n = o.opt_v2::<u64>(r, key)?;
        if let Some(n) = n
            && n > MAX_SALE_UNITS
        {
            r.issues.push(
                o.at(key),
                format!("{n} {key} in one sale: the most a sale may hold is {MAX_SALE_UNITS}"),
            );
            return None;
        }
        Some(n)
    };
    let users = count(o, r, "users");
    let subscribers = count(o, r, "subscribers");
    let revenue = opt_amount_v2(o, r, "revenue");
    let (users, subscribers, revenue) = (users?, subscribers?, revenue?);
    let given = [
        ("users", users.is_some()),
        ("subscribers", subscribers.is_some()),
        ("revenue", revenue.is_some()),
    ];
    if units_given {
        if let Some((key, _)) = given.iter().find(|(_, g)| *g) {
            r.issues.push(
                o.at(key),
                format!("a sale gives `units` (a device) or `users`, `subscribers` and `revenue` (a service), not both: `{key}` is given with `units`"),
            );
            return None;
        }
        return Some(None);
    }
    Some(Some(ServiceUse {
        users,
        subscribers,
        revenue,
    }))
}
