//! The scenario workspace for policy staff: scenarios (named lists of changes to the pool's
//! terms) kept in the browser, edited with one form per change, compared side by side, swept
//! over one parameter, and checked for non-discrimination. Every number comes from the engine.

mod compare;
mod editor;
mod fairness;
mod files;
// The report page offers the same saved scenarios.
pub(super) mod store;
mod sweep;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use poolcalc_engine::scenario::share_link::{decode_share, encode_share};
use poolcalc_engine::scenario::{
    Change, Scenario, apply_scenario, load_scenario, load_scenarios, scenarios_to_json,
};
use poolcalc_engine::{Dataset, Decimal, Pool, Usage};
use poolcalc_views::comparison::comparison_rows;
use poolcalc_views::format::{FieldProblem, parse_optional_percent};
use poolcalc_views::policy::{SweepParameter, compare_scenarios, non_discrimination, steps, sweep};

use crate::i18n::{labels, language};
use crate::i18n::{t, t_string, use_i18n};
use crate::state::{DatasetLoad, LoadedDataset, use_app_state};
use compare::{Compared, ComparisonTable};
use editor::{ChangeForm, I18n, kind_label};
use fairness::{Checked, FairnessView};
use store::Store;
use sweep::{SweepView, Swept};

/// Side-by-side what-if comparisons.
#[component]
pub fn ScenariosPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let body = move || match state.dataset.get() {
        DatasetLoad::Ready(ds) => view! { <Workspace ds /> }.into_any(),
        DatasetLoad::Loading => view! { <p>{t!(i18n, loading_dataset)}</p> }.into_any(),
        DatasetLoad::Failed(_) => {
            view! { <p role="alert">{t!(i18n, dataset_failed)}</p> }.into_any()
        }
    };
    view! {
        <h1 data-testid="page-title">{t!(i18n, nav_scenarios)}</h1>
        <p class="scen-intro scen-no-print">{t!(i18n, scen_intro)}</p>
        {body}
    }
}

/// What the page tells the user after an action.
#[derive(Clone, Debug, PartialEq)]
enum Notice {
    Info(String),
    Error(String, Vec<String>),
}

/// The compared column standing for the dataset as published.
const PUBLISHED: &str = "";
const MAX_COMPARED: usize = 4;

fn usage_of(d: &Dataset, licensee: &str) -> Option<Usage> {
    d.licensees
        .iter()
        .find(|l| l.id == licensee)
        .map(|l| l.usage.clone())
}

/// A change in one line: its kind, then its fields as the scenario file gives them.
fn describe_change(i18n: I18n, c: &Change) -> String {
    let v = serde_json::to_value(c).unwrap_or_default();
    let kind = v.get("type").and_then(|t| t.as_str()).unwrap_or_default();
    let mut parts = Vec::new();
    if let Change::AddMember { member, patents } = c {
        parts.push(format!("member: {}", member.id));
        parts.push(format!("patents: {}", patents.len()));
    } else if let Some(o) = v.as_object() {
        for (k, x) in o.iter().filter(|(k, _)| *k != "type") {
            let text = match x {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Null => "—".to_owned(),
                other => other.to_string(),
            };
            parts.push(format!("{k}: {text}"));
        }
    }
    format!("{} — {}", kind_label(i18n, kind), parts.join(" · "))
}

fn issue_lines(issues: &[poolcalc_engine::Issue]) -> Vec<String> {
    issues.iter().take(12).map(ToString::to_string).collect()
}

#[derive(Clone, Debug, PartialEq)]
enum CompareOut {
    TooFew,
    Failed(String, Vec<String>),
    Done(Compared),
}

#[derive(Clone, Debug, PartialEq)]
enum SweepOut {
    BadReference(FieldProblem),
    Failed(Vec<String>),
    Done(Swept),
}

#[derive(Clone, Debug, PartialEq)]
enum FairOut {
    NoLicensee,
    Failed(Vec<String>),
    Done(Checked),
}

