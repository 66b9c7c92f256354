//! The licensee's fee calculator form: sales rows as typed (text, kept as typed so a slip
//! never loses a row), turned into a usage profile the fee rules can charge. Each field that
//! does not parse is marked; each row the pool's terms cannot charge is marked with the
//! engine's message and left out, so the rest still computes. Also the summaries the page
//! shows next to the fee report (units, royalty per unit, percentages as text).

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use poolcalc_engine::fees::{FeeReport, compute_fees};
use poolcalc_engine::model::dataset::{Dataset, MAX_SALE_UNITS, Sale, Usage, UsageYear};
use poolcalc_engine::model::date::{Date, YEARS};
use poolcalc_engine::model::money::MAX_AMOUNT;
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

/// Why a typed field cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum FieldProblem {
    /// Not a whole year of the engine's range, 1900–2200.
    NotAYear,
    /// Empty where a value is needed.
    Empty,
    /// Not a whole number of units ≥ 0.
    NotWholeUnits,
    /// Not a decimal number such as 12.50.
    NotADecimal,
    /// Below zero.
    Negative,
    /// Not a two-letter ISO country code.
    NotACountry,
    /// Not a date `YYYY-MM-DD`.
    NotADate,
    /// A growth rate of −100 % or less.
    GrowthTooLow,
    /// More than [`MAX_FILL_YEARS`] years to fill.
    TooManyYears,
    /// More units than [`MAX_SALE_UNITS`] in one sale.
    TooManyUnits,
    /// More than [`MAX_AMOUNT`].
    TooLarge,
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

/// A year of the engine's range (`YEARS`, 1900–2200): a year outside it is marked on its
/// field here rather than refused by the engine further on.
///
/// # Errors
/// [`FieldProblem::NotAYear`] or [`FieldProblem::Empty`].
pub fn parse_year(text: &str) -> Result<i32, FieldProblem> {
    let t = text.trim();
    if t.is_empty() {
        return Err(FieldProblem::Empty);
    }
    t.parse::<i32>()
        .ok()
        .filter(|y| YEARS.contains(y))
        .ok_or(FieldProblem::NotAYear)
}

/// Digits with optional thousands separators (`,`, `_`, spaces) removed.
fn without_separators(text: &str) -> String {
    text.trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}' | '，'))
        .collect()
}

/// Whole units ≥ 0; `1,000,000` is accepted.
///
/// # Errors
/// [`FieldProblem::NotWholeUnits`], [`FieldProblem::Negative`] or [`FieldProblem::Empty`].
pub fn parse_units(text: &str) -> Result<u64, FieldProblem> {
    let t = without_separators(text);
    if t.is_empty() {
        return Err(FieldProblem::Empty);
    }
    if let Some(rest) = t.strip_prefix('-')
        && !rest.is_empty()
        && rest.chars().all(|c| c.is_ascii_digit())
    {
        return Err(FieldProblem::Negative);
    }
    if !t.chars().all(|c| c.is_ascii_digit()) {
        return Err(FieldProblem::NotWholeUnits);
    }
    match t.parse::<u64>() {
        Ok(u) if u <= MAX_SALE_UNITS => Ok(u),
        // All digits, so only its size can be wrong.
        _ => Err(FieldProblem::TooManyUnits),
    }
}

/// A decimal number, no exponent; empty is `None`.
///
/// # Errors
/// [`FieldProblem::NotADecimal`] or [`FieldProblem::Negative`].
pub fn parse_decimal(text: &str) -> Result<Option<Decimal>, FieldProblem> {
    let t = without_separators(text);
    if t.is_empty() {
        return Ok(None);
    }
    let shape = t.strip_prefix('-').unwrap_or(&t);
    let (whole, frac) = match shape.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (shape, None),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let ok = digits(whole) && frac.is_none_or(|f| digits(f) && !f.is_empty()) && !whole.is_empty();
    if !ok {
        return Err(FieldProblem::NotADecimal);
    }
    let d = Decimal::from_str(&t).map_err(|_| FieldProblem::NotADecimal)?;
    if d.is_sign_negative() && !d.is_zero() {
        return Err(FieldProblem::Negative);
    }
    if d > MAX_AMOUNT {
        return Err(FieldProblem::TooLarge);
    }
    Ok(Some(d))
}

/// A country code; lower case is accepted and upper-cased.
///
/// # Errors
/// [`FieldProblem::NotACountry`] or [`FieldProblem::Empty`].
pub fn parse_country(text: &str) -> Result<String, FieldProblem> {
    let t = text.trim();
    if t.is_empty() {
        return Err(FieldProblem::Empty);
    }
    if t.len() == 2 && t.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(t.to_ascii_uppercase())
    } else {
        Err(FieldProblem::NotACountry)
    }
}

