//! A fee report as CSV, for spreadsheets: one row per year, line, country and exempt sale.

use rust_decimal::Decimal;

use crate::fees::FeeReport;
use crate::io::csv::write_rows;
use crate::model::money::format_money;

/// Writes a fee report as CSV: one row per year, line and country, with the year totals.
#[must_use]
pub fn write_fees_csv(r: &FeeReport) -> String {
    let dp = r.decimals;
    let header = [
        "year", "kind", "product", "region", "country", "units", "amount", "currency",
    ];
    let mut rows = vec![header.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>()];
    let row = |year: i32,
               kind: &str,
               product: &str,
               region: &str,
               country: &str,
               units: String,
               amount: Decimal| {
        vec![
            year.to_string(),
            kind.to_owned(),
            product.to_owned(),
            region.to_owned(),
            country.to_owned(),
            units,
            format_money(amount, dp),
            r.currency.clone(),
        ]
    };
    for y in &r.years {
        rows.push(row(y.year, "payable", "", "", "", String::new(), y.payable));
        for l in &y.lines {
            rows.push(row(
                y.year,
                "line",
                &l.product,
                &l.region,
                "",
                l.units.to_string(),
                l.amount,
            ));
        }
        for c in &y.countries {
            rows.push(row(
                y.year,
                "country",
                "",
                "",
                &c.country,
                String::new(),
                c.amount,
            ));
        }
        for e in &y.exempt {
            rows.push(row(
                y.year,
                "exempt",
                &e.product,
                "",
                &e.country,
                e.units.to_string(),
                Decimal::ZERO,
            ));
        }
    }
    write_rows(rows)
}
