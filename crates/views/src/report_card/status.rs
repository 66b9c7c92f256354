//! The neutral words of each status: where a value stands, never a verdict.

use serde::Serialize;

/// A neutral description of where a value stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    AboveReference,
    AtOrBelowReference,
    NoMargin,
    NoSales,
    IncomeShareAbove,
    IncomeShareBelow,
    SharesEqual,
    SameAsActual,
    RegionLine,
    NoPoolPatent,
    Discount,
    ProductLine,
    CannotCompute,
    MinBinds,
    MaxBinds,
    NeitherBinds,
    WholeIncome,
    Disclosed,
    Partly,
    Missing,
    FallsByMoreThanHalf,
    NoPatents,
}

/// The words of `s`: its stable name, English and Chinese.
#[must_use]
pub fn status_label(s: Status) -> (&'static str, &'static str, &'static str) {
    use Status as S;
    match s {
        S::AboveReference => ("above_reference", "above the reference line", "高于参考线"),
        S::AtOrBelowReference => (
            "at_or_below_reference",
            "at or below the reference line",
            "不高于参考线",
        ),
        S::NoMargin => (
            "no_margin",
            "no typical price or margin given",
            "未给出典型价格或利润率",
        ),
        S::NoSales => (
            "no_sales",
            "no sales that can be charged in the year",
            "该年无可计费的销售",
        ),
        S::IncomeShareAbove => (
            "income_share_above",
            "share of income above share of patents",
            "收益份额高于专利份额",
        ),
        S::IncomeShareBelow => (
            "income_share_below",
            "share of income below share of patents",
            "收益份额低于专利份额",
        ),
        S::SharesEqual => (
            "shares_equal",
            "shares of income and patents equal",
            "收益份额与专利份额相同",
        ),
        S::SameAsActual => (
            "same_as_actual",
            "same as the actual terms",
            "与实际条款相同",
        ),
        S::RegionLine => (
            "region_line",
            "differs: the region's rate line",
            "不同：该地区的费率行",
        ),
        S::NoPoolPatent => (
            "no_pool_patent",
            "differs: no pool patent in force in that country, so no royalty there",
            "不同：该国无有效池内专利，不收许可费",
        ),
        S::Discount => (
            "discount",
            "differs: the early-signing discount",
            "不同：提前签约折扣",
        ),
        S::ProductLine => (
            "product_line",
            "differs: the product's rate line and caps",
            "不同：该产品的费率行与封顶",
        ),
        S::CannotCompute => (
            "cannot_compute",
            "cannot be computed from the terms",
            "无法按条款计算",
        ),
        S::MinBinds => ("min_binds", "the minimum sets the fee", "由最低额决定"),
        S::MaxBinds => ("max_binds", "the maximum sets the fee", "由最高额决定"),
        S::NeitherBinds => ("neither_binds", "the percentage sets the fee", "由比例决定"),
        S::WholeIncome => (
            "whole_income",
            "the fee takes the whole income",
            "管理费等于全部收益",
        ),
        S::Disclosed => ("disclosed", "disclosed", "已披露"),
        S::Partly => ("partly", "partly disclosed", "部分披露"),
        S::Missing => ("missing", "not disclosed", "未披露"),
        S::FallsByMoreThanHalf => (
            "falls_by_more_than_half",
            "falls by more than half",
            "下降超过一半",
        ),
        S::NoPatents => ("no_patents", "no patents in force", "无有效专利"),
    }
}
