//! The start page, the explorer's overview: the pool card, its counts today, the rate terms
//! in readable form, the distribution rule, coverage over time and what the dataset
//! discloses.

use crate::components::CoverageChart;
use crate::i18n::language;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::explorer::{ExplorerNav, NoDataset, loaded, safe_href, today};
use crate::state::LoadedDataset;
use leptos::prelude::*;
use poolcalc_engine::Method;
use poolcalc_engine::model::dataset::{ANY_REGION, Dataset, Uncovered};
use poolcalc_views::explorer::{
    Coverage, Disclosed, DisclosureItem, coverage, disclosure, group_digits, percent_text,
    pool_counts,
};
use poolcalc_views::format::grouped;
use std::sync::Arc;

mod history;
mod schedules;

/// A product's name in `lang`, else its id.
fn product_name(d: &Dataset, id: &str, lang: &str) -> String {
    d.products
        .iter()
        .find(|p| p.id == id)
        .map_or_else(|| id.to_owned(), |p| p.name.get(lang).to_owned())
}

/// A region's name in `lang`; the catch-all line's "any other country"; else the id.
fn region_name(d: &Dataset, id: &str, lang: &str) -> String {
    if id == ANY_REGION {
        return t_string!(use_i18n(), explorer_any_region).to_owned();
    }
    d.regions
        .iter()
        .find(|r| r.id == id)
        .map_or_else(|| id.to_owned(), |r| r.name.get(lang).to_owned())
}

use history::RateHistory;
use schedules::Schedules;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let ds = loaded();
    view! {
        <h1 data-testid="page-title">{t!(i18n, nav_overview)}</h1>
        <ExplorerNav />
        {move || match ds.get() {
            Some(ds) => leptos::either::Either::Left(view! { <Explorer ds /> }),
            None => leptos::either::Either::Right(view! { <NoDataset /> }),
        }}
    }
}

#[component]
fn Explorer(ds: Arc<LoadedDataset>) -> impl IntoView {
    view! {
        <PoolCard ds=ds.clone() />
        <Counts ds=ds.clone() />
        <Schedules ds=ds.clone() />
        <RateHistory ds=ds.clone() />
        <DistributionRule ds=ds.clone() />
        <CoverageSection ds=ds.clone() />
        <DisclosurePanel ds />
    }
}

#[component]
fn PoolCard(ds: Arc<LoadedDataset>) -> impl IntoView {
    let i18n = use_i18n();
    let illustrative = ds.illustrative;
    move || {
        let lang = language::code(i18n.get_locale());
        let pool = &ds.dataset().pool;
        let name = pool.name.get(lang).to_owned();
        let admin = pool.administrator.as_ref().map(|a| a.get(lang).to_owned());
        let standards = (!pool.standards.is_empty()).then(|| pool.standards.join(", "));
        let as_of = pool.as_of.map(|d| d.to_string());
        let notes = pool.notes.as_ref().map(|n| n.get(lang).to_owned());
        let sources = pool
            .sources
            .iter()
            .map(|s| {
                let title = s.title.get(lang).to_owned();
                match s.url.as_deref().and_then(safe_href) {
                    Some(href) => leptos::either::Either::Left(view! {
                        <li><a href=href target="_blank" rel="noopener noreferrer">{title}</a></li>
                    }),
                    None => leptos::either::Either::Right(view! { <li>{title}</li> }),
                }
            })
            .collect_view();
        let has_sources = !pool.sources.is_empty();
        view! {
            <section class="explorer-card" aria-labelledby="explorer-pool-name">
                <h2 id="explorer-pool-name" data-testid="explorer-pool-name">{name}</h2>
                {illustrative.then(|| view! {
                    <p class="explorer-illustrative" role="note" data-testid="explorer-illustrative">
                        {t!(i18n, illustrative_note)}
                    </p>
                })}
                <dl class="explorer-facts">
                    {admin.map(|a| view! { <dt>{t!(i18n, explorer_administrator)}</dt><dd data-testid="explorer-administrator">{a}</dd> })}
                    {standards.map(|s| view! { <dt>{t!(i18n, explorer_standards)}</dt><dd>{s}</dd> })}
                    <dt>{t!(i18n, explorer_currency)}</dt>
                    <dd data-testid="explorer-currency">{pool.currency.clone()}</dd>
                    {as_of.map(|d| view! { <dt>{t!(i18n, explorer_as_of)}</dt><dd>{d}</dd> })}
                </dl>
                {notes.map(|n| view! { <p class="explorer-notes">{n}</p> })}
                {has_sources.then(|| view! {
                    <h3>{t!(i18n, explorer_sources)}</h3>
                    <ul class="explorer-sources" data-testid="explorer-sources">{sources}</ul>
                })}
            </section>
        }
    }
}

