//! The split of the chosen year (or the chosen years added up): income, management fee,
//! unallocated, each member's weight, amount, percent, patents and income per patent, the
//! check line, and the change per member against the dataset's own rule.

use super::{BlockedNote, LISTED_MEMBERS, ListedMembers, lang, use_shares_ctx};
use crate::browser::files::download;
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;
use poolcalc_engine::model::money::format_exact;
use poolcalc_engine::shares::compare_shares;
use poolcalc_views::format::{grouped, percent_fixed};
use poolcalc_views::holder::member_years;
use poolcalc_views::shares_csv::write_shares_csv;
use poolcalc_views::shares_view::{ShareCheck, check, compare_totals, range_totals};

/// One member's line, ready to show.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    weight: String,
    amount: String,
    percent: String,
    patents: String,
    per_patent: String,
    change: String,
    /// -1, 0, 1: the change's direction.
    direction: i8,
}

#[derive(Debug, Clone, PartialEq)]
struct Summary {
    income: String,
    fee: String,
    distributable: String,
    unallocated: String,
    check: ShareCheck,
    lines: Vec<Line>,
    /// Member indexes, largest amount first (dataset order among equals).
    order: Vec<usize>,
}

fn direction(d: poolcalc_engine::Decimal) -> i8 {
    if d.is_zero() {
        0
    } else if d.is_sign_negative() {
        -1
    } else {
        1
    }
}

