//! What a licensee sells (pool-dataset-v1 section 3, v2 sections 1–3): the usage profile, a
//! dataset's licensee estimates, and one sale, as typed values.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

use crate::model::dataset::USAGE_FORMAT;
use crate::model::date::Date;
use crate::model::money::MAX_AMOUNT;
use crate::model::service::ServiceUse;
use crate::model::text::Text;

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
// Or, in version 2, a service's users, subscribers and revenue in one country (`service`).
#[derive(Debug, Clone, Default, PartialEq, JsonSchema)]
pub struct Sale {
    /// Product id.
    pub product: String,
    /// Country of sale.
    pub country: String,
    /// Units sold: at most 1,000,000,000,000 (`MAX_SALE_UNITS`).
    // A service sale gives none (version 2); it holds 0 then.
    #[schemars(range(max = 1_000_000_000_000u64))]
    #[serde(default)]
    pub units: u64,
    /// Net selling price per unit (needed for percent-of-price lines).
    #[schemars(with = "Option<crate::model::money::DecimalString>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<Decimal>,
    /// What version 2 adds (absent from a version 1 sale: set it with [`Sale::with_v2`]).
    // Boxed so a sale stays as small as in version 1: the fee loop walks hundreds of
    // thousands of them.
    #[serde(flatten)]
    pub v2: Option<Box<SaleV2>>,
}

/// What version 2 adds to a sale.
#[derive(Debug, Clone, Default, PartialEq, JsonSchema)]
pub struct SaleV2 {
    /// Country of manufacture (version 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub made_in: Option<String>,
    /// Units whose royalty a supplier up the chain paid (version 2), at most `units`.
    #[schemars(range(max = 1_000_000_000_000u64))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upstream_paid_units: Option<u64>,
    /// A service sale's measures (version 2): present exactly when the sale gives no `units`.
    #[serde(flatten)]
    pub service: Option<ServiceUse>,
}

impl Sale {
    /// A device sale of version 1's fields.
    #[must_use]
    pub fn new(product: String, country: String, units: u64, price: Option<Decimal>) -> Sale {
        Sale {
            product,
            country,
            units,
            price,
            v2: None,
        }
    }

    /// The sale with these version 2 fields (none of them leaves it a version 1 sale).
    #[must_use]
    pub fn with_v2(mut self, v2: SaleV2) -> Sale {
        let none = v2.made_in.is_none() && v2.upstream_paid_units.is_none() && v2.service.is_none();
        self.v2 = (!none).then(|| Box::new(v2));
        self
    }

    /// Its version 2 fields (all absent for a version 1 sale).
    #[must_use]
    pub fn v2(&self) -> SaleV2 {
        self.v2.as_deref().cloned().unwrap_or_default()
    }

    /// Country of manufacture, when given.
    #[must_use]
    pub fn made_in(&self) -> Option<&str> {
        self.v2.as_ref().and_then(|v| v.made_in.as_deref())
    }

    /// Units a supplier paid for, when given.
    #[must_use]
    pub fn upstream_paid_units(&self) -> Option<u64> {
        self.v2.as_ref().and_then(|v| v.upstream_paid_units)
    }

    /// A service sale's measures: present exactly when the sale gives no `units`.
    #[must_use]
    pub fn service(&self) -> Option<&ServiceUse> {
        self.v2.as_ref().and_then(|v| v.service.as_ref())
    }

    /// Units left to charge once the upstream-paid ones are taken off.
    #[must_use]
    pub fn remaining_units(&self) -> u64 {
        self.units
            .saturating_sub(self.upstream_paid_units().unwrap_or(0))
    }
}

/// Written in the order version 1 writes a sale, `units` left out of a service sale.
impl Serialize for Sale {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Written<'a> {
            product: &'a str,
            country: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            made_in: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            units: Option<u64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            upstream_paid_units: Option<u64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            price: Option<Decimal>,
            #[serde(flatten, skip_serializing_if = "Option::is_none")]
            service: Option<&'a ServiceUse>,
        }
        Written {
            product: &self.product,
            country: &self.country,
            made_in: self.made_in(),
            units: self.service().is_none().then_some(self.units),
            upstream_paid_units: self.upstream_paid_units(),
            price: self.price,
            service: self.service(),
        }
        .serialize(s)
    }
}

/// A usage profile file: the `format` and `version` wrapper around a [`Usage`].
#[derive(Serialize, JsonSchema)]
pub struct UsageFile<'a> {
    /// Always [`USAGE_FORMAT`].
    pub format: &'static str,
    /// 1, or 2 when the profile uses a version 2 field.
    pub version: u32,
    /// The profile.
    #[serde(flatten)]
    pub usage: &'a Usage,
}

impl Usage {
    /// The profile as a pretty-printed JSON file (version 1 unless it uses version 2).
    #[must_use]
    pub fn to_json(&self) -> String {
        let file = UsageFile {
            format: USAGE_FORMAT,
            version: self.version(),
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
                // Growth that would pass the limit stops at it.
                sales: last.sales.iter().map(|s| s.scaled(factor)).collect(),
            });
        }
        out
    }
}

impl Sale {
    /// The sale with its volumes (units, upstream-paid units, users, subscribers, revenue)
    /// × `factor`, counts rounded half away from zero. A volume that would pass its limit
    /// stops at it when `saturate`; otherwise the result is `None`.
    fn scaled_volumes(&self, factor: Decimal, saturate: bool) -> Option<Sale> {
        let limit = |v: Option<Decimal>, max: Decimal| match v.filter(|v| *v <= max) {
            None if saturate => Some(max),
            other => other,
        };
        let count = |n: u64| {
            let scaled = Decimal::from(n).checked_mul(factor).map(|u| {
                u.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            });
            limit(scaled, Decimal::from(MAX_SALE_UNITS)).and_then(|u| u64::try_from(u).ok())
        };
        let optional = |n: Option<u64>| match n {
            None => Some(None),
            Some(n) => count(n).map(Some),
        };
        let units = count(self.units)?;
        // Rounding keeps the order of two counts, and the limit caps both alike.
        let upstream_paid_units = optional(self.upstream_paid_units())?.map(|u| u.min(units));
        let service = match self.service() {
            None => None,
            Some(s) => Some(ServiceUse {
                users: optional(s.users)?,
                subscribers: optional(s.subscribers)?,
                revenue: match s.revenue {
                    None => None,
                    Some(r) => Some(limit(r.checked_mul(factor), MAX_AMOUNT)?),
                },
            }),
        };
        Some(
            Sale {
                units,
                ..self.clone()
            }
            .with_v2(SaleV2 {
                upstream_paid_units,
                service,
                ..self.v2()
            }),
        )
    }

    /// The sale with its volumes × `factor`, each stopping at its limit.
    #[must_use]
    pub fn scaled(&self, factor: Decimal) -> Sale {
        self.scaled_volumes(factor, true)
            .unwrap_or_else(|| self.clone())
    }

    /// The sale with its volumes × `factor`, or `None` when one would pass its limit.
    #[must_use]
    pub fn checked_scaled(&self, factor: Decimal) -> Option<Sale> {
        self.scaled_volumes(factor, false)
    }
}
