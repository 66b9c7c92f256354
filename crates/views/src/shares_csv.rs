//! Member shares as CSV, for spreadsheets: one year or a projection of many, one row per
//! member and year, then the year's income, management fee and unallocated amount, so that a
//! spreadsheet can redo the check line.

use crate::holder::member_years;
use crate::membership_change::EvaluationYear;
use poolcalc_engine::io::csv::write_rows;
use poolcalc_engine::model::money::{format_exact, format_money};
use poolcalc_engine::pool::Pool;
use poolcalc_engine::shares::Shares;

/// The columns of a shares CSV.
pub const SHARES_HEADER: [&str; 9] = [
    "year",
    "kind",
    "member",
    "weight",
    "amount",
    "share_of_income",
    "patents",
    "income_per_patent",
    "currency",
];

/// Writes the splits of `years` (one year, or a projection) as CSV with [`SHARES_HEADER`]:
/// `kind` is `member`, `income`, `management_fee` or `unallocated`. Money has the pool's
/// decimals; weights and the share of income (a fraction) are exact.
#[must_use]
pub fn write_shares_csv(pool: &Pool, years: &[Shares]) -> String {
    let dp = pool.decimals();
    let mut rows = vec![SHARES_HEADER.iter().map(|s| (*s).to_owned()).collect()];
    for s in years {
        for (m, share) in member_years(pool, s).into_iter().zip(&s.members) {
            let weight = format_exact(share.weight);
            rows.push(vec![
                s.year.to_string(),
                "member".into(),
                m.id.clone(),
                weight,
                format_money(m.amount, dp),
                m.share_of_income.map(format_exact).unwrap_or_default(),
                m.patents.to_string(),
                m.per_patent
                    .map(|p| format_money(p, dp))
                    .unwrap_or_default(),
                s.currency.clone(),
            ]);
        }
        for (kind, amount) in [
            ("income", s.income),
            ("management_fee", s.management_fee),
            ("unallocated", s.unallocated),
        ] {
            rows.push(vec![
                s.year.to_string(),
                kind.into(),
                String::new(),
                String::new(),
                format_money(amount, dp),
                String::new(),
                String::new(),
                String::new(),
                s.currency.clone(),
            ]);
        }
    }
    write_rows(rows)
}

/// Writes a join or exit evaluation: per year and member, before, after and the change.
#[must_use]
pub fn write_evaluation_csv(years: &[EvaluationYear], decimals: u32, currency: &str) -> String {
    let mut rows = vec![
        ["year", "member", "before", "after", "change", "currency"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect::<Vec<_>>(),
    ];
    for y in years {
        for c in &y.changes {
            rows.push(vec![
                y.year.to_string(),
                c.id.clone(),
                format_money(c.before, decimals),
                format_money(c.after, decimals),
                format_money(c.change, decimals),
                currency.to_owned(),
            ]);
        }
    }
    write_rows(rows)
}
