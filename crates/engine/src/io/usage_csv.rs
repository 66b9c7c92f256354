//! Sales as CSV, for spreadsheets: one row per sale, `year,product,country,units,price`
//! (price may be empty), and the version 2 columns `made_in`, `upstream_paid_units`,
//! `users`, `subscribers`, `revenue` where they are used. Reading keeps every good row and
//! lists each bad one with its line number. Fee results are written as CSV by `fees::csv`.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

pub use crate::io::csv::CsvIssue;
use crate::io::csv::{self as csv_io, write_rows};
use crate::model::dataset::{MAX_SALE_UNITS, Sale, SaleV2, UsageYear, check_sale_units};
use crate::model::money::MAX_AMOUNT;
use crate::model::service::ServiceUse;

/// The header of a sales CSV of version 1 sales.
pub const SALES_HEADER: [&str; 5] = ["year", "product", "country", "units", "price"];

/// The version 2 columns: where a sale was made and how many of its units were paid
/// upstream (devices), then a service sale's measures.
pub const V2_DEVICE_COLUMNS: [&str; 2] = ["made_in", "upstream_paid_units"];

/// The columns of a service sale (version 2), given instead of `units` and `price`.
pub const SERVICE_COLUMNS: [&str; 3] = ["users", "subscribers", "revenue"];

/// One row's cells by column name (empty when the column is absent).
struct Row<'r> {
    cells: [&'r str; 10],
}

impl Row<'_> {
    fn get(&self, column: &str) -> &str {
        all_columns()
            .position(|c| c == column)
            .and_then(|i| self.cells.get(i))
            .copied()
            .unwrap_or("")
    }
}

fn all_columns() -> impl Iterator<Item = &'static str> {
    SALES_HEADER
        .into_iter()
        .chain(V2_DEVICE_COLUMNS)
        .chain(SERVICE_COLUMNS)
}

/// Reads sales rows; returns the good rows grouped by year (ascending) and the bad rows.
#[must_use]
pub fn read_sales_csv(text: &str) -> (Vec<UsageYear>, Vec<CsvIssue>) {
    let mut issues = Vec::new();
    let (mut reader, header) = match csv_io::open(text) {
        Ok(opened) => opened,
        Err(issue) => return (Vec::new(), vec![issue]),
    };
    let cols: Vec<Option<usize>> = all_columns()
        .map(|n| header.iter().position(|h| h == n))
        .collect();
    // A file of service sales needs no `units` column; any other needs year to units.
    let service_columns = cols[7..].iter().any(Option::is_some);
    let needed = if service_columns { 3 } else { 4 };
    if let Some(missing) = SALES_HEADER
        .iter()
        .zip(&cols)
        .take(needed)
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
        if record.iter().all(str::is_empty) {
            continue;
        }
        let mut cells = [""; 10];
        for (cell, col) in cells.iter_mut().zip(&cols) {
            *cell = col.and_then(|c| record.get(c)).map_or("", csv_io::plain);
        }
        match parse_row(&Row { cells }, service_columns) {
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

/// A whole number of 0 up to [`MAX_SALE_UNITS`], named `what` in messages; empty is `None`.
fn count(text: &str, what: &str) -> Result<Option<u64>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let n: u64 = text
        .parse()
        .map_err(|_| format!("{what} \"{text}\" is not a whole number of 0 or more"))?;
    if n > MAX_SALE_UNITS {
        return Err(format!(
            "{n} {what} in one sale: the most a sale may hold is {MAX_SALE_UNITS}"
        ));
    }
    Ok(Some(n))
}

/// A money amount of 0 up to [`MAX_AMOUNT`], named `what` in messages; empty is `None`.
fn money(text: &str, what: &str) -> Result<Option<Decimal>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let p: Decimal = text
        .parse()
        .map_err(|_| format!("{what} \"{text}\" is not a decimal such as 12.50"))?;
    if p.is_sign_negative() && !p.is_zero() {
        return Err(format!("{what} {p} is negative"));
    }
    if p > MAX_AMOUNT {
        return Err(format!("{what} {p} is more than {MAX_AMOUNT}"));
    }
    Ok(Some(p))
}

fn country_code(code: &str) -> Result<String, String> {
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(code.to_owned())
    } else {
        Err(format!(
            "\"{code}\" is not a country code (two capital letters, e.g. CN)"
        ))
    }
}

