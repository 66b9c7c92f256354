//! The scenario workspace for policy staff: scenarios (named lists of changes to the pool's
//! terms) kept in the browser, edited with one form per change, compared side by side, swept
//! over one parameter, and checked for non-discrimination. Every number comes from the engine.

mod compare;
mod editor;
mod fairness;
mod files;
mod list;
mod notices;
mod open;
// The report page offers the same saved scenarios.
pub(super) mod store;
mod sweep;
mod workspace;

use std::sync::Arc;

use leptos::prelude::*;
use poolcalc_engine::scenario::{Change, Scenario};
use poolcalc_engine::{Dataset, Usage};

use crate::i18n::{t, t_string, use_i18n};
use crate::state::{DatasetLoad, LoadedDataset, use_app_state};
use editor::{I18n, kind_label};
use store::Store;
use workspace::Workspace;

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

/// What every part of the workspace shares: the stored scenarios, the dataset, and the
/// choices the page keeps (saved with the workspace by `Workspace`).
#[derive(Clone, Copy)]
struct ScenariosCtx {
    i18n: I18n,
    store: Store,
    dsv: StoredValue<Arc<LoadedDataset>>,
    notice: RwSignal<Option<Notice>>,
    /// The scenario being edited.
    selected: RwSignal<Option<String>>,
    /// The columns of the comparison, `PUBLISHED` among them.
    compared_keys: RwSignal<Vec<String>>,
    /// The years the dataset has sales (or patents) in.
    years: StoredValue<Vec<i32>>,
    year: RwSignal<i32>,
    licensee: RwSignal<String>,
    sweep_base: RwSignal<String>,
    sweep_param: RwSignal<String>,
    reference: RwSignal<String>,
}

impl ScenariosCtx {
    /// The scenario under `key`; `PUBLISHED` is the dataset as published (no changes).
    fn scenario_of(&self, key: &str) -> Option<Scenario> {
        let i18n = self.i18n;
        if key == PUBLISHED {
            Some(Scenario {
                name: t_string!(i18n, scen_published).to_owned(),
                changes: Vec::new(),
            })
        } else {
            self.store.get(key)
        }
    }

    /// Adds a column to the comparison while there is room.
    fn add_to_compare(&self, key: String) {
        self.compared_keys.update(|k| {
            if k.len() < MAX_COMPARED && !k.contains(&key) {
                k.push(key);
            }
        });
    }
}

/// The page's context, provided by `Workspace` above every part.
fn use_scenarios_ctx() -> ScenariosCtx {
    expect_context::<ScenariosCtx>()
}
