//! The workspace of one dataset: the scenarios kept for it, the share link it was opened
//! with, and the choices the page keeps (year, licensee, compared columns, sweep); it provides
//! them as `ScenariosCtx` and lays the parts out.

use std::sync::Arc;

use leptos::prelude::*;
use poolcalc_engine::scenario::share_link::decode_share;

use super::compare::CompareSection;
use super::fairness::FairnessSection;
use super::files;
use super::list::ScenarioList;
use super::notices::Notices;
use super::open::OpenScenario;
use super::store::Store;
use super::sweep::SweepSection;
use super::{MAX_COMPARED, Notice, PUBLISHED, ScenariosCtx, issue_lines};
use crate::i18n::{t, t_string, use_i18n};
use crate::state::LoadedDataset;

#[component]
pub fn Workspace(ds: Arc<LoadedDataset>) -> impl IntoView {
    let i18n = use_i18n();
    let store = Store::open(&ds.dataset().pool.id);
    let dsv = StoredValue::new(ds.clone());
    let notice = RwSignal::new(None::<Notice>);

    // A share link: import its scenario once, then drop the fragment.
    let mut shared_key = None;
    if let Some(code) = crate::browser::share::take_code(files::SHARE_MARK) {
        match decode_share(&code) {
            Ok(s) => {
                let name = s.name.clone();
                shared_key = Some(store.add(s));
                notice.set(Some(Notice::Info(format!(
                    "{} “{name}”",
                    t_string!(i18n, scen_shared_imported)
                ))));
            }
            Err(issues) => notice.set(Some(Notice::Error(
                t_string!(i18n, scen_shared_bad).to_owned(),
                issue_lines(&issues),
            ))),
        }
    }

    let keys_now = move || {
        store
            .entries
            .with_untracked(|e| e.iter().map(|x| x.key.clone()).collect::<Vec<_>>())
    };
    let first_key = keys_now().first().cloned();
    let selected = RwSignal::new(
        shared_key
            .clone()
            .or_else(|| store.ui_get("selected").filter(|k| keys_now().contains(k)))
            .or(first_key),
    );
    let compare_default = || {
        let mut v = vec![PUBLISHED.to_owned()];
        v.extend(keys_now().into_iter().take(MAX_COMPARED - 1));
        v
    };
    let mut initial_compare: Vec<String> = store
        .ui_get("compare")
        .and_then(|t| serde_json::from_str::<Vec<String>>(&t).ok())
        .map(|l| {
            l.into_iter()
                .filter(|k| k == PUBLISHED || keys_now().contains(k))
                .collect()
        })
        .unwrap_or_else(compare_default);
    if let Some(k) = &shared_key
        && !initial_compare.contains(k)
    {
        if initial_compare.len() >= MAX_COMPARED {
            initial_compare.pop();
        }
        initial_compare.push(k.clone());
    }
    let compared_keys = RwSignal::new(initial_compare);

    let d = ds.dataset();
    let mut years: Vec<i32> = d
        .licensees
        .iter()
        .flat_map(|l| l.usage.years.iter().map(|y| y.year))
        .collect();
    years.sort_unstable();
    years.dedup();
    if years.is_empty()
        && let Some((a, b)) = ds.pool.index().year_range()
    {
        years = (a..=b).collect();
    }
    let this_year = js_sys::Date::new_0().get_full_year() as i32;
    let default_year = if years.contains(&this_year) {
        this_year
    } else {
        years.last().copied().unwrap_or(this_year)
    };
    let year = RwSignal::new(
        store
            .ui_get("year")
            .and_then(|y| y.parse().ok())
            .filter(|y| years.contains(y))
            .unwrap_or(default_year),
    );
    let licensee = RwSignal::new(
        store
            .ui_get("licensee")
            .filter(|l| d.licensees.iter().any(|x| &x.id == l))
            .or_else(|| d.licensees.first().map(|l| l.id.clone()))
            .unwrap_or_default(),
    );
    let sweep_base = RwSignal::new(
        store
            .ui_get("sweep_base")
            .filter(|k| k == PUBLISHED || keys_now().contains(k))
            .unwrap_or_default(),
    );
    let sweep_param = RwSignal::new(store.ui_get("sweep_param").unwrap_or_else(|| "rate".into()));
    let reference = RwSignal::new(store.ui_get("reference").unwrap_or_else(|| "25".into()));

    Effect::new(move |_| {
        if let Some(k) = selected.get() {
            store.ui_set("selected", &k);
        }
        store.ui_set(
            "compare",
            &serde_json::to_string(&compared_keys.get()).unwrap_or_default(),
        );
        store.ui_set("year", &year.get().to_string());
        store.ui_set("licensee", &licensee.get());
        store.ui_set("sweep_base", &sweep_base.get());
        store.ui_set("sweep_param", &sweep_param.get());
        store.ui_set("reference", &reference.get());
    });

    provide_context(ScenariosCtx {
        i18n,
        store,
        dsv,
        notice,
        selected,
        compared_keys,
        years: StoredValue::new(years),
        year,
        licensee,
        sweep_base,
        sweep_param,
        reference,
    });

    view! {
        <Notices />
        <div class="scen-layout">
            <ScenarioList />
            <OpenScenario />
        </div>
        <CompareSection />
        <SweepSection />
        <FairnessSection />
        <p class="scen-no-print">
            <button type="button" data-testid="scen-print" on:click=move |_| files::print_page()>{t!(i18n, scen_print)}</button>
        </p>
    }
}
