//! Shares per member over the years as patents expire and members join or leave: a small SVG
//! line chart of the largest members, a table of every member (the chart's accessible
//! alternative), the years in which a member's income falls by more than half, and export.

use super::{Blocked, BlockedNote, LISTED_MEMBERS, ListedMembers, Shared, lang, use_shares_ctx};
use crate::browser::files::download;
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;
use poolcalc_engine::Shares;
use poolcalc_views::format::grouped;
use poolcalc_views::holder::halvings;
use poolcalc_views::shares_csv::write_shares_csv;
use poolcalc_views::shares_view::{IncomeSource, chart, project_with, top_members};
use std::collections::HashSet;
use std::sync::Arc;

/// Lines in the chart; the table has every member.
const CHART_MEMBERS: usize = 6;
/// Years projected when a single year is chosen.
const DEFAULT_SPAN: i32 = 20;

const COLOURS: [&str; CHART_MEMBERS] = [
    "#1d4e89", "#d9480f", "#2b8a3e", "#862e9c", "#c92a2a", "#5c5f66",
];
const DASHES: [&str; CHART_MEMBERS] = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4"];

#[derive(Debug, Clone, PartialEq)]
struct Projected {
    years: Shared<Vec<Shares>>,
    marks: Arc<HashSet<(String, i32)>>,
}

