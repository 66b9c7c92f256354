//! The royalty stack page (叠加): one product's licences across pools, bilateral licences and
//! known amounts. All numbers come from the engine (`poolcalc_engine::stack`, the same code as
//! `poolcalc stack`); this page loads the stack and its pools, edits the what-if list, and lays
//! the page model out.

mod controls;
mod results;
mod share;

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::browser::fetch::fetch_text;
use crate::browser::files::{chosen_file_text, download};
use crate::i18n::{t, t_string, use_i18n};
use crate::state::stack::{bundled_catalog, lines, load_pool, store};
use controls::Controls;
use leptos::prelude::*;
use leptos::task::spawn_local;
use poolcalc_engine::Pool;
use poolcalc_engine::stack::{
    Stack, StackReport, WhatIfReport, compute_stack, compute_what_if, load_stack, pool_set,
};
use results::Results;
use serde::Deserialize;
use share::{ReplaceBar, SHARE_MARK, ShareBox, offer};
use wasm_bindgen::JsCast;

/// Where the bundled stacks are, relative to the page.
const STACKS_INDEX: &str = "stacks/index.json";

#[derive(Debug, Clone, Deserialize)]
struct StackCatalog {
    default: String,
    stacks: Vec<StackEntry>,
}

#[derive(Debug, Clone, Deserialize)]
struct StackEntry {
    id: String,
    file: String,
    #[serde(default)]
    name: BTreeMap<String, String>,
}

/// A bundled pool being fetched, ready, or why it cannot be had.
#[derive(Clone)]
enum PoolLoad {
    Loading,
    Ready(Arc<Pool>),
    Failed(String),
}

/// A stack's results, compared by identity (every recomputation gives a new one).
#[derive(Clone)]
pub struct Computed(pub Arc<Outcome>);