#[component]
fn Counts(ds: Arc<LoadedDataset>) -> impl IntoView {
    let i18n = use_i18n();
    let day = today();
    let c = pool_counts(&ds.pool, day);
    let n = |v: usize| group_digits(v as u64);
    view! {
        <section class="explorer-counts" aria-labelledby="explorer-counts-title">
            <h2 id="explorer-counts-title">{t!(i18n, explorer_counts_title, day = day.to_string())}</h2>
            <dl class="explorer-count-grid">
                <div>
                    <dt>{t!(i18n, explorer_members)}</dt>
                    <dd data-testid="explorer-count-members">{n(c.members)}</dd>
                    <dd class="explorer-sub">{t!(i18n, explorer_members_in_pool, count = n(c.members_in_pool))}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, explorer_patents_in_force_today)}</dt>
                    <dd data-testid="explorer-count-patents">{n(c.patents_in_force)}</dd>
                    <dd class="explorer-sub">{t!(i18n, explorer_patents_listed, count = n(c.patents))}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, explorer_families)}</dt>
                    <dd data-testid="explorer-count-families">{n(c.families_in_force)}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, explorer_countries)}</dt>
                    <dd data-testid="explorer-count-countries">{n(c.countries_in_force)}</dd>
                    <dd class="explorer-sub">{t!(i18n, explorer_countries_listed, count = n(c.countries))}</dd>
                </div>
            </dl>
        </section>
    }
}

#[component]
fn DistributionRule(ds: Arc<LoadedDataset>) -> impl IntoView {
    let i18n = use_i18n();
    let d = ds.dataset();
    let cur = d.pool.currency.clone();
    let dec = d.pool.currency_decimals;
    let dist = d.distribution.clone();
    let method = move || match dist.method {
        Method::PerPatent => t_string!(i18n, explorer_method_per_patent),
        Method::PerFamily => t_string!(i18n, explorer_method_per_family),
        Method::Weighted => t_string!(i18n, explorer_method_weighted),
        Method::CountryOfSale => t_string!(i18n, explorer_method_country_of_sale),
    };
    let uncovered = (dist.method == Method::CountryOfSale).then(|| {
        view! {
            <p>{move || match dist.uncovered {
                Uncovered::ProRata => t_string!(i18n, explorer_uncovered_pro_rata),
                Uncovered::Retained => t_string!(i18n, explorer_uncovered_retained),
            }}</p>
        }
    });
    let fee = dist.management_fee.clone();
    let money = move |v| format!("{} {cur}", grouped(v, dec));
    let fee_text = view! {
        {t!(i18n, explorer_fee_percent, percent = percent_text(fee.percent))}
        {fee.min.map(|m| view! { " " {t!(i18n, explorer_fee_min, amount = money(m))} })}
        {fee.max.map(|m| view! { " " {t!(i18n, explorer_fee_max, amount = money(m))} })}
    };
    view! {
        <section class="explorer-distribution" aria-labelledby="explorer-distribution-title">
            <h2 id="explorer-distribution-title">{t!(i18n, explorer_distribution_title)}</h2>
            <p data-testid="explorer-method">{method}</p>
            {uncovered}
            <p data-testid="explorer-fee">{fee_text}</p>
        </section>
    }
}

