//! The rate schedules in readable form: per line its rate (per unit, tier bands, percent of
//! price, a service's tiers), then the schedule's caps, discounts, where it charges and, for
//! a signing-date schedule, whom it applies to.

use crate::i18n::labels::{admits_text, service_thresholds};
use crate::i18n::language;
use crate::i18n::{t, use_i18n};
use crate::state::LoadedDataset;
use leptos::prelude::*;
use poolcalc_engine::Decimal;
use poolcalc_engine::model::dataset::{Dataset, Rate, RateSchedule, TierMode};
use poolcalc_engine::model::in_force::InForceRule;
use poolcalc_engine::model::money::format_exact;
use poolcalc_views::explorer::{group_digits, percent_text, tier_bands};
use poolcalc_views::format::grouped;
use poolcalc_views::terms_history::Admits;
use std::sync::Arc;

#[component]
pub fn Schedules(ds: Arc<LoadedDataset>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let lang = language::code(i18n.get_locale()).to_owned();
        let d = ds.dataset();
        let list = d
            .rate_schedules
            .iter()
            .map(|s| schedule_view(d, s, &lang))
            .collect_view();
        view! {
            <section class="explorer-schedules" aria-labelledby="explorer-schedules-title" data-testid="explorer-schedules">
                <h2 id="explorer-schedules-title">{t!(i18n, explorer_schedules_title)}</h2>
                {list}
            </section>
        }
    }
}

fn schedule_view(d: &Dataset, s: &RateSchedule, lang: &str) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let cur = d.pool.currency.clone();
    let dec = d.pool.currency_decimals;
    let from_year = s.from_year;
    let years = match s.to_year {
        Some(to) => t!(i18n, explorer_years_range, from = from_year, to = to).into_any(),
        None => t!(i18n, explorer_years_open, from = from_year).into_any(),
    };
    let product_name = |id: &str| super::product_name(d, id, lang);
    let unit_of = |id: &str| {
        d.products
            .iter()
            .find(|p| p.id == id)
            .map_or_else(String::new, |p| p.unit.get(lang).to_owned())
    };
    let region_name = |id: &str| super::region_name(d, id, lang);
    let lines = s
        .lines
        .iter()
        .map(|l| {
            let unit = unit_of(&l.product);
            let money = |v: &_| format!("{} {cur}", format_exact(*v));
            let rate = match &l.rate {
                Rate::PerUnit { per_unit } => {
                    t!(i18n, explorer_rate_per_unit, amount = money(per_unit), unit = unit.clone())
                        .into_any()
                }
                Rate::Tiers { tiers, tier_mode } => {
                    let bands = tier_bands(tiers)
                        .iter()
                        .map(|b| {
                            let amount = money(&b.per_unit);
                            let from = group_digits(b.from);
                            match b.to {
                                Some(to) => view! {
                                    <li>{t!(i18n, explorer_band, from = from, to = group_digits(to), amount = amount)}</li>
                                }
                                .into_any(),
                                None => view! {
                                    <li>{t!(i18n, explorer_band_open, from = from, amount = amount)}</li>
                                }
                                .into_any(),
                            }
                        })
                        .collect_view();
                    let mode = match tier_mode {
                        TierMode::Marginal => t!(i18n, explorer_tier_marginal).into_any(),
                        TierMode::AllUnits => t!(i18n, explorer_tier_all_units).into_any(),
                    };
                    view! { <ul class="explorer-bands">{bands}</ul><span class="explorer-sub">{mode}</span> }
                        .into_any()
                }
                Rate::ServiceTiers { service_tiers, credit } => {
                    let tiers = service_tiers
                        .iter()
                        .map(|t| {
                            let from = service_thresholds(t.users, t.subscribers, t.revenue, &|r| money(&r));
                            view! { <li>{t!(i18n, explorer_service_tier, from = from, amount = money(&t.amount))}</li> }
                        })
                        .collect_view();
                    let credit = credit.map(|c| view! { <span class="explorer-sub">{t!(i18n, explorer_service_credit, amount = money(&c))}</span> });
                    view! {
                        <span class="explorer-sub">{t!(i18n, explorer_service_highest)}</span>
                        <ul class="explorer-bands">{tiers}</ul>
                        {credit}
                    }
                    .into_any()
                }
                Rate::PercentOfPrice {
                    percent_of_price,
                    min_per_unit,
                    max_per_unit,
                } => {
                    let percent = percent_text(*percent_of_price);
                    let min = min_per_unit.map(|m| money(&m));
                    let max = max_per_unit.map(|m| money(&m));
                    view! {
                        {t!(i18n, explorer_rate_percent, percent = percent)}
                        {min.map(|amount| t!(i18n, explorer_rate_min, amount = amount))}
                        {max.map(|amount| t!(i18n, explorer_rate_max, amount = amount))}
                    }
                    .into_any()
                }
            };
            view! {
                <tr>
                    <td>{product_name(&l.product)}</td>
                    <td>{region_name(&l.region)}</td>
                    <td>{rate}</td>
                </tr>
            }
        })
        .collect_view();
    let amount = |v| format!("{} {cur}", grouped(v, dec));
    let mut terms: Vec<AnyView> = Vec::new();
    if let Some(cap) = s.annual_cap {
        terms.push(t!(i18n, explorer_annual_cap, amount = amount(cap)).into_any());
    }
    for g in &s.group_caps {
        let products = g
            .products
            .iter()
            .map(|p| product_name(p))
            .collect::<Vec<_>>()
            .join(", ");
        terms.push(
            t!(
                i18n,
                explorer_group_cap,
                products = products,
                amount = amount(g.amount)
            )
            .into_any(),
        );
    }
    for disc in &s.discounts {
        terms.push(
            t!(
                i18n,
                explorer_discount,
                percent = percent_text(disc.percent),
                date = disc.signed_before.to_string()
            )
            .into_any(),
        );
    }
    match s.requires_patent_in_force {
        InForceRule::Off => {}
        InForceRule::Sale => terms.push(t!(i18n, explorer_requires_in_force).into_any()),
        InForceRule::MadeOrSold => {
            terms.push(t!(i18n, explorer_requires_in_force_made).into_any());
        }
    }
    if s.applies_to.is_some() {
        terms.push(admits_text(Admits::of(s.applies_to)).into_any());
    }
    // A service's users in a region of lower weight count at that weight (version 2).
    if s.lines
        .iter()
        .any(|l| matches!(l.rate, Rate::ServiceTiers { .. }))
    {
        for r in d.regions.iter().filter(|r| r.user_weight() != Decimal::ONE) {
            let weight = format_exact(r.user_weight());
            terms.push(
                t!(
                    i18n,
                    explorer_user_weight,
                    region = r.name.get(lang).to_owned(),
                    weight = weight
                )
                .into_any(),
            );
        }
    }
    let terms = terms
        .into_iter()
        .map(|t| view! { <li>{t}</li> })
        .collect_view();
    let id = s.id.clone();
    view! {
        <article class="explorer-schedule">
            <h3>{id}" · "{years}</h3>
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, explorer_product)}</th>
                            <th scope="col">{t!(i18n, explorer_region)}</th>
                            <th scope="col">{t!(i18n, explorer_rate)}</th>
                        </tr>
                    </thead>
                    <tbody>{lines}</tbody>
                </table>
            </div>
            <ul class="explorer-terms">{terms}</ul>
        </article>
    }
}
