//! Interest balance from the licensee's side: royalty per unit against price and unit
//! profit, a reference line (a rule of thumb, not a legal test), and the same sales under
//! each of the pool's rate schedules.

use super::{lang, money, problem_text, product_name, use_calc};
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;
use poolcalc_views::balance::{DEFAULT_REFERENCE, indicators, totals_under_each_schedule};
use poolcalc_views::fee_charts::group_digits;
use poolcalc_views::fee_form::{parse_percent, per_unit_text, percent_text};

#[component]
pub fn Balance() -> impl IntoView {
    let i18n = use_i18n();
    let calc = use_calc();
    let outcome = calc.settled;
    let pool = calc.pool.clone();
    let reference_text = RwSignal::new(percent_text(DEFAULT_REFERENCE, 2));
    let reference = Memo::new(move |_| parse_percent(&reference_text.get()));

    let body = move || {
        let o = outcome.get().0;
        let report = o.report.as_ref().ok()?.clone();
        let refv = reference.get().unwrap_or(DEFAULT_REFERENCE);
        let l = lang();
        let pct = |v: Option<poolcalc_engine::Decimal>| {
            v.map_or_else(|| "–".to_owned(), |v| format!("{} %", percent_text(v, 2)))
        };
        let unit = |v: Option<poolcalc_engine::Decimal>| {
            v.map_or_else(
                || "–".to_owned(),
                |v| format!("{} {}", per_unit_text(v, report.decimals), report.currency),
            )
        };
        let rows = indicators(&pool, &o.usage, &report, refv)
            .into_iter()
            .map(|i| {
                let above = i.above_reference;
                view! {
                    <tr class:fees-above=above>
                        <th scope="row">{i.year}" · "{product_name(&pool, &i.product, l)}</th>
                        <td class="num">{group_digits(i.units)}</td>
                        <td class="num">{unit(i.per_unit)}</td>
                        <td class="num">{unit(i.price)}</td>
                        <td class="num" data-testid=format!("fees-balance-{}-{}-price-share", i.year, i.product)>{pct(i.share_of_price)}</td>
                        <td class="num">{unit(i.unit_profit)}</td>
                        <td class="num" data-testid=format!("fees-balance-{}-{}-profit-share", i.year, i.product)>{pct(i.share_of_profit)}</td>
                        <td>
                            {if above {
                                view! { <strong>{t!(i18n, fees_above_reference)}</strong> }.into_any()
                            } else {
                                view! { <span>"–"</span> }.into_any()
                            }}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        let schedules = totals_under_each_schedule(&pool, &o.usage)
            .into_iter()
            .map(|s| {
                let shown = match &s.total {
                    Ok(v) => money(*v, &report),
                    Err(e) => format!("{}: {e}", t_string!(i18n, fees_not_computable)),
                };
                view! {
                    <tr>
                        <th scope="row">{s.schedule.clone()}</th>
                        <td class="num" data-testid=format!("fees-schedule-total-{}", s.schedule)>{shown}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <div class="fees-table-wrap">
                <table class="fees-balance" data-testid="fees-balance">
                    <caption>{t!(i18n, fees_balance_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, fees_col_year_product)}</th>
                            <th scope="col">{t!(i18n, fees_col_units)}</th>
                            <th scope="col">{t!(i18n, fees_col_per_unit)}</th>
                            <th scope="col">{t!(i18n, fees_col_price)}</th>
                            <th scope="col">{t!(i18n, fees_col_share_price)}</th>
                            <th scope="col">{t!(i18n, fees_col_unit_profit)}</th>
                            <th scope="col">{t!(i18n, fees_col_share_profit)}</th>
                            <th scope="col">{t!(i18n, fees_col_reference)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <div class="fees-table-wrap">
                <table class="fees-schedules">
                    <caption>{t!(i18n, fees_schedules_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, fees_col_schedule)}</th>
                            <th scope="col">{t!(i18n, fees_col_total)}</th>
                        </tr>
                    </thead>
                    <tbody>{schedules}</tbody>
                </table>
            </div>
        })
    };

    let problem = move || reference.get().err();
    view! {
        <section class="fees-balance-section" aria-labelledby="fees-balance-title">
            <h2 id="fees-balance-title">{t!(i18n, fees_balance_title)}</h2>
            <p class="fees-hint">{t!(i18n, fees_balance_note)}</p>
            <label for="fees-reference">{t!(i18n, fees_reference)}</label>
            <input
                id="fees-reference"
                data-testid="fees-reference"
                type="text"
                inputmode="decimal"
                prop:value=move || reference_text.get()
                aria-invalid=move || problem().is_some().then_some("true")
                aria-describedby="fees-reference-hint"
                on:input=move |ev| reference_text.set(event_target_value(&ev))
            />
            <span class="fees-hint" id="fees-reference-hint">{t!(i18n, fees_reference_hint)}</span>
            {move || problem().map(|p| view! { <span class="fees-field-error" role="alert">{problem_text(p)}</span> })}
            {body}
        </section>
    }
}