#[component]
fn Workspace(ds: Arc<LoadedDataset>) -> impl IntoView {
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

    let scenario_of = move |key: &str| -> Option<Scenario> {
        if key == PUBLISHED {
            Some(Scenario {
                name: t_string!(i18n, scen_published).to_owned(),
                changes: Vec::new(),
            })
        } else {
            store.get(key)
        }
    };

    // Comparison.
    let compared = Memo::new(move |_| {
        files::mark("poolcalc-scen-compare");
        let keys = compared_keys.get();
        let all = store
            .entries
            .with(|e| e.iter().map(|x| x.key.clone()).collect::<Vec<_>>());
        let ordered: Vec<String> = std::iter::once(PUBLISHED.to_owned())
            .chain(all)
            .filter(|k| keys.contains(k))
            .collect();
        let list: Vec<Scenario> = ordered.iter().filter_map(|k| scenario_of(k)).collect();
        if list.len() < 2 {
            return CompareOut::TooFew;
        }
        let y = year.get();
        let lic = licensee.get();
        let lang = language::code(i18n.get_locale());
        dsv.with_value(|ds| {
            let base = ds.dataset();
            let usage = usage_of(base, &lic);
            match compare_scenarios(base, &list, y, usage.as_ref()) {
                Ok(results) => {
                    let mut member_names: Vec<(String, String)> = base
                        .members
                        .iter()
                        .map(|m| (m.id.clone(), m.name.get(lang).to_owned()))
                        .collect();
                    for s in &list {
                        for c in &s.changes {
                            if let Change::AddMember { member, .. } = c {
                                member_names
                                    .push((member.id.clone(), member.name.get(lang).to_owned()));
                            }
                        }
                    }
                    CompareOut::Done(Compared {
                        names: list.iter().map(|s| s.name.clone()).collect(),
                        rows: comparison_rows(&results, y),
                        member_names,
                        currency: base.pool.currency.clone(),
                        decimals: base.pool.currency_decimals,
                    })
                }
                Err((i, issues)) => CompareOut::Failed(
                    list.get(i).map(|s| s.name.clone()).unwrap_or_default(),
                    issue_lines(&issues),
                ),
            }
        })
    });
    Effect::new(move |_| {
        compared.track();
        files::measure("poolcalc-scen-compare");
    });

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

    // Non-discrimination, on the sweep's scenario.
    let fair = Memo::new(move |_| {
        let Some(s) = scenario_of(&sweep_base.get()) else {
            return FairOut::Failed(Vec::new());
        };
        let y = year.get();
        let lic = licensee.get();
        dsv.with_value(|ds| {
            let base = ds.dataset();
            let Some(usage) = usage_of(base, &lic) else {
                return FairOut::NoLicensee;
            };
            match apply_scenario(base, &s) {
                Ok(applied) => {
                    let pool = Pool::new(applied);
                    let (actual, variants) = non_discrimination(&pool, &usage, y);
                    FairOut::Done(Checked {
                        actual,
                        variants,
                        dataset: Arc::new(pool.dataset().clone()),
                        year: y,
                    })
                }
                Err(issues) => FairOut::Failed(issue_lines(&issues)),
            }
        })
    });

    // Workspace actions.
    let add_to_compare = move |key: String| {
        compared_keys.update(|k| {
            if k.len() < MAX_COMPARED && !k.contains(&key) {
                k.push(key);
            }
        })
    };
    let new_scenario = move |_| {
        let n = store.entries.with_untracked(Vec::len) + 1;
        let key = store.add(Scenario {
            name: format!("{} {n}", t_string!(i18n, scen_new_name)),
            changes: Vec::new(),
        });
        selected.set(Some(key.clone()));
        add_to_compare(key);
    };
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
    let share_link = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        selected.track();
        share_link.set(None);
    });

    let notice_view = move || {
        notice.get().map(|n| match n {
            Notice::Info(text) => view! { <p class="scen-notice">{text}</p> }.into_any(),
            Notice::Error(head, lines) => view! {
                <div class="scen-notice scen-error">
                    <p>{head}</p>
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any(),
        })
    };

    let broken_view = move || {
        let list = store.broken.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .enumerate()
                .map(|(i, b)| {
                    let key = b.key.clone();
                    let href = files::data_url(&b.raw);
                    let fname = format!("damaged-scenario-{}.json", i + 1);
                    view! {
                        <li data-testid=format!("scen-broken-{i}")>
                            <code>{b.key.clone()}</code>
                            <ul>{b.problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                            <a href=href download=fname data-testid=format!("scen-broken-download-{i}")>
                                {t!(i18n, scen_broken_download)}
                            </a>
                            " "
                            <button type="button" data-testid=format!("scen-broken-discard-{i}")
                                on:click=move |_| store.remove(&key)>
                                {t!(i18n, scen_broken_discard)}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="scen-broken scen-no-print" data-testid="scen-broken" role="alert">
                    <h2>{t!(i18n, scen_broken_title)}</h2>
                    <p>{t!(i18n, scen_broken_body)}</p>
                    <ul>{items}</ul>
                </section>
            }
        })
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

    // The editor is rebuilt only when another scenario is picked: edits to the one shown
    // must not recreate the input being typed in.
    let editing = Memo::new(move |_| {
        let key = selected.get()?;
        store
            .entries
            .with(|e| e.iter().any(|x| x.key == key))
            .then_some(key)
    });
    let editor_view = move || {
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
    };

    let year_options = {
        let years = years.clone();
        move || {
            let y = year.get();
            years
                .iter()
                .map(|v| view! { <option value=v.to_string() selected=*v == y>{v.to_string()}</option> })
                .collect_view()
        }
    };
    let licensee_options = move || {
        let lang = language::code(i18n.get_locale());
        let cur = licensee.get();
        dsv.with_value(|ds| {
            ds.dataset()
                .licensees
                .iter()
                .map(|l| {
                    let selected = l.id == cur;
                    view! { <option value=l.id.clone() selected=selected>{l.usage.licensee.get(lang).to_owned()}</option> }
                })
                .collect_view()
        })
    };
    let compare_boxes = move || {
        let keys = compared_keys.get();
        let entries = store.entries.get();
        let full = keys.len() >= MAX_COMPARED;
        std::iter::once((
            PUBLISHED.to_owned(),
            t_string!(i18n, scen_published).to_owned(),
            "scen-cmp-base".to_owned(),
        ))
        .chain(
            entries
                .into_iter()
                .enumerate()
                .map(|(i, e)| (e.key, e.scenario.name, format!("scen-cmp-{i}"))),
        )
        .map(|(key, name, tid)| {
            let on = keys.contains(&key);
            let k2 = key.clone();
            view! {
                <label class="scen-check">
                    <input type="checkbox" data-testid=tid prop:checked=on disabled=!on && full
                        on:change=move |ev| {
                            let checked = event_target_checked(&ev);
                            compared_keys.update(|k| {
                                k.retain(|x| x != &k2);
                                if checked && k.len() < MAX_COMPARED {
                                    k.push(k2.clone());
                                }
                            });
                        } />
                    {name}
                </label>
            }
        })
        .collect_view()
    };
    let compare_view = move || {
        match compared.get() {
        CompareOut::TooFew => view! { <p class="scen-note" data-testid="scen-compare-few">{t!(i18n, scen_compare_few)}</p> }.into_any(),
        CompareOut::Failed(name, lines) => view! {
            <div class="scen-error" role="alert" data-testid="scen-compare-error">
                <p>{t!(i18n, scen_compare_failed)}" “"{name}"”"</p>
                <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any(),
        CompareOut::Done(c) => view! { <ComparisonTable compared=c /> }.into_any(),
    }
    };
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
    let fair_view = move || match fair.get() {
        FairOut::NoLicensee => {
            view! { <p class="scen-note">{t!(i18n, scen_nd_no_licensee)}</p> }.into_any()
        }
        FairOut::Failed(lines) => view! {
            <div class="scen-error" role="alert">
                <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any(),
        FairOut::Done(c) => view! { <FairnessView checked=c /> }.into_any(),
    };

    view! {
        <div class="scen-notices" aria-live="polite" data-testid="scen-notice">{notice_view}</div>
        {broken_view}
        <p class="scen-error" role="alert" hidden=move || store.save_error.with(Option::is_none)>
            {t!(i18n, scen_save_failed)}" "{move || store.save_error.get().unwrap_or_default()}
        </p>
        <div class="scen-layout">
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
            {editor_view}
        </div>
        <section class="scen-settings" aria-labelledby="scen-cmp-h" data-testid="scen-compare">
            <h2 id="scen-cmp-h">{t!(i18n, scen_compare_title)}</h2>
            <div class="scen-row scen-no-print">
                <div class="scen-field">
                    <label for="scen-year">{t!(i18n, scen_year)}</label>
                    <select id="scen-year" data-testid="scen-year"
                        on:change=move |ev| { if let Ok(y) = event_target_value(&ev).parse() { year.set(y) } }>
                        {year_options}
                    </select>
                </div>
                <div class="scen-field">
                    <label for="scen-licensee">{t!(i18n, scen_licensee)}</label>
                    <select id="scen-licensee" data-testid="scen-licensee"
                        on:change=move |ev| licensee.set(event_target_value(&ev))>
                        {licensee_options}
                    </select>
                </div>
            </div>
            <fieldset class="scen-compare-pick scen-no-print">
                <legend>{t!(i18n, scen_compare_pick)}</legend>
                {compare_boxes}
            </fieldset>
            {compare_view}
        </section>
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
        <section class="scen-fairness" aria-labelledby="scen-nd-h" data-testid="scen-nd">
            <h2 id="scen-nd-h">{t!(i18n, scen_nd_title)}</h2>
            <p class="scen-note">{t!(i18n, scen_nd_intro)}</p>
            {fair_view}
        </section>
        <p class="scen-no-print">
            <button type="button" data-testid="scen-print" on:click=move |_| files::print_page()>{t!(i18n, scen_print)}</button>
        </p>
    }
}
