//! The stable `--json` output of the command-line contract (spec section 6): money as strings
//! with exactly `currency_decimals` decimals, `gross`, `discount` and weights exact.

use serde_json::{Value, json};

use crate::fees::FeeReport;
use crate::model::money::{format_exact, format_money};
use crate::shares::Shares;

/// `poolcalc fees --json`.
#[must_use]
pub fn fees_json(r: &FeeReport) -> Value {
    let dp = r.decimals;
    json!({
        "currency": r.currency,
        "years": r.years.iter().map(|y| json!({
            "year": y.year,
            "schedule": y.schedule,
            "gross": format_exact(y.gross),
            "discount": format_exact(y.discount),
            "cap_applied": y.cap_applied,
            "payable": format_money(y.payable, dp),
            "lines": y.lines.iter().map(|l| json!({
                "product": l.product,
                "region": l.region,
                "units": l.units,
                "amount": format_money(l.amount, dp),
            })).collect::<Vec<_>>(),
            "countries": y.countries.iter().map(|c| json!({
                "country": c.country,
                "amount": format_money(c.amount, dp),
            })).collect::<Vec<_>>(),
            "exempt": y.exempt.iter().map(|e| json!({
                "product": e.product,
                "country": e.country,
                "units": e.units,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "total": format_money(r.total, dp),
    })
}

/// `poolcalc distribute --json`.
#[must_use]
pub fn shares_json(s: &Shares, decimals: u32) -> Value {
    json!({
        "year": s.year,
        "currency": s.currency,
        "income": format_money(s.income, decimals),
        "management_fee": format_money(s.management_fee, decimals),
        "distributable": format_money(s.distributable, decimals),
        "unallocated": format_money(s.unallocated, decimals),
        "members": s.members.iter().map(|m| json!({
            "id": m.id,
            "weight": format_exact(m.weight),
            "amount": format_money(m.amount, decimals),
        })).collect::<Vec<_>>(),
    })
}
