//! What an evaluation found: the subject year by year, then every member's gain or loss.

use leptos::prelude::*;
use poolcalc_views::format::{grouped, percent_fixed};
use poolcalc_views::membership_change::evaluation_totals;

use super::{Evaluated, Stop, StopNote};
use crate::browser::files::download;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::shares::{LISTED_MEMBERS, ListedMembers, lang, use_shares_ctx};

/// The subject year by year, then every member's gain or loss over the years.
#[component]
pub fn Results(result: Signal<Result<Evaluated, Stop>>, join: bool) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_shares_ctx();
    let dp = ctx.decimals();
    let currency = ctx.currency();
    let pct = |f: Option<poolcalc_engine::Decimal>| {
        f.map(|f| format!("{} %", percent_fixed(f, 2)))
            .unwrap_or_else(|| "—".into())
    };
    let money = move |d: poolcalc_engine::Decimal| grouped(d, dp);
    let body = move || {
        let ctx = ctx.clone();
        result.get().map(|e| {
            let l = lang();
            let years = e.years.0.clone();
            let bilateral = years.iter().any(|y| y.versus_bilateral.is_some());
            let subject_rows = years
                .iter()
                .map(|y| {
                    let before = y.subject_before.as_ref();
                    let after = y.subject_after.as_ref();
                    let amount_after = after.map(|s| money(s.amount)).unwrap_or_else(|| money(poolcalc_engine::Decimal::ZERO));
                    let change = y.changes.iter().find(|c| c.id == e.subject).map(|c| money(c.change)).unwrap_or_default();
                    view! {
                        <tr data-testid=format!("shares-eval-year-{}", y.year)>
                            <th scope="row">{y.year}</th>
                            {(!join).then(|| view! { <td class="num">{before.map(|s| money(s.amount)).unwrap_or_default()}</td> })}
                            <td class="num" data-testid=format!("shares-eval-income-{}", y.year)>{amount_after}</td>
                            {(!join).then(|| view! { <td class="num">{change.clone()}</td> })}
                            <td class="num">{after.map(|s| s.patents).unwrap_or(0)}</td>
                            <td class="num">{after.and_then(|s| s.per_patent).map(money).unwrap_or_else(|| "—".into())}</td>
                            <td class="num">{pct(after.and_then(|s| s.share_of_patents))}</td>
                            <td class="num">{pct(after.and_then(|s| s.share_of_income))}</td>
                            {bilateral.then(|| view! { <td class="num">{y.versus_bilateral.map(money).unwrap_or_default()}</td> })}
                        </tr>
                    }
                })
                .collect_view();
            let totals = evaluation_totals(&years);
            // Largest change first: on a big pool the few members who feel the change most
            // matter, and every row costs the browser layout time.
            let mut order: Vec<&poolcalc_engine::shares::ShareChange> = totals.iter().collect();
            order.sort_by_key(|c| std::cmp::Reverse(c.change.abs()));
            let total = order.len();
            let shown = if ctx.text.with(|t| t.show_all) { total } else { LISTED_MEMBERS.min(total) };
            let member_rows = order
                .into_iter()
                .take(shown)
                .map(|c| {
                    let class = if c.change.is_zero() { "num" } else if c.change.is_sign_negative() { "num shares-loss" } else { "num shares-gain" };
                    view! {
                        <tr data-testid=format!("shares-eval-member-{}", c.id)>
                            <th scope="row">{ctx.member_name(&c.id, l)}{(c.id == e.subject).then(|| format!(" ({})", t_string!(i18n, shares_subject)))}</th>
                            <td class="num">{money(c.before)}</td>
                            <td class="num">{money(c.after)}</td>
                            <td class=class data-testid=format!("shares-eval-change-{}", c.id)>{money(c.change)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let export_years = e.years.clone();
            let currency_x = ctx.currency();
            let export = move |_| {
                let csv = poolcalc_views::shares_csv::write_evaluation_csv(&export_years.0, dp, &currency_x);
                download(if join { "join-evaluation.csv" } else { "exit-evaluation.csv" }, "text/csv", &csv);
            };
            let (first, last) = (years.first().map(|y| y.year).unwrap_or_default(), years.last().map(|y| y.year).unwrap_or_default());
            view! {
                <p class="shares-hint" data-testid="shares-eval-ms" data-ms=e.ms.clone()>
                    {t!(i18n, shares_eval_years)} " " {first} "–" {last}
                </p>
                <div class="shares-table-wrap" tabindex="0" role="region" aria-labelledby="shares-eval-caption">
                    <table class="shares-table" data-testid="shares-eval-table">
                        <caption id="shares-eval-caption">{if join { t_string!(i18n, shares_eval_join_caption) } else { t_string!(i18n, shares_eval_exit_caption) }} " (" {currency.clone()} ")"</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, shares_year)}</th>
                                {(!join).then(|| view! { <th scope="col" class="num">{t!(i18n, shares_eval_before)}</th> })}
                                <th scope="col" class="num">{if join { t_string!(i18n, shares_eval_income) } else { t_string!(i18n, shares_eval_after) }}</th>
                                {(!join).then(|| view! { <th scope="col" class="num">{t!(i18n, shares_eval_change)}</th> })}
                                <th scope="col" class="num">{t!(i18n, shares_patents)}</th>
                                <th scope="col" class="num">{t!(i18n, shares_per_patent)}</th>
                                <th scope="col" class="num">{t!(i18n, shares_share_of_patents)}</th>
                                <th scope="col" class="num">{t!(i18n, shares_share_of_income)}</th>
                                {bilateral.then(|| view! { <th scope="col" class="num">{t!(i18n, shares_versus_bilateral)}</th> })}
                            </tr>
                        </thead>
                        <tbody>{subject_rows}</tbody>
                    </table>
                </div>
                <div class="shares-table-wrap" tabindex="0" role="region" aria-labelledby="shares-eval-members-caption">
                    <table class="shares-table" data-testid="shares-eval-members">
                        <caption id="shares-eval-members-caption">{t!(i18n, shares_eval_members_caption)} " " {first} "–" {last} " (" {currency.clone()} ")"</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, shares_member)}</th>
                                <th scope="col" class="num">{t!(i18n, shares_eval_before)}</th>
                                <th scope="col" class="num">{t!(i18n, shares_eval_after)}</th>
                                <th scope="col" class="num">{t!(i18n, shares_eval_change)}</th>
                            </tr>
                        </thead>
                        <tbody>{member_rows}</tbody>
                    </table>
                </div>
                <ListedMembers shown total />
                <div class="shares-actions no-print-controls">
                    <button type="button" data-testid="shares-eval-csv" on:click=export>{t!(i18n, shares_export_csv)}</button>
                    <button type="button" on:click=move |_| { let _ = window().print(); }>{t!(i18n, shares_print)}</button>
                </div>
            }
        })
    };
    view! {
        <div class="shares-eval" data-testid="shares-eval">
            {move || result.get().err().map(|s| view! { <StopNote stop=s /> })}
            {move || body().ok()}
        </div>
    }
}
