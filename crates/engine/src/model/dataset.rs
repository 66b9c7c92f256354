//! The pool dataset of spec section 2 and the usage profile of section 3, as typed values.
//! Reading from JSON (with every structural problem reported) lives in `dataset_read`.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

use crate::model::date::Date;
use crate::model::text::Text;

/// The `format` value of a dataset file.
pub const DATASET_FORMAT: &str = "patent-pool-dataset";
/// The `format` value of a usage profile file.
pub const USAGE_FORMAT: &str = "patent-pool-usage";

/// A published patent pool: its terms, members, patents and market estimate.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Dataset {
    /// The pool's identity and disclosure details.
    pub pool: PoolInfo,
    /// Regions that rate lines refer to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<Region>,
    /// Licensors.
    pub members: Vec<Member>,
    /// The pool's patents.
    pub patents: Vec<Patent>,
    /// Licensed product categories.
    pub products: Vec<Product>,
    /// Rate schedules by year.
    pub rate_schedules: Vec<RateSchedule>,
    /// How income is split among members.
    pub distribution: Distribution,
    /// The market estimate pool income is computed from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub licensees: Vec<Licensee>,
}

/// The pool card.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PoolInfo {
    /// Stable identifier.
    pub id: String,
    /// Display name.
    pub name: Text,
    /// Who runs the pool.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub administrator: Option<Text>,
    /// Standards the pool licenses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub standards: Vec<String>,
    /// ISO 4217 currency of every amount.
    pub currency: String,
    /// Decimals of the currency's minor unit (default 2).
    #[serde(default = "default_decimals")]
    pub currency_decimals: u32,
    /// The date the data describes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// True when any part is made up.
    #[serde(default)]
    pub illustrative: bool,
    /// Free notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
}

/// A cited source.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Source {
    /// Title of the source.
    pub title: Text,
    /// Where to read it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A named group of countries.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Region {
    /// Identifier used by rate lines.
    pub id: String,
    /// Display name.
    pub name: Text,
    /// Member countries (empty for the default region).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    /// The region of every country no region lists.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub default: bool,
}

/// A licensor.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Member {
    /// Identifier.
    pub id: String,
    /// Display name.
    pub name: Text,
    /// Home country.
    pub country: String,
    /// First day in the pool.
    pub joined: Date,
    /// First day no longer in the pool.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exited: Option<Date>,
}

/// A patent's legal status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PatentStatus {
    /// Granted and in force (subject to its dates).
    #[default]
    InForce,
    /// Applied for, not granted.
    Pending,
    /// Found invalid.
    Invalidated,
    /// Taken out of the pool.
    Withdrawn,
}

impl PatentStatus {
    /// All statuses with their JSON names.
    pub const ALL: [(PatentStatus, &'static str); 4] = [
        (PatentStatus::InForce, "in_force"),
        (PatentStatus::Pending, "pending"),
        (PatentStatus::Invalidated, "invalidated"),
        (PatentStatus::Withdrawn, "withdrawn"),
    ];

    /// The JSON name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(s, _)| *s == self)
            .map_or("in_force", |(_, n)| n)
    }
}

/// One patent (one country's grant) in the pool.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Patent {
    /// Identifier.
    pub id: String,
    /// Owning member's id.
    pub member: String,
    /// Patent family; a patent without one is its own family.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// Country of grant.
    pub country: String,
    /// Publication or grant number.
    pub number: String,
    /// Grant date, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub granted: Option<Date>,
    /// First day no longer in force.
    pub expires: Date,
    /// Legal status.
    #[serde(default)]
    pub status: PatentStatus,
    /// Weight for the `weighted` distribution method.
    #[schemars(with = "crate::model::money::DecimalString")]
    #[serde(default = "default_weight")]
    pub weight: Decimal,
    /// Standards the patent is declared essential to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub standards: Vec<String>,
}

/// A licensed product category.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Product {
    /// Identifier.
    pub id: String,
    /// Display name.
    pub name: Text,
    /// What one unit is.
    #[serde(default = "default_unit")]
    pub unit: Text,
    /// A typical net selling price.
    #[schemars(with = "Option<crate::model::money::DecimalString>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub typical_price: Option<Decimal>,
    /// The industry's average profit margin, a fraction of price.
    #[schemars(with = "Option<crate::model::money::DecimalString>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub industry_margin: Option<Decimal>,
}

/// The royalty terms in force over a range of years.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RateSchedule {
    /// Identifier.
    pub id: String,
    /// First year covered.
    pub from_year: i32,
    /// Last year covered (inclusive); open-ended when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_year: Option<i32>,
    /// Rate lines.
    pub lines: Vec<RateLine>,
    /// Discounts by signing date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub discounts: Vec<Discount>,
    /// Caps on groups of products.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group_caps: Vec<GroupCap>,
    /// The licensee's enterprise cap per year.
    #[schemars(with = "Option<crate::model::money::DecimalString>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annual_cap: Option<Decimal>,
    /// Royalty only where a pool patent is in force in the country.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub requires_patent_in_force: bool,
}

