//! The stable `--json` output of the command-line contract (spec section 6 and v2 section 5):
//! money as strings with exactly `currency_decimals` decimals, `gross`, `discount`, weights
//! and service measures exact.

use serde_json::{Value, json};

use crate::fees::history::TermsHistory;
use crate::fees::{FeeReport, LineFee};
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
            "lines": y.lines.iter().map(|l| line_json(l, dp)).collect::<Vec<_>>(),
            "countries": y.countries.iter().map(|c| json!({
                "country": c.country,
                "amount": format_money(c.amount, dp),
            })).collect::<Vec<_>>(),
            "exempt": y.exempt.iter().map(|e| json!({
                "product": e.product,
                "country": e.country,
                "units": e.units,
                "reason": e.reason.as_str(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "total": format_money(r.total, dp),
    })
}

/// A line of `fees --json`; a service line (version 2) with its weighted measures and the
/// tier they reach (its position, null when none qualifies).
fn line_json(l: &LineFee, dp: u32) -> Value {
    match &l.service {
        None => json!({
            "product": l.product,
            "region": l.region,
            "units": l.units,
            "amount": format_money(l.amount, dp),
        }),
        Some(s) => json!({
            "product": l.product,
            "region": l.region,
            "units": 0,
            "measures": {
                "users": format_exact(s.measures.users),
                "subscribers": format_exact(s.measures.subscribers),
                "revenue": format_exact(s.measures.revenue),
            },
            "tier": s.tier,
            "amount": format_money(l.amount, dp),
        }),
    }
}

/// `poolcalc terms-history --json` (pool-dataset-v2 5): rates as written, rises rounded to
/// 4 decimals (null where the old rate is 0), `over` counting the rises above the limit.
#[must_use]
pub fn terms_history_json(h: &TermsHistory) -> Value {
    json!({
        "max_rate_rise": h.max_rate_rise.map(|m| m.to_string()),
        "changes": h.changes.iter().map(|c| json!({
            "product": c.product,
            "region": c.region,
            "from_schedule": c.from_schedule,
            "to_schedule": c.to_schedule,
            "field": c.field.to_string(),
            "old": c.old.to_string(),
            "new": c.new.to_string(),
            "rise": c.rise_shown().map(|r| r.to_string()),
            "over": c.over,
        })).collect::<Vec<_>>(),
        "over": h.over,
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
