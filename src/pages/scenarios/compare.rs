//! Scenarios side by side for a year: the engine's comparison rows, differences against the
//! first column highlighted, and a small bar chart (the table is its text alternative); the
//! section that picks the year, the licensee and the columns.

use leptos::prelude::*;
use poolcalc_engine::Decimal;
use poolcalc_views::comparison::{Row, RowKind, chart_positions};
use poolcalc_views::format::{grouped, percent_text};

use poolcalc_engine::scenario::{Change, Scenario};
use poolcalc_views::comparison::comparison_rows;
use poolcalc_views::policy::compare_scenarios;

use super::editor::I18n;
use super::{MAX_COMPARED, PUBLISHED, files, issue_lines, usage_of, use_scenarios_ctx};
use crate::i18n::{language, t, t_string, use_i18n};

/// Everything the comparison view shows, computed by the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    pub names: Vec<String>,
    pub rows: Vec<Row>,
    /// Member id → display name (added members included).
    pub member_names: Vec<(String, String)>,
    pub currency: String,
    pub decimals: u32,
}

pub fn row_label(i18n: I18n, kind: &RowKind, c: &Compared) -> String {
    match kind {
        RowKind::Income => t_string!(i18n, scen_row_income).to_owned(),
        RowKind::ManagementFee => t_string!(i18n, scen_row_fee).to_owned(),
        RowKind::Unallocated => t_string!(i18n, scen_row_unallocated).to_owned(),
        RowKind::Member(id) => c
            .member_names
            .iter()
            .find(|(m, _)| m == id)
            .map_or_else(|| id.clone(), |(_, n)| n.clone()),
        RowKind::LicenseePayable => t_string!(i18n, scen_row_licensee).to_owned(),
        RowKind::MaxShareOfProfit => t_string!(i18n, scen_row_share_of_profit).to_owned(),
    }
}

fn amount_text(kind: &RowKind, v: Decimal, c: &Compared) -> String {
    match kind {
        RowKind::MaxShareOfProfit => format!("{} %", percent_text(v, 1)),
        _ => format!("{} {}", grouped(v, c.decimals), c.currency),
    }
}

fn difference_text(kind: &RowKind, d: Decimal, c: &Compared) -> String {
    let sign = if d > Decimal::ZERO { "+" } else { "" };
    match kind {
        RowKind::MaxShareOfProfit => format!("{sign}{} pp", percent_text(d, 1)),
        _ => format!("{sign}{}", grouped(d, c.decimals)),
    }
}

#[component]
pub fn ComparisonTable(compared: Compared) -> impl IntoView {
    let i18n = use_i18n();
    let c = StoredValue::new(compared);
    let head = move || {
        c.with_value(|c| {
            c.names
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    view! { <th scope="col" data-testid=format!("scen-col-{i}")>{format!("{}. {n}", i + 1)}</th> }
                })
                .collect_view()
        })
    };
    let c_label = move |i18n: I18n, kind: &RowKind| c.with_value(|c| row_label(i18n, kind, c));
    let body = move || {
        c.with_value(|c| {
            c.rows
                .iter()
                .map(|r| {
                    let tid = match &r.kind {
                        RowKind::Member(id) => format!("scen-row-member-{id}"),
                        RowKind::Income => "scen-row-income".into(),
                        RowKind::ManagementFee => "scen-row-fee".into(),
                        RowKind::Unallocated => "scen-row-unallocated".into(),
                        RowKind::LicenseePayable => "scen-row-licensee".into(),
                        RowKind::MaxShareOfProfit => "scen-row-share-of-profit".into(),
                    };
                    let label = {
                        let kind = r.kind.clone();
                        move || c_label(i18n, &kind)
                    };
                    let cells = r
                        .cells
                        .iter()
                        .enumerate()
                        .map(|(i, cell)| {
                            let value = cell
                                .value
                                .map_or_else(|| "—".to_owned(), |v| amount_text(&r.kind, v, c));
                            let diff = (i > 0)
                                .then_some(cell.difference)
                                .flatten()
                                .filter(|_| cell.differs)
                                .map(|d| difference_text(&r.kind, d, c));
                            let class = if cell.differs { "num scen-differs" } else { "num" };
                            view! {
                                <td class=class data-testid=format!("{tid}-{i}")>
                                    {value}
                                    {diff.map(|d| view! { <span class="scen-diff">" ("{d}")"</span> })}
                                </td>
                            }
                        })
                        .collect_view();
                    view! { <tr data-testid=tid.clone()><th scope="row">{label}</th>{cells}</tr> }
                })
                .collect_view()
        })
    };
    view! {
        <div class="scen-table-wrap">
            <table class="scen-table" data-testid="scen-compare-table">
                <caption>{t!(i18n, scen_compare_caption)}</caption>
                <thead><tr><th scope="col">{t!(i18n, scen_measure)}</th>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        <p class="scen-note">{t!(i18n, scen_diff_note)}</p>
        <BarChart compared=c.get_value() />
    }
}

