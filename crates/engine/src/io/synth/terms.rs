//! The generated pool's terms and market: rate schedules (per unit, tiers, percent of price,
//! caps, discounts) and licensees with skewed volumes.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::model::dataset::{
    Discount, GroupCap, Licensee, MAX_SALE_UNITS, Product, Rate, RateLine, RateSchedule, Sale,
    Tier, TierMode, Usage, UsageYear,
};
use crate::model::date::Date;
use crate::model::in_force::InForceRule;
use crate::model::text::Text;

use super::{Rng, SynthOptions};

pub(super) fn make_schedules(o: &SynthOptions, products: &[Product]) -> Vec<RateSchedule> {
    let mid = o.from + (o.to - o.from) / 2;
    let lines = |scale: i64| -> Vec<RateLine> {
        products
            .iter()
            .flat_map(|p| {
                let line = |region: &str, rate: Rate| RateLine {
                    product: p.id.clone(),
                    region: region.to_owned(),
                    rate,
                };
                match p.id.as_str() {
                    "decoder" => vec![line(
                        "*",
                        Rate::Tiers {
                            tiers: vec![
                                Tier {
                                    up_to: Some(100_000),
                                    per_unit: Decimal::ZERO,
                                },
                                Tier {
                                    up_to: Some(5_000_000),
                                    per_unit: Decimal::new(20 * scale, 4),
                                },
                                Tier {
                                    up_to: None,
                                    per_unit: Decimal::new(10 * scale, 4),
                                },
                            ],
                            tier_mode: TierMode::Marginal,
                        },
                    )],
                    "phone" => vec![line(
                        "*",
                        Rate::PercentOfPrice {
                            percent_of_price: Decimal::new(3 * scale, 5),
                            min_per_unit: Some(Decimal::new(50, 2)),
                            max_per_unit: Some(Decimal::new(3 * scale, 1)),
                        },
                    )],
                    _ => {
                        let base = p.typical_price.unwrap_or(Decimal::ONE) * Decimal::new(scale, 4);
                        vec![
                            line(
                                "r1",
                                Rate::PerUnit {
                                    per_unit: base.round_dp(2),
                                },
                            ),
                            line(
                                "r2",
                                Rate::PerUnit {
                                    per_unit: (base / Decimal::TWO).round_dp(2),
                                },
                            ),
                        ]
                    }
                }
            })
            .collect()
    };
    let codecs: Vec<String> = products
        .iter()
        .filter(|p| matches!(p.id.as_str(), "decoder" | "encoder"))
        .map(|p| p.id.clone())
        .collect();
    let caps = |amount: i64| {
        if codecs.is_empty() {
            Vec::new()
        } else {
            vec![GroupCap {
                id: "codecs".into(),
                products: codecs.clone(),
                amount: Decimal::from(amount),
            }]
        }
    };
    vec![
        RateSchedule {
            id: format!("{}-{}", o.from, mid),
            from_year: o.from,
            to_year: Some(mid),
            lines: lines(100),
            discounts: vec![Discount {
                id: "early-bird".into(),
                percent: Decimal::new(10, 2),
                signed_before: Date::year_start(o.from).plus_days(180),
            }],
            group_caps: caps(2_000_000),
            annual_cap: Some(Decimal::from(25_000_000)),
            requires_patent_in_force: InForceRule::Off,
            applies_to: None,
        },
        RateSchedule {
            id: format!("{}-on", mid + 1),
            from_year: mid + 1,
            to_year: None,
            lines: lines(90),
            discounts: Vec::new(),
            group_caps: caps(2_500_000),
            annual_cap: Some(Decimal::from(30_000_000)),
            requires_patent_in_force: InForceRule::Sale,
            applies_to: None,
        },
    ]
}

pub(super) fn make_licensees(
    o: &SynthOptions,
    rng: &mut Rng,
    countries: &[&str],
    products: &[Product],
) -> Vec<Licensee> {
    (0..o.licensees)
        .map(|i| {
            // Volumes fall off with rank: a few giants, a long tail of small makers.
            let scale = 5_000_000.0 / (i as f64 + 1.0).powf(1.1);
            let sells: Vec<usize> = (0..1 + rng.below(3))
                .map(|_| rng.below(products.len()))
                .collect();
            let markets: Vec<&str> = (0..1 + rng.below(5))
                .map(|_| countries[rng.skewed(countries.len())])
                .collect();
            let growth = 1.0 + (rng.below(15) as f64) / 100.0;
            let signed =
                Date::year_start(o.from - 1).plus_days(i32::try_from(rng.below(700)).unwrap_or(0));
            let years = (o.from..=o.to)
                .map(|year| {
                    let g = growth.powi(year - o.from);
                    let mut rows: BTreeMap<(usize, &str), u64> = BTreeMap::new();
                    for &p in &sells {
                        for &c in &markets {
                            let units =
                                (scale * g * (0.2 + rng.unit())) as u64 / (markets.len() as u64);
                            *rows.entry((p, c)).or_default() += units;
                        }
                    }
                    UsageYear {
                        year,
                        sales: rows
                            .into_iter()
                            .map(|((p, c), units)| Sale {
                                product: products[p].id.clone(),
                                country: c.to_owned(),
                                // Two centuries of growth would pass what a sale may hold.
                                units: units.min(MAX_SALE_UNITS),
                                price: products[p].typical_price,
                                ..Sale::default()
                            })
                            .collect(),
                    }
                })
                .collect();
            Licensee {
                id: format!("l{:05}", i + 1),
                usage: Usage {
                    licensee: Text::Plain(format!("Licensee {}", i + 1)),
                    signed: Some(signed),
                    years,
                },
            }
        })
        .collect()
}
