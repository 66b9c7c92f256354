//! Royalty-free units (pool-dataset-v1 4.2, v2 sections 1 and 2): whether a sale is exempt
//! because no pool patent counts where it was sold (or made), the country its amount is
//! attributed to otherwise, and the exempt units summed per product, country and reason.

use crate::fees::report::{ExemptReason, ExemptSale};
use crate::model::in_force::InForceRule;

/// Where a sale's royalty goes under a schedule's in-force rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Coverage<K> {
    /// Royalty-free: not in force where sold (nor, under `made_or_sold`, where made).
    Exempt,
    /// Charged, its amount attributed to this country.
    Charged(K),
}

/// The coverage of a sale sold in `sold` and made in `made_in` (when given): under
/// `made_or_sold` a sale sold where no pool patent counts is charged where it was made, if
/// one counts there; under `sale` it is exempt; without a rule it is charged where sold.
pub(crate) fn coverage<K: Copy>(
    rule: InForceRule,
    sold: K,
    made_in: impl FnOnce() -> Option<K>,
    covered: impl Fn(K) -> bool,
) -> Coverage<K> {
    match rule {
        InForceRule::Off => Coverage::Charged(sold),
        _ if covered(sold) => Coverage::Charged(sold),
        InForceRule::Sale => Coverage::Exempt,
        InForceRule::MadeOrSold => match made_in() {
            Some(m) if covered(m) => Coverage::Charged(m),
            _ => Coverage::Exempt,
        },
    }
}

/// The exempt units of a year's sales, `(product, country of sale, units, reason)` in sale
/// order, summed per product, country and reason and sorted so.
pub(crate) fn summed(exempt: &mut [(&str, &str, u64, ExemptReason)]) -> Vec<ExemptSale> {
    // Stable: the units of one key add up in sale order.
    exempt.sort_by(|a, b| (a.0, a.1, a.3).cmp(&(b.0, b.1, b.3)));
    let mut out: Vec<ExemptSale> = Vec::new();
    for &(product, country, units, reason) in exempt.iter() {
        match out.last_mut() {
            Some(e) if e.product == product && e.country == country && e.reason == reason => {
                e.units = e.units.saturating_add(units);
            }
            _ => out.push(ExemptSale {
                product: product.to_owned(),
                country: country.to_owned(),
                units,
                reason,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_or_sold_falls_back_to_the_country_of_manufacture() {
        let covered = |c: &str| c == "CN" || c == "US";
        let rule = InForceRule::MadeOrSold;
        assert_eq!(
            coverage(rule, "US", || Some("BR"), covered),
            Coverage::Charged("US")
        );
        assert_eq!(
            coverage(rule, "BR", || Some("CN"), covered),
            Coverage::Charged("CN")
        );
        assert_eq!(
            coverage(rule, "BR", || Some("DE"), covered),
            Coverage::Exempt
        );
        assert_eq!(coverage(rule, "BR", || None, covered), Coverage::Exempt);
        // The v1 rule ignores where a sale was made.
        assert_eq!(
            coverage(InForceRule::Sale, "BR", || Some("CN"), covered),
            Coverage::Exempt
        );
        assert_eq!(
            coverage(InForceRule::Off, "BR", || None, covered),
            Coverage::Charged("BR")
        );
    }
}
