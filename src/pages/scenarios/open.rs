//! The scenario being edited: its name, its changes, what the engine says of it, export and
//! share link, and the form that adds a change.

use leptos::prelude::*;
use poolcalc_engine::scenario::share_link::encode_share;
use poolcalc_engine::scenario::{Change, Scenario, apply_scenario};

use super::editor::ChangeForm;
use super::{Notice, PUBLISHED, describe_change, files, issue_lines, use_scenarios_ctx};
use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn OpenScenario() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenarios_ctx();
    let (store, dsv, notice, selected) = (ctx.store, ctx.dsv, ctx.notice, ctx.selected);
    let (compared_keys, sweep_base) = (ctx.compared_keys, ctx.sweep_base);
    let add_to_compare = move |key: String| ctx.add_to_compare(key);
    let duplicate = move |_| {
        let Some(k) = selected.get_untracked() else {
            return;
        };
        if let Some(s) = store.get(&k) {
            let key = store.add(Scenario {
                name: format!("{} ({})", s.name, t_string!(i18n, scen_copy)),
                changes: s.changes,
            });
            selected.set(Some(key.clone()));
            add_to_compare(key);
        }
    };
    let delete = move |_| {
        let Some(k) = selected.get_untracked() else {
            return;
        };
        let name = store.get(&k).map(|s| s.name).unwrap_or_default();
        store.remove(&k);
        compared_keys.update(|c| c.retain(|x| x != &k));
        if sweep_base.get_untracked() == k {
            sweep_base.set(PUBLISHED.to_owned());
        }
        selected.set(
            store
                .entries
                .with_untracked(|e| e.first().map(|x| x.key.clone())),
        );
        notice.set(Some(Notice::Info(format!(
            "{} “{name}”",
            t_string!(i18n, scen_deleted)
        ))));
    };
    let share_link = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        selected.track();
        share_link.set(None);
    });

    // The editor is rebuilt only when another scenario is picked: edits to the one shown
    // must not recreate the input being typed in.
    let editing = Memo::new(move |_| {
        let key = selected.get()?;
        store
            .entries
            .with(|e| e.iter().any(|x| x.key == key))
            .then_some(key)
    });
    move || {
        let key = editing.get()?;
        let k = StoredValue::new(key);
        let current = move || store.get(&k.get_value());
        let name = move || current().map(|s| s.name).unwrap_or_default();
        let rename = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            store.change(&k.get_value(), |s| s.name = v);
        };
        let changes = move || {
            current()
                .map(|s| s.changes)
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .map(|(i, c)| {
                    let text = move || describe_change(i18n, &c);
                    view! {
                        <li data-testid=format!("scen-change-{i}")>
                            <span>{text}</span>
                            " "
                            <button type="button" class="scen-no-print" data-testid=format!("scen-remove-change-{i}")
                                on:click=move |_| store.change(&k.get_value(), |s| { if i < s.changes.len() { s.changes.remove(i); } })>
                                {t!(i18n, scen_remove_change)}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        };
        let problems = move || {
            let s = current()?;
            let issues = dsv.with_value(|ds| apply_scenario(ds.dataset(), &s).err())?;
            Some(view! {
                <div class="scen-error" role="alert" data-testid="scen-apply-problems">
                    <p>{t!(i18n, scen_apply_problems)}</p>
                    <ul>{issue_lines(&issues).into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </div>
            })
        };
        let export_one = move || {
            current()
                .map(|s| files::data_url(&s.to_json()))
                .unwrap_or_default()
        };
        let export_name = move || files::file_name(&name());
        let make_link = move |_| {
            if let Some(s) = current() {
                share_link.set(Some(crate::browser::share::link(
                    files::SHARE_MARK,
                    &encode_share(&s),
                )));
            }
        };
        let on_add = Callback::new(move |c: Change| {
            store.change(&k.get_value(), |s| s.changes.push(c));
        });
        let ds2 = dsv.get_value();
        Some(view! {
            <section class="scen-editor" data-testid="scen-editor" aria-labelledby="scen-editor-h">
                <h2 id="scen-editor-h">{t!(i18n, scen_editor_title)}</h2>
                <div class="scen-field scen-no-print">
                    <label for="scen-name">{t!(i18n, scen_name)}</label>
                    <input id="scen-name" data-testid="scen-name" prop:value=name on:input=rename />
                </div>
                <p class="scen-print-only"><strong>{name}</strong></p>
                <div class="scen-actions scen-no-print">
                    <button type="button" data-testid="scen-duplicate" on:click=duplicate>{t!(i18n, scen_duplicate)}</button>
                    <button type="button" data-testid="scen-delete" on:click=delete>{t!(i18n, scen_delete)}</button>
                    <a class="scen-button" data-testid="scen-export" href=export_one download=export_name>{t!(i18n, scen_export)}</a>
                    <button type="button" data-testid="scen-share" on:click=make_link>{t!(i18n, scen_share)}</button>
                </div>
                {move || share_link.get().map(|l| view! {
                    <div class="scen-field scen-no-print">
                        <label for="scen-share-link">{t!(i18n, scen_share_label)}</label>
                        <input id="scen-share-link" data-testid="scen-share-link" readonly prop:value=l.clone()
                            on:focus=move |ev| { if let Some(i) = files::input_of(&ev) { i.select(); } } />
                        <p class="scen-note">{t!(i18n, scen_share_note)}</p>
                    </div>
                })}
                <h3>{t!(i18n, scen_changes)}</h3>
                <ol class="scen-changes" data-testid="scen-changes">{changes}</ol>
                <p class="scen-note" hidden=move || current().is_some_and(|s| !s.changes.is_empty())>
                    {t!(i18n, scen_no_changes)}
                </p>
                {problems}
                <ChangeForm ds=ds2 store on_add />
            </section>
        })
    }
}
