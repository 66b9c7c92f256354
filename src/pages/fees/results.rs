//! The results, live: per year, per line (with the tier bands), per country, the totals and
//! the effective royalty per unit.

use super::service_text::{exempt_reason_text, measures_text, tier_text};
use super::{lang, money, product_name, use_calc};
use crate::i18n::countries;
use crate::i18n::{t, t_string, use_i18n};
use leptos::either::Either;
use leptos::prelude::*;
use poolcalc_engine::FeeReport;
use poolcalc_engine::fees::tiers::BandUse;
use poolcalc_engine::model::money::format_exact;
use poolcalc_views::fee_charts::group_digits;
use poolcalc_views::fee_form::{per_unit_text, summarize};

/// "1–100,000: 100,000 × 0.20 = 20,000" for one band.
pub fn band_text(b: &BandUse, to_open: &str) -> String {
    let to = b.to.map_or_else(|| to_open.to_owned(), group_digits);
    format!(
        "{}–{}: {} × {} = {}",
        group_digits(b.from),
        to,
        group_digits(b.units),
        format_exact(b.per_unit),
        format_exact(b.amount)
    )
}

fn per_unit(v: Option<poolcalc_engine::Decimal>, r: &FeeReport) -> String {
    v.map_or_else(
        || "–".to_owned(),
        |p| format!("{} {}", per_unit_text(p, r.decimals), r.currency),
    )
}

