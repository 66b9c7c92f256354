//! Two small SVG charts, each with a table that says the same for screen readers: payable
//! per year stacked by product, and royalty per unit against volume. Geometry comes from
//! the engine's `fee_charts`; this only draws.

use super::{lang, money, product_name, use_calc};
use crate::i18n::countries;
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;
use poolcalc_engine::model::dataset::Sale;
use poolcalc_engine::model::money::format_exact;
use poolcalc_views::balance::royalty_curve;
use poolcalc_views::fee_charts::{Frame, Tick, curve, curve_volumes, group_digits, stacked_bars};
use poolcalc_views::fee_form::per_unit_text;

const COLOURS: [&str; 6] = [
    "#1d4e89", "#f2a541", "#2a9d8f", "#9b5de5", "#e76f51", "#6c757d",
];

const BARS: Frame = Frame {
    width: 560.0,
    height: 260.0,
    left: 90.0,
    right: 12.0,
    top: 12.0,
    bottom: 30.0,
};

const CURVE: Frame = Frame {
    width: 560.0,
    height: 260.0,
    left: 70.0,
    right: 16.0,
    top: 12.0,
    bottom: 34.0,
};

fn fmt(v: f64) -> String {
    format!("{v:.1}")
}

/// Gridlines and labels of a money axis.
fn value_axis(f: &Frame, ticks: &[Tick]) -> impl IntoView + use<> {
    ticks
        .iter()
        .map(|tk| {
            view! {
                <line x1=fmt(f.left) x2=fmt(f.end()) y1=fmt(tk.pos) y2=fmt(tk.pos) class="fees-grid" />
                <text x=fmt(f.y_label_x()) y=fmt(tk.pos) class="fees-axis-label" text-anchor="end" dominant-baseline="middle">
                    {format_exact(tk.value)}
                </text>
            }
        })
        .collect_view()
}