impl PartialEq for Computed {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The stack page.
#[component]
pub fn StackPage() -> impl IntoView {
    let i18n = use_i18n();
    let stack: RwSignal<Option<Stack>> = RwSignal::new(None);
    let problems: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let kept: RwSignal<Option<(String, Vec<String>)>> = RwSignal::new(None);
    let pools: RwSignal<BTreeMap<String, PoolLoad>> = RwSignal::new(BTreeMap::new());
    let save_error: RwSignal<Option<String>> = RwSignal::new(None);
    // A stack waiting for the person to agree that it replaces theirs.
    let pending: RwSignal<Option<Stack>> = RwSignal::new(None);
    let catalog = LocalResource::new(|| async {
        let text = fetch_text(STACKS_INDEX).await?;
        serde_json::from_str::<StackCatalog>(&text).map_err(|e| format!("{STACKS_INDEX}: {e}"))
    });

    let open_bundled = move |file: String| {
        spawn_local(async move {
            match fetch_text(&format!("stacks/{file}")).await {
                Ok(text) => match load_stack(&text) {
                    Ok(s) => {
                        problems.set(Vec::new());
                        offer(stack, pending, s);
                    }
                    Err(i) => problems.set(lines(&i)),
                },
                Err(e) => problems.set(vec![e]),
            }
        });
    };
    // The stored stack, else the bundled default.
    match store::read() {
        store::Stored::Stack(s) => stack.set(Some(*s)),
        other => {
            if let store::Stored::Broken { raw, problems } = other {
                kept.set(Some((raw, problems)));
            }
            Effect::new(move |_| {
                if stack.get_untracked().is_none()
                    && let Some(Ok(c)) = catalog.get()
                    && let Some(e) = c.stacks.iter().find(|e| e.id == c.default)
                {
                    open_bundled(e.file.clone());
                }
            });
        }
    }

    // A share link: its stack, once (the fragment is then taken out of the address).
    if let Some(code) = crate::browser::share::take_code(SHARE_MARK) {
        match poolcalc_engine::stack::share_link::decode_stack_share(&code) {
            Ok(s) => offer(stack, pending, s),
            Err(i) => {
                let mut list = vec![t_string!(i18n, stack_shared_bad).to_owned()];
                list.extend(lines(&i));
                problems.set(list);
            }
        }
    }

    // Fetches every bundled pool the stack names, once.
    Effect::new(move |_| {
        let ids: Vec<String> = stack.with(|s| {
            s.as_ref()
                .map(|s| s.bundled_ids().into_iter().map(str::to_owned).collect())
                .unwrap_or_default()
        });
        let ids: std::collections::BTreeSet<String> = ids
            .into_iter()
            .filter(|id| !pools.with_untracked(|p| p.contains_key(id)))
            .collect();
        if ids.is_empty() {
            return;
        }
        pools.update(|p| {
            for id in &ids {
                p.insert(id.clone(), PoolLoad::Loading);
            }
        });
        // The catalog once, then every pool at the same time.
        spawn_local(async move {
            let catalog = std::rc::Rc::new(bundled_catalog().await);
            for id in ids {
                let catalog = catalog.clone();
                spawn_local(async move {
                    let got = match catalog.as_ref() {
                        Ok(c) => load_pool(c, &id).await,
                        Err(e) => Err(e.clone()),
                    }
                    .map_or_else(PoolLoad::Failed, PoolLoad::Ready);
                    pools.update(|p| {
                        p.insert(id, got);
                    });
                });
            }
        });
    });

    let computed = Memo::new(move |_| {
        let perf = window().performance();
        if let Some(p) = &perf {
            let _ = p.mark("poolcalc-stack-eval-start");
        }
        let out = stack.with(|s| {
            let s = s.as_ref()?;
            pools.with(|loaded| evaluate(s, loaded))
        });
        if let Some(p) = &perf {
            let _ = p.measure_with_start_mark("poolcalc-stack-eval", "poolcalc-stack-eval-start");
        }
        out.map(|o| Computed(Arc::new(o)))
    });

    // Saves every change, so an edit survives a reload.
    crate::browser::persist::save_after_changes(
        move || stack.track(),
        move || {
            if let Some(Some(s)) = stack.try_get_untracked() {
                let _ = save_error.try_set(store::write(&s).err());
            }
        },
    );

    let import = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        spawn_local(async move {
            match chosen_file_text(input).await.map(|t| load_stack(&t)) {
                Some(Ok(s)) => {
                    problems.set(Vec::new());
                    offer(stack, pending, s);
                }
                Some(Err(i)) => problems.set(lines(&i)),
                None => problems.set(vec![t_string!(i18n, stack_problems).to_owned()]),
            }
        });
    };
    let export = move |_| {
        if let Some(s) = stack.get_untracked() {
            download("stack.json", "application/json", &s.to_json());
        }
    };
    let choices = move || {
        let lang = crate::i18n::language::code(i18n.get_locale());
        catalog.get().and_then(Result::ok).map(|c| {
            c.stacks
                .into_iter()
                .map(|e| {
                    let file = e.file.clone();
                    let name = crate::state::catalog::text_in(&e.name, lang).to_owned();
                    view! {
                        <button type="button" data-testid=format!("stack-open-{}", e.id)
                            on:click=move |_| open_bundled(file.clone())>{name}</button>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <h1 data-testid="page-title">{t!(i18n, nav_stack)}</h1>
        <p class="stack-intro">{t!(i18n, stack_intro)}</p>
        <section class="stack-files" aria-label=move || t_string!(i18n, stack_choose)>
            <span>{t!(i18n, stack_choose)}": "</span>{choices}
            <label>{t!(i18n, stack_import)}
                <input type="file" accept=".json,application/json" data-testid="stack-import" on:change=import />
            </label>
            <button type="button" data-testid="stack-export" on:click=export>{t!(i18n, stack_export)}</button>
            <ShareBox stack />
        </section>
        <ReplaceBar stack pending />
        {move || kept.get().map(|(raw, problems)| view! {
            <div class="stack-kept" role="alert" data-testid="stack-kept">
                <p>{t!(i18n, stack_kept)}</p>
                <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                <button type="button" on:click=move |_| download("stored-stack.json", "application/json", &raw)>
                    {t!(i18n, stack_kept_download)}
                </button>
            </div>
        })}
        {move || save_error.get().map(|e| view! { <p role="alert">{t!(i18n, stack_save_failed)}" "{e}</p> })}
        <Problems list=problems.into() />
        {move || match computed.get() {
            None => view! { <p>{t!(i18n, stack_loading)}</p> }.into_any(),
            Some(c) => match c.0.as_ref() {
                Err(list) => view! { <Problems list=Signal::stored(list.clone()) /> }.into_any(),
                Ok((report, what_if)) => view! {
                    <Results report=report.clone() what_if=what_if.clone() />
                    <Controls stack />
                }.into_any(),
            },
        }}
    }
}

/// A list of problems, each `path: message`.
#[component]
fn Problems(list: Signal<Vec<String>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let list = list.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="stack-problems" role="alert" data-testid="stack-problems">
                    <p>{t!(i18n, stack_problems)}</p>
                    <ul>{list.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

/// The stack's report and what-if, once every pool it names is loaded (`None` before).
fn evaluate(s: &Stack, loaded: &BTreeMap<String, PoolLoad>) -> Option<Outcome> {
    let waiting = s
        .bundled_ids()
        .into_iter()
        .any(|id| matches!(loaded.get(id), None | Some(PoolLoad::Loading)));
    if waiting {
        return None;
    }
    let pools = pool_set(s, |id| match loaded.get(id) {
        Some(PoolLoad::Ready(p)) => Ok(p.clone()),
        Some(PoolLoad::Failed(e)) => Err(e.clone()),
        _ => Err(format!("no bundled dataset \"{id}\"")),
    });
    Some(
        pools
            .map_err(|i| lines(&i))
            .and_then(|pools| compute(s, &pools)),
    )
}

type Outcome = Result<(StackReport, Option<WhatIfReport>), Vec<String>>;

/// The report and, when the stack has changes, its what-if.
fn compute(s: &Stack, pools: &poolcalc_engine::stack::PoolSet) -> Outcome {
    let report = compute_stack(s, pools).map_err(|i| lines(&i))?;
    let what_if = if s.what_if.is_empty() {
        None
    } else {
        Some(compute_what_if(s, pools, &s.what_if, &report).map_err(|i| lines(&i))?)
    };
    Ok((report, what_if))
}
