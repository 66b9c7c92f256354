//! The stack's results as the page model gives them: totals per licence, the royalty per unit
//! stacked by licence per year (a bar chart and the same figures as a table), the price →
//! royalties → remaining margin breakdown, overlap, reference lines and the what-if difference.

use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;
use poolcalc_engine::stack::{StackReport, WhatIfReport};
use poolcalc_views::stack_view::{StackView, WhatIfRow, stack_view, what_if_rows};

/// Everything computed for the stack.
#[component]
pub fn Results(report: StackReport, what_if: Option<WhatIfReport>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || crate::i18n::language::code(i18n.get_locale());
    let model = Memo::new(move |_| stack_view(&report, lang()));
    let diff = what_if.as_ref().map(what_if_rows);
    view! {
        <div class="stack-results">
            {move || model.with(|v| view! { <Totals v=v.clone() /> <ByYear v=v.clone() /> <Context v=v.clone() /> })}
            {diff.map(|rows| view! { <WhatIfTable rows /> })}
        </div>
    }
}

#[component]
fn Totals(v: StackView) -> impl IntoView {
    let i18n = use_i18n();
    let cur = v.currency.clone();
    let rows = v
        .licences
        .into_iter()
        .map(|l| {
            let kind = match l.kind {
                "pool" => t!(i18n, stack_kind_pool).into_any(),
                "bilateral" => t!(i18n, stack_kind_bilateral).into_any(),
                _ => t!(i18n, stack_kind_known).into_any(),
            };
            view! {
                <tr data-testid=format!("stack-licence-{}", l.id)>
                    <th scope="row">{l.name}" "<small>"("{kind}")"</small></th>
                    <td class="num" data-testid=format!("stack-licence-{}-payable", l.id)>{l.total.payable}</td>
                    <td class="num">{l.total.per_unit}</td>
                    <td class="num">{l.total.of_price}</td>
                    <td class="num">{l.total.of_profit}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2>{t!(i18n, stack_licences)}</h2>
        <p>{t!(i18n, stack_price)}": "{v.price.clone()}" "{cur.clone()}" · "{t!(i18n, stack_unit_profit)}": "<span data-testid="stack-unit-profit">{v.unit_profit.clone()}</span>" "{cur.clone()}</p>
        <table class="stack-totals">
            <thead><tr>
                <th scope="col">{t!(i18n, stack_licence)}</th>
                <th scope="col">{t!(i18n, stack_payable)}" ("{cur}")"</th>
                <th scope="col">{t!(i18n, stack_per_unit)}</th>
                <th scope="col">{t!(i18n, stack_of_price)}</th>
                <th scope="col">{t!(i18n, stack_of_profit)}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
            <tfoot><tr>
                <th scope="row">{t!(i18n, stack_total)}</th>
                <td class="num" data-testid="stack-total-payable">{v.total.payable}</td>
                <td class="num" data-testid="stack-total-per-unit">{v.total.per_unit}</td>
                <td class="num" data-testid="stack-total-of-price">{v.total.of_price}</td>
                <td class="num" data-testid="stack-total-of-profit">{v.total.of_profit}</td>
            </tr></tfoot>
        </table>
    }
}

#[component]
fn ByYear(v: StackView) -> impl IntoView {
    let i18n = use_i18n();
    let names: Vec<String> = v.licences.iter().map(|l| l.name.clone()).collect();
    let bars = v
        .years
        .iter()
        .map(|y| {
            let segments = y
                .heights
                .iter()
                .enumerate()
                .map(|(i, h)| view! { <span class=format!("stack-seg stack-seg-{}", i % 6) style:height=format!("{h}%")></span> })
                .collect_view();
            view! { <div class="stack-bar"><div class="stack-bar-fill">{segments}</div><span>{y.year}</span></div> }
        })
        .collect_view();
    let head = names
        .iter()
        .enumerate()
        .map(|(i, n)| view! { <th scope="col"><span class=format!("stack-key stack-seg-{}", i % 6)></span>{n.clone()}</th> })
        .collect_view();
    let body = v
        .years
        .into_iter()
        .map(|y| {
            let cells = y
                .per_unit
                .into_iter()
                .map(|c| view! { <td class="num">{c}</td> })
                .collect_view();
            view! {
                <tr data-testid=format!("stack-year-{}", y.year)>
                    <th scope="row">{y.year}</th>
                    <td class="num">{y.units}</td>
                    {cells}
                    <td class="num">{y.total.per_unit}</td>
                    <td class="num">{y.total.of_price}</td>
                    <td class="num">{y.total.of_profit}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2>{t!(i18n, stack_by_year)}</h2>
        <div class="stack-chart" role="img" aria-label=move || t_string!(i18n, stack_chart_label)>{bars}</div>
        <table class="stack-years">
            <thead><tr>
                <th scope="col">{t!(i18n, stack_year)}</th>
                <th scope="col">{t!(i18n, stack_units)}</th>
                {head}
                <th scope="col">{t!(i18n, stack_total)}</th>
                <th scope="col">{t!(i18n, stack_of_price)}</th>
                <th scope="col">{t!(i18n, stack_of_profit)}</th>
            </tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
}

#[component]
fn Context(v: StackView) -> impl IntoView {
    let i18n = use_i18n();
    let overlap = if v.overlap.is_empty() {
        view! { <p>{t!(i18n, stack_overlap_none)}</p> }.into_any()
    } else {
        v.overlap
            .into_iter()
            .map(|o| {
                let (a, b, count) = (o.a, o.b, o.count);
                view! {
                    <p data-testid=format!("stack-overlap-{a}-{b}")>
                        {t!(i18n, stack_overlap_pair, a = a.clone(), b = b.clone(), count = count.clone())}" "{o.examples.join(", ")}
                    </p>
                }
            })
            .collect_view()
            .into_any()
    };
    let references = v
        .references
        .into_iter()
        .map(|r| view! {
            <tr data-testid=format!("stack-reference-{}", r.id)>
                <th scope="row">{r.label}<br /><small>{r.source}</small></th>
                <td class="num">{r.per_unit}</td>
                <td class="num">{r.headroom}{r.above.then(|| view! { " " <strong>{t!(i18n, stack_above)}</strong> })}</td>
            </tr>
        })
        .collect_view();
    view! {
        <h2>{t!(i18n, stack_breakdown)}</h2>
        <dl class="stack-breakdown">
            <dt>{t!(i18n, stack_price)}</dt><dd>{v.price}</dd>
            <dt>{t!(i18n, stack_royalties)}</dt><dd data-testid="stack-breakdown-royalties">{v.total.per_unit}</dd>
            <dt>{t!(i18n, stack_remaining)}</dt><dd data-testid="stack-breakdown-remaining">{v.remaining_margin}</dd>
        </dl>
        <h2>{t!(i18n, stack_overlap)}</h2>
        {overlap}
        <h2>{t!(i18n, stack_references)}</h2>
        <table class="stack-references">
            <thead><tr>
                <th scope="col">{t!(i18n, stack_references)}</th>
                <th scope="col">{t!(i18n, stack_reference_line)}</th>
                <th scope="col">{t!(i18n, stack_headroom)}</th>
            </tr></thead>
            <tbody>{references}</tbody>
        </table>
    }
}

#[component]
fn WhatIfTable(rows: Vec<WhatIfRow>) -> impl IntoView {
    let i18n = use_i18n();
    let body = rows
        .into_iter()
        .map(|r| view! {
            <tr data-testid=format!("stack-what-if-{}", r.id)>
                <th scope="row">{r.id.clone()}</th>
                <td class="num">{r.base}</td>
                <td class="num">{r.what_if}</td>
                <td class="num" data-testid=format!("stack-what-if-{}-difference", r.id)>{r.difference}</td>
            </tr>
        })
        .collect_view();
    view! {
        <h2>{t!(i18n, stack_what_if)}</h2>
        <table class="stack-what-if">
            <thead><tr>
                <th scope="col">{t!(i18n, stack_licence)}</th>
                <th scope="col">{t!(i18n, stack_base)}</th>
                <th scope="col">{t!(i18n, stack_changed)}</th>
                <th scope="col">{t!(i18n, stack_difference)}</th>
            </tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
}