/// Pool income and the reference licensee's fees per scenario, each group on its own scale
/// (their sizes differ by orders of magnitude); values are printed on the bars.
#[component]
fn BarChart(compared: Compared) -> impl IntoView {
    let i18n = use_i18n();
    let groups: Vec<(RowKind, Vec<Option<Decimal>>)> = compared
        .rows
        .iter()
        .filter(|r| matches!(r.kind, RowKind::Income | RowKind::LicenseePayable))
        .map(|r| (r.kind.clone(), r.cells.iter().map(|c| c.value).collect()))
        .collect();
    let n = compared.names.len().max(1);
    const W: f64 = 640.0;
    const H: f64 = 220.0;
    const TOP: f64 = 24.0;
    const BASE: f64 = 180.0;
    let group_w = W / groups.len().max(1) as f64;
    let bar_w = (group_w - 40.0) / n as f64;
    let c = StoredValue::new(compared);
    let bars = groups
        .iter()
        .enumerate()
        .map(|(g, (kind, values))| {
            let (_, _, pos) = chart_positions(values);
            let x0 = g as f64 * group_w + 20.0;
            let kind2 = kind.clone();
            let label = move || c.with_value(|c| row_label(i18n, &kind2, c));
            let rects = pos
                .iter()
                .zip(values)
                .enumerate()
                .map(|(i, (p, v))| {
                    let h = p * (BASE - TOP);
                    let x = x0 + i as f64 * bar_w;
                    let text = v.map_or_else(String::new, |v| {
                        c.with_value(|c| grouped(v, c.decimals))
                    });
                    view! {
                        <rect class=format!("scen-bar scen-bar-{}", i % 4) x=format!("{:.1}", x + 2.0)
                            y=format!("{:.1}", BASE - h) width=format!("{:.1}", (bar_w - 4.0).max(1.0))
                            height=format!("{:.1}", h) />
                        <text class="scen-bar-value" x=format!("{:.1}", x + bar_w / 2.0)
                            y=format!("{:.1}", BASE - h - 4.0) text-anchor="middle">{text}</text>
                        <text class="scen-bar-index" x=format!("{:.1}", x + bar_w / 2.0)
                            y=format!("{:.1}", BASE + 14.0) text-anchor="middle">{(i + 1).to_string()}</text>
                    }
                })
                .collect_view();
            view! {
                <g>
                    {rects}
                    <text class="scen-axis-label" x=format!("{:.1}", x0 + (group_w - 40.0) / 2.0)
                        y=format!("{:.1}", H - 6.0) text-anchor="middle">{label}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="scen-chart" data-testid="scen-bar-chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img"
                aria-label=move || t_string!(i18n, scen_bar_chart_label)>
                <line class="scen-axis" x1="0" x2=W.to_string() y1=BASE.to_string() y2=BASE.to_string() />
                {bars}
            </svg>
            <figcaption>{t!(i18n, scen_bar_chart_caption)}</figcaption>
        </figure>
    }
}

/// What the comparison shows: too few columns, the scenario that does not apply, or the table.
#[derive(Clone, Debug, PartialEq)]
enum CompareOut {
    TooFew,
    Failed(String, Vec<String>),
    Done(Compared),
}

/// The comparison: year and licensee, the columns to compare, and the table.
#[component]
pub fn CompareSection() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenarios_ctx();
    let (store, dsv, compared_keys) = (ctx.store, ctx.dsv, ctx.compared_keys);
    let (year, licensee, years) = (ctx.year, ctx.licensee, ctx.years.get_value());
    let scenario_of = move |key: &str| ctx.scenario_of(key);

    // Comparison.
    let compared = Memo::new(move |_| {
        files::mark("poolcalc-scen-compare");
        let keys = compared_keys.get();
        let all = store
            .entries
            .with(|e| e.iter().map(|x| x.key.clone()).collect::<Vec<_>>());
        let ordered: Vec<String> = std::iter::once(PUBLISHED.to_owned())
            .chain(all)
            .filter(|k| keys.contains(k))
            .collect();
        let list: Vec<Scenario> = ordered.iter().filter_map(|k| scenario_of(k)).collect();
        if list.len() < 2 {
            return CompareOut::TooFew;
        }
        let y = year.get();
        let lic = licensee.get();
        let lang = language::code(i18n.get_locale());
        dsv.with_value(|ds| {
            let base = ds.dataset();
            let usage = usage_of(base, &lic);
            match compare_scenarios(base, &list, y, usage.as_ref()) {
                Ok(results) => {
                    let mut member_names: Vec<(String, String)> = base
                        .members
                        .iter()
                        .map(|m| (m.id.clone(), m.name.get(lang).to_owned()))
                        .collect();
                    for s in &list {
                        for c in &s.changes {
                            if let Change::AddMember { member, .. } = c {
                                member_names
                                    .push((member.id.clone(), member.name.get(lang).to_owned()));
                            }
                        }
                    }
                    CompareOut::Done(Compared {
                        names: list.iter().map(|s| s.name.clone()).collect(),
                        rows: comparison_rows(&results, y),
                        member_names,
                        currency: base.pool.currency.clone(),
                        decimals: base.pool.currency_decimals,
                    })
                }
                Err((i, issues)) => CompareOut::Failed(
                    list.get(i).map(|s| s.name.clone()).unwrap_or_default(),
                    issue_lines(&issues),
                ),
            }
        })
    });
    Effect::new(move |_| {
        compared.track();
        files::measure("poolcalc-scen-compare");
    });

    let year_options = {
        let years = years.clone();
        move || {
            let y = year.get();
            years
                .iter()
                .map(|v| view! { <option value=v.to_string() selected=*v == y>{v.to_string()}</option> })
                .collect_view()
        }
    };
    let licensee_options = move || {
        let lang = language::code(i18n.get_locale());
        let cur = licensee.get();
        dsv.with_value(|ds| {
            ds.dataset()
                .licensees
                .iter()
                .map(|l| {
                    let selected = l.id == cur;
                    view! { <option value=l.id.clone() selected=selected>{l.usage.licensee.get(lang).to_owned()}</option> }
                })
                .collect_view()
        })
    };
    let compare_boxes = move || {
        let keys = compared_keys.get();
        let entries = store.entries.get();
        let full = keys.len() >= MAX_COMPARED;
        std::iter::once((
            PUBLISHED.to_owned(),
            t_string!(i18n, scen_published).to_owned(),
            "scen-cmp-base".to_owned(),
        ))
        .chain(
            entries
                .into_iter()
                .enumerate()
                .map(|(i, e)| (e.key, e.scenario.name, format!("scen-cmp-{i}"))),
        )
        .map(|(key, name, tid)| {
            let on = keys.contains(&key);
            let k2 = key.clone();
            view! {
                <label class="scen-check">
                    <input type="checkbox" data-testid=tid prop:checked=on disabled=!on && full
                        on:change=move |ev| {
                            let checked = event_target_checked(&ev);
                            compared_keys.update(|k| {
                                k.retain(|x| x != &k2);
                                if checked && k.len() < MAX_COMPARED {
                                    k.push(k2.clone());
                                }
                            });
                        } />
                    {name}
                </label>
            }
        })
        .collect_view()
    };
    let compare_view = move || {
        match compared.get() {
        CompareOut::TooFew => view! { <p class="scen-note" data-testid="scen-compare-few">{t!(i18n, scen_compare_few)}</p> }.into_any(),
        CompareOut::Failed(name, lines) => view! {
            <div class="scen-error" role="alert" data-testid="scen-compare-error">
                <p>{t!(i18n, scen_compare_failed)}" “"{name}"”"</p>
                <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any(),
        CompareOut::Done(c) => view! { <ComparisonTable compared=c /> }.into_any(),
    }
    };

    view! {
        <section class="scen-settings" aria-labelledby="scen-cmp-h" data-testid="scen-compare">
            <h2 id="scen-cmp-h">{t!(i18n, scen_compare_title)}</h2>
            <div class="scen-row scen-no-print">
                <div class="scen-field">
                    <label for="scen-year">{t!(i18n, scen_year)}</label>
                    <select id="scen-year" data-testid="scen-year"
                        on:change=move |ev| { if let Ok(y) = event_target_value(&ev).parse() { year.set(y) } }>
                        {year_options}
                    </select>
                </div>
                <div class="scen-field">
                    <label for="scen-licensee">{t!(i18n, scen_licensee)}</label>
                    <select id="scen-licensee" data-testid="scen-licensee"
                        on:change=move |ev| licensee.set(event_target_value(&ev))>
                        {licensee_options}
                    </select>
                </div>
            </div>
            <fieldset class="scen-compare-pick scen-no-print">
                <legend>{t!(i18n, scen_compare_pick)}</legend>
                {compare_boxes}
            </fieldset>
            {compare_view}
        </section>
    }
}
