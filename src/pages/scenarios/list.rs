//! The list of scenarios with the actions on all of them: new, export all, import.

use leptos::prelude::*;
use leptos::task::spawn_local;
use poolcalc_engine::scenario::{Scenario, load_scenario, load_scenarios, scenarios_to_json};

use super::{Notice, files, issue_lines, use_scenarios_ctx};
use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn ScenarioList() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenarios_ctx();
    let (store, notice, selected) = (ctx.store, ctx.notice, ctx.selected);
    let add_to_compare = move |key: String| ctx.add_to_compare(key);
    let new_scenario = move |_| {
        let n = store.entries.with_untracked(Vec::len) + 1;
        let key = store.add(Scenario {
            name: format!("{} {n}", t_string!(i18n, scen_new_name)),
            changes: Vec::new(),
        });
        selected.set(Some(key.clone()));
        add_to_compare(key);
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = files::input_of(&ev) else {
            return;
        };
        spawn_local(async move {
            let text = files::read_chosen_file(&input).await;
            input.set_value("");
            let text = match text {
                Ok(t) => t,
                Err(e) => {
                    notice.set(Some(Notice::Error(
                        t_string!(i18n, scen_import_failed).to_owned(),
                        vec![e.text()],
                    )));
                    return;
                }
            };
            let many = serde_json::from_str::<serde_json::Value>(&text)
                .ok()
                .is_some_and(|v| v.get("scenarios").is_some());
            let read = if many {
                load_scenarios(&text)
            } else {
                load_scenario(&text).map(|s| vec![s])
            };
            match read {
                Ok(list) => {
                    let n = list.len();
                    for s in list {
                        let key = store.add(s);
                        add_to_compare(key.clone());
                        selected.set(Some(key));
                    }
                    notice.set(Some(Notice::Info(format!(
                        "{} {n}",
                        t_string!(i18n, scen_imported)
                    ))));
                }
                Err(issues) => notice.set(Some(Notice::Error(
                    t_string!(i18n, scen_import_failed).to_owned(),
                    issue_lines(&issues),
                ))),
            }
        });
    };
    let list_view = move || {
        let sel = selected.get();
        store
            .entries
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, e)| {
                let key = e.key.clone();
                let pressed = sel.as_deref() == Some(e.key.as_str());
                view! {
                    <li data-testid=format!("scen-item-{i}")>
                        <button type="button" class="scen-pick" aria-pressed=pressed.to_string()
                            data-testid=format!("scen-pick-{i}")
                            on:click=move |_| selected.set(Some(key.clone()))>
                            {e.scenario.name.clone()}
                        </button>
                        <span class="scen-count">
                            {move || format!(" {} {}", e.scenario.changes.len(), t_string!(i18n, scen_changes_count))}
                        </span>
                    </li>
                }
            })
            .collect_view()
    };

    let export_all = move || {
        let all: Vec<Scenario> = store
            .entries
            .with(|e| e.iter().map(|x| x.scenario.clone()).collect());
        files::data_url(&scenarios_to_json(&all))
    };

    view! {
        <section class="scen-workspace scen-no-print" aria-labelledby="scen-ws-h">
            <h2 id="scen-ws-h">{t!(i18n, scen_workspace)}</h2>
            <ul class="scen-list" data-testid="scen-list">{list_view}</ul>
            <p class="scen-note" hidden=move || store.entries.with(|e| !e.is_empty())>{t!(i18n, scen_empty)}</p>
            <div class="scen-actions">
                <button type="button" data-testid="scen-new" on:click=new_scenario>{t!(i18n, scen_new)}</button>
                <a class="scen-button" data-testid="scen-export-all" href=export_all download="scenarios.json">
                    {t!(i18n, scen_export_all)}
                </a>
            </div>
            <div class="scen-field">
                <label for="scen-import">{t!(i18n, scen_import)}</label>
                <input type="file" id="scen-import" data-testid="scen-import" accept=".json,application/json" on:change=import />
            </div>
        </section>
    }
}
