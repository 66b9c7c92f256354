//! Why a licensee's fees cannot be computed, and where in its profile.

use thiserror::Error;

use crate::model::date::Date;

/// Why a fee cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FeeErrorKind {
    /// No schedule covers the year.
    #[error("no rate schedule covers {0}")]
    NoSchedule(i32),
    /// The product is not in the dataset.
    #[error("unknown product \"{0}\"")]
    UnknownProduct(String),
    /// No line applies to the sale.
    #[error(
        "schedule \"{schedule}\" has no rate line for product \"{product}\" in {country} (region {region}) and no \"*\" line for it"
    )]
    NoLine {
        /// Schedule id.
        schedule: String,
        /// Product id.
        product: String,
        /// Country of sale.
        country: String,
        /// The country's region, or "none".
        region: String,
    },
    /// A percent-of-price line needs the sale's price.
    #[error(
        "product \"{product}\" in {country} is charged a percentage of the price, so the sale needs a `price`"
    )]
    MissingPrice {
        /// Product id.
        product: String,
        /// Country of sale.
        country: String,
    },
    /// No schedule covering the year admits the licensee's signing date (version 2).
    #[error("no rate schedule covering {year} admits {}", match .signed {
        Some(d) => format!("a licensee signed {d}"),
        None => "a licensee without a signing date".to_owned(),
    })]
    NotAdmitted {
        /// The year.
        year: i32,
        /// The licensee's signing date.
        signed: Option<Date>,
    },
    /// A sale of a service product gives what only a device sale gives (version 2).
    #[error(
        "product \"{product}\" is a service, charged by users, subscribers or revenue: its sales give no `{field}`"
    )]
    ServiceSaleField {
        /// Product id.
        product: String,
        /// `units`, `price` or `upstream_paid_units`.
        field: &'static str,
    },
    /// A sale of a device product gives what only a service sale gives (version 2).
    #[error("product \"{product}\" is a device, charged per unit: its sales give no `{field}`")]
    DeviceSaleField {
        /// Product id.
        product: String,
        /// `users`, `subscribers` or `revenue`.
        field: &'static str,
    },
    /// A device sale without units (version 2, where a service sale gives none).
    #[error("missing field `units` (product \"{product}\" is a device, charged per unit)")]
    MissingUnits {
        /// Product id.
        product: String,
    },
    /// A total passes the 28 digits of exact decimal arithmetic.
    #[error("this total is too large to compute exactly")]
    TooLarge,
}

/// A fee error located in a usage profile.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("year {year}{}: {kind}", .sale.map(|s| format!(", sale {}", s + 1)).unwrap_or_default())]
pub struct FeeError {
    /// Position of the year entry in the profile.
    pub year_index: usize,
    /// The year.
    pub year: i32,
    /// Position of the sale in that year, when one sale is at fault.
    pub sale: Option<usize>,
    /// What is wrong (boxed: errors are rare, results are many).
    pub kind: Box<FeeErrorKind>,
}

impl FeeError {
    /// The JSON path of the fault inside the profile.
    #[must_use]
    pub fn path(&self) -> String {
        match self.sale {
            Some(s) => format!("years[{}].sales[{s}]", self.year_index),
            None => format!("years[{}].year", self.year_index),
        }
    }
}
