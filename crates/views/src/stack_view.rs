//! The Stack page's model (text in, display rows out): the licences' totals, the royalty per
//! unit stacked by licence per year (the chart's bars and the same figures as a table), the
//! price → royalties → remaining margin breakdown, overlap and reference lines, and the
//! what-if difference. Numbers are grouped for people; the page only lays the rows out.

use rust_decimal::Decimal;
use serde::Serialize;

use poolcalc_engine::stack::{Burden, LicenceKind, Stack, StackReport, WhatIf, WhatIfReport};

pub use crate::format::grouped;

/// A fraction as a percentage for people, 2 decimals: 0.004256 → "0.43%"; "—" when unknown.
#[must_use]
pub fn percent(share: Option<Decimal>) -> String {
    share
        .and_then(|s| s.checked_mul(Decimal::ONE_HUNDRED))
        .map_or_else(|| "—".to_owned(), |p| format!("{}%", grouped(p, 2)))
}

/// One row of figures: payable, per unit, shares of price and of profit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figures {
    /// Payable, grouped, with the currency's decimals.
    pub payable: String,
    /// Per unit, two more decimals.
    pub per_unit: String,
    /// Share of price.
    pub of_price: String,
    /// Share of unit profit.
    pub of_profit: String,
}

impl Figures {
    fn of(b: &Burden, dp: u32) -> Figures {
        Figures {
            payable: grouped(b.payable, dp),
            per_unit: b
                .per_unit
                .map_or_else(|| "—".to_owned(), |u| grouped(u, dp + 2)),
            of_price: percent(b.share_of_price),
            of_profit: percent(b.share_of_profit),
        }
    }
}

/// A licence of the totals table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LicenceRow {
    /// Licence id (stable: test ids and keys).
    pub id: String,
    /// Its name in the page's language.
    pub name: String,
    /// "pool", "bilateral" or "known" (an i18n key suffix).
    pub kind: &'static str,
    /// Over every year.
    pub total: Figures,
}

/// One year of the chart and its table: each licence's royalty per unit, stacked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearRow {
    /// The year.
    pub year: i32,
    /// Units sold, grouped.
    pub units: String,
    /// Per licence (table order): its royalty per unit.
    pub per_unit: Vec<String>,
    /// Per licence: the bar segment's height in percent of the tallest year's total, 2
    /// decimals (for a CSS height).
    pub heights: Vec<String>,
    /// The stack's figures for the year.
    pub total: Figures,
    /// Unit profit − royalty per unit.
    pub remaining_margin: String,
}

/// A reference line against the stack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReferenceRow {
    /// Reference id.
    pub id: String,
    /// What it is, in the page's language.
    pub label: String,
    /// Its source.
    pub source: String,
    /// The line per unit (and the range's top).
    pub per_unit: String,
    /// Line − the stack's royalty per unit, over every year.
    pub headroom: String,
    /// Whether the stack is above it.
    pub above: bool,
}

/// Two pools' shared patents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverlapRow {
    /// First licence id.
    pub a: String,
    /// Second licence id.
    pub b: String,
    /// How many patents are in both.
    pub count: String,
    /// The first few as "US 9620831".
    pub examples: Vec<String>,
}

/// The what-if against the saved stack, per licence and in total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WhatIfRow {
    /// Licence id, or "total".
    pub id: String,
    /// Saved.
    pub base: String,
    /// Changed.
    pub what_if: String,
    /// Changed − saved, with a sign.
    pub difference: String,
}

/// Everything the Stack page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StackView {
    /// Currency code.
    pub currency: String,
    /// Price per unit.
    pub price: String,
    /// Unit profit ("—" when not given).
    pub unit_profit: String,
    /// The totals table.
    pub licences: Vec<LicenceRow>,
    /// Per year.
    pub years: Vec<YearRow>,
    /// Over every year.
    pub total: Figures,
    /// Unit profit − royalty per unit over every year.
    pub remaining_margin: String,
    /// Overlap between pools.
    pub overlap: Vec<OverlapRow>,
    /// Reference lines.
    pub references: Vec<ReferenceRow>,
}