#[component]
pub fn Results() -> impl IntoView {
    let i18n = use_i18n();
    let calc = use_calc();
    let outcome = calc.outcome;
    let pool = calc.pool.clone();

    let body = move || {
        let o = outcome.get().0;
        let report = match &o.report {
            Ok(r) => r.clone(),
            Err(e) => {
                return Either::Left(view! {
                    <p class="fees-error" role="alert" data-testid="fees-error">
                        {t!(i18n, fees_cannot_compute)}": "{e.clone()}
                    </p>
                });
            }
        };
        let l = lang();
        let (years, total) = summarize(&o.usage, &report);
        let year_rows = years
            .iter()
            .zip(&report.years)
            .map(|(s, fy)| {
                let y = fy.year;
                let caps = {
                    let mut c: Vec<String> = fy.group_caps_applied.clone();
                    if fy.annual_cap_applied {
                        c.push(t_string!(i18n, fees_enterprise_cap).to_owned());
                    }
                    if c.is_empty() { "–".to_owned() } else { c.join(", ") }
                };
                let discount = match &fy.discount_applied {
                    Some(d) => format!("{} ({})", money(fy.discount, &report), d.id),
                    None => "–".to_owned(),
                };
                view! {
                    <tr>
                        <th scope="row">{y}</th>
                        <td>{fy.schedule.clone()}</td>
                        <td class="num" data-testid=format!("fees-year-{y}-gross")>{money(fy.gross, &report)}</td>
                        <td class="num" data-testid=format!("fees-year-{y}-discount")>{discount}</td>
                        <td data-testid=format!("fees-year-{y}-caps")>{caps}</td>
                        <td class="num strong" data-testid=format!("fees-year-{y}-payable")>{money(fy.payable, &report)}</td>
                        <td class="num">{group_digits(s.units)}</td>
                        <td class="num" data-testid=format!("fees-year-{y}-exempt")>{group_digits(s.exempt_units)}</td>
                        <td class="num" data-testid=format!("fees-year-{y}-per-unit")>{per_unit(s.per_unit, &report)}</td>
                    </tr>
                }
            })
            .collect_view();

        let open_band = t_string!(i18n, fees_band_open).to_owned();
        let details = report
            .years
            .iter()
            .map(|fy| {
                let y = fy.year;
                let lines = fy
                    .lines
                    .iter()
                    .map(|line| {
                        let bands = line
                            .bands
                            .iter()
                            .map(|b| view! { <li>{band_text(b, &open_band)}</li> })
                            .collect_view();
                        let key = format!("{y}-{}-{}", line.product, line.region);
                        // A service line has no units: its weighted measures and the tier
                        // they reached stand where a device line has units and bands.
                        let (counted, how) = match &line.service {
                            Some(svc) => (
                                measures_text(&svc.measures, |d| money(d, &report)),
                                view! { <span data-testid=format!("fees-line-{key}-tier")>{tier_text(svc.tier)}</span> }.into_any(),
                            ),
                            None => (
                                group_digits(line.units),
                                view! { <ul class="fees-bands">{bands}</ul> }.into_any(),
                            ),
                        };
                        view! {
                            <tr>
                                <th scope="row">{product_name(&pool, &line.product, l)}</th>
                                <td>{line.region.clone()}</td>
                                <td class="num" data-testid=format!("fees-line-{key}-counted")>{counted}</td>
                                <td>{how}</td>
                                <td class="num" data-testid=format!("fees-line-{key}-amount")>{money(line.amount, &report)}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                // Version 1 pools keep their headings; a year with a service line says both.
                let has_service = fy.lines.iter().any(|l| l.service.is_some());
                let (units_heading, bands_heading) = if has_service {
                    (t_string!(i18n, fees_col_units_or_measures), t_string!(i18n, fees_col_bands_or_tier))
                } else {
                    (t_string!(i18n, fees_col_units), t_string!(i18n, fees_col_bands))
                };
                let countries_rows = fy
                    .countries
                    .iter()
                    .map(|c| {
                        view! {
                            <tr>
                                <th scope="row">{countries::label(&c.country, l)}</th>
                                <td class="num" data-testid=format!("fees-country-{y}-{}-amount", c.country)>
                                    {money(c.amount, &report)}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view();
                let exempt = (!fy.exempt.is_empty()).then(|| {
                    let items = fy
                        .exempt
                        .iter()
                        .map(|e| {
                            view! {
                                <li>
                                    {product_name(&pool, &e.product, l)}", "
                                    {countries::label(&e.country, l)}
                                    {(e.units > 0).then(|| format!(": {}", group_digits(e.units)))}
                                    " — "{exempt_reason_text(e.reason)}
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <h4>{t!(i18n, fees_exempt_title)}</h4>
                        <p class="fees-hint">{t!(i18n, fees_exempt_note)}</p>
                        <ul data-testid=format!("fees-exempt-{y}")>{items}</ul>
                    }
                });
                view! {
                    <section class="fees-year-detail" data-testid=format!("fees-detail-{y}")>
                        <h3>{t!(i18n, fees_year_detail)}" "{y}</h3>
                        <div class="fees-table-wrap">
                            <table class="fees-lines">
                                <caption>{t!(i18n, fees_lines_caption)}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{t!(i18n, fees_col_product)}</th>
                                        <th scope="col">{t!(i18n, fees_col_region)}</th>
                                        <th scope="col">{units_heading}</th>
                                        <th scope="col">{bands_heading}</th>
                                        <th scope="col">{t!(i18n, fees_col_amount)}</th>
                                    </tr>
                                </thead>
                                <tbody>{lines}</tbody>
                            </table>
                        </div>
                        <div class="fees-table-wrap">
                            <table class="fees-countries">
                                <caption>{t!(i18n, fees_countries_caption)}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{t!(i18n, fees_col_country)}</th>
                                        <th scope="col">{t!(i18n, fees_col_amount)}</th>
                                    </tr>
                                </thead>
                                <tbody>{countries_rows}</tbody>
                            </table>
                        </div>
                        {exempt}
                    </section>
                }
            })
            .collect_view();

        Either::Right(view! {
            <dl class="fees-totals">
                <div>
                    <dt>{t!(i18n, fees_total_payable)}</dt>
                    <dd data-testid="fees-total">{money(total.payable, &report)}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, fees_total_units)}</dt>
                    <dd data-testid="fees-total-units">{group_digits(total.units)}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, fees_total_per_unit)}</dt>
                    <dd data-testid="fees-total-per-unit">{per_unit(total.per_unit, &report)}</dd>
                </div>
            </dl>
            <div class="fees-table-wrap">
                <table class="fees-years" data-testid="fees-years">
                    <caption>{t!(i18n, fees_years_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, fees_col_year)}</th>
                            <th scope="col">{t!(i18n, fees_col_schedule)}</th>
                            <th scope="col">{t!(i18n, fees_col_gross)}</th>
                            <th scope="col">{t!(i18n, fees_col_discount)}</th>
                            <th scope="col">{t!(i18n, fees_col_caps)}</th>
                            <th scope="col">{t!(i18n, fees_col_payable)}</th>
                            <th scope="col">{t!(i18n, fees_col_units)}</th>
                            <th scope="col">{t!(i18n, fees_col_exempt)}</th>
                            <th scope="col">{t!(i18n, fees_col_per_unit)}</th>
                        </tr>
                    </thead>
                    <tbody>{year_rows}</tbody>
                </table>
            </div>
            {details}
        })
    };

    view! {
        <section class="fees-results" aria-labelledby="fees-results-title">
            <h2 id="fees-results-title">{t!(i18n, fees_results_title)}</h2>
            {body}
        </section>
    }
}
