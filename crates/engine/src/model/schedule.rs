//! Rate schedules as typed values (spec section 2, version 2 sections 1, 3 and 4): the years
//! and licensees a schedule covers, its rate lines, discounts and caps.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

use crate::model::applies_to::AppliesTo;
use crate::model::date::Date;
use crate::model::in_force::InForceRule;
use crate::model::service::ServiceTier;

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
    #[serde(default, skip_serializing_if = "InForceRule::is_off")]
    pub requires_patent_in_force: InForceRule,
    /// The licensees the schedule admits by signing date (version 2); every licensee when
    /// absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applies_to: Option<AppliesTo>,
}

impl RateSchedule {
    /// Whether the schedule covers `year`.
    #[must_use]
    pub fn covers(&self, year: i32) -> bool {
        self.from_year <= year && self.to_year.is_none_or(|to| year <= to)
    }

    /// Whether the schedule admits a licensee signed on `signed` (version 2 section 4).
    #[must_use]
    pub fn admits(&self, signed: Option<Date>) -> bool {
        crate::model::applies_to::admits(self.applies_to.as_ref(), signed)
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
    /// An amount a year by the tier the service's users, subscribers or revenue reach
    /// (version 2).
    ServiceTiers {
        /// The tiers, amounts not decreasing.
        service_tiers: Vec<ServiceTier>,
        /// Taken off the tier's amount (never below 0).
        #[serde(skip_serializing_if = "Option::is_none")]
        #[schemars(with = "Option<crate::model::money::DecimalString>")]
        credit: Option<Decimal>,
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