/// A percentage typed as "5", "5 %" or "-2.5": the fraction (0.05, −0.025); empty is 0.
///
/// # Errors
/// [`FieldProblem::NotADecimal`].
pub fn parse_percent(text: &str) -> Result<Decimal, FieldProblem> {
    let t = text.trim().trim_end_matches(['%', '％']).trim();
    let (negative, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let value = parse_decimal(body)?.unwrap_or_default() / Decimal::ONE_HUNDRED;
    Ok(if negative { -value } else { value })
}

/// A fraction as a percentage for people: 0.0325 → "3.25", at most `dp` decimals.
#[must_use]
pub fn percent_text(fraction: Decimal, dp: u32) -> String {
    (fraction * Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string()
}

/// A per-unit amount for people: at least the currency's decimals, at most `decimals + 4`.
#[must_use]
pub fn per_unit_text(amount: Decimal, decimals: u32) -> String {
    let mut r = amount.round_dp_with_strategy(decimals + 4, RoundingStrategy::MidpointAwayFromZero);
    r = r.normalize();
    if r.scale() < decimals {
        r.rescale(decimals);
    }
    r.to_string()
}

struct ParsedRow {
    year: i32,
    sale: Sale,
}

fn parse_row(row: &SaleRowText, marks: &mut RowMarks) -> Option<ParsedRow> {
    let year = parse_year(&row.year).map_err(|p| marks.year = Some(p)).ok();
    let product = row.product.trim();
    if product.is_empty() {
        marks.product = Some(FieldProblem::Empty);
    }
    let country = parse_country(&row.country)
        .map_err(|p| marks.country = Some(p))
        .ok();
    let units = parse_units(&row.units)
        .map_err(|p| marks.units = Some(p))
        .ok();
    let price = parse_decimal(&row.price)
        .map_err(|p| marks.price = Some(p))
        .ok();
    Some(ParsedRow {
        year: year?,
        sale: Sale {
            product: (!product.is_empty()).then(|| product.to_owned())?,
            country: country?,
            units: units?,
            price: price?,
            ..Sale::default()
        },
    })
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
        .map(|(row, m)| parse_row(row, m))
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
            y.sales.iter().map(move |s| SaleRowText {
                year: y.year.to_string(),
                product: s.product.clone(),
                country: s.country.clone(),
                units: s.units.to_string(),
                price: s.price.map(|p| p.to_string()).unwrap_or_default(),
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

/// A new row for `product`: its typical price prefilled where the dataset gives one.
#[must_use]
pub fn new_row(dataset: &Dataset, year: i32, product: &str, country: &str) -> SaleRowText {
    let price = dataset
        .products
        .iter()
        .find(|p| p.id == product)
        .and_then(|p| p.typical_price)
        .map(|p| p.to_string())
        .unwrap_or_default();
    SaleRowText {
        year: year.to_string(),
        product: product.to_owned(),
        country: country.to_owned(),
        units: "100000".to_owned(),
        price,
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

/// Units and royalty per unit of one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearSummary {
    /// The year.
    pub year: i32,
    /// Every unit sold (royalty-free ones included).
    pub units: u64,
    /// Units sold royalty-free (no pool patent in force in the country).
    pub exempt_units: u64,
    /// What is due.
    pub payable: Decimal,
    /// payable / units.
    pub per_unit: Option<Decimal>,
}

/// The same over all the years.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TotalSummary {
    /// Every unit sold.
    pub units: u64,
    /// Units sold royalty-free.
    pub exempt_units: u64,
    /// Σ payable.
    pub payable: Decimal,
    /// payable / units.
    pub per_unit: Option<Decimal>,
}

fn per(amount: Decimal, units: u64) -> Option<Decimal> {
    (units > 0).then(|| amount / Decimal::from(units))
}

/// Units and effective royalty per unit, per year of the report and in total.
#[must_use]
pub fn summarize(usage: &Usage, report: &FeeReport) -> (Vec<YearSummary>, TotalSummary) {
    let years: Vec<YearSummary> = report
        .years
        .iter()
        .map(|fy| {
            let units = usage
                .years
                .iter()
                .filter(|y| y.year == fy.year)
                .flat_map(|y| &y.sales)
                .fold(0u64, |a, s| a.saturating_add(s.units));
            let exempt_units = fy
                .exempt
                .iter()
                .fold(0u64, |a, e| a.saturating_add(e.units));
            YearSummary {
                year: fy.year,
                units,
                exempt_units,
                payable: fy.payable,
                per_unit: per(fy.payable, units),
            }
        })
        .collect();
    let units = years.iter().fold(0u64, |a, y| a.saturating_add(y.units));
    let exempt_units = years
        .iter()
        .fold(0u64, |a, y| a.saturating_add(y.exempt_units));
    let total = TotalSummary {
        units,
        exempt_units,
        payable: report.total,
        per_unit: per(report.total, units),
    };
    (years, total)
}
