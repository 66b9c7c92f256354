//! Texts of version 2 results that the results and the explanation share: a service line's
//! weighted measures, the tier they reached, and why a sale is royalty-free.

use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;
use poolcalc_engine::Decimal;
use poolcalc_engine::fees::ExemptReason;
use poolcalc_engine::model::service::Measures;
use poolcalc_views::format::grouped_exact;

/// A measure as exact as it is (weighted users can be halves), thousands grouped.
pub fn measure(d: Decimal) -> String {
    grouped_exact(d.normalize())
}

/// "users 150,000 · subscribers 0 · revenue 0.00 USD"; `money` formats the revenue.
pub fn measures_text(m: &Measures, money: impl Fn(Decimal) -> String) -> String {
    let i18n = use_i18n();
    format!(
        "{} {} · {} {} · {} {}",
        t_string!(i18n, fees_col_users),
        measure(m.users),
        t_string!(i18n, fees_col_subscribers),
        measure(m.subscribers),
        t_string!(i18n, fees_col_revenue),
        money(m.revenue)
    )
}

/// "tier 2 reached", or that none was.
pub fn tier_text(tier: Option<usize>) -> AnyView {
    let i18n = use_i18n();
    match tier {
        Some(t) => t!(i18n, fees_service_tier, tier = t + 1).into_any(),
        None => t!(i18n, fees_service_no_tier).into_any(),
    }
}

/// Why units pay nothing.
pub fn exempt_reason_text(reason: ExemptReason) -> &'static str {
    let i18n = use_i18n();
    match reason {
        ExemptReason::NotInForce => t_string!(i18n, fees_exempt_reason_not_in_force),
        ExemptReason::PaidUpstream => t_string!(i18n, fees_exempt_reason_paid_upstream),
    }
}
