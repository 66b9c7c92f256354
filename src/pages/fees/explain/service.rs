//! Step 3 of a service line (version 2): its weighted measures, every tier with the
//! thresholds they met, the tier reached (the highest that qualifies) and the credit.

use super::super::service_text::measure;
use crate::i18n::labels::service_thresholds;
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;
use poolcalc_engine::Decimal;
use poolcalc_engine::model::money::format_exact;
use poolcalc_views::fee_steps::{ServiceStep, ServiceTierStep};

/// Which measures reached a tier: "users, revenue".
fn met_by(t: &ServiceTierStep) -> String {
    let i18n = use_i18n();
    [
        (t.met.users, t_string!(i18n, fees_col_users)),
        (t.met.subscribers, t_string!(i18n, fees_col_subscribers)),
        (t.met.revenue, t_string!(i18n, fees_col_revenue)),
    ]
    .into_iter()
    .filter_map(|(met, name)| met.then_some(name))
    .collect::<Vec<_>>()
    .join(t_string!(i18n, fees_service_and))
}

/// The explanation of one service line named `name`.
pub fn service_line(name: String, s: &ServiceStep, money: &dyn Fn(Decimal) -> String) -> AnyView {
    let i18n = use_i18n();
    let tiers = s
        .tiers
        .iter()
        .enumerate()
        .map(|(i, tier)| {
            let when = service_thresholds(tier.users, tier.subscribers, tier.revenue, money);
            let amount = money(tier.amount);
            let n = i + 1;
            let reached = Some(i) == s.tier;
            let by = met_by(tier);
            let text = if tier.qualifies && !by.is_empty() {
                t!(
                    i18n,
                    fees_step_service_tier_met,
                    tier = n,
                    when = when,
                    amount = amount,
                    by = by
                )
                .into_any()
            } else if tier.qualifies {
                t!(
                    i18n,
                    fees_step_service_tier_open,
                    tier = n,
                    when = when,
                    amount = amount
                )
                .into_any()
            } else {
                t!(
                    i18n,
                    fees_step_service_tier_not,
                    tier = n,
                    when = when,
                    amount = amount
                )
                .into_any()
            };
            view! { <li class:fees-tier-reached=reached>{text}</li> }
        })
        .collect_view();
    let outcome = match s.tier {
        None => view! { <p>{t!(i18n, fees_step_service_none)}</p> }.into_any(),
        Some(t) => {
            let credit = s.credit.map(|c| {
                view! {
                    " "{t!(i18n, fees_step_service_credit, credit = money(c), amount = format_exact(s.amount))}
                }
            });
            view! {
                <p data-testid="fees-explain-service-tier">
                    {t!(i18n, fees_step_service_reached, tier = t + 1, amount = format_exact(s.tier_amount))}
                    {credit}
                </p>
            }
            .into_any()
        }
    };
    view! {
        <p>{t!(i18n, fees_step_service_line, line = name, users = measure(s.measures.users), subscribers = measure(s.measures.subscribers), revenue = money(s.measures.revenue))}</p>
        <ul class="fees-service-tiers">{tiers}</ul>
        {outcome}
    }
    .into_any()
}
