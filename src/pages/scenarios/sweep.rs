//! The sensitivity sweep: one parameter over 21 points, the reference licensee's burden and
//! the members' income charted against it, with the points above the interest-balance line
//! marked and a table as the text alternative; the section that picks its scenario,
//! parameter and reference line.

use leptos::prelude::*;
use poolcalc_engine::Decimal;
use poolcalc_views::comparison::{chart_positions, reference_crossings};
use poolcalc_views::format::{grouped, percent_text};
use poolcalc_views::policy::SweepPoint;

use poolcalc_engine::scenario::apply_scenario;
use poolcalc_views::format::{FieldProblem, parse_optional_percent};
use poolcalc_views::policy::{SweepParameter, steps, sweep};

use super::{PUBLISHED, files, issue_lines, usage_of, use_scenarios_ctx};
use crate::i18n::{labels, t, t_string, use_i18n};

#[derive(Clone, Debug, PartialEq)]
pub struct Swept {
    pub points: Vec<SweepPoint>,
    pub currency: String,
    pub decimals: u32,
}

const W: f64 = 640.0;
const H: f64 = 170.0;
const LEFT: f64 = 8.0;
const RIGHT: f64 = 632.0;
const TOP: f64 = 18.0;
const BASE: f64 = 140.0;

fn x_at(i: usize, n: usize) -> f64 {
    LEFT + (RIGHT - LEFT) * i as f64 / (n.max(2) - 1) as f64
}

/// One panel: a line over the points, with above-reference points filled and the crossings
/// drawn as dashed verticals.
fn panel(
    title: String,
    values: Vec<Option<Decimal>>,
    s: &Swept,
    crossings: &[usize],
    testid: &'static str,
) -> AnyView {
    let n = values.len();
    let (lo, hi, pos) = chart_positions(&values);
    let y = |p: f64| BASE - p * (BASE - TOP);
    let path: String = pos
        .iter()
        .zip(&values)
        .enumerate()
        .filter(|(_, (_, v))| v.is_some())
        .map(|(i, (p, _))| format!("{:.1},{:.1}", x_at(i, n), y(*p)))
        .collect::<Vec<_>>()
        .join(" ");
    let dots = pos
        .iter()
        .zip(&values)
        .zip(&s.points)
        .enumerate()
        .filter(|(_, ((_, v), _))| v.is_some())
        .map(|(i, ((p, _), pt))| {
            let class = if pt.above_reference {
                "scen-dot scen-above"
            } else {
                "scen-dot"
            };
            view! { <circle class=class cx=format!("{:.1}", x_at(i, n)) cy=format!("{:.1}", y(*p)) r="3.5" /> }
        })
        .collect_view();
    let cross = crossings
        .iter()
        .map(|&i| {
            let x = (x_at(i - 1, n) + x_at(i, n)) / 2.0;
            view! { <line class="scen-crossing" x1=format!("{x:.1}") x2=format!("{x:.1}") y1=TOP.to_string() y2=BASE.to_string() /> }
        })
        .collect_view();
    let lo_text = grouped(lo, s.decimals);
    let hi_text = grouped(hi, s.decimals);
    let first = s
        .points
        .first()
        .map(|p| percent_text(p.value, 0))
        .unwrap_or_default();
    let last = s
        .points
        .last()
        .map(|p| percent_text(p.value, 0))
        .unwrap_or_default();
    view! {
        <figure class="scen-chart" data-testid=testid>
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=title.clone()>
                <line class="scen-axis" x1=LEFT.to_string() x2=RIGHT.to_string() y1=BASE.to_string() y2=BASE.to_string() />
                <text class="scen-axis-label" x=LEFT.to_string() y="12">{hi_text}" "{s.currency.clone()}</text>
                <text class="scen-axis-label" x=LEFT.to_string() y=(BASE - 4.0).to_string()>{lo_text}</text>
                <text class="scen-axis-label" x=LEFT.to_string() y=(BASE + 16.0).to_string()>{first}" %"</text>
                <text class="scen-axis-label" x=RIGHT.to_string() y=(BASE + 16.0).to_string() text-anchor="end">{last}" %"</text>
                {cross}
                <polyline class="scen-line" points=path />
                {dots}
            </svg>
            <figcaption>{title}</figcaption>
        </figure>
    }
    .into_any()
}