#[component]
fn CoverageSection(ds: Arc<LoadedDataset>) -> impl IntoView {
    let i18n = use_i18n();
    let scope = RwSignal::new(String::new());
    let pool = ds.pool.clone();
    let series = Memo::new(move |_| {
        let s = scope.get();
        let which = if let Some(m) = s.strip_prefix("m:") {
            Coverage::Member(m.to_owned())
        } else if let Some(c) = s.strip_prefix("c:") {
            Coverage::Country(c.to_owned())
        } else {
            Coverage::Pool
        };
        coverage(&pool, &which)
    });
    let d = ds.clone();
    let options = move || {
        let lang = language::code(i18n.get_locale());
        let members = d
            .dataset()
            .members
            .iter()
            .map(|m| {
                view! { <option value=format!("m:{}", m.id)>{m.name.get(lang).to_owned()}</option> }
            })
            .collect_view();
        let countries = d
            .pool
            .index()
            .countries()
            .iter()
            .map(|c| view! { <option value=format!("c:{c}")>{c.clone()}</option> })
            .collect_view();
        view! {
            <option value="">{t!(i18n, explorer_scope_pool)}</option>
            <optgroup label=t_string!(i18n, explorer_members)>{members}</optgroup>
            <optgroup label=t_string!(i18n, explorer_countries_label)>{countries}</optgroup>
        }
    };
    view! {
        <section class="explorer-coverage" aria-labelledby="explorer-coverage-title">
            <h2 id="explorer-coverage-title">{t!(i18n, explorer_coverage_title)}</h2>
            <p class="data-hint">{t!(i18n, explorer_coverage_hint)}</p>
            <label for="explorer-scope">{t!(i18n, explorer_scope)}</label>
            <select
                id="explorer-scope"
                data-testid="explorer-scope"
                on:change=move |ev| scope.set(event_target_value(&ev))
            >
                {options}
            </select>
            <CoverageChart series=Signal::derive(move || series.get()) />
        </section>
    }
}

#[component]
fn DisclosurePanel(ds: Arc<LoadedDataset>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = move || {
        disclosure(ds.dataset())
            .into_iter()
            .map(|item| {
                let name = move || match item.item {
                    DisclosureItem::PatentList => t_string!(i18n, explorer_disc_patent_list),
                    DisclosureItem::ExpiryDates => t_string!(i18n, explorer_disc_expiry_dates),
                    DisclosureItem::GrantDates => t_string!(i18n, explorer_disc_grant_dates),
                    DisclosureItem::Families => t_string!(i18n, explorer_disc_families),
                    DisclosureItem::Essentiality => t_string!(i18n, explorer_disc_essentiality),
                    DisclosureItem::Rates => t_string!(i18n, explorer_disc_rates),
                    DisclosureItem::Caps => t_string!(i18n, explorer_disc_caps),
                    DisclosureItem::Discounts => t_string!(i18n, explorer_disc_discounts),
                    DisclosureItem::DistributionRule => {
                        t_string!(i18n, explorer_disc_distribution_rule)
                    }
                    DisclosureItem::ManagementFee => t_string!(i18n, explorer_disc_management_fee),
                    DisclosureItem::Licensees => t_string!(i18n, explorer_disc_licensees),
                    DisclosureItem::Sources => t_string!(i18n, explorer_disc_sources),
                };
                let (class, mark, status) = match item.status {
                    Disclosed::Yes => ("disc-yes", "✓", t!(i18n, explorer_disc_yes).into_any()),
                    Disclosed::No => ("disc-no", "✗", t!(i18n, explorer_disc_no).into_any()),
                    Disclosed::Partly { with, of } => (
                        "disc-partly",
                        "◐",
                        t!(
                            i18n,
                            explorer_disc_partly,
                            with = group_digits(with as u64),
                            of = group_digits(of as u64)
                        )
                        .into_any(),
                    ),
                };
                view! {
                    <li class=class data-testid=format!("explorer-disc-{}", item.item.as_str())>
                        <span class="disc-mark" aria-hidden="true">{mark}</span>
                        <span class="disc-name">{name}</span>
                        ": "
                        <span class="disc-status">{status}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="explorer-disclosure" aria-labelledby="explorer-disclosure-title" data-testid="explorer-disclosure">
            <h2 id="explorer-disclosure-title">{t!(i18n, explorer_disclosure_title)}</h2>
            <ul class="disc-list">{rows}</ul>
        </section>
    }
}
