//! The royalty stack (docs/stack-format.md): what one product pays across several pools,
//! bilateral licences and known totals, against its price and unit profit.
//!
//! A stack adds, it never computes a pool differently: each pool licence is charged by
//! [`crate::compute_fees`] on a usage profile built from the stack's sales
//! ([`Stack::usage_for`]), so its part equals what `poolcalc fees` gives for those sales.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Serialize, Serializer};

use crate::model::dataset::{DATASET_FORMAT, Dataset, DatasetFile};
use crate::model::date::Date;
use crate::model::text::Text;

mod bilateral;
mod compute;
mod output;
mod overlap;
mod read;
mod reference;
mod sales;
mod schema;
pub mod share_link;
mod what_if;

pub use compute::{
    Burden, LicenceKind, LicencePart, PoolSet, StackReport, StackYear, compute_stack, pool_set,
};
pub use output::{stack_json, what_if_json};
pub use overlap::{OverlapPair, OverlapPatent, normalised_number};
pub use read::load_stack;
pub use reference::{ReferenceResult, ReferenceYear, presets};
pub use schema::stack_schema;
pub use what_if::{LicenceDiff, WhatIfReport, YearDiff, compute_what_if};

/// The `format` value of a stack file.
pub const STACK_FORMAT: &str = "poolcalc-stack";

/// The most licences one stack holds.
pub const MAX_LICENCES: usize = 32;
/// The most years a stack's sales cover, filled years included.
pub const MAX_YEARS: usize = 50;
/// The most countries one year of sales lists.
pub const MAX_COUNTRIES: usize = 250;
/// The most reference lines and what-if changes a stack holds (each).
pub const MAX_LINES: usize = 32;

/// One product's royalty stack.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Stack {
    /// The product.
    pub product: StackProduct,
    /// What it sells, per year and country.
    pub sales: StackSales,
    /// The licences it takes.
    pub licences: Vec<Licence>,
    /// Reference lines the burden is compared with.
    #[schemars(with = "Vec<schema::ReferenceEntry>")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    /// Changes tried against the stack as saved; applied together.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub what_if: Vec<WhatIf>,
}

/// The product the stack is about.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct StackProduct {
    /// Display name.
    pub name: Text,
    /// ISO 4217 currency of every amount; every stacked pool must use it.
    pub currency: String,
    /// Decimals of the currency's minor unit (default 2).
    #[serde(default = "crate::model::dataset::default_decimals")]
    pub currency_decimals: u32,
    /// Net selling price per unit.
    #[schemars(with = "crate::model::money::DecimalString")]
    pub price: Decimal,
    /// The industry's average profit margin, a fraction of price (or give `unit_cost`).
    #[schemars(with = "Option<crate::model::money::DecimalString>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub industry_margin: Option<Decimal>,
    /// Cost of one unit before royalties (or give `industry_margin`).
    #[schemars(with = "Option<crate::model::money::DecimalString>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_cost: Option<Decimal>,
}

impl StackProduct {
    /// Profit per unit before royalties: price × margin, or price − unit cost.
    #[must_use]
    pub fn unit_profit(&self) -> Option<Decimal> {
        match (self.industry_margin, self.unit_cost) {
            (Some(m), _) => self.price.checked_mul(m),
            (None, Some(c)) => self.price.checked_sub(c),
            (None, None) => None,
        }
    }
}

/// Units sold per year and country, with an optional growth fill.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct StackSales {
    /// The years given.
    pub years: Vec<SalesYear>,
    /// Fill the years after the last one given up to this year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fill_to: Option<i32>,
    /// Yearly unit growth of the filled years, a fraction ("0.05" for 5 %).
    #[schemars(with = "Option<crate::model::money::DecimalString>")]
    #[serde(default, skip_serializing_if = "Decimal::is_zero")]
    pub growth: Decimal,
}

/// One year's units per country.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SalesYear {
    /// The year.
    pub year: i32,
    /// Units per country of sale.
    pub countries: Vec<CountryUnits>,
}

/// Units sold in one country.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CountryUnits {
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
    /// Units sold.
    pub units: u64,
}

/// One licence of the stack.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Licence {
    /// Identifier, unique in the stack.
    pub id: String,
    /// Display name (a pool licence defaults to the pool's name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// First year the licence is paid (default: every year of sales).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_year: Option<i32>,
    /// Last year the licence is paid, inclusive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_year: Option<i32>,
    /// What is paid.
    #[serde(flatten)]
    pub terms: Terms,
}