fn parse_row(row: &Row<'_>, service_columns: bool) -> Result<(i32, Sale), String> {
    let year_text = row.get("year");
    let year: i32 = year_text
        .parse()
        .ok()
        .filter(|y| crate::model::date::YEARS.contains(y))
        .ok_or_else(|| {
            format!(
                "year \"{year_text}\" is not a year in {}",
                crate::model::date::YEARS_TEXT
            )
        })?;
    let product = row.get("product");
    if product.is_empty() {
        return Err("the product is empty".into());
    }
    let country = country_code(row.get("country"))?;
    let made_in = match row.get("made_in") {
        "" => None,
        code => Some(country_code(code).map_err(|e| format!("made_in: {e}"))?),
    };
    let measures = (
        count(row.get("users"), "users")?,
        count(row.get("subscribers"), "subscribers")?,
        money(row.get("revenue"), "revenue")?,
    );
    let any_measure = measures.0.is_some() || measures.1.is_some() || measures.2.is_some();
    let units_text = row.get("units");
    // Without units, in a file with service columns, the row is a service sale.
    let service = (units_text.is_empty() && service_columns).then_some(ServiceUse {
        users: measures.0,
        subscribers: measures.1,
        revenue: measures.2,
    });
    if service.is_none() && any_measure {
        return Err(
            "a row gives units (a device) or users, subscribers and revenue (a service), not both"
                .into(),
        );
    }
    let units = match service {
        Some(_) => 0,
        None => {
            let units: u64 = units_text.parse().map_err(|_| {
                format!("units \"{units_text}\" is not a whole number of 0 or more")
            })?;
            check_sale_units(units)?
        }
    };
    let upstream_paid_units = count(row.get("upstream_paid_units"), "upstream-paid units")?;
    if let Some(up) = upstream_paid_units
        && service.is_none()
        && up > units
    {
        return Err(format!(
            "{up} upstream-paid units are more than the row's {units} units"
        ));
    }
    Ok((
        year,
        Sale::new(
            product.to_owned(),
            country,
            units,
            money(row.get("price"), "price")?,
        )
        .with_v2(SaleV2 {
            made_in,
            upstream_paid_units,
            service,
        }),
    ))
}

/// Writes sales as CSV with [`SALES_HEADER`], and the version 2 columns only when a sale
/// uses them, so a version 1 profile is written as before.
#[must_use]
pub fn write_sales_csv(years: &[UsageYear]) -> String {
    let sales = || years.iter().flat_map(|y| &y.sales);
    let device_v2 = sales().any(|s| s.made_in().is_some() || s.upstream_paid_units().is_some());
    let services = sales().any(|s| s.service().is_some());
    let header: Vec<String> = SALES_HEADER
        .iter()
        .chain(V2_DEVICE_COLUMNS.iter().filter(|_| device_v2))
        .chain(SERVICE_COLUMNS.iter().filter(|_| services))
        .map(|s| (*s).to_owned())
        .collect();
    let text = |v: Option<String>| v.unwrap_or_default();
    let rows = years.iter().flat_map(|y| {
        y.sales.iter().map(move |s| {
            let mut row = vec![
                y.year.to_string(),
                s.product.clone(),
                s.country.clone(),
                text(s.service().is_none().then(|| s.units.to_string())),
                text(s.price.map(|p| p.to_string())),
            ];
            if device_v2 {
                row.push(text(s.made_in().map(str::to_owned)));
                row.push(text(s.upstream_paid_units().map(|u| u.to_string())));
            }
            if services {
                let m = s.service();
                row.push(text(m.and_then(|m| m.users).map(|u| u.to_string())));
                row.push(text(m.and_then(|m| m.subscribers).map(|u| u.to_string())));
                row.push(text(m.and_then(|m| m.revenue).map(|r| r.to_string())));
            }
            row
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

    #[test]
    fn version_2_columns_read_and_write_back() {
        let text = "year,product,country,units,price,made_in,upstream_paid_units,users,subscribers,revenue\n\
                    2026,dec,BR,1000,,CN,,,,\n\
                    2026,tv,US,100,,,40,,,\n\
                    2026,svc,IN,,,,,100000,,\n\
                    2026,svc,US,,,,,60000,10000,2500.50\n";
        let (years, issues) = read_sales_csv(text);
        assert_eq!(issues, []);
        let sales = &years[0].sales;
        assert_eq!(sales[0].made_in(), Some("CN"));
        assert_eq!(sales[1].upstream_paid_units(), Some(40));
        assert_eq!(sales[2].service().and_then(|s| s.users), Some(100_000));
        assert_eq!(
            sales[3].service().and_then(|s| s.revenue),
            Some(Decimal::new(250_050, 2))
        );
        assert_eq!(write_sales_csv(&years), text);
        // A version 1 profile is written with the version 1 header only.
        let (v1, _) = read_sales_csv("year,product,country,units,price\n2026,tv,US,10,\n");
        assert_eq!(
            write_sales_csv(&v1),
            "year,product,country,units,price\n2026,tv,US,10,\n"
        );
    }

    #[test]
    fn version_2_rows_are_checked_with_their_line() {
        let text = "year,product,country,units,made_in,upstream_paid_units,users\n\
                    2026,dec,BR,10,usa,,\n\
                    2026,tv,US,10,,11,\n\
                    2026,svc,US,5,,,7\n\
                    2026,svc,US,,,,x\n";
        let (_, issues) = read_sales_csv(text);
        let got: Vec<(u64, &str)> = issues
            .iter()
            .map(|i| (i.line, i.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    2,
                    "made_in: \"usa\" is not a country code (two capital letters, e.g. CN)"
                ),
                (3, "11 upstream-paid units are more than the row's 10 units"),
                (
                    4,
                    "a row gives units (a device) or users, subscribers and revenue (a service), not both"
                ),
                (5, "users \"x\" is not a whole number of 0 or more"),
            ]
        );
        // A file of service sales needs no units column.
        let (years, issues) = read_sales_csv("year,product,country,users\n2026,svc,US,5\n");
        assert_eq!((years.len(), issues.len()), (1, 0));
    }
}