#[component]
pub fn YearView() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_shares_ctx();
    let pool = ctx.pool.clone();
    let dp = pool.decimals();
    let summary = Memo::new(move |_| {
        let cur = ctx.current.get()?;
        let base = ctx.baseline.get()?;
        let (cur, base) = (&cur.0, &base.0);
        let money = |d| grouped(d, dp);
        let order_of = |amounts: Vec<poolcalc_engine::Decimal>| {
            let mut order: Vec<usize> = (0..amounts.len()).collect();
            order.sort_by(|&a, &b| amounts[b].cmp(&amounts[a]));
            order
        };
        if let ([s], [b]) = (cur.as_slice(), base.as_slice()) {
            let rows = member_years(&pool, s);
            let changes = compare_shares(b, s);
            let lines = rows
                .iter()
                .zip(&s.members)
                .zip(&changes)
                .map(|((r, m), c)| Line {
                    weight: format_exact(m.weight),
                    amount: money(r.amount),
                    percent: r
                        .share_of_income
                        .map(|f| format!("{} %", percent_fixed(f, 2)))
                        .unwrap_or_else(|| "—".into()),
                    patents: r.patents.to_string(),
                    per_patent: r.per_patent.map(money).unwrap_or_else(|| "—".into()),
                    change: money(c.change),
                    direction: direction(c.change),
                })
                .collect();
            Ok(Summary {
                income: money(s.income),
                fee: money(s.management_fee),
                distributable: money(s.distributable),
                unallocated: money(s.unallocated),
                check: check(s),
                lines,
                order: order_of(s.members.iter().map(|m| m.amount).collect()),
            })
        } else {
            let (Some(t), Some(bt)) = (range_totals(cur), range_totals(base)) else {
                return Err(super::Blocked::Years);
            };
            let changes = compare_totals(&bt, &t);
            let lines = t
                .members
                .iter()
                .zip(&changes)
                .map(|(m, c)| Line {
                    amount: money(m.amount),
                    percent: m
                        .share_of_income
                        .map(|f| format!("{} %", percent_fixed(f, 2)))
                        .unwrap_or_else(|| "—".into()),
                    change: money(c.change),
                    direction: direction(c.change),
                    weight: "—".into(),
                    patents: "—".into(),
                    per_patent: "—".into(),
                })
                .collect();
            let c = t.check.clone();
            Ok(Summary {
                income: money(c.income),
                fee: money(c.management_fee),
                distributable: money(t.distributable),
                unallocated: money(c.unallocated),
                check: c,
                lines,
                order: order_of(t.members.iter().map(|m| m.amount).collect()),
            })
        }
    });
    let currency = ctx.currency();
    // One effect redraws every row in place (only the changed texts touch the DOM): a
    // reactive node per cell costs more than the whole split on a 300-member pool.
    let rows_pool = ctx.pool.clone();
    let listed = move || {
        let show_all = ctx.text.with(|t| t.show_all);
        summary.with(|s| {
            s.as_ref().ok().map(|s| {
                let n = if show_all {
                    s.order.len()
                } else {
                    LISTED_MEMBERS
                };
                s.order.iter().copied().take(n).collect::<Vec<usize>>()
            })
        })
    };
    let rows = move || {
        let lang = lang();
        let members = &rows_pool.dataset().members;
        let shown = listed().unwrap_or_default();
        summary.with(|s| {
            let lines = s.as_ref().ok().map(|s| s.lines.as_slice()).unwrap_or_default();
            shown
                .iter()
                .filter_map(|&i| Some((members.get(i)?, lines.get(i)?)))
                .map(|(m, line)| {
                    let id = &m.id;
                    let name = m.name.get(lang);
                    let name = if name.trim().is_empty() { id.clone() } else { name.to_owned() };
                    let change_class = match line.direction {
                        1 => "num shares-gain",
                        -1 => "num shares-loss",
                        _ => "num",
                    };
                    view! {
                        <tr data-testid=format!("shares-row-{id}")>
                            <th scope="row">{name}</th>
                            <td class="num" data-testid=format!("shares-weight-{id}")>{line.weight.clone()}</td>
                            <td class="num" data-testid=format!("shares-amount-{id}")>{line.amount.clone()}</td>
                            <td class="num" data-testid=format!("shares-percent-{id}")>{line.percent.clone()}</td>
                            <td class="num" data-testid=format!("shares-patents-{id}")>{line.patents.clone()}</td>
                            <td class="num" data-testid=format!("shares-per-patent-{id}")>{line.per_patent.clone()}</td>
                            <td class=change_class data-testid=format!("shares-change-{id}")>{line.change.clone()}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let total_members = ctx.pool.dataset().members.len();
    let listed_note = move || {
        let shown = listed().map_or(0, |l| l.len());
        view! { <ListedMembers shown total=total_members /> }
    };
    let text = move |f: fn(&Summary) -> String| {
        move || summary.with(|s| s.as_ref().map(f).unwrap_or_default())
    };
    let check_line = move || {
        summary.with(|s| {
            s.as_ref()
                .map(|s| {
                    let c = &s.check;
                    format!(
                        "{} {} + {} {} + {} {} = {} · {} {}",
                        t_string!(i18n, shares_check_shares),
                        grouped(c.shares, dp),
                        t_string!(i18n, shares_management_fee),
                        grouped(c.management_fee, dp),
                        t_string!(i18n, shares_unallocated),
                        grouped(c.unallocated, dp),
                        grouped(c.sum, dp),
                        t_string!(i18n, shares_income),
                        grouped(c.income, dp),
                    )
                })
                .unwrap_or_default()
        })
    };
    let balanced = move || {
        summary.with(|s| match s {
            Ok(s) if s.check.balanced => t_string!(i18n, shares_check_ok).to_owned(),
            Ok(_) => t_string!(i18n, shares_check_bad).to_owned(),
            Err(_) => String::new(),
        })
    };
    let export_pool = ctx.pool.clone();
    let export = move |_| {
        if let Ok(list) = ctx.current.get_untracked() {
            let name = match (list.0.first(), list.0.last()) {
                (Some(a), Some(b)) if a.year != b.year => {
                    format!("shares-{}-{}.csv", a.year, b.year)
                }
                (Some(a), _) => format!("shares-{}.csv", a.year),
                _ => "shares.csv".to_owned(),
            };
            download(&name, "text/csv", &write_shares_csv(&export_pool, &list.0));
        }
    };
    let print = move |_| {
        let _ = window().print();
    };
    let heading = move || match ctx.span.get() {
        Some((a, b)) if a == b => format!("{} {a}", t_string!(i18n, shares_year_title)),
        Some((a, b)) => format!("{} {a}–{b}", t_string!(i18n, shares_years_total_title)),
        None => t_string!(i18n, shares_year_title).to_owned(),
    };
    view! {
        <section class="shares-year" aria-labelledby="shares-year-title">
            <h2 id="shares-year-title" data-testid="shares-year-title">{heading}</h2>
            {move || summary.get().err().map(|b| view! { <BlockedNote blocked=b /> })}
            <Show when=move || summary.with(Result::is_ok)>
                <dl class="shares-totals">
                    <div><dt>{t!(i18n, shares_income)}</dt><dd data-testid="shares-income">{text(|s| s.income.clone())}</dd></div>
                    <div><dt>{t!(i18n, shares_management_fee)}</dt><dd data-testid="shares-fee">{text(|s| s.fee.clone())}</dd></div>
                    <div><dt>{t!(i18n, shares_distributable)}</dt><dd data-testid="shares-distributable">{text(|s| s.distributable.clone())}</dd></div>
                    <div><dt>{t!(i18n, shares_unallocated)}</dt><dd data-testid="shares-unallocated">{text(|s| s.unallocated.clone())}</dd></div>
                </dl>
                <p class="shares-check" data-testid="shares-check">
                    <span data-testid="shares-check-line">{check_line}</span>
                    " "
                    <strong data-testid="shares-check-result">{balanced}</strong>
                </p>
            </Show>
            <div class="shares-table-wrap" tabindex="0" role="region" aria-labelledby="shares-year-title">
                <table class="shares-table" data-testid="shares-table">
                    <caption>{t!(i18n, shares_table_caption)} " (" {currency.clone()} ")"</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, shares_member)}</th>
                            <th scope="col" class="num">{t!(i18n, shares_weight)}</th>
                            <th scope="col" class="num">{t!(i18n, shares_amount)}</th>
                            <th scope="col" class="num">{t!(i18n, shares_percent)}</th>
                            <th scope="col" class="num">{t!(i18n, shares_patents)}</th>
                            <th scope="col" class="num">{t!(i18n, shares_per_patent)}</th>
                            <th scope="col" class="num">{t!(i18n, shares_change_vs_own)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {listed_note}
            <div class="shares-actions no-print-controls">
                <button type="button" data-testid="shares-export-csv" on:click=export>{t!(i18n, shares_export_csv)}</button>
                <button type="button" data-testid="shares-print" on:click=print>{t!(i18n, shares_print)}</button>
            </div>
        </section>
    }
}
