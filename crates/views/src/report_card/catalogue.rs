//! What each indicator is: its meaning in both languages, its formula and the passage it
//! speaks to; and the neutral words of each status.

use serde::Serialize;

use super::SectionId;
use super::passages::PassageId;

macro_rules! indicators {
    ($($variant:ident => $name:literal),* $(,)?) => {
        /// Every indicator of the report.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum IndicatorId { $($variant),* }

        impl IndicatorId {
            /// Every indicator in report order.
            pub const ALL: &'static [IndicatorId] = &[$(IndicatorId::$variant),*];

            /// A stable name (for test ids and exports).
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $(IndicatorId::$variant => $name),* }
            }
        }
    };
}

indicators! {
    RoyaltyPerUnit => "royalty_per_unit",
    RoyaltyShareOfPrice => "royalty_share_of_price",
    RoyaltyShareOfProfit => "royalty_share_of_profit",
    YearsAboveReference => "years_above_reference",
    UnchargeableLicensees => "unchargeable_licensees",
    StackPerUnit => "stack_per_unit",
    StackShareOfProfit => "stack_share_of_profit",
    LargestIncomeShare => "largest_income_share",
    TopThreeIncomeShare => "top_three_income_share",
    IncomeHhi => "income_hhi",
    LargestPatentShare => "largest_patent_share",
    TopThreePatentShare => "top_three_patent_share",
    PatentHhi => "patent_hhi",
    IncomeVsPatentShare => "income_vs_patent_share",
    IncomePerPatent => "income_per_patent",
    IncomePerPatentLowest => "income_per_patent_lowest",
    IncomePerPatentHighest => "income_per_patent_highest",
    IncomePerPatentRatio => "income_per_patent_ratio",
    AheadLargestShare => "ahead_largest_share",
    AheadTopThreeShare => "ahead_top_three_share",
    AheadHhi => "ahead_hhi",
    AheadPatentsInForce => "ahead_patents_in_force",
    JoinedByYear => "joined_by_year",
    ExitedByYear => "exited_by_year",
    MedianPortfolio => "median_portfolio",
    JoinerIncome => "joiner_income",
    OthersGiveUp => "others_give_up",
    LargestLoss => "largest_loss",
    ReferenceLicensee => "reference_licensee",
    VariantPayable => "variant_payable",
    VariantsDiffering => "variants_differing",
    ManagementFee => "management_fee",
    FeeBinding => "fee_binding",
    YearsMinBinds => "years_min_binds",
    YearsMaxBinds => "years_max_binds",
    DisclosureItem => "disclosure_item",
    MissingItems => "missing_items",
    PoolIncome => "pool_income",
    IncomeHalvings => "income_halvings",
}

/// What an indicator is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct About {
    /// The section it belongs to.
    pub section: SectionId,
    /// Its meaning in one line, in English.
    pub en: &'static str,
    /// The same in Chinese.
    pub zh: &'static str,
    /// How it is computed.
    pub formula: &'static str,
    /// What the row's second figure is, in English and Chinese, when there is one.
    pub detail: Option<(&'static str, &'static str)>,
    /// The passage of the guidelines it speaks to.
    pub passage: PassageId,
}

const fn entry(
    section: SectionId,
    en: &'static str,
    zh: &'static str,
    formula: &'static str,
    passage: PassageId,
) -> About {
    About {
        section,
        en,
        zh,
        formula,
        detail: None,
        passage,
    }
}

const fn with_detail(a: About, en: &'static str, zh: &'static str) -> About {
    About {
        detail: Some((en, zh)),
        ..a
    }
}