impl RateSchedule {
    /// Whether the schedule covers `year`.
    #[must_use]
    pub fn covers(&self, year: i32) -> bool {
        self.from_year <= year && self.to_year.is_none_or(|to| year <= to)
    }
}

/// The region a rate line applies to.
pub const ANY_REGION: &str = "*";

/// The rate of one product in one region.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RateLine {
    /// Product id.
    pub product: String,
    /// Region id, or `"*"` for every country without a more specific line.
    pub region: String,
    /// How the royalty is computed.
    #[serde(flatten)]
    pub rate: Rate,
}

/// How a line's royalty is computed.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Rate {
    /// Money per unit.
    PerUnit {
        /// Money per unit.
        #[schemars(with = "crate::model::money::DecimalString")]
        per_unit: Decimal,
    },
    /// Volume tiers.
    Tiers {
        /// The bands, ascending, the last open.
        tiers: Vec<Tier>,
        /// Marginal or all-units.
        #[serde(default)]
        tier_mode: TierMode,
    },
    /// A fraction of the net selling price.
    PercentOfPrice {
        /// Fraction of price.
        #[schemars(with = "crate::model::money::DecimalString")]
        percent_of_price: Decimal,
        /// Lowest amount per unit.
        #[serde(skip_serializing_if = "Option::is_none")]
        #[schemars(with = "Option<crate::model::money::DecimalString>")]
        min_per_unit: Option<Decimal>,
        /// Highest amount per unit.
        #[serde(skip_serializing_if = "Option::is_none")]
        #[schemars(with = "Option<crate::model::money::DecimalString>")]
        max_per_unit: Option<Decimal>,
    },
}

/// One volume band.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Tier {
    /// Upper bound of the band (inclusive); `None` for the open last band.
    pub up_to: Option<u64>,
    /// Money per unit in this band.
    #[schemars(with = "crate::model::money::DecimalString")]
    pub per_unit: Decimal,
}

/// How tiers apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TierMode {
    /// Each band's units pay that band's rate.
    #[default]
    Marginal,
    /// Every unit pays the rate of the band the total falls in.
    AllUnits,
}

/// A discount for licensees who signed early.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Discount {
    /// Identifier.
    pub id: String,
    /// Fraction taken off.
    #[schemars(with = "crate::model::money::DecimalString")]
    pub percent: Decimal,
    /// Applies to licensees who signed before this date.
    pub signed_before: Date,
}

/// A cap on the royalties of a group of products.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct GroupCap {
    /// Identifier.
    pub id: String,
    /// Products in the group.
    pub products: Vec<String>,
    /// Most a licensee pays for the group in a year.
    #[schemars(with = "crate::model::money::DecimalString")]
    pub amount: Decimal,
}

/// The distribution rule.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Distribution {
    /// The administrator's fee.
    pub management_fee: ManagementFee,
    /// How members' weights are computed.
    pub method: Method,
    /// What happens to income from countries where no pool patent counts.
    #[serde(default)]
    pub uncovered: Uncovered,
}

/// The administrator's fee out of licence income.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ManagementFee {
    /// Fraction of income.
    #[schemars(with = "crate::model::money::DecimalString")]
    pub percent: Decimal,
    /// Lowest fee.
    #[schemars(with = "Option<crate::model::money::DecimalString>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<Decimal>,
    /// Highest fee.
    #[schemars(with = "Option<crate::model::money::DecimalString>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<Decimal>,
}

/// Distribution method (spec section 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Patent-days.
    #[default]
    PerPatent,
    /// Family-days.
    PerFamily,
    /// Patent-days × weight.
    Weighted,
    /// Income by country, then patent-days in that country.
    CountryOfSale,
}

impl Method {
    /// All methods with their JSON names.
    pub const ALL: [(Method, &'static str); 4] = [
        (Method::PerPatent, "per_patent"),
        (Method::PerFamily, "per_family"),
        (Method::Weighted, "weighted"),
        (Method::CountryOfSale, "country_of_sale"),
    ];

    /// The JSON name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(m, _)| *m == self)
            .map_or("per_patent", |(_, n)| n)
    }

    /// The method with this JSON name.
    #[must_use]
    pub fn parse(name: &str) -> Option<Method> {
        Self::ALL.iter().find(|(_, n)| *n == name).map(|(m, _)| *m)
    }
}

/// Handling of uncovered countries under `country_of_sale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Uncovered {
    /// Spread by per-patent weights.
    #[default]
    ProRata,
    /// Kept by the administrator, reported as unallocated.
    Retained,
}

