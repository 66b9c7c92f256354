//! Whether a usage profile can be charged under a pool's terms, every problem at its path
//! (spec section 2's checks of the licensee estimates, and the same for a usage file).

use crate::fees::FeeErrorKind;
use crate::fees::keys::resolve;
use crate::fees::totals;
use crate::model::dataset::{Dataset, Rate, Sale, Usage};
use crate::model::issue::Issues;
use crate::model::service::ProductKind;
use crate::pool::{Terms, schedule_admitting, schedule_for};

/// What is wrong with the shape of a sale of a product of `kind` (version 2 section 3): the
/// field at fault (empty for the sale itself) and the error. A device sale gives `units`
/// and no `users`, `subscribers` or `revenue`; a service sale the reverse, and no `price` or
/// `upstream_paid_units`.
pub(crate) fn sale_shape(kind: ProductKind, sale: &Sale) -> Option<(&'static str, FeeErrorKind)> {
    let product = || sale.product.clone();
    match (kind, &sale.service()) {
        (ProductKind::Device, None) => None,
        (ProductKind::Device, Some(s)) => {
            let given = [
                ("users", s.users.is_some()),
                ("subscribers", s.subscribers.is_some()),
                ("revenue", s.revenue.is_some()),
            ];
            Some(match given.iter().find(|(_, g)| *g) {
                Some(&(field, _)) => (
                    field,
                    FeeErrorKind::DeviceSaleField {
                        product: product(),
                        field,
                    },
                ),
                None => ("", FeeErrorKind::MissingUnits { product: product() }),
            })
        }
        (ProductKind::Service, service) => {
            let field = if service.is_none() {
                "units"
            } else if sale.price.is_some() {
                "price"
            } else if sale.upstream_paid_units().is_some() {
                "upstream_paid_units"
            } else {
                return None;
            };
            Some((
                field,
                FeeErrorKind::ServiceSaleField {
                    product: product(),
                    field,
                },
            ))
        }
    }
}

/// Reports every sale of `usage` that could not be charged under `d`'s terms, with paths
/// under `at` (empty for a usage file of its own). A sale on a percent-of-price line must
/// carry a price even in a year where it would be exempt, so the profile stays usable when
/// patents are added.
pub fn check_usage_against(d: &Dataset, usage: &Usage, at: &str, issues: &mut Issues) {
    let terms = Terms::new(d);
    check_usage_with(d, &terms, usage, at, issues);
}

/// Every rule of spec section 2 that relates parts of a dataset: those of `io::validate`, then
/// the licensee estimates checked against the dataset's own terms (which needs the fee rules)
/// and their totals bounded so no sum of them can overflow.
pub(crate) fn check_dataset(d: &Dataset, issues: &mut Issues) {
    if !crate::io::validate::check_dataset(d, issues) {
        return;
    }
    let terms = Terms::new(d);
    for (i, l) in d.licensees.iter().enumerate() {
        check_usage_with(d, &terms, &l.usage, &format!("licensees[{i}]"), issues);
    }
    if issues.is_empty() {
        totals::check_totals(d, issues);
    }
}

pub(crate) fn check_usage_with(
    d: &Dataset,
    terms: &Terms,
    usage: &Usage,
    at: &str,
    issues: &mut Issues,
) {
    let prefix = if at.is_empty() {
        String::new()
    } else {
        format!("{at}.")
    };
    for (i, y) in usage.years.iter().enumerate() {
        let Some((s_pos, schedule)) = schedule_admitting(d, y.year, usage.signed) else {
            let e = if schedule_for(d, y.year).is_some() {
                FeeErrorKind::NotAdmitted {
                    year: y.year,
                    signed: usage.signed,
                }
            } else {
                FeeErrorKind::NoSchedule(y.year)
            };
            issues.push(format!("{prefix}years[{i}].year"), e.to_string());
            continue;
        };
        for (k, sale) in y.sales.iter().enumerate() {
            let path = || format!("{prefix}years[{i}].sales[{k}]");
            let at = |field: &str| match field {
                "" => path(),
                f => format!("{}.{f}", path()),
            };
            // A sale of version 2 shape is checked against its product's kind first; one
            // that gives units is found out by its line when its product is a service.
            let all_upstream =
                sale.upstream_paid_units().is_some_and(|u| u > 0) && sale.remaining_units() == 0;
            if sale.service().is_some() || all_upstream {
                let Some(kind) = terms.product_kind(&sale.product) else {
                    let e = FeeErrorKind::UnknownProduct(sale.product.clone());
                    issues.push(at("product"), e.to_string());
                    continue;
                };
                if let Some((field, e)) = sale_shape(kind, sale) {
                    issues.push(at(field), e.to_string());
                    continue;
                }
                // A sale all paid upstream resolves to no line (version 2 section 2).
                if all_upstream {
                    continue;
                }
            }
            match resolve(terms, s_pos, schedule, sale) {
                Err(e @ FeeErrorKind::UnknownProduct(_)) => {
                    issues.push(at("product"), e.to_string());
                }
                Err(e) => issues.push(path(), e.to_string()),
                Ok(l) => {
                    let rate = &schedule.lines[l].rate;
                    if let Rate::ServiceTiers { .. } = rate
                        && let Some((field, e)) = sale_shape(ProductKind::Service, sale)
                    {
                        issues.push(at(field), e.to_string());
                    } else if matches!(rate, Rate::PercentOfPrice { .. }) && sale.price.is_none() {
                        issues.push(
                            format_args!("{}.price", path()),
                            FeeErrorKind::MissingPrice {
                                product: sale.product.clone(),
                                country: sale.country.clone(),
                            }
                            .to_string(),
                        );
                    }
                }
            }
        }
    }
}
