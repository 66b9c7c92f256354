//! A fee report as CSV, for spreadsheets: one row per year, line, country and exempt sale.
//! A report with version 2 results (units paid upstream, service lines) has five more
//! columns: the exempt rows' reason, and a service line's tier and measures.

use rust_decimal::Decimal;

use crate::fees::{ExemptReason, FeeReport, LineFee};
use crate::io::csv::write_rows;
use crate::model::money::{format_exact, format_money};

/// Writes a fee report as CSV: one row per year, line and country, with the year totals.
#[must_use]
pub fn write_fees_csv(r: &FeeReport) -> String {
    let dp = r.decimals;
    let v2 = r.years.iter().any(|y| {
        y.lines.iter().any(|l| l.service.is_some())
            || y.exempt
                .iter()
                .any(|e| e.reason != ExemptReason::NotInForce)
    });
    let mut header = vec![
        "year", "kind", "product", "region", "country", "units", "amount", "currency",
    ];
    if v2 {
        header.extend(["reason", "tier", "users", "subscribers", "revenue"]);
    }
    let mut rows = vec![header.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>()];
    // The version 2 cells of a row: empty but for an exempt row's reason and a service
    // line's tier and measures.
    let extra = |row: &mut Vec<String>, reason: Option<ExemptReason>, line: Option<&LineFee>| {
        if !v2 {
            return;
        }
        let service = line.and_then(|l| l.service.as_ref());
        row.push(reason.map(|r| r.as_str().to_owned()).unwrap_or_default());
        row.push(
            service
                .and_then(|s| s.tier)
                .map(|t| t.to_string())
                .unwrap_or_default(),
        );
        for m in [
            service.map(|s| s.measures.users),
            service.map(|s| s.measures.subscribers),
            service.map(|s| s.measures.revenue),
        ] {
            row.push(m.map(format_exact).unwrap_or_default());
        }
    };
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
        let mut total = row(y.year, "payable", "", "", "", String::new(), y.payable);
        extra(&mut total, None, None);
        rows.push(total);
        for l in &y.lines {
            let mut r = row(
                y.year,
                "line",
                &l.product,
                &l.region,
                "",
                l.units.to_string(),
                l.amount,
            );
            extra(&mut r, None, Some(l));
            rows.push(r);
        }
        for c in &y.countries {
            let mut r = row(
                y.year,
                "country",
                "",
                "",
                &c.country,
                String::new(),
                c.amount,
            );
            extra(&mut r, None, None);
            rows.push(r);
        }
        for e in &y.exempt {
            let mut r = row(
                y.year,
                "exempt",
                &e.product,
                "",
                &e.country,
                e.units.to_string(),
                Decimal::ZERO,
            );
            extra(&mut r, Some(e.reason), None);
            rows.push(r);
        }
    }
    write_rows(rows)
}