/// How many overlapping patents a row names.
const EXAMPLES: usize = 5;

fn signed(d: Decimal, dp: u32) -> String {
    let s = grouped(d, dp);
    if d > Decimal::ZERO {
        format!("+{s}")
    } else {
        s
    }
}

/// The page model of a stack's report, texts in `lang`.
#[must_use]
pub fn stack_view(r: &StackReport, lang: &str) -> StackView {
    let dp = r.decimals;
    let money_pu = |d: Option<Decimal>| d.map_or_else(|| "—".to_owned(), |d| grouped(d, dp + 2));
    let tallest = r
        .years
        .iter()
        .filter_map(|y| y.total.per_unit)
        .max()
        .unwrap_or_default();
    let height = |d: Option<Decimal>| {
        let h = d
            .zip(Some(tallest).filter(|t| *t > Decimal::ZERO))
            .and_then(|(d, t)| d.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(t))
            .unwrap_or_default();
        grouped(h, 2)
    };
    StackView {
        currency: r.currency.clone(),
        price: grouped(r.price, dp),
        // Profit per unit is money like the price, in the currency's own decimals.
        unit_profit: r
            .unit_profit
            .map_or_else(|| "—".to_owned(), |d| grouped(d, dp)),
        licences: r
            .licences
            .iter()
            .map(|l| LicenceRow {
                id: l.id.clone(),
                name: l.name.get(lang).to_owned(),
                kind: match l.kind {
                    LicenceKind::Pool { .. } => "pool",
                    LicenceKind::Bilateral => "bilateral",
                    LicenceKind::Known => "known",
                },
                total: Figures::of(&l.total, dp),
            })
            .collect(),
        years: r
            .years
            .iter()
            .enumerate()
            .map(|(y, year)| YearRow {
                year: year.year,
                units: grouped(Decimal::from(year.total.units), 0),
                per_unit: r
                    .licences
                    .iter()
                    .map(|l| money_pu(l.years[y].per_unit))
                    .collect(),
                heights: r
                    .licences
                    .iter()
                    .map(|l| height(l.years[y].per_unit))
                    .collect(),
                total: Figures::of(&year.total, dp),
                remaining_margin: money_pu(year.remaining_margin),
            })
            .collect(),
        total: Figures::of(&r.total, dp),
        remaining_margin: money_pu(r.remaining_margin),
        overlap: r
            .overlap
            .iter()
            .map(|p| OverlapRow {
                a: p.a.clone(),
                b: p.b.clone(),
                count: grouped(Decimal::from(p.count), 0),
                examples: p
                    .patents
                    .iter()
                    .take(EXAMPLES)
                    .map(|x| format!("{} {}", x.country, x.number))
                    .collect(),
            })
            .collect(),
        references: r
            .references
            .iter()
            .map(|x| ReferenceRow {
                id: x.reference.id.clone(),
                label: x.reference.label.get(lang).to_owned(),
                source: x
                    .reference
                    .source
                    .as_ref()
                    .map(|s| s.get(lang).to_owned())
                    .unwrap_or_default(),
                per_unit: match x.upper_per_unit {
                    Some(u) => format!("{}–{}", money_pu(x.per_unit), grouped(u, dp + 2)),
                    None => money_pu(x.per_unit),
                },
                headroom: x
                    .total
                    .headroom
                    .map_or_else(|| "—".to_owned(), |h| signed(h, dp + 2)),
                above: x.total.above,
            })
            .collect(),
    }
}

/// The what-if rows: each licence of the saved stack, then the total.
#[must_use]
pub fn what_if_rows(w: &WhatIfReport) -> Vec<WhatIfRow> {
    let dp = w.report.decimals;
    w.licences
        .iter()
        .map(|l| WhatIfRow {
            id: l.id.clone(),
            base: grouped(l.base, dp),
            what_if: grouped(l.what_if, dp),
            difference: signed(l.difference, dp),
        })
        .chain(std::iter::once(WhatIfRow {
            id: "total".to_owned(),
            base: grouped(w.total.base, dp),
            what_if: grouped(w.total.what_if, dp),
            difference: signed(w.total.difference, dp),
        }))
        .collect()
}