/// A licensee of the dataset's market estimate.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Licensee {
    /// Identifier.
    pub id: String,
    /// What it sells.
    #[serde(flatten)]
    pub usage: Usage,
}

/// What a licensee sells (spec section 3).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Usage {
    /// The licensee's name.
    pub licensee: Text,
    /// Signing date, for discounts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed: Option<Date>,
    /// Sales by year.
    pub years: Vec<UsageYear>,
}

/// One year of sales.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct UsageYear {
    /// The year.
    pub year: i32,
    /// Sales rows.
    pub sales: Vec<Sale>,
}

/// The most units one sale may hold: a trillion, far beyond any product's yearly sales in a
/// country, and low enough that amounts built from them stay within a Decimal's 28 digits.
pub const MAX_SALE_UNITS: u64 = 1_000_000_000_000;

/// `units` as a sale may hold them, or what is wrong with them.
pub(crate) fn check_sale_units(units: u64) -> Result<u64, String> {
    if units <= MAX_SALE_UNITS {
        Ok(units)
    } else {
        Err(format!(
            "{units} units in one sale: the most a sale may hold is {MAX_SALE_UNITS}"
        ))
    }
}

/// Units of one product sold in one country, at one price.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Sale {
    /// Product id.
    pub product: String,
    /// Country of sale.
    pub country: String,
    /// Units sold: at most 1,000,000,000,000 (`MAX_SALE_UNITS`).
    #[schemars(range(max = 1_000_000_000_000u64))]
    pub units: u64,
    /// Net selling price per unit (needed for percent-of-price lines).
    #[schemars(with = "Option<crate::model::money::DecimalString>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<Decimal>,
}

/// Default of `pool.currency_decimals`.
#[must_use]
pub fn default_decimals() -> u32 {
    2
}

/// Default of a patent's `weight`.
#[must_use]
pub fn default_weight() -> Decimal {
    Decimal::ONE
}

/// Default of a product's `unit`.
#[must_use]
pub fn default_unit() -> Text {
    Text::Plain("unit".to_owned())
}

/// A usage profile file: the `format` and `version` wrapper around a [`Usage`].
#[derive(Serialize, JsonSchema)]
pub struct UsageFile<'a> {
    /// Always [`USAGE_FORMAT`].
    pub format: &'static str,
    /// Always 1.
    pub version: u32,
    /// The profile.
    #[serde(flatten)]
    pub usage: &'a Usage,
}

/// A dataset file: the `format` and `version` wrapper around a [`Dataset`].
#[derive(Serialize, JsonSchema)]
pub struct DatasetFile<'a> {
    /// Always [`DATASET_FORMAT`].
    pub format: &'static str,
    /// Always 1.
    pub version: u32,
    /// The dataset.
    #[serde(flatten)]
    pub dataset: &'a Dataset,
}

impl Dataset {
    fn file(&self) -> DatasetFile<'_> {
        DatasetFile {
            format: DATASET_FORMAT,
            version: 1,
            dataset: self,
        }
    }

    /// The dataset as a pretty-printed v1 JSON file.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.file()).unwrap_or_default()
    }

    /// The dataset as a v1 JSON file on one line (large generated pools).
    #[must_use]
    pub fn to_compact_json(&self) -> String {
        serde_json::to_string(&self.file()).unwrap_or_default()
    }
}

impl Usage {
    /// The profile as a pretty-printed v1 JSON file.
    #[must_use]
    pub fn to_json(&self) -> String {
        let file = UsageFile {
            format: USAGE_FORMAT,
            version: 1,
            usage: self,
        };
        serde_json::to_string_pretty(&file).unwrap_or_default()
    }
}

impl Usage {
    /// Fills the years after the last one given up to `to_year` with the last year's sales,
    /// units growing by `growth` a year (rounded half away from zero to whole units).
    #[must_use]
    pub fn extended(&self, to_year: i32, growth: Decimal) -> Usage {
        let mut out = self.clone();
        let Some(last) = self.years.iter().max_by_key(|y| y.year) else {
            return out;
        };
        let mut factor = Decimal::ONE;
        for year in last.year + 1..=to_year {
            factor = factor.checked_mul(Decimal::ONE + growth).unwrap_or(factor);
            out.years.push(UsageYear {
                year,
                sales: last
                    .sales
                    .iter()
                    .map(|s| {
                        // Growth that would pass the limit stops at it.
                        let units = Decimal::from(s.units)
                            .checked_mul(factor)
                            .map(|u| {
                                u.round_dp_with_strategy(
                                    0,
                                    rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                                )
                            })
                            .and_then(|u| u64::try_from(u).ok())
                            .map_or(MAX_SALE_UNITS, |u| u.min(MAX_SALE_UNITS));
                        Sale { units, ..s.clone() }
                    })
                    .collect(),
            });
        }
        out
    }
}
