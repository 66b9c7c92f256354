//! Sales as CSV, for spreadsheets: one row per sale, `year,product,country,units,price`
//! (price may be empty). Reading keeps every good row and lists each bad one with its line
//! number. Fee results are written as CSV by `fees::csv`.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

pub use crate::io::csv::CsvIssue;
use crate::io::csv::{self as csv_io, write_rows};
use crate::model::dataset::{Sale, UsageYear, check_sale_units};
use crate::model::money::MAX_AMOUNT;

/// The header of a sales CSV.
pub const SALES_HEADER: [&str; 5] = ["year", "product", "country", "units", "price"];

/// Reads sales rows; returns the good rows grouped by year (ascending) and the bad rows.
#[must_use]
pub fn read_sales_csv(text: &str) -> (Vec<UsageYear>, Vec<CsvIssue>) {
    let mut issues = Vec::new();
    let (mut reader, header) = match csv_io::open(text) {
        Ok(opened) => opened,
        Err(issue) => return (Vec::new(), vec![issue]),
    };
    let column = |name: &str| header.iter().position(|h| h == name);
    let cols: Vec<Option<usize>> = SALES_HEADER.iter().map(|n| column(n)).collect();
    if let Some(missing) = SALES_HEADER
        .iter()
        .zip(&cols)
        .take(4)
        .find(|(_, c)| c.is_none())
    {
        issues.push(CsvIssue {
            line: 1,
            message: format!(
                "the header needs the columns {}; `{}` is missing",
                SALES_HEADER.join(","),
                missing.0
            ),
        });
        return (Vec::new(), issues);
    }
    let mut years: BTreeMap<i32, Vec<Sale>> = BTreeMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                issues.push(CsvIssue {
                    line,
                    message: e.to_string(),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        let field = |i: usize| {
            cols[i]
                .and_then(|c| record.get(c))
                .map_or("", csv_io::plain)
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        match parse_row(field(0), field(1), field(2), field(3), field(4)) {
            Ok((year, sale)) => years.entry(year).or_default().push(sale),
            Err(message) => issues.push(CsvIssue { line, message }),
        }
    }
    let years = years
        .into_iter()
        .map(|(year, sales)| UsageYear { year, sales })
        .collect();
    (years, issues)
}

fn parse_row(
    year: &str,
    product: &str,
    country: &str,
    units: &str,
    price: &str,
) -> Result<(i32, Sale), String> {
    let year: i32 = year
        .parse()
        .ok()
        .filter(|y| crate::model::date::YEARS.contains(y))
        .ok_or_else(|| {
            format!(
                "year \"{year}\" is not a year in {}",
                crate::model::date::YEARS_TEXT
            )
        })?;
    if product.is_empty() {
        return Err("the product is empty".into());
    }
    if !(country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase())) {
        return Err(format!(
            "\"{country}\" is not a country code (two capital letters, e.g. CN)"
        ));
    }
    let units: u64 = units
        .parse()
        .map_err(|_| format!("units \"{units}\" is not a whole number of 0 or more"))?;
    let units = check_sale_units(units)?;
    let price = if price.is_empty() {
        None
    } else {
        let p: Decimal = price
            .parse()
            .map_err(|_| format!("price \"{price}\" is not a decimal such as 12.50"))?;
        if p.is_sign_negative() && !p.is_zero() {
            return Err(format!("price {p} is negative"));
        }
        if p > MAX_AMOUNT {
            return Err(format!("price {p} is more than {MAX_AMOUNT}"));
        }
        Some(p)
    };
    Ok((
        year,
        Sale {
            product: product.to_owned(),
            country: country.to_owned(),
            units,
            price,
            ..Sale::default()
        },
    ))
}

/// Writes sales as CSV with [`SALES_HEADER`].
#[must_use]
pub fn write_sales_csv(years: &[UsageYear]) -> String {
    let header = SALES_HEADER.iter().map(|s| (*s).to_owned()).collect();
    let rows = years.iter().flat_map(|y| {
        y.sales.iter().map(move |s| {
            vec![
                y.year.to_string(),
                s.product.clone(),
                s.country.clone(),
                s.units.to_string(),
                s.price.map(|p| p.to_string()).unwrap_or_default(),
            ]
        })
    });
    write_rows(std::iter::once(header).chain(rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_good_rows_and_lists_bad_ones_by_line() {
        let text = "year,product,country,units,price\n2026,tv,US,10,300.00\n2026,tv,usa,5,\n2027,dec,CN,-3,\n2027,dec,CN,7,\nnot,a,row,1,\n";
        let (years, issues) = read_sales_csv(text);
        assert_eq!(years.len(), 2);
        assert_eq!(years[0].sales[0].price, Some(Decimal::new(30000, 2)));
        assert_eq!(years[1].sales[0].units, 7);
        let lines: Vec<u64> = issues.iter().map(|i| i.line).collect();
        assert_eq!(lines, [3, 4, 6]);
        assert!(issues[0].message.contains("not a country code"));
    }

    #[test]
    fn round_trips_and_needs_the_header() {
        let (years, _) =
            read_sales_csv("year,product,country,units,price\n2026,\"tv, 4K\",US,10,\n");
        assert_eq!(years[0].sales[0].product, "tv, 4K");
        let again = read_sales_csv(&write_sales_csv(&years)).0;
        assert_eq!(again, years);
        let (_, issues) = read_sales_csv("product,units\ntv,1\n");
        assert_eq!(issues[0].line, 1);
        assert!(issues[0].message.contains("`year` is missing"));
    }
}