/// The what-if controls of one licence, read from the stack's `what_if` list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Controls {
    /// Not dropped.
    pub included: bool,
    /// The rate factor as text ("" when unchanged).
    pub factor: String,
    /// The what-if signing date as text ("" when unchanged).
    pub signed: String,
}

fn licence_of(w: &WhatIf) -> &str {
    match w {
        WhatIf::Drop { licence }
        | WhatIf::ScaleRates { licence, .. }
        | WhatIf::SetSigned { licence, .. } => licence,
    }
}

/// The controls of licence `id`.
#[must_use]
pub fn controls(stack: &Stack, id: &str) -> Controls {
    let mut c = Controls {
        included: true,
        ..Controls::default()
    };
    for w in stack.what_if.iter().filter(|w| licence_of(w) == id) {
        match w {
            WhatIf::Drop { .. } => c.included = false,
            WhatIf::ScaleRates { factor, .. } => c.factor = factor.normalize().to_string(),
            WhatIf::SetSigned { signed, .. } => {
                c.signed = signed.map(|d| d.to_string()).unwrap_or_default();
            }
        }
    }
    c
}

/// Replaces licence `id`'s change of the same kind as `change` (`None` removes it): one
/// drop, one rate factor and one signing date per licence at most, in that order.
pub fn set_change(stack: &mut Stack, id: &str, kind: ChangeKind, change: Option<WhatIf>) {
    stack
        .what_if
        .retain(|w| !(licence_of(w) == id && ChangeKind::of(w) == kind));
    if let Some(c) = change {
        stack.what_if.push(c);
    }
}

/// The three kinds of what-if change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// `drop`.
    Drop,
    /// `scale_rates`.
    Scale,
    /// `set_signed`.
    Signed,
}

impl ChangeKind {
    fn of(w: &WhatIf) -> ChangeKind {
        match w {
            WhatIf::Drop { .. } => ChangeKind::Drop,
            WhatIf::ScaleRates { .. } => ChangeKind::Scale,
            WhatIf::SetSigned { .. } => ChangeKind::Signed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn numbers_are_grouped_and_rounded_half_away_from_zero() {
        assert_eq!(grouped(d("73575148.705"), 2), "73,575,148.71");
        assert_eq!(grouped(d("-1234.5"), 0), "-1,235");
        assert_eq!(grouped(d("999"), 2), "999.00");
        assert_eq!(grouped(d("1000"), 0), "1,000");
        assert_eq!(grouped(d("-0.001"), 2), "0.00");
        assert_eq!(percent(Some(d("0.0042516"))), "0.43%");
        assert_eq!(percent(None), "—");
        assert_eq!(signed(d("5"), 2), "+5.00");
        assert_eq!(signed(d("-5"), 2), "-5.00");
    }

    #[test]
    fn controls_read_and_write_the_what_if_list() {
        let text = r#"{"format": "poolcalc-stack", "version": 1,
            "product": {"name": "X", "currency": "USD", "price": "10"},
            "sales": {"years": [{"year": 2026, "countries": [{"country": "US", "units": 5}]}]},
            "licences": [{"id": "a", "type": "known", "per_year": "1"}, {"id": "b", "type": "known", "per_year": "2"}],
            "what_if": [{"type": "scale_rates", "licence": "a", "factor": "0.50"}]}"#;
        let mut stack =
            poolcalc_engine::stack::load_stack(text).unwrap_or_else(|i| panic!("{i:?}"));
        assert_eq!(controls(&stack, "a").factor, "0.5");
        assert!(controls(&stack, "a").included);
        set_change(
            &mut stack,
            "a",
            ChangeKind::Drop,
            Some(WhatIf::Drop {
                licence: "a".into(),
            }),
        );
        set_change(&mut stack, "a", ChangeKind::Scale, None);
        assert_eq!(
            stack.what_if,
            vec![WhatIf::Drop {
                licence: "a".into()
            }]
        );
        assert!(!controls(&stack, "a").included);
        assert_eq!(
            controls(&stack, "b"),
            Controls {
                included: true,
                ..Controls::default()
            }
        );
    }
}
