//! The licensee's fee calculator form: sales rows as typed (text, kept as typed so a slip
//! never loses a row), turned into a usage profile the fee rules can charge. Each field that
//! does not parse is marked; each row the pool's terms cannot charge is marked with the
//! engine's message and left out, so the rest still computes. Version 2 columns (where a
//! sale was made, units paid upstream, a service's users, subscribers and revenue) are
//! shown only where the dataset needs them ([`form_columns`]). The field parsers are in
//! `parse`, the summaries the page shows next to the fee report in `summary`.

mod columns;
mod parse;
mod row;
mod summary;

pub use columns::{FormColumns, form_columns};
use row::{ParsedRow, parse_row};

pub use parse::{
    FieldProblem, parse_country, parse_decimal, parse_optional_count, parse_percent, parse_units,
    parse_year, per_unit_text, percent_text,
};
pub use summary::{TotalSummary, YearSummary, summarize};

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use poolcalc_engine::fees::{FeeReport, compute_fees};
use poolcalc_engine::model::dataset::{Dataset, Sale, Usage, UsageYear};
use poolcalc_engine::model::date::Date;
use poolcalc_engine::model::service::ProductKind;
use poolcalc_engine::model::text::Text;
use poolcalc_engine::pool::Pool;

/// One sales row exactly as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SaleRowText {
    /// Year of sale.
    pub year: String,
    /// Product id.
    pub product: String,
    /// ISO country code.
    pub country: String,
    /// Units sold.
    pub units: String,
    /// Net price per unit (may be empty).
    pub price: String,
    /// Country of manufacture (may be empty; version 2).
    pub made_in: String,
    /// Units whose royalty a supplier paid (may be empty; version 2).
    pub upstream_paid_units: String,
    /// A service's users (may be empty; version 2; instead of units and price).
    pub users: String,
    /// A service's subscribers (may be empty; version 2).
    pub subscribers: String,
    /// A service's revenue (may be empty; version 2).
    pub revenue: String,
}

/// Everything the licensee typed into the calculator.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FeeFormText {
    /// The licensee's name.
    pub licensee: String,
    /// Signing date `YYYY-MM-DD` (may be empty).
    pub signed: String,
    /// Fill the years after the last one up to this year (may be empty).
    pub fill_to: String,
    /// Yearly unit growth for the filled years, in percent (may be empty: 0).
    pub growth: String,
    /// The sales rows.
    pub rows: Vec<SaleRowText>,
}

/// The most years the growth fill adds, so a typo (year 20300) cannot freeze the page.
pub const MAX_FILL_YEARS: i32 = 50;

/// What is wrong with one row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RowMarks {
    /// Year field.
    pub year: Option<FieldProblem>,
    /// Product field.
    pub product: Option<FieldProblem>,
    /// Country field.
    pub country: Option<FieldProblem>,
    /// Units field.
    pub units: Option<FieldProblem>,
    /// Price field.
    pub price: Option<FieldProblem>,
    /// Made-in field.
    pub made_in: Option<FieldProblem>,
    /// Upstream-paid units field.
    pub upstream_paid_units: Option<FieldProblem>,
    /// Users field.
    pub users: Option<FieldProblem>,
    /// Subscribers field.
    pub subscribers: Option<FieldProblem>,
    /// Revenue field.
    pub revenue: Option<FieldProblem>,
    /// Why the pool's terms cannot charge the row (the engine's message), when it parses.
    pub charge: Option<String>,
}

impl RowMarks {
    /// Whether the row takes part in the computation.
    #[must_use]
    pub fn is_clear(&self) -> bool {
        self.year.is_none()
            && self.product.is_none()
            && self.country.is_none()
            && self.units.is_none()
            && self.price.is_none()
            && self.made_in.is_none()
            && self.upstream_paid_units.is_none()
            && self.users.is_none()
            && self.subscribers.is_none()
            && self.revenue.is_none()
            && self.charge.is_none()
    }
}