#[component]
pub fn Projection() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_shares_ctx();
    let text = ctx.text;
    let offered = ctx.years;
    let range = Memo::new(move |_| {
        ctx.span.get().map(|(a, b)| {
            if a == b {
                (a, (a + DEFAULT_SPAN - 1).min(offered.1))
            } else {
                (a, b)
            }
        })
    });
    let ctx_p = ctx.clone();
    let projected = Memo::new(move |_| -> Result<Projected, Blocked> {
        let ctx = &ctx_p;
        let rule = ctx.rule.get().map_err(Blocked::Rule)?;
        let (a, b) = range.get().ok_or(Blocked::Years)?;
        let entered = ctx.entered.get();
        let years = match &entered {
            None => project_with(
                &ctx.pool,
                a..=b,
                &rule,
                &IncomeSource::Licensees(&ctx.incomes),
            ),
            Some(Ok(income)) => {
                project_with(&ctx.pool, a..=b, &rule, &IncomeSource::Entered(income))
            }
            Some(Err(p)) => return Err(Blocked::Income(p.clone())),
        };
        let marks = halvings(&years).into_iter().collect();
        Ok(Projected {
            years: Shared(Arc::new(years)),
            marks: Arc::new(marks),
        })
    });
    let dp = ctx.decimals();
    let ctx_v = ctx.clone();
    let body = move || {
        let ctx = ctx_v.clone();
        projected.get().map(|p| {
            let years = p.years.0.clone();
            let l = lang();
            let top = top_members(&years, CHART_MEMBERS);
            let drawn = chart(&years, &top, dp);
            let show_all = text.with(|t| t.show_all);
            let order = top_members(&years, usize::MAX);
            let listed: Vec<String> = if show_all {
                order.clone()
            } else {
                order.iter().take(LISTED_MEMBERS).cloned().collect()
            };
            let (shown, total) = (listed.len(), order.len());
            let positions: Vec<(String, usize)> = listed
                .iter()
                .filter_map(|id| {
                    years
                        .first()
                        .and_then(|s| s.members.iter().position(|m| &m.id == id))
                        .map(|i| (id.clone(), i))
                })
                .collect();
            let header = years
                .iter()
                .map(|s| view! { <th scope="col" class="num">{s.year}</th> })
                .collect_view();
            let money_row = |label: String, testid: &'static str, f: fn(&Shares) -> poolcalc_engine::Decimal| {
                let cells = years
                    .iter()
                    .map(|s| view! { <td class="num">{grouped(f(s), dp)}</td> })
                    .collect_view();
                view! { <tr class="shares-total-row" data-testid=testid><th scope="row">{label}</th>{cells}</tr> }
            };
            let member_rows = positions
                .into_iter()
                .map(|(id, i)| {
                    let cells = years
                        .iter()
                        .map(|s| {
                            let amount = s.members.get(i).map(|m| grouped(m.amount, dp)).unwrap_or_default();
                            let halved = p.marks.contains(&(id.clone(), s.year));
                            if halved {
                                view! {
                                    <td class="num shares-halved" data-testid=format!("shares-halved-{id}-{}", s.year)>
                                        <span aria-hidden="true">"▼ "</span>{amount}
                                        <span class="visually-hidden">" (" {t_string!(i18n, shares_halved)} ")"</span>
                                    </td>
                                }
                                .into_any()
                            } else {
                                view! { <td class="num">{amount}</td> }.into_any()
                            }
                        })
                        .collect_view();
                    view! {
                        <tr data-testid=format!("shares-proj-row-{id}")>
                            <th scope="row">{ctx.member_name(&id, l)}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            let halving_list = {
                let mut marks: Vec<(String, i32)> = p.marks.iter().cloned().collect();
                marks.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
                let count = marks.len();
                let items = marks
                    .into_iter()
                    .take(30)
                    .map(|(id, y)| view! { <li>{y} ": " {ctx.member_name(&id, l)}</li> })
                    .collect_view();
                view! {
                    <p data-testid="shares-halvings-count">{t!(i18n, shares_halvings_count)} " " {count}</p>
                    <ul class="shares-halvings">{items}</ul>
                }
            };
            let legend = drawn
                .series
                .iter()
                .enumerate()
                .map(|(k, (id, _))| {
                    view! {
                        <li>
                            <svg width="28" height="10" aria-hidden="true">
                                <line x1="0" y1="5" x2="28" y2="5" stroke=COLOURS[k] stroke-width="3" stroke-dasharray=DASHES[k] />
                            </svg>
                            " " {ctx.member_name(id, l)}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <figure class="shares-chart">
                    <Chart drawn=drawn.clone() />
                    <figcaption>
                        {t!(i18n, shares_chart_caption)}
                        <ul class="shares-legend">{legend}</ul>
                    </figcaption>
                </figure>
                {halving_list}
                <div class="shares-table-wrap" tabindex="0" role="region" aria-labelledby="shares-proj-caption">
                    <table class="shares-table" data-testid="shares-projection-table">
                        <caption id="shares-proj-caption">{t!(i18n, shares_projection_caption)} " (" {ctx.currency()} ")"</caption>
                        <thead><tr><th scope="col">{t!(i18n, shares_member)}</th>{header}</tr></thead>
                        <tbody>
                            {member_rows}
                            {money_row(t_string!(i18n, shares_income).to_owned(), "shares-proj-income", |s| s.income)}
                            {money_row(t_string!(i18n, shares_management_fee).to_owned(), "shares-proj-fee", |s| s.management_fee)}
                            {money_row(t_string!(i18n, shares_unallocated).to_owned(), "shares-proj-unallocated", |s| s.unallocated)}
                        </tbody>
                    </table>
                </div>
                <ListedMembers shown total />
            }
        })
    };
    let ctx_x = ctx.clone();
    let export = move |_| {
        if let Ok(p) = projected.get_untracked() {
            let name = match (p.years.0.first(), p.years.0.last()) {
                (Some(a), Some(b)) => format!("shares-projection-{}-{}.csv", a.year, b.year),
                _ => "shares-projection.csv".to_owned(),
            };
            download(
                &name,
                "text/csv",
                &write_shares_csv(&ctx_x.pool, &p.years.0),
            );
        }
    };
    let heading = move || {
        range
            .get()
            .map(|(a, b)| format!("{} {a}–{b}", t_string!(i18n, shares_projection_title)))
            .unwrap_or_else(|| t_string!(i18n, shares_projection_title).to_owned())
    };
    view! {
        <section class="shares-projection" aria-labelledby="shares-projection-title">
            <h2 id="shares-projection-title" data-testid="shares-projection-title">{heading}</h2>
            <p class="shares-hint">{t!(i18n, shares_projection_hint)}</p>
            {move || projected.get().err().map(|b| view! { <BlockedNote blocked=b /> })}
            {move || body().ok()}
            <div class="shares-actions no-print-controls">
                <button type="button" data-testid="shares-projection-csv" on:click=export>{t!(i18n, shares_export_csv)}</button>
                <button type="button" on:click=move |_| { let _ = window().print(); }>{t!(i18n, shares_print)}</button>
            </div>
        </section>
    }
}

/// The line chart: amounts up the left, years along the bottom.
#[component]
fn Chart(drawn: poolcalc_views::shares_view::Chart) -> impl IntoView {
    const W: f64 = 640.0;
    const H: f64 = 260.0;
    const LEFT: f64 = 84.0;
    const RIGHT: f64 = 12.0;
    const TOP: f64 = 12.0;
    const BOTTOM: f64 = 28.0;
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let n = drawn.years.len();
    let x = move |i: usize| {
        if n <= 1 {
            LEFT + plot_w / 2.0
        } else {
            LEFT + plot_w * i as f64 / (n - 1) as f64
        }
    };
    let y = move |h: f64| TOP + plot_h * (1.0 - h);
    let grid = drawn
        .ticks
        .iter()
        .map(|(h, label)| {
            view! {
                <line x1=LEFT y1=y(*h) x2=W - RIGHT y2=y(*h) class="shares-grid-line" />
                <text x=LEFT - 6.0 y=y(*h) + 4.0 text-anchor="end" class="shares-axis">{label.clone()}</text>
            }
        })
        .collect_view();
    let step = n.div_ceil(8).max(1);
    let years = drawn
        .years
        .iter()
        .enumerate()
        .filter(|(i, _)| i % step == 0 || *i + 1 == n)
        .map(|(i, year)| {
            view! { <text x=x(i) y=H - 8.0 text-anchor="middle" class="shares-axis">{*year}</text> }
        })
        .collect_view();
    let lines = drawn
        .series
        .iter()
        .enumerate()
        .map(|(k, (_, heights))| {
            let points = heights
                .iter()
                .enumerate()
                .map(|(i, h)| format!("{:.1},{:.1}", x(i), y(*h)))
                .collect::<Vec<_>>()
                .join(" ");
            view! {
                <polyline points=points fill="none" stroke=COLOURS[k % COLOURS.len()] stroke-width="2.5" stroke-dasharray=DASHES[k % DASHES.len()] />
            }
        })
        .collect_view();
    view! {
        <svg class="shares-svg" viewBox=format!("0 0 {W} {H}") role="img" aria-labelledby="shares-chart-desc" data-testid="shares-chart">
            <desc id="shares-chart-desc">{move || t_string!(use_i18n(), shares_chart_desc)}</desc>
            {grid}
            {years}
            {lines}
        </svg>
    }
}
