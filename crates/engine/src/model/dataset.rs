//! The pool dataset of spec section 2 as typed values (its rate schedules are in `schedule`,
//! the usage profile of section 3 in `usage`, both re-exported here). Reading from JSON (with every structural problem reported)
//! lives in `io::read`.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

use crate::model::date::Date;
pub use crate::model::schedule::{
    ANY_REGION, Discount, GroupCap, Rate, RateLine, RateSchedule, Tier, TierMode,
};
use crate::model::service::ProductKind;
use crate::model::text::Text;
pub(crate) use crate::model::usage::check_sale_units;
pub use crate::model::usage::{
    Licensee, MAX_SALE_UNITS, Sale, SaleV2, Usage, UsageFile, UsageYear,
};

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
    /// The most a rate may rise from one schedule to the next, a fraction (version 2).
    #[schemars(with = "Option<crate::model::money::DecimalString>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_rate_rise: Option<Decimal>,
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
    /// How much a user or subscriber of its countries counts on a service line (version 2;
    /// "1" when absent).
    #[schemars(with = "Option<crate::model::money::DecimalString>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_weight: Option<Decimal>,
}

impl Region {
    /// The weight of its users and subscribers: `user_weight`, or 1.
    #[must_use]
    pub fn user_weight(&self) -> Decimal {
        self.user_weight.unwrap_or(Decimal::ONE)
    }
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
    /// A device (per unit) or a service (by users, subscribers or revenue; version 2).
    #[serde(default, skip_serializing_if = "ProductKind::is_device")]
    pub kind: ProductKind,
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

/// A dataset file: the `format` and `version` wrapper around a [`Dataset`].
#[derive(Serialize, JsonSchema)]
pub struct DatasetFile<'a> {
    /// Always [`DATASET_FORMAT`].
    pub format: &'static str,
    /// 1, or 2 when the dataset uses a version 2 field.
    pub version: u32,
    /// The dataset.
    #[serde(flatten)]
    pub dataset: &'a Dataset,
}

impl Dataset {
    fn file(&self) -> DatasetFile<'_> {
        DatasetFile {
            format: DATASET_FORMAT,
            version: self.version(),
            dataset: self,
        }
    }

    /// The dataset as a pretty-printed JSON file (version 1 unless it uses version 2).
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.file()).unwrap_or_default()
    }

    /// The dataset as a JSON file on one line (large generated pools).
    #[must_use]
    pub fn to_compact_json(&self) -> String {
        serde_json::to_string(&self.file()).unwrap_or_default()
    }
}
