//! One year's computation in plain language, in the order of the rules: schedule, where
//! each sale goes, each line's amount (with tier bands), discount, group caps, the
//! enterprise cap, rounding. Numbers are the engine's (`fee_steps`).

mod route;
mod service;

use super::results::band_text;
use super::{lang, product_name, use_calc};
use crate::i18n::labels::admits_text;
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;
use poolcalc_engine::model::in_force::InForceRule;
use poolcalc_engine::model::money::{format_exact, format_money};
use poolcalc_views::fee_charts::group_digits;
use poolcalc_views::fee_form::percent_text;
use poolcalc_views::fee_steps::{LineRate, fee_steps};
use poolcalc_views::terms_history::Admits;

#[component]
pub fn Explain() -> impl IntoView {
    let i18n = use_i18n();
    let calc = use_calc();
    let outcome = calc.settled;
    let pool = calc.pool.clone();
    let chosen = RwSignal::new(String::new());

    let years = move || {
        outcome.with(|o| {
            o.0.report
                .as_ref()
                .map(|r| r.years.iter().map(|y| y.year).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let year = move || {
        let ys = years();
        let want = chosen.get().parse::<i32>().ok();
        want.filter(|w| ys.contains(w)).or(ys.first().copied())
    };

    let steps = move || {
        let o = outcome.get().0;
        let report = o.report.as_ref().ok()?;
        let y = year()?;
        let fy = report.years.iter().find(|f| f.year == y)?;
        let sales = o
            .usage
            .years
            .iter()
            .find(|u| u.year == y)
            .map(|u| u.sales.clone())
            .unwrap_or_default();
        let s = fee_steps(&pool, fy, &sales)?;
        let l = lang();
        let dp = s.decimals;
        let cur = report.currency.clone();
        let m = move |d: poolcalc_engine::Decimal| format!("{} {}", format_money(d, dp), cur);
        let x = format_exact;
        let to = s.to_year.map_or_else(
            || t_string!(i18n, fees_open_ended).to_owned(),
            |t| t.to_string(),
        );

        let routes = s
            .routes
            .iter()
            .map(|r| route::route_item(r, y, l, &m))
            .collect_view();

        let open = t_string!(i18n, fees_band_open).to_owned();
        let lines = s
            .lines
            .iter()
            .map(|(line, rate)| {
                let name = format!("{} / {}", product_name(&pool, &line.product, l), line.region);
                let units = group_digits(line.units);
                let exact = x(line.exact);
                let how = match rate {
                    LineRate::PerUnit(r) => view! {
                        <p>{t!(i18n, fees_step_line_per_unit, line = name.clone(), units = units.clone(), rate = x(*r), amount = exact.clone())}</p>
                    }
                    .into_any(),
                    LineRate::Tiers { all_units } => {
                        let bands = line
                            .bands
                            .iter()
                            .map(|b| view! { <li>{band_text(b, &open)}</li> })
                            .collect_view();
                        let mode = if *all_units {
                            t_string!(i18n, fees_step_all_units).to_owned()
                        } else {
                            t_string!(i18n, fees_step_marginal).to_owned()
                        };
                        view! {
                            <p>{t!(i18n, fees_step_line_tiers, line = name.clone(), units = units.clone(), mode = mode, amount = exact.clone())}</p>
                            <ul class="fees-bands">{bands}</ul>
                        }
                        .into_any()
                    }
                    LineRate::Service(step) => service::service_line(name.clone(), step, &m),
                    LineRate::PercentOfPrice { percent, min, max } => {
                        let bounds = match (min, max) {
                            (None, None) => String::new(),
                            (lo, hi) => format!(
                                " ({} {}, {} {})",
                                t_string!(i18n, fees_min),
                                lo.map_or_else(|| "–".to_owned(), x),
                                t_string!(i18n, fees_max),
                                hi.map_or_else(|| "–".to_owned(), x),
                            ),
                        };
                        view! {
                            <p>{t!(i18n, fees_step_line_percent, line = name.clone(), units = units.clone(), percent = percent_text(*percent, 4), bounds = bounds, amount = exact.clone())}</p>
                        }
                        .into_any()
                    }
                };
                view! { <li>{how}</li> }
            })
            .collect_view();

        let discount = match &s.discount {
            Some((id, pct)) => view! {
                <p data-testid="fees-explain-discount">{t!(i18n, fees_step_discount, id = id.clone(), percent = percent_text(*pct, 4), discount = x(s.discount_amount), after = x(s.after_discount))}</p>
            }
            .into_any(),
            None => view! { <p data-testid="fees-explain-discount">{t!(i18n, fees_step_no_discount)}</p> }.into_any(),
        };

        let caps = if s.group_caps.is_empty() {
            view! { <p>{t!(i18n, fees_step_no_group_caps)}</p> }.into_any()
        } else {
            let items = s
                .group_caps
                .iter()
                .map(|c| {
                    let products = c
                        .products
                        .iter()
                        .map(|p| product_name(&pool, p, l))
                        .collect::<Vec<_>>()
                        .join(", ");
                    if c.applied {
                        view! { <li>{t!(i18n, fees_step_group_cap_bit, id = c.id.clone(), products = products, sum = x(c.sum), cap = x(c.amount))}</li> }.into_any()
                    } else {
                        view! { <li>{t!(i18n, fees_step_group_cap_not, id = c.id.clone(), products = products, sum = x(c.sum), cap = x(c.amount))}</li> }.into_any()
                    }
                })
                .collect_view();
            view! {
                <ul>{items}</ul>
                <p>{t!(i18n, fees_step_after_group_caps, amount = x(s.after_group_caps))}</p>
            }
            .into_any()
        };

        let enterprise = match s.annual_cap {
            None => view! { <p>{t!(i18n, fees_step_no_enterprise_cap)}</p> }.into_any(),
            Some(cap) if s.annual_cap_applied => view! {
                <p>{t!(i18n, fees_step_enterprise_cap_bit, amount = x(s.after_group_caps), cap = x(cap))}</p>
            }
            .into_any(),
            Some(cap) => view! {
                <p>{t!(i18n, fees_step_enterprise_cap_not, amount = x(s.after_group_caps), cap = x(cap))}</p>
            }
            .into_any(),
        };

        let schedule_note = match s.in_force_rule {
            InForceRule::Off => None,
            InForceRule::Sale => Some(
                view! { <p class="fees-hint">{t!(i18n, fees_step_in_force_rule)}</p> }.into_any(),
            ),
            InForceRule::MadeOrSold => Some(
                view! { <p class="fees-hint">{t!(i18n, fees_step_in_force_rule_made)}</p> }
                    .into_any(),
            ),
        };
        // A signing-date schedule says whom it is for (version 2).
        let admits = s.applies_to.map(|a| {
            view! { <p class="fees-hint" data-testid="fees-explain-admits">{admits_text(Admits::of(Some(a)))}</p> }
        });

        Some(view! {
            <ol class="fees-steps" data-testid="fees-explain-steps">
                <li>
                    <h3>{t!(i18n, fees_step1_title)}</h3>
                    <p>{t!(i18n, fees_step_schedule, schedule = s.schedule.clone(), year = y, from = s.from_year, to = to)}</p>
                    {schedule_note}
                    {admits}
                </li>
                <li>
                    <h3>{t!(i18n, fees_step2_title)}</h3>
                    <ul>{routes}</ul>
                </li>
                <li>
                    <h3>{t!(i18n, fees_step3_title)}</h3>
                    <ul>{lines}</ul>
                    <p>{t!(i18n, fees_step_gross, gross = x(s.gross))}</p>
                </li>
                <li>
                    <h3>{t!(i18n, fees_step4_title)}</h3>
                    {discount}
                </li>
                <li>
                    <h3>{t!(i18n, fees_step5_title)}</h3>
                    {caps}
                </li>
                <li>
                    <h3>{t!(i18n, fees_step6_title)}</h3>
                    {enterprise}
                </li>
                <li>
                    <h3>{t!(i18n, fees_step7_title)}</h3>
                    <p data-testid="fees-explain-payable">{t!(i18n, fees_step_rounding, amount = x(s.before_rounding), decimals = dp, payable = m(s.payable))}</p>
                </li>
            </ol>
        })
    };

    view! {
        <section class="fees-explain" aria-labelledby="fees-explain-title">
            <h2 id="fees-explain-title">{t!(i18n, fees_explain_title)}</h2>
            <label for="fees-explain-year">{t!(i18n, fees_explain_year)}</label>
            <select
                id="fees-explain-year"
                data-testid="fees-explain-year"
                prop:value=move || year().map(|y| y.to_string()).unwrap_or_default()
                on:change=move |ev| chosen.set(event_target_value(&ev))
            >
                {move || {
                    years()
                        .into_iter()
                        .map(|y| {
                            view! {
                                <option value=y.to_string() prop:selected=move || year() == Some(y)>
                                    {y}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            {steps}
        </section>
    }
}
