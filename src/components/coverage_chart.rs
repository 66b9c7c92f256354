//! Patents in force per year as an SVG bar chart, with the same numbers as a table for screen
//! readers (and anyone who wants the figures).

use crate::i18n::{t, use_i18n};
use leptos::prelude::*;
use poolcalc_views::explorer::{YearCount, axis_ticks};
use poolcalc_views::format::group_digits;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 32.0;

/// The chart and its table. Geometry is presentation only: every number printed comes from
/// the engine (`coverage`, `axis_ticks`).
#[component]
pub fn CoverageChart(#[prop(into)] series: Signal<Vec<YearCount>>) -> impl IntoView {
    let i18n = use_i18n();
    let svg = move || {
        let data = series.get();
        if data.is_empty() {
            return None;
        }
        let max = data.iter().map(|y| y.patents).max().unwrap_or(0);
        let ticks = axis_ticks(max, 5);
        let top = ticks.last().copied().unwrap_or(1).max(1) as f64;
        let plot_w = WIDTH - LEFT - RIGHT;
        let plot_h = HEIGHT - TOP - BOTTOM;
        let slot = plot_w / data.len() as f64;
        let bar_w = (slot * 0.7).max(1.0);
        let y_of = |v: usize| TOP + plot_h - (v as f64 / top) * plot_h;
        // Label every year when they fit, else every few.
        let label_every = (data.len() as f64 * 40.0 / plot_w).ceil().max(1.0) as usize;
        let grid = ticks
            .iter()
            .map(|&v| {
                let y = y_of(v);
                view! {
                    <line class="cov-grid" x1=px(LEFT) x2=px(WIDTH - RIGHT) y1=px(y) y2=px(y)></line>
                    <text class="cov-tick" x=px(LEFT - 6.0) y=px(y + 4.0) text-anchor="end">
                        {group_digits(v as u64)}
                    </text>
                }
            })
            .collect_view();
        let bars = data
            .iter()
            .enumerate()
            .map(|(i, yc)| {
                let x = LEFT + slot * i as f64 + (slot - bar_w) / 2.0;
                let y = y_of(yc.patents);
                let label = (i % label_every == 0).then(|| {
                    view! {
                        <text class="cov-tick" x=px(x + bar_w / 2.0) y=px(HEIGHT - 10.0) text-anchor="middle">
                            {yc.year.to_string()}
                        </text>
                    }
                });
                view! {
                    <rect class="cov-bar" x=px(x) y=px(y) width=px(bar_w) height=px((TOP + plot_h - y).max(0.0))>
                        <title>{format!("{}: {}", yc.year, group_digits(yc.patents as u64))}</title>
                    </rect>
                    {label}
                }
            })
            .collect_view();
        Some(view! {
            <svg
                class="cov-chart"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                aria-hidden="true"
                data-testid="explorer-coverage-chart"
            >
                {grid}
                <line class="cov-axis" x1=px(LEFT) x2=px(LEFT) y1=px(TOP) y2=px(TOP + plot_h)></line>
                <line class="cov-axis" x1=px(LEFT) x2=px(WIDTH - RIGHT) y1=px(TOP + plot_h) y2=px(TOP + plot_h)></line>
                {bars}
            </svg>
        })
    };
    let rows = move || {
        series
            .get()
            .into_iter()
            .map(|yc| {
                view! {
                    <tr>
                        <th scope="row">{yc.year.to_string()}</th>
                        <td>{group_digits(yc.patents as u64)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <figure class="cov-figure">
            {svg}
            // The chart's figures for screen readers; the bars are hidden from them.
            <table class="sr-only" data-testid="explorer-coverage-table">
                    <caption>{t!(i18n, explorer_chart_label)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, explorer_year)}</th>
                            <th scope="col">{t!(i18n, explorer_patents_in_force)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
            </table>
        </figure>
    }
}

/// An SVG coordinate in tenths, written with integer arithmetic: Rust's float formatting is
/// ~11 KB of wasm, and this chart is the only user of it on the first page.
fn px(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.unsigned_abs();
    format!("{sign}{}.{}", t / 10, t % 10)
}
