//! Volume tiers: how many units fall in each band, marginal or all-units.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::dataset::{Tier, TierMode};

/// The units of one band that a line's volume uses, and what they cost.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BandUse {
    /// First unit of the band (1-based).
    pub from: u64,
    /// Last unit of the band, `None` for the open band.
    pub to: Option<u64>,
    /// Units charged at this band's rate.
    pub units: u64,
    /// Money per unit in this band.
    pub per_unit: Decimal,
    /// `units × per_unit`.
    pub amount: Decimal,
}

/// Charges `units` under `tiers`: the bands used and their amounts (which add up to the
/// line's amount). Marginal: each band's units pay its rate. All-units: every unit pays the
/// rate of the band the total falls in (a total equal to `up_to` falls in that band).
#[must_use]
pub fn charge(tiers: &[Tier], mode: TierMode, units: u64) -> Vec<BandUse> {
    let mut out = Vec::new();
    for_each_band(tiers, mode, units, |b| out.push(b));
    out
}

/// The total of [`charge`], summed band by band in the same order, without collecting the
/// bands (the fee loop needs only the total for most licensees).
#[must_use]
pub fn amount(tiers: &[Tier], mode: TierMode, units: u64) -> Decimal {
    let mut total = Decimal::ZERO;
    for_each_band(tiers, mode, units, |b| total += b.amount);
    total
}

fn for_each_band(tiers: &[Tier], mode: TierMode, units: u64, mut f: impl FnMut(BandUse)) {
    let mut from = 1u64;
    for t in tiers {
        let top = t.up_to.unwrap_or(u64::MAX);
        match mode {
            TierMode::Marginal => {
                let used = units.min(top).saturating_sub(from - 1);
                if used > 0 {
                    f(BandUse {
                        from,
                        to: t.up_to,
                        units: used,
                        per_unit: t.per_unit,
                        amount: Decimal::from(used) * t.per_unit,
                    });
                }
            }
            TierMode::AllUnits => {
                if units <= top {
                    if units > 0 {
                        f(BandUse {
                            from,
                            to: t.up_to,
                            units,
                            per_unit: t.per_unit,
                            amount: Decimal::from(units) * t.per_unit,
                        });
                    }
                    return;
                }
            }
        }
        if units <= top {
            break;
        }
        from = top.saturating_add(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn avc() -> Vec<Tier> {
        vec![
            Tier {
                up_to: Some(100_000),
                per_unit: Decimal::ZERO,
            },
            Tier {
                up_to: Some(5_000_000),
                per_unit: Decimal::new(20, 2),
            },
            Tier {
                up_to: None,
                per_unit: Decimal::new(10, 2),
            },
        ]
    }

    #[test]
    fn marginal_free_band_then_rates() {
        assert_eq!(amount(&avc(), TierMode::Marginal, 100_000), Decimal::ZERO);
        assert_eq!(
            amount(&avc(), TierMode::Marginal, 100_001),
            Decimal::new(20, 2)
        );
        assert_eq!(
            amount(&avc(), TierMode::Marginal, 6_000_000),
            Decimal::from(1_080_000)
        );
        let bands = charge(&avc(), TierMode::Marginal, 6_000_000);
        assert_eq!(
            bands.iter().map(|b| b.units).collect::<Vec<_>>(),
            [100_000, 4_900_000, 1_000_000]
        );
    }

    #[test]
    fn all_units_boundary_falls_in_the_band() {
        let t = vec![
            Tier {
                up_to: Some(10_000),
                per_unit: Decimal::new(50, 2),
            },
            Tier {
                up_to: Some(50_000),
                per_unit: Decimal::new(40, 2),
            },
            Tier {
                up_to: None,
                per_unit: Decimal::new(30, 2),
            },
        ];
        assert_eq!(amount(&t, TierMode::AllUnits, 10_000), Decimal::from(5_000));
        assert_eq!(
            amount(&t, TierMode::AllUnits, 10_001),
            Decimal::new(400_040, 2)
        );
        assert_eq!(
            amount(&t, TierMode::AllUnits, 60_000),
            Decimal::from(18_000)
        );
        assert_eq!(amount(&t, TierMode::AllUnits, 0), Decimal::ZERO);
    }

    proptest! {
        #[test]
        fn more_units_never_lower_a_marginal_royalty(
            mut tops in proptest::collection::vec(1u64..1_000_000, 0..5),
            rates in proptest::collection::vec(0i64..500, 6),
            a in 0u64..2_000_000,
            extra in 0u64..1_000_000,
        ) {
            tops.sort_unstable();
            tops.dedup();
            let mut tiers: Vec<Tier> = tops.iter().zip(&rates).map(|(t, r)| Tier { up_to: Some(*t), per_unit: Decimal::new(*r, 2) }).collect();
            tiers.push(Tier { up_to: None, per_unit: Decimal::new(rates[5], 2) });
            let lo = amount(&tiers, TierMode::Marginal, a);
            let hi = amount(&tiers, TierMode::Marginal, a + extra);
            prop_assert!(hi >= lo);
            let used: u64 = charge(&tiers, TierMode::Marginal, a).iter().map(|b| b.units).sum();
            prop_assert_eq!(used, a);
        }
    }
}