impl Licence {
    /// Whether the licence is paid in `year`.
    #[must_use]
    pub fn in_force(&self, year: i32) -> bool {
        self.from_year.is_none_or(|f| f <= year) && self.to_year.is_none_or(|t| year <= t)
    }
}

/// The terms of a licence.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Terms {
    /// A pool licence, charged by the pool's own fee rules.
    Pool {
        /// The pool: a bundled dataset's id, or the dataset itself.
        dataset: PoolRef,
        /// The pool product the stack's product counts as.
        product: String,
        /// Signing date (discounts, early-bird prices).
        #[serde(skip_serializing_if = "Option::is_none")]
        signed: Option<Date>,
    },
    /// A licence agreed with one licensor.
    Bilateral(Bilateral),
    /// An amount known from elsewhere, paid every year in force.
    Known {
        /// The amount per year.
        #[schemars(with = "crate::model::money::DecimalString")]
        per_year: Decimal,
    },
}

/// A bilateral licence's terms; the parts add up, then the annual cap applies.
// Inlined in the schema: its fields sit beside the licence's own, so it cannot be a closed $ref.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[schemars(inline)]
pub struct Bilateral {
    /// Money per unit.
    #[schemars(with = "Option<crate::model::money::DecimalString>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_unit: Option<Decimal>,
    /// Fraction of the net price per unit.
    #[schemars(with = "Option<crate::model::money::DecimalString>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent_of_price: Option<Decimal>,
    /// Lowest percent amount per unit.
    #[schemars(with = "Option<crate::model::money::DecimalString>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_per_unit: Option<Decimal>,
    /// Highest percent amount per unit.
    #[schemars(with = "Option<crate::model::money::DecimalString>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_per_unit: Option<Decimal>,
    /// A fixed sum per year.
    #[schemars(with = "Option<crate::model::money::DecimalString>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lump_sum: Option<Decimal>,
    /// The most paid in a year.
    #[schemars(with = "Option<crate::model::money::DecimalString>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annual_cap: Option<Decimal>,
}

/// Where a pool's dataset comes from.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[serde(untagged)]
pub enum PoolRef {
    /// The id of a bundled dataset (public/datasets/index.json).
    Bundled(String),
    /// A whole dataset file inside the stack.
    Embedded(#[schemars(with = "DatasetFile<'static>")] Box<Dataset>),
}

impl Serialize for PoolRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            PoolRef::Bundled(id) => s.serialize_str(id),
            PoolRef::Embedded(d) => DatasetFile {
                format: DATASET_FORMAT,
                version: 1,
                dataset: d,
            }
            .serialize(s),
        }
    }
}

/// What a reference line is a share of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Of the net price per unit.
    Price,
    /// Of the unit profit before royalties.
    Profit,
}

/// A reference line: an aggregate royalty as a share of price or of unit profit.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Reference {
    /// Identifier (a preset's id when read from `{"preset": …}`).
    pub id: String,
    /// What the line is.
    pub label: Text,
    /// Share of price or of profit.
    pub basis: Basis,
    /// The share, a fraction.
    #[schemars(with = "crate::model::money::DecimalString")]
    pub value: Decimal,
    /// The top of a range, when the source gives one.
    #[schemars(with = "Option<crate::model::money::DecimalString>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upper: Option<Decimal>,
    /// Where the figure is published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
}

/// A change tried against the stack.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum WhatIf {
    /// Leave a licence out.
    Drop {
        /// Licence id.
        licence: String,
    },
    /// Multiply a licence's rates: a pool's lines for the product (the scenario rule
    /// `scale_rates`), a bilateral licence's every amount, a known amount.
    ScaleRates {
        /// Licence id.
        licence: String,
        /// Multiplier, e.g. "0.8" for −20 %.
        #[schemars(with = "crate::model::money::DecimalString")]
        factor: Decimal,
    },
    /// Sign a pool licence on another date (`null`: not signed).
    SetSigned {
        /// Licence id.
        licence: String,
        /// The new signing date.
        signed: Option<Date>,
    },
}

impl Stack {
    /// The bundled dataset ids the stack names, in licence order, each once.
    #[must_use]
    pub fn bundled_ids(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for l in &self.licences {
            if let Terms::Pool {
                dataset: PoolRef::Bundled(id),
                ..
            } = &l.terms
                && !out.contains(&id.as_str())
            {
                out.push(id);
            }
        }
        out
    }

    /// The stack as a pretty-printed version 1 file.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        if let Some(o) = v.as_object_mut() {
            o.insert("format".into(), STACK_FORMAT.into());
            o.insert("version".into(), 1.into());
        }
        serde_json::to_string_pretty(&v).unwrap_or_default()
    }
}