/// The meaning, formula and passage of `id`.
#[must_use]
pub fn about(id: IndicatorId) -> About {
    use IndicatorId as I;
    use PassageId as P;
    use SectionId as S;
    let ib = S::InterestBalance;
    let rd = S::RevenueDistribution;
    match id {
        I::RoyaltyPerUnit => entry(
            ib,
            "What licensees pay per unit of the product, on average over the market estimate's sales of the year, under each schedule.",
            "按各费率表计算，被许可人在该年市场估算销量上每件产品平均支付的许可费。",
            "Σ royalty of the product ÷ Σ units sold (every licensee, the year's sales, the schedule applied)",
            P::RateSetting,
        ),
        I::RoyaltyShareOfPrice => entry(
            ib,
            "The royalty per unit as a share of the product's typical price.",
            "每件许可费占产品典型价格的比例。",
            "royalty per unit ÷ typical price",
            P::RateSetting,
        ),
        I::StackPerUnit => with_detail(
            entry(
                ib,
                "Where a royalty stack is open: what each of its licences, and all of them together, take per unit of the stacked product in the report's year (over the stack's years when it has no sales then), against its price.",
                "打开许可费叠加时：该年（该年无销量时取叠加的全部年份）叠加产品每件由各项许可及其合计收取的许可费，并与价格对照。",
                "Σ payable of the licence (or of every licence) ÷ units of the stacked product; ÷ net price per unit",
                P::InterestBalance,
            ),
            "share of price",
            "占价格比例",
        ),
        I::StackShareOfProfit => entry(
            ib,
            "The stack's royalty per unit, licence by licence and in total, as a share of the stacked product's unit profit, against the reference line.",
            "叠加许可费（逐项及合计）每件占叠加产品单位利润的比例，并与参考线比较。",
            "royalty per unit ÷ unit profit (price × margin, or price − unit cost)",
            P::InterestBalance,
        ),
        I::RoyaltyShareOfProfit => entry(
            ib,
            "The royalty per unit as a share of the unit profit at the industry's average margin, against the reference line.",
            "每件许可费占按行业平均利润率计算的单位利润的比例，并与参考线比较。",
            "royalty per unit ÷ (typical price × industry margin)",
            P::InterestBalance,
        ),
        I::YearsAboveReference => entry(
            ib,
            "The years of the projection in which the royalty share of unit profit, under the schedule in force, is above the reference line.",
            "预测期内按当年适用费率表，许可费占单位利润比例高于参考线的年份。",
            "years y where royalty per unit(y) ÷ unit profit > reference line",
            P::InterestBalance,
        ),
        I::UnchargeableLicensees => entry(
            ib,
            "Licensees whose sales of the year a schedule cannot charge (no rate line for a product or region); they are left out of that schedule's averages.",
            "某费率表无法计费的被许可人（产品或地区无费率行），不计入该费率表的平均值。",
            "count of licensees whose fees under the schedule fail",
            P::RateSetting,
        ),
        I::LargestIncomeShare => entry(
            rd,
            "The largest member's share of the income shared out in the year.",
            "该年分配收益中份额最大的成员所占比例。",
            "max amount ÷ Σ amounts",
            P::Distribution,
        ),
        I::TopThreeIncomeShare => entry(
            rd,
            "The three largest members' share of the income shared out.",
            "份额最大的三个成员合计所占比例。",
            "Σ three largest amounts ÷ Σ amounts",
            P::Distribution,
        ),
        I::IncomeHhi => entry(
            rd,
            "Concentration of member income (Herfindahl–Hirschman index, 0 to 10,000).",
            "成员收益集中度（赫芬达尔—赫希曼指数，0 至 10000）。",
            "Σ (amount ÷ Σ amounts)² × 10,000",
            P::Distribution,
        ),
        I::LargestPatentShare => entry(
            rd,
            "The largest member's share of the patents in force in the year.",
            "该年有效专利中拥有专利最多的成员所占比例。",
            "max patents ÷ Σ patents in force",
            P::Distribution,
        ),
        I::TopThreePatentShare => entry(
            rd,
            "The three largest portfolios' share of the patents in force.",
            "专利最多的三个成员合计所占有效专利比例。",
            "Σ three largest patent counts ÷ Σ patents in force",
            P::Distribution,
        ),
        I::PatentHhi => entry(
            rd,
            "Concentration of patents in force (Herfindahl–Hirschman index, 0 to 10,000).",
            "有效专利集中度（赫芬达尔—赫希曼指数，0 至 10000）。",
            "Σ (patents ÷ Σ patents)² × 10,000",
            P::Distribution,
        ),
        I::IncomeVsPatentShare => with_detail(
            entry(
                rd,
                "Each member's share of income set against its share of the patents in force.",
                "各成员收益份额与其有效专利份额的对照。",
                "amount ÷ Σ amounts, against patents ÷ Σ patents",
                P::Distribution,
            ),
            "share of patents",
            "专利份额",
        ),
        I::IncomePerPatent => entry(
            rd,
            "Income shared out per patent in force, across the pool.",
            "全池每件有效专利对应的分配收益。",
            "Σ amounts ÷ Σ patents in force",
            P::Distribution,
        ),
        I::IncomePerPatentLowest => entry(
            rd,
            "The lowest income per patent in force among members with patents.",
            "有专利的成员中，每件有效专利收益最低者。",
            "min over members of amount ÷ patents",
            P::Distribution,
        ),
        I::IncomePerPatentHighest => entry(
            rd,
            "The highest income per patent in force among members with patents.",
            "有专利的成员中，每件有效专利收益最高者。",
            "max over members of amount ÷ patents",
            P::Distribution,
        ),
        I::IncomePerPatentRatio => entry(
            rd,
            "The spread of income per patent: highest over lowest.",
            "每件专利收益的离散程度：最高值与最低值之比。",
            "highest income per patent ÷ lowest",
            P::Distribution,
        ),
        I::AheadLargestShare => entry(
            rd,
            "The largest member's share in each of the next ten years with the year's income held, so only patents expiring move it.",
            "保持该年收益不变时，未来十年每年份额最大成员的比例，变化仅来自专利到期。",
            "max amount ÷ Σ amounts, income of the report year, patents of each year",
            P::Distribution,
        ),
        I::AheadTopThreeShare => entry(
            rd,
            "The three largest members' share in each of the next ten years, income held.",
            "保持收益不变时，未来十年每年前三大成员的合计份额。",
            "Σ three largest amounts ÷ Σ amounts, per year",
            P::Distribution,
        ),
        I::AheadHhi => entry(
            rd,
            "Concentration of member income in each of the next ten years, income held.",
            "保持收益不变时，未来十年每年的成员收益集中度。",
            "Σ (amount ÷ Σ amounts)² × 10,000, per year",
            P::Distribution,
        ),
        I::AheadPatentsInForce => entry(
            rd,
            "Patents in force in each of the next ten years.",
            "未来十年每年的有效专利数。",
            "count of pool patents counting on at least one day of the year",
            P::Distribution,
        ),
        I::JoinedByYear => entry(
            S::Openness,
            "Members who joined, by year.",
            "按年份统计的加入成员数。",
            "count of members by year of joining",
            P::Openness,
        ),
        I::ExitedByYear => entry(
            S::Openness,
            "Members who left, by year.",
            "按年份统计的退出成员数。",
            "count of members by year of exit",
            P::Openness,
        ),
        I::MedianPortfolio => entry(
            S::Openness,
            "The median member's patents in force: the portfolio a new member is given (a copy of that member's patents) to see what joining brings.",
            "中位成员的有效专利数：以该成员专利的副本作为新成员的组合，测算加入的结果。",
            "the middle of members' patents in force, sorted (the lower middle for an even count)",
            P::Openness,
        ),
        I::JoinerIncome => with_detail(
            entry(
                S::Openness,
                "What the new member with the median portfolio would receive in the year, joining on its first day.",
                "持中位组合的新成员自该年首日加入后当年可获得的收益。",
                "its amount in the split with it as a member (join evaluator)",
                P::Openness,
            ),
            "share of income",
            "收益份额",
        ),
        I::OthersGiveUp => entry(
            S::Openness,
            "What the other members would receive less, together, when it joins.",
            "其加入后其他成员合计减少的收益。",
            "Σ over other members of (before − after), where positive",
            P::Openness,
        ),
        I::LargestLoss => entry(
            S::Openness,
            "The member that would give up the most when it joins.",
            "其加入后收益减少最多的成员。",
            "max over members of (before − after)",
            P::Openness,
        ),
        I::ReferenceLicensee => entry(
            S::NonDiscrimination,
            "The licensee checked: the one paying most in the year, with what it pays.",
            "被检查的被许可人：该年支付最多者及其应付金额。",
            "max over licensees of the year's payable",
            P::NonDiscrimination,
        ),
        I::VariantPayable => with_detail(
            entry(
                S::NonDiscrimination,
                "The same sales under each region, signing date and product grouping the terms allow, and the rule behind each difference.",
                "同一销售在条款允许的各地区、签约日期和产品归类下的应付金额，以及造成差异的规则。",
                "payable with the sales moved to the variant; difference = that − actual payable",
                P::NonDiscrimination,
            ),
            "difference",
            "差额",
        ),
        I::VariantsDiffering => entry(
            S::NonDiscrimination,
            "How many variants cost a different amount from the actual terms.",
            "应付金额与实际条款不同的变体数量。",
            "count of variants with a non-zero difference",
            P::NonDiscrimination,
        ),
        I::ManagementFee => with_detail(
            entry(
                S::Management,
                "The administrator's management fee in the year, in money and as a share of income.",
                "该年管理机构的管理费金额及其占收益的比例。",
                "round(income × percent), clamped to [min, max], at most income",
                P::ManagementFee,
            ),
            "share of income",
            "占收益比例",
        ),
        I::FeeBinding => entry(
            S::Management,
            "The fee the percentage alone gives, and whether the minimum or the maximum sets the fee instead.",
            "仅按比例计算的管理费，以及最低额或最高额是否取而代之。",
            "round(income × percent) compared with min and max",
            P::ManagementFee,
        ),
        I::YearsMinBinds => entry(
            S::Management,
            "Years of the projection in which the minimum sets the fee.",
            "预测期内由最低额决定管理费的年份。",
            "years where round(income × percent) < min",
            P::ManagementFee,
        ),
        I::YearsMaxBinds => entry(
            S::Management,
            "Years of the projection in which the maximum sets the fee.",
            "预测期内由最高额决定管理费的年份。",
            "years where round(income × percent) > max",
            P::ManagementFee,
        ),
        I::DisclosureItem => entry(
            S::Disclosure,
            "What the dataset discloses of each checklist item.",
            "数据集对清单各项的披露情况。",
            "items carrying it ÷ items there are (patents, schedules, products)",
            P::Disclosure,
        ),
        I::MissingItems => entry(
            S::Disclosure,
            "How many checklist items the dataset does not disclose at all.",
            "数据集完全未披露的清单项目数。",
            "count of items disclosed for none",
            P::Disclosure,
        ),
        I::PoolIncome => entry(
            S::Sustainability,
            "Pool income by year over the projection, from the dataset's licensee estimates.",
            "按数据集被许可人估算，预测期内各年的专利池收益。",
            "Σ over licensees of the year's payable",
            P::MarketBased,
        ),
        I::IncomeHalvings => entry(
            S::Sustainability,
            "Years in which pool income falls by more than half from the year before.",
            "专利池收益较上一年下降超过一半的年份。",
            "years y where income(y) × 2 < income(y − 1)",
            P::MarketBased,
        ),
    }
}