#[component]
pub fn SweepView(swept: Swept) -> impl IntoView {
    let i18n = use_i18n();
    let crossings = reference_crossings(&swept.points);
    let s = StoredValue::new(swept);
    let crossings2 = crossings.clone();
    let charts = move || {
        s.with_value(|s| {
            let burden: Vec<Option<Decimal>> = s.points.iter().map(|p| p.licensee_payable).collect();
            let members: Vec<Option<Decimal>> =
                s.points.iter().map(|p| Some(p.member_income)).collect();
            view! {
                {panel(t_string!(i18n, scen_sweep_burden).to_owned(), burden, s, &crossings2, "scen-sweep-burden")}
                {panel(t_string!(i18n, scen_sweep_members).to_owned(), members, s, &crossings2, "scen-sweep-members")}
            }
        })
    };
    let crossing_note = move || {
        s.with_value(|s| {
            let no_margin = s.points.iter().all(|p| p.max_share_of_profit.is_none());
            if no_margin {
                return t_string!(i18n, scen_sweep_no_margin).to_owned();
            }
            if crossings.is_empty() {
                let all_above = s.points.iter().all(|p| p.above_reference);
                if all_above {
                    t_string!(i18n, scen_sweep_all_above).to_owned()
                } else {
                    t_string!(i18n, scen_sweep_none_above).to_owned()
                }
            } else {
                let at: Vec<String> = crossings
                    .iter()
                    .map(|&i| {
                        format!(
                            "{} % → {} %",
                            percent_text(s.points[i - 1].value, 0),
                            percent_text(s.points[i].value, 0)
                        )
                    })
                    .collect();
                format!("{} {}", t_string!(i18n, scen_sweep_crosses), at.join(", "))
            }
        })
    };
    let rows = move || {
        s.with_value(|s| {
            s.points
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let money = |v: Decimal| format!("{} {}", grouped(v, s.decimals), s.currency);
                    let burden = p.licensee_payable.map_or_else(|| "—".to_owned(), money);
                    let share = p
                        .max_share_of_profit
                        .map_or_else(|| "—".to_owned(), |v| format!("{} %", percent_text(v, 1)));
                    let above = p.above_reference;
                    view! {
                        <tr data-testid=format!("scen-sweep-row-{i}") class:scen-differs=above>
                            <th scope="row">{format!("{} %", percent_text(p.value, 0))}</th>
                            <td class="num">{burden}</td>
                            <td class="num">{money(p.member_income)}</td>
                            <td class="num">{money(p.management_fee)}</td>
                            <td class="num">{share}</td>
                            <td>{move || if above { t_string!(i18n, scen_yes) } else { t_string!(i18n, scen_no) }}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <p class="scen-note" data-testid="scen-sweep-crossing">{crossing_note}</p>
        <div class="scen-charts">{charts}</div>
        <details class="scen-table-details" open>
            <summary>{t!(i18n, scen_sweep_table)}</summary>
            <div class="scen-table-wrap">
                <table class="scen-table" data-testid="scen-sweep-table">
                    <thead><tr>
                        <th scope="col">{t!(i18n, scen_sweep_value)}</th>
                        <th scope="col">{t!(i18n, scen_row_licensee)}</th>
                        <th scope="col">{t!(i18n, scen_sweep_members)}</th>
                        <th scope="col">{t!(i18n, scen_row_fee)}</th>
                        <th scope="col">{t!(i18n, scen_row_share_of_profit)}</th>
                        <th scope="col">{t!(i18n, scen_sweep_above)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </details>
    }
}

/// What the sweep shows: the reference line's problem, the scenario that does not apply, or
/// the points.
#[derive(Clone, Debug, PartialEq)]
enum SweepOut {
    BadReference(FieldProblem),
    Failed(Vec<String>),
    Done(Swept),
}

/// The sweep: its scenario, its parameter, the reference line, and the charts.
#[component]
pub fn SweepSection() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenarios_ctx();
    let (store, dsv, year, licensee) = (ctx.store, ctx.dsv, ctx.year, ctx.licensee);
    let (sweep_base, sweep_param, reference) = (ctx.sweep_base, ctx.sweep_param, ctx.reference);
    let scenario_of = move |key: &str| ctx.scenario_of(key);

    // Sweep.
    let swept = Memo::new(move |_| {
        let line = match parse_optional_percent(&reference.get()) {
            Ok(Some(l)) => l,
            Ok(None) => return SweepOut::BadReference(FieldProblem::Empty),
            Err(e) => return SweepOut::BadReference(e),
        };
        files::mark("poolcalc-scen-sweep");
        let Some(s) = scenario_of(&sweep_base.get()) else {
            return SweepOut::Failed(Vec::new());
        };
        let y = year.get();
        let lic = licensee.get();
        let (parameter, values) = if sweep_param.get() == "fee" {
            (
                SweepParameter::ManagementFee,
                steps(Decimal::ZERO, Decimal::new(3, 1), 21),
            )
        } else {
            (
                SweepParameter::RateChange,
                steps(Decimal::new(-5, 1), Decimal::new(5, 1), 21),
            )
        };
        dsv.with_value(|ds| {
            let base = ds.dataset();
            let applied = match apply_scenario(base, &s) {
                Ok(d) => d,
                Err(issues) => return SweepOut::Failed(issue_lines(&issues)),
            };
            let usage = usage_of(base, &lic);
            match sweep(&applied, parameter, &values, y, usage.as_ref(), line) {
                Ok(points) => SweepOut::Done(Swept {
                    points,
                    currency: base.pool.currency.clone(),
                    decimals: base.pool.currency_decimals,
                }),
                Err((v, issues)) => {
                    let mut lines = vec![format!("{v}:")];
                    lines.extend(issue_lines(&issues));
                    SweepOut::Failed(lines)
                }
            }
        })
    });
    Effect::new(move |_| {
        swept.track();
        files::measure("poolcalc-scen-sweep");
    });

    let base_options = move || {
        let cur = sweep_base.get();
        std::iter::once((
            PUBLISHED.to_owned(),
            t_string!(i18n, scen_published).to_owned(),
        ))
        .chain(
            store
                .entries
                .get()
                .into_iter()
                .map(|e| (e.key, e.scenario.name)),
        )
        .map(|(k, n)| {
            let selected = k == cur;
            view! { <option value=k selected=selected>{n}</option> }
        })
        .collect_view()
    };
    let sweep_view = move || match swept.get() {
        SweepOut::BadReference(_) => ().into_any(),
        SweepOut::Failed(lines) => view! {
            <div class="scen-error" role="alert" data-testid="scen-sweep-error">
                <p>{t!(i18n, scen_sweep_failed)}</p>
                <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any(),
        SweepOut::Done(s) => view! { <SweepView swept=s /> }.into_any(),
    };
    let reference_error = move || match swept.get() {
        SweepOut::BadReference(e) => Some(labels::field_problem(e)),
        _ => None,
    };

    view! {
        <section class="scen-sweep" aria-labelledby="scen-sweep-h" data-testid="scen-sweep">
            <h2 id="scen-sweep-h">{t!(i18n, scen_sweep_title)}</h2>
            <div class="scen-row scen-no-print">
                <div class="scen-field">
                    <label for="scen-sweep-base">{t!(i18n, scen_sweep_base)}</label>
                    <select id="scen-sweep-base" data-testid="scen-sweep-base"
                        on:change=move |ev| sweep_base.set(event_target_value(&ev))>
                        {base_options}
                    </select>
                </div>
                <div class="scen-field">
                    <label for="scen-sweep-param">{t!(i18n, scen_sweep_param)}</label>
                    <select id="scen-sweep-param" data-testid="scen-sweep-param"
                        on:change=move |ev| sweep_param.set(event_target_value(&ev))>
                        <option value="rate" selected=move || sweep_param.get() != "fee">{t!(i18n, scen_sweep_rate)}</option>
                        <option value="fee" selected=move || sweep_param.get() == "fee">{t!(i18n, scen_sweep_fee)}</option>
                    </select>
                </div>
                <div class="scen-field">
                    <label for="scen-sweep-ref">{t!(i18n, scen_sweep_reference)}</label>
                    <input id="scen-sweep-ref" data-testid="scen-sweep-ref" inputmode="decimal"
                        aria-invalid=move || reference_error().map(|_| "true")
                        aria-describedby="scen-sweep-ref-error"
                        prop:value=move || reference.get() on:input=move |ev| reference.set(event_target_value(&ev)) />
                    <p class="scen-field-error" id="scen-sweep-ref-error" data-testid="scen-sweep-ref-error"
                        hidden=move || reference_error().is_none()>{reference_error}</p>
                </div>
            </div>
            {sweep_view}
        </section>
    }
}
