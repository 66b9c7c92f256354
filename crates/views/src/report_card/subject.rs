//! What a report row is about and the value it states.

use rust_decimal::Decimal;
use serde::Serialize;

/// What a row is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Subject {
    /// The pool as a whole.
    Pool,
    /// A product, under a schedule when the row compares schedules.
    Product {
        /// Schedule id, when the row is one schedule's.
        schedule: Option<String>,
        /// Product id.
        product: String,
    },
    /// A member (or the joining candidate).
    Member {
        /// Member id.
        id: String,
    },
    /// A licensee of the dataset's market estimate.
    Licensee {
        /// Licensee id.
        id: String,
    },
    /// A year.
    Year {
        /// The year.
        year: i32,
    },
    /// A variant of the non-discrimination check.
    Variant {
        /// What was varied.
        variant: crate::policy::Variant,
    },
    /// A schedule.
    Schedule {
        /// Schedule id.
        id: String,
    },
    /// An item of the disclosure checklist (`patent_list`, `typical_prices`, …).
    Item {
        /// The item's stable name.
        item: String,
    },
    /// A licence of the royalty stack open beside the report, or (`licence: None`) the
    /// whole stack.
    Stack {
        /// The licence's id in the stack file; none for the stack's total.
        licence: Option<String>,
        /// Its display name (the licence's, the pool's, or the stack product's).
        name: poolcalc_engine::model::text::Text,
        /// Whether the licence is this report's pool.
        this_pool: bool,
    },
}

impl Subject {
    /// What kind of subject it is, for exports: `pool`, `product`, `member`, …
    #[must_use]
    pub fn kind(&self) -> &'static str {
        use crate::policy::Variant;
        match self {
            Subject::Pool => "pool",
            Subject::Product { .. } => "product",
            Subject::Member { .. } => "member",
            Subject::Licensee { .. } => "licensee",
            Subject::Year { .. } => "year",
            Subject::Schedule { .. } => "schedule",
            Subject::Item { .. } => "item",
            Subject::Stack { .. } => "stack",
            Subject::Variant { variant } => match variant {
                Variant::Region { .. } => "variant_region",
                Variant::Signing { .. } => "variant_signing",
                Variant::Product { .. } => "variant_product",
            },
        }
    }

    /// The subject's own id (a product, member, year, region, discount …), and the schedule
    /// a product row is under; empty for the pool.
    #[must_use]
    pub fn id(&self) -> (String, Option<&str>) {
        use crate::policy::Variant;
        match self {
            Subject::Pool
            | Subject::Variant {
                variant: Variant::Signing { discount: None },
            } => (String::new(), None),
            Subject::Product { schedule, product } => (product.clone(), schedule.as_deref()),
            Subject::Member { id }
            | Subject::Licensee { id }
            | Subject::Schedule { id }
            | Subject::Item { item: id }
            | Subject::Variant {
                variant:
                    Variant::Signing { discount: Some(id) }
                    | Variant::Region { region: id, .. }
                    | Variant::Product { product: id },
            } => (id.clone(), None),
            Subject::Year { year } => (year.to_string(), None),
            Subject::Stack { licence, .. } => (licence.clone().unwrap_or_default(), None),
        }
    }

    /// A stable text for exports: `product=decoder;schedule=2011-on`, `year=2027`, …
    #[must_use]
    pub fn key(&self) -> String {
        use crate::policy::Variant;
        match self {
            Subject::Pool => "pool".to_owned(),
            Subject::Product {
                schedule: Some(s),
                product,
            } => format!("schedule={s};product={product}"),
            Subject::Product {
                schedule: None,
                product,
            } => format!("product={product}"),
            Subject::Member { id } => format!("member={id}"),
            Subject::Licensee { id } => format!("licensee={id}"),
            Subject::Year { year } => format!("year={year}"),
            Subject::Schedule { id } => format!("schedule={id}"),
            Subject::Item { item } => format!("item={item}"),
            Subject::Stack { licence: None, .. } => "stack".to_owned(),
            Subject::Stack {
                licence: Some(l),
                this_pool,
                ..
            } => format!(
                "stack_licence={l}{}",
                if *this_pool { ";this_pool" } else { "" }
            ),
            Subject::Variant { variant } => match variant {
                Variant::Region { region, country } => {
                    format!("region={region};country={country}")
                }
                Variant::Signing { discount: Some(d) } => format!("signed_before_discount={d}"),
                Variant::Signing { discount: None } => "no_discount".to_owned(),
                Variant::Product { product } => format!("as_product={product}"),
            },
        }
    }
}

/// An indicator's value, rounded as the report states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "unit", content = "value", rename_all = "snake_case")]
pub enum Value {
    /// Money in the pool's currency, at its decimals.
    Money(Decimal),
    /// A fraction (0.25 is 25 %), at [`super::FRACTION_DECIMALS`].
    Fraction(Decimal),
    /// Herfindahl–Hirschman points (0 – 10,000), at [`super::POINTS_DECIMALS`].
    Points(Decimal),
    /// A plain ratio (highest over lowest), at [`super::FRACTION_DECIMALS`].
    Ratio(Decimal),
    /// A count.
    Count(u64),
    /// Years (in order); empty when there are none.
    Years(Vec<i32>),
    /// Disclosed for `with` of `of`.
    Coverage {
        /// How many carry it.
        with: u64,
        /// How many there are.
        of: u64,
    },
    /// Cannot be computed from what the dataset gives (the status says why).
    None,
}

impl Value {
    /// The value as a plain number (or numbers) for exports: no grouping, `.` for decimals,
    /// years joined by spaces, coverage as `with/of`; empty for [`Value::None`].
    #[must_use]
    pub fn plain(&self) -> String {
        match self {
            Value::Money(d) | Value::Fraction(d) | Value::Points(d) | Value::Ratio(d) => {
                d.to_string()
            }
            Value::Count(n) => n.to_string(),
            Value::Years(y) => y
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" "),
            Value::Coverage { with, of } => format!("{with}/{of}"),
            Value::None => String::new(),
        }
    }

    /// The unit's stable name.
    #[must_use]
    pub fn unit(&self) -> &'static str {
        match self {
            Value::Money(_) => "money",
            Value::Fraction(_) => "fraction",
            Value::Points(_) => "points",
            Value::Ratio(_) => "ratio",
            Value::Count(_) => "count",
            Value::Years(_) => "years",
            Value::Coverage { .. } => "coverage",
            Value::None => "none",
        }
    }
}
