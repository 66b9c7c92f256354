//! The guidelines report card (指引对照): the dataset in use, or a saved scenario of it,
//! measured against the guidelines' four principles and four mechanisms. Every figure comes
//! from the engine's `report_card`; this page picks the year and scenario and renders it.

mod format;
mod section;
mod stack_choice;

use std::sync::Arc;

use leptos::either::EitherOf3;
use leptos::prelude::*;
use poolcalc_engine::Pool;
use poolcalc_engine::scenario::apply_scenario;
use poolcalc_views::report_card::{
    Options, ReportCard, default_year, report_card, report_csv, report_json,
};
use poolcalc_views::shares_view::income_years;

use super::scenarios::store::Store;
use crate::browser::files::download;
use crate::i18n::{t, t_string, use_i18n};
use crate::state::{DatasetLoad, LoadedDataset, use_app_state};
use section::SectionView;
use stack_choice::{StackBox, StackChoice};

#[component]
pub fn ReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let body = move || match state.dataset.get() {
        DatasetLoad::Ready(ds) => EitherOf3::A(view! { <Report ds /> }),
        DatasetLoad::Loading => EitherOf3::B(view! { <p>{t!(i18n, loading_dataset)}</p> }),
        DatasetLoad::Failed(_) => EitherOf3::C(view! { <p>{t!(i18n, dataset_failed)}</p> }),
    };
    view! {
        <h1 data-testid="page-title">{t!(i18n, nav_report)}</h1>
        <p class="report-intro">{t!(i18n, report_intro)}</p>
        {body}
    }
}

/// A computed report with the pool it was computed on (the scenario applied), for names.
/// Compared by identity: every choice gives a new one.
#[derive(Clone)]
pub struct Card {
    pub card: Arc<ReportCard>,
    pub pool: Arc<Pool>,
}

impl PartialEq for Card {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.card, &other.card)
    }
}

/// The pool with the saved scenario `key` applied (the pool itself for none), with the
/// scenario's name; or the scenario's problems.
fn chosen_pool(
    pool: &Arc<Pool>,
    store: Store,
    key: &str,
) -> Result<(Arc<Pool>, Option<String>), String> {
    let Some(s) = (!key.is_empty()).then(|| store.get(key)).flatten() else {
        return Ok((pool.clone(), None));
    };
    match apply_scenario(pool.dataset(), &s) {
        Ok(d) => Ok((Arc::new(Pool::new(d)), Some(s.name))),
        Err(issues) => Err(issues
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")),
    }
}

#[component]
fn Report(ds: Arc<LoadedDataset>) -> impl IntoView {
    let i18n = use_i18n();
    let pool = ds.pool.clone();
    let store = Store::open(&pool.dataset().pool.id);
    let first = default_year(&pool);
    let year = RwSignal::new(first);
    let scenario = RwSignal::new(String::new());
    let (from, to) = income_years(&pool).unwrap_or((first, first));
    let years: Vec<i32> = (from.min(first)..=to.max(first)).collect();
    let for_card = pool.clone();
    let stack = StackChoice::new();
    let result = Memo::new(move |_| {
        let (p, name) = chosen_pool(&for_card, store, &scenario.get())?;
        let options = Options {
            year: Some(year.get()),
            scenario: name,
            stack: stack.chosen(),
            ..Options::default()
        };
        Ok::<_, String>(Card {
            card: Arc::new(report_card(&p, &options)),
            pool: p,
        })
    });
    let save = move |csv: bool| {
        if let Ok(c) = result.get_untracked() {
            let name = format!("{}-report-{}", c.card.pool, c.card.year);
            if csv {
                download(&format!("{name}.csv"), "text/csv", &report_csv(&c.card));
            } else {
                let text = serde_json::to_string_pretty(&report_json(&c.card)).unwrap_or_default();
                download(&format!("{name}.json"), "application/json", &text);
            }
        }
    };
    let year_options = years
        .into_iter()
        .map(|y| view! { <option value=y.to_string() selected=y == first>{y}</option> })
        .collect_view();
    let scenario_options = move || {
        store
            .entries
            .get()
            .into_iter()
            .map(|e| {
                view! { <option value=e.key.clone()>{e.scenario.name.clone()}</option> }
            })
            .collect_view()
    };
    let body = move || {
        // The sections are drawn again in the other language on a switch.
        i18n.get_locale();
        match result.get() {
            Ok(c) => EitherOf3::A(view! { <ReportBody c /> }),
            Err(problems) if !problems.is_empty() => EitherOf3::B(view! {
                <div class="report-problem" role="alert" data-testid="report-scenario-problem">
                    <p>{t!(i18n, report_scenario_broken)}</p>
                    <pre>{problems}</pre>
                </div>
            }),
            Err(_) => EitherOf3::C(()),
        }
    };
    view! {
        <div class="report-controls no-print-controls">
            <label for="report-year">{t!(i18n, report_year)}</label>
            <select id="report-year" data-testid="report-year"
                on:change=move |ev| if let Ok(y) = event_target_value(&ev).parse() { year.set(y) }>
                {year_options}
            </select>
            <label for="report-scenario">{t!(i18n, report_scenario)}</label>
            <select id="report-scenario" data-testid="report-scenario"
                on:change=move |ev| scenario.set(event_target_value(&ev))>
                <option value="">{move || t_string!(i18n, report_as_published)}</option>
                {scenario_options}
            </select>
            <StackBox choice=stack />
            <button type="button" data-testid="report-csv" on:click=move |_| save(true)>{t!(i18n, report_download_csv)}</button>
            <button type="button" data-testid="report-json" on:click=move |_| save(false)>{t!(i18n, report_download_json)}</button>
            <button type="button" data-testid="report-print" on:click=move |_| { let _ = window().print(); }>{t!(i18n, report_print)}</button>
        </div>
        {body}
    }
}

#[component]
fn ReportBody(c: Card) -> impl IntoView {
    let i18n = use_i18n();
    let card = c.card.clone();
    let lang = crate::i18n::language::code(i18n.get_locale_untracked());
    let pool_name = c.pool.dataset().pool.name.get(lang).to_owned();
    let scenario = card
        .scenario
        .clone()
        .unwrap_or_else(|| t_string!(i18n, report_as_published).to_owned());
    let reference = format::percent(card.reference, i18n.get_locale_untracked());
    let sections = card
        .sections
        .iter()
        .cloned()
        .map(|section| view! { <SectionView section card=c.clone() /> })
        .collect_view();
    view! {
        <p class="report-meta" data-testid="report-meta">
            <strong>{pool_name}</strong>" · "
            <span data-testid="report-meta-year">{t!(i18n, report_year)}" "{card.year}</span>" · "
            <span data-testid="report-meta-scenario">{scenario}</span>
        </p>
        <p class="report-note">{t!(i18n, report_neutral, line = reference)}</p>
        {sections}
    }
}