/// The form checked and computed.
#[derive(Debug, Clone, PartialEq)]
pub struct FormOutcome {
    /// Signing date field.
    pub signed: Option<FieldProblem>,
    /// Growth field.
    pub growth: Option<FieldProblem>,
    /// Fill-to field.
    pub fill_to: Option<FieldProblem>,
    /// One entry per row, in form order.
    pub rows: Vec<RowMarks>,
    /// The profile behind the results: the clear rows, with the filled years.
    pub usage: Usage,
    /// The fees of `usage`; an error message when even that cannot be charged.
    pub report: Result<FeeReport, String>,
}

/// `years[i].sales[k]…` → (i, Some(k)); `years[i].year` → (i, None).
fn issue_position(path: &str) -> Option<(usize, Option<usize>)> {
    let rest = path.strip_prefix("years[")?;
    let (i, rest) = rest.split_once(']')?;
    let i = i.parse().ok()?;
    match rest.strip_prefix(".sales[") {
        Some(r) => {
            let (k, _) = r.split_once(']')?;
            Some((i, Some(k.parse().ok()?)))
        }
        None => Some((i, None)),
    }
}

/// Groups parsed rows by year (ascending); returns the profile and, per year entry, the form
/// row of each sale.
fn group(
    licensee: &str,
    signed: Option<Date>,
    rows: &[(usize, &ParsedRow)],
) -> (Usage, Vec<Vec<usize>>) {
    let mut by_year: BTreeMap<i32, (Vec<Sale>, Vec<usize>)> = BTreeMap::new();
    for (r, p) in rows {
        let e = by_year.entry(p.year).or_default();
        e.0.push(p.sale.clone());
        e.1.push(*r);
    }
    let mut origin = Vec::with_capacity(by_year.len());
    let years = by_year
        .into_iter()
        .map(|(year, (sales, rows))| {
            origin.push(rows);
            UsageYear { year, sales }
        })
        .collect();
    (
        Usage {
            licensee: Text::Plain(licensee.trim().to_owned()),
            signed,
            years,
        },
        origin,
    )
}

/// Checks the form, leaves out what cannot be charged, fills later years, computes the fees.
#[must_use]
pub fn evaluate(pool: &Pool, form: &FeeFormText) -> FormOutcome {
    let signed_text = form.signed.trim();
    let (signed, signed_problem) = if signed_text.is_empty() {
        (None, None)
    } else {
        match Date::parse(signed_text) {
            Some(d) => (Some(d), None),
            None => (None, Some(FieldProblem::NotADate)),
        }
    };
    let (growth, growth_problem) = match parse_percent(&form.growth) {
        Ok(g) if g <= -Decimal::ONE => (Decimal::ZERO, Some(FieldProblem::GrowthTooLow)),
        Ok(g) => (g, None),
        Err(p) => (Decimal::ZERO, Some(p)),
    };

    let mut marks: Vec<RowMarks> = vec![RowMarks::default(); form.rows.len()];
    let parsed: Vec<Option<ParsedRow>> = form
        .rows
        .iter()
        .zip(marks.iter_mut())
        .map(|(row, m)| {
            // An unknown product is charged as a device: the engine names it.
            let kind = pool
                .terms()
                .product_kind(row.product.trim())
                .unwrap_or_default();
            parse_row(row, kind, m)
        })
        .collect();
    let candidates: Vec<(usize, &ParsedRow)> = parsed
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.as_ref().map(|p| (i, p)))
        .collect();
    let (usage, origin) = group(&form.licensee, signed, &candidates);
    for issue in poolcalc_engine::check_usage(pool, &usage) {
        let Some((y, sale)) = issue_position(&issue.path) else {
            continue;
        };
        let Some(rows) = origin.get(y) else { continue };
        let hit: Vec<usize> = match sale {
            Some(k) => rows.get(k).copied().into_iter().collect(),
            None => rows.clone(),
        };
        for r in hit {
            if marks[r].charge.is_none() {
                marks[r].charge = Some(issue.message.clone());
            }
        }
    }
    let clear: Vec<(usize, &ParsedRow)> = candidates
        .into_iter()
        .filter(|(i, _)| marks[*i].charge.is_none())
        .collect();
    let (mut usage, _) = group(&form.licensee, signed, &clear);

    let mut fill_problem = None;
    if !form.fill_to.trim().is_empty() {
        match parse_year(&form.fill_to) {
            Ok(to) => {
                let last = usage.years.iter().map(|y| y.year).max();
                if last.is_some_and(|l| to - l > MAX_FILL_YEARS) {
                    fill_problem = Some(FieldProblem::TooManyYears);
                } else if growth_problem.is_none() {
                    usage = usage.extended(to, growth);
                }
            }
            Err(p) => fill_problem = Some(p),
        }
    }
    let report = compute_fees(pool, &usage).map_err(|e| e.to_string());
    FormOutcome {
        signed: signed_problem,
        growth: growth_problem,
        fill_to: fill_problem,
        rows: marks,
        usage,
        report,
    }
}

