//! Reference lines: published aggregate royalty figures (presets, each citing its source) and
//! the Fees page's interest-balance line, turned into money per unit and set against the
//! stack's burden. A line is a comparison, never a verdict.

use rust_decimal::Decimal;
use serde::Serialize;

use super::compute::{Burden, StackYear};
use super::{Basis, Reference};
use crate::fees::DEFAULT_REFERENCE;
use crate::model::text::Text;

fn text(en: &str, zh: &str) -> Text {
    Text::Lang(
        [
            ("en".to_owned(), en.to_owned()),
            ("zh".to_owned(), zh.to_owned()),
        ]
        .into_iter()
        .collect(),
    )
}

/// The reference lines a stack can name by `{"preset": id}`, each with its published source.
#[must_use]
pub fn presets() -> Vec<Reference> {
    vec![
        Reference {
            id: "smartphone-2018".to_owned(),
            label: text(
                "Aggregate smartphone royalty yield, about 3.4% of price",
                "智能手机累计许可费率，约为售价的 3.4%",
            ),
            basis: Basis::Price,
            value: Decimal::new(34, 3),
            upper: None,
            source: Some(text(
                "Galetovic, Haber & Zaretski (2018), cumulative royalty yield of mobile phones, 2016 data",
                "Galetovic、Haber 与 Zaretski（2018），手机累计许可费率（2016 年数据）",
            )),
        },
        Reference {
            id: "5g-handset-2023".to_owned(),
            label: text(
                "5G handset aggregate royalty, 4.341%–5.273% of price",
                "5G 手机累计许可费率，售价的 4.341%–5.273%",
            ),
            basis: Basis::Price,
            value: Decimal::new(4341, 5),
            upper: Some(Decimal::new(5273, 5)),
            source: Some(text(
                "Chongqing First Intermediate People's Court, OPPO v Nokia (2023)",
                "重庆市第一中级人民法院，OPPO 诉诺基亚案（2023）",
            )),
        },
        Reference {
            id: "lte-2008".to_owned(),
            label: text(
                "LTE aggregate royalty below 10% of handset price",
                "LTE 累计许可费低于手机售价的 10%",
            ),
            basis: Basis::Price,
            value: Decimal::new(10, 2),
            upper: None,
            source: Some(text(
                "Joint statement of LTE licensors (2008)",
                "LTE 专利许可方联合声明（2008）",
            )),
        },
        Reference {
            id: "interest-balance".to_owned(),
            label: text(
                "Interest-balance line of the Fees page: royalty at 25% of unit profit (a rule of thumb)",
                "许可费页面的利益平衡线：许可费为单位利润的 25%（经验法则）",
            ),
            basis: Basis::Profit,
            value: DEFAULT_REFERENCE,
            upper: None,
            source: Some(text(
                "The \"25% rule\" heuristic (Goldscheider); rejected as evidence in Uniloc v. Microsoft (Fed. Cir. 2011)",
                "“25% 规则”经验法则（Goldscheider）；在 Uniloc 诉微软案（美国联邦巡回上诉法院，2011）中未被采纳为证据",
            )),
        },
    ]
}

/// One reference line against the stack.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReferenceResult {
    /// The line.
    pub reference: Reference,
    /// The line in money per unit: price (or unit profit) × value; `None` for a profit line
    /// when the stack gives no profit.
    pub per_unit: Option<Decimal>,
    /// The top of the range in money per unit.
    pub upper_per_unit: Option<Decimal>,
    /// Per year of sales.
    pub years: Vec<ReferenceYear>,
    /// Over every year.
    pub total: ReferenceYear,
}

/// The stack against a line in one year (or over all years).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReferenceYear {
    /// The line per unit − the stack's royalty per unit (negative: above the line).
    pub headroom: Option<Decimal>,
    /// Whether the stack's royalty per unit is above the line (above the top of a range).
    pub above: bool,
}

fn against(line: Option<Decimal>, upper: Option<Decimal>, b: &Burden) -> ReferenceYear {
    let headroom = line.zip(b.per_unit).and_then(|(l, u)| l.checked_sub(u));
    let top = upper.or(line);
    ReferenceYear {
        headroom,
        above: top.zip(b.per_unit).is_some_and(|(t, u)| u > t),
    }
}

/// Each line against each year and the total.
pub(crate) fn evaluate(
    lines: &[Reference],
    years: &[StackYear],
    total: &Burden,
    price: Decimal,
    profit: Option<Decimal>,
) -> Vec<ReferenceResult> {
    lines
        .iter()
        .map(|r| {
            let base = match r.basis {
                Basis::Price => Some(price),
                Basis::Profit => profit,
            };
            let per_unit = base.and_then(|b| b.checked_mul(r.value));
            let upper_per_unit = base.zip(r.upper).and_then(|(b, u)| b.checked_mul(u));
            ReferenceResult {
                reference: r.clone(),
                per_unit,
                upper_per_unit,
                years: years
                    .iter()
                    .map(|y| against(per_unit, upper_per_unit, &y.total))
                    .collect(),
                total: against(per_unit, upper_per_unit, total),
            }
        })
        .collect()
}