#[component]
pub fn Charts() -> impl IntoView {
    let i18n = use_i18n();
    let calc = use_calc();
    let outcome = calc.settled;
    let pool = calc.pool.clone();

    let bars_pool = pool.clone();
    let bars = move || {
        let o = outcome.get().0;
        let report = o.report.as_ref().ok()?.clone();
        let l = lang();
        let products: Vec<String> = bars_pool
            .dataset()
            .products
            .iter()
            .map(|p| p.id.clone())
            .collect();
        let colour = |id: &str| {
            products
                .iter()
                .position(|p| p == id)
                .map_or(COLOURS[5], |i| COLOURS[i % COLOURS.len()])
        };
        let data: Vec<(i32, Vec<(String, poolcalc_engine::Decimal)>)> = report
            .years
            .iter()
            .map(|y| (y.year, y.by_product()))
            .collect();
        let chart = stacked_bars(&data, BARS);
        let f = chart.frame;
        let ticks = value_axis(&f, &chart.ticks);
        let rects = chart
            .bars
            .iter()
            .map(|b| {
                let segs = b
                    .segments
                    .iter()
                    .map(|s| {
                        view! {
                            <rect x=fmt(b.x) y=fmt(s.y) width=fmt(b.width) height=fmt(s.height) fill=colour(&s.key)>
                                <title>{format!("{} {}: {}", b.year, product_name(&bars_pool, &s.key, l), money(s.value, &report))}</title>
                            </rect>
                        }
                    })
                    .collect_view();
                view! {
                    {segs}
                    <text x=fmt(b.mid) y=fmt(f.x_label_y()) class="fees-axis-label" text-anchor="middle">{b.year}</text>
                }
            })
            .collect_view();
        let legend = products
            .iter()
            .map(|p| {
                view! {
                    <li>
                        <span class="fees-swatch" style:background=colour(p)></span>
                        {product_name(&bars_pool, p, l)}
                    </li>
                }
            })
            .collect_view();
        let table_rows = report
            .years
            .iter()
            .flat_map(|y| {
                let year = y.year;
                y.by_product().into_iter().map(move |(p, a)| (year, p, a))
            })
            .map(|(year, p, a)| {
                view! {
                    <tr>
                        <th scope="row">{year}</th>
                        <td>{product_name(&bars_pool, &p, l)}</td>
                        <td class="num">{money(a, &report)}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <figure class="fees-chart">
                <svg
                    viewBox=format!("0 0 {} {}", f.width, f.height)
                    role="img"
                    aria-labelledby="fees-bars-caption"
                    data-testid="fees-bars-chart"
                >
                    <line x1=fmt(f.left) x2=fmt(f.left) y1=fmt(f.top) y2=fmt(f.base()) class="fees-axis" />
                    <line x1=fmt(f.left) x2=fmt(f.end()) y1=fmt(f.base()) y2=fmt(f.base()) class="fees-axis" />
                    {ticks}
                    {rects}
                </svg>
                <figcaption id="fees-bars-caption">
                    {t!(i18n, fees_chart_bars_caption)}" ("{report.currency.clone()}")"
                </figcaption>
                <ul class="fees-legend">{legend}</ul>
                <details>
                    <summary>{t!(i18n, fees_chart_table)}</summary>
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, fees_col_year)}</th>
                                <th scope="col">{t!(i18n, fees_col_product)}</th>
                                <th scope="col">{t!(i18n, fees_col_amount)}</th>
                            </tr>
                        </thead>
                        <tbody>{table_rows}</tbody>
                    </table>
                </details>
            </figure>
        })
    };

    // The curve is drawn for one sale of the form: product, country and year chosen below.
    let pick = RwSignal::new(0usize);
    // One choice per year, product and country (not per row), kept while only numbers change,
    // so typing does not rebuild a long option list.
    let choices = Memo::new(move |_| {
        outcome.with(|o| {
            let mut seen: Vec<(i32, String, String)> =
                o.0.usage
                    .years
                    .iter()
                    .flat_map(|y| {
                        y.sales
                            .iter()
                            .map(move |s| (y.year, s.product.clone(), s.country.clone()))
                    })
                    .collect();
            seen.sort();
            seen.dedup();
            seen
        })
    });
    let curve_pool = pool.clone();
    let curve_view = move || {
        let o = outcome.get().0;
        let report = o.report.as_ref().ok()?.clone();
        let (year, product, country) =
            choices.with(|all| all.get(pick.get()).or(all.first()).cloned())?;
        let sale = o
            .usage
            .years
            .iter()
            .find(|y| y.year == year)
            .and_then(|y| {
                y.sales
                    .iter()
                    .find(|s| s.product == product && s.country == country)
            })
            .cloned()
            .unwrap_or(Sale {
                product: product.clone(),
                country: country.clone(),
                units: 0,
                price: None,
                ..Sale::default()
            });
        // The curve marks the volume of the first row of this product and country.
        let units = sale.units;
        let volumes = curve_volumes(&curve_pool, year, &product, units);
        let points = match royalty_curve(&curve_pool, o.usage.signed, year, &sale, &volumes) {
            Ok(p) => p,
            Err(e) => return Some(view! { <p class="fees-error">{e}</p> }.into_any()),
        };
        let xy: Vec<(u64, poolcalc_engine::Decimal)> = points
            .iter()
            .map(|p| (p.units, p.per_unit.unwrap_or_default()))
            .collect();
        let c = curve(&xy, units, CURVE);
        let f = c.frame;
        let dp = report.decimals;
        let cur = report.currency.clone();
        let y_ticks = value_axis(&f, &c.y_ticks);
        let x_ticks = c
            .x_ticks
            .iter()
            .map(|(u, x)| {
                view! {
                    <line x1=fmt(*x) x2=fmt(*x) y1=fmt(f.top) y2=fmt(f.base()) class="fees-grid" />
                    <text x=fmt(*x) y=fmt(f.x_label_y()) class="fees-axis-label" text-anchor="middle">{group_digits(*u)}</text>
                }
            })
            .collect_view();
        let marker = c.current.as_ref().map(|d| {
            view! {
                <circle cx=fmt(d.x) cy=fmt(d.y) r="5" class="fees-current">
                    <title>{format!("{}: {} {}", group_digits(d.units), per_unit_text(d.per_unit, dp), cur)}</title>
                </circle>
            }
        });
        let rows = points
            .iter()
            .map(|p| {
                view! {
                    <tr class:fees-current-row=p.units == units>
                        <th scope="row" class="num">{group_digits(p.units)}</th>
                        <td class="num">{money(p.payable, &report)}</td>
                        <td class="num">{p.per_unit.map(|v| per_unit_text(v, dp)).unwrap_or_default()}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(
            view! {
                <figure class="fees-chart">
                    <svg
                        viewBox=format!("0 0 {} {}", f.width, f.height)
                        role="img"
                        aria-labelledby="fees-curve-caption"
                        data-testid="fees-curve-chart"
                    >
                        <line x1=fmt(f.left) x2=fmt(f.left) y1=fmt(f.top) y2=fmt(f.base()) class="fees-axis" />
                        <line x1=fmt(f.left) x2=fmt(f.end()) y1=fmt(f.base()) y2=fmt(f.base()) class="fees-axis" />
                        {y_ticks}
                        {x_ticks}
                        <polyline points=c.polyline.clone() class="fees-curve" />
                        {marker}
                    </svg>
                    <figcaption id="fees-curve-caption">
                        {t!(i18n, fees_chart_curve_caption)}" ("{report.currency.clone()}"): "
                        {format!("{year} · {} · {}", product_name(&curve_pool, &product, lang()), countries::label(&country, lang()))}
                    </figcaption>
                    <details>
                        <summary>{t!(i18n, fees_chart_table)}</summary>
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, fees_col_units)}</th>
                                    <th scope="col">{t!(i18n, fees_col_payable)}</th>
                                    <th scope="col">{t!(i18n, fees_col_per_unit)}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </details>
                </figure>
            }
            .into_any(),
        )
    };

    let options_pool = pool.clone();
    let options = move || {
        let l = lang();
        choices
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, (y, p, c))| {
                view! {
                    <option value=i.to_string() prop:selected=move || pick.get() == i>
                        {format!("{y} · {} · {}", product_name(&options_pool, &p, l), countries::label(&c, l))}
                    </option>
                }
            })
            .collect_view()
    };

    view! {
        <section class="fees-charts" aria-labelledby="fees-charts-title">
            <h2 id="fees-charts-title">{t!(i18n, fees_charts_title)}</h2>
            {bars}
            <h3>{t!(i18n, fees_curve_title)}</h3>
            <label for="fees-curve-sale">{t!(i18n, fees_curve_sale)}</label>
            <select
                id="fees-curve-sale"
                data-testid="fees-curve-sale"
                prop:value=move || pick.get().to_string()
                on:change=move |ev| pick.set(event_target_value(&ev).parse().unwrap_or(0))
            >
                {options}
            </select>
            <p class="fees-hint">{move || t_string!(i18n, fees_curve_note)}</p>
            {curve_view}
        </section>
    }
}