/// The rows of a profile as text, for the form (after importing JSON or CSV).
#[must_use]
pub fn rows_from_years(years: &[UsageYear]) -> Vec<SaleRowText> {
    years
        .iter()
        .flat_map(|y| {
            y.sales.iter().map(move |s| {
                let service = s.service();
                let text = |v: Option<String>| v.unwrap_or_default();
                SaleRowText {
                    year: y.year.to_string(),
                    product: s.product.clone(),
                    country: s.country.clone(),
                    units: text(service.is_none().then(|| s.units.to_string())),
                    price: text(s.price.map(|p| p.to_string())),
                    made_in: text(s.made_in().map(str::to_owned)),
                    upstream_paid_units: text(s.upstream_paid_units().map(|u| u.to_string())),
                    users: text(service.and_then(|m| m.users).map(|u| u.to_string())),
                    subscribers: text(service.and_then(|m| m.subscribers).map(|u| u.to_string())),
                    revenue: text(service.and_then(|m| m.revenue).map(|r| r.to_string())),
                }
            })
        })
        .collect()
}

/// The form of an imported profile (no growth fill: the file lists every year it means).
#[must_use]
pub fn form_from_usage(usage: &Usage, lang: &str) -> FeeFormText {
    FeeFormText {
        licensee: usage.licensee.get(lang).to_owned(),
        signed: usage.signed.map(|d| d.to_string()).unwrap_or_default(),
        fill_to: String::new(),
        growth: String::new(),
        rows: rows_from_years(&usage.years),
    }
}

/// A new row for `product`: its typical price prefilled where the dataset gives one; a
/// service's row starts with 100,000 users.
#[must_use]
pub fn new_row(dataset: &Dataset, year: i32, product: &str, country: &str) -> SaleRowText {
    let found = dataset.products.iter().find(|p| p.id == product);
    let row = SaleRowText {
        year: year.to_string(),
        product: product.to_owned(),
        country: country.to_owned(),
        ..SaleRowText::default()
    };
    // A service starts with users, a device with units at its typical price.
    if found.is_some_and(|p| p.kind == ProductKind::Service) {
        return SaleRowText {
            users: "100000".to_owned(),
            ..row
        };
    }
    SaleRowText {
        units: "100000".to_owned(),
        price: found
            .and_then(|p| p.typical_price)
            .map(|p| p.to_string())
            .unwrap_or_default(),
        ..row
    }
}

/// The year a fresh form starts in: `this_year` when a schedule covers it, else the first
/// year of the latest schedule.
#[must_use]
pub fn starting_year(dataset: &Dataset, this_year: i32) -> i32 {
    if dataset.rate_schedules.iter().any(|s| s.covers(this_year)) {
        this_year
    } else {
        dataset
            .rate_schedules
            .iter()
            .map(|s| s.from_year)
            .max()
            .unwrap_or(this_year)
    }
}

/// A fresh form: one row per product sold in China, typical prices prefilled.
#[must_use]
pub fn starter_form(dataset: &Dataset, this_year: i32) -> FeeFormText {
    let year = starting_year(dataset, this_year);
    FeeFormText {
        licensee: String::new(),
        signed: String::new(),
        fill_to: String::new(),
        growth: String::new(),
        rows: dataset
            .products
            .iter()
            .map(|p| new_row(dataset, year, &p.id, "CN"))
            .collect(),
    }
}
