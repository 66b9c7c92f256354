//! The end of the editor: what the engine still finds (each problem with its path, a button
//! to go to its field), the export of the dataset JSON, and "use it now".

use crate::browser::files::download;
use crate::browser::focus::focus_nearest;
use crate::i18n::{t, use_i18n};
use crate::state::loader::{load_text, use_loader};
use leptos::prelude::*;
use poolcalc_studio::draft::path::element_id;
use poolcalc_views::format::group_digits;

use super::use_draft_ctx;

/// Problems listed at the end (all of them are on their fields).
const LISTED: usize = 20;

#[component]
pub fn Finish() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_draft_ctx();
    let loader = use_loader();
    let used = RwSignal::new(false);
    let valid = move || ctx.checked.with(|c| c.valid.is_some());
    let file_name = move || {
        let id = ctx.with_draft(|d| {
            d.get("pool.id")
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned)
        });
        format!(
            "{}.json",
            id.filter(|s| !s.is_empty())
                .unwrap_or_else(|| "dataset".to_owned())
        )
    };
    let export = move |_| {
        if let Some(text) = ctx.checked.with_untracked(|c| c.valid.clone()) {
            download(&file_name(), "application/json", &text);
        }
    };
    let use_now = move |_| {
        if let Some(text) = ctx.checked.with_untracked(|c| c.valid.clone()) {
            used.set(true);
            load_text(file_name(), text);
        }
    };
    let problems = move || {
        ctx.checked.with(|c| {
            c.issues
                .iter()
                .take(LISTED)
                .map(|i| (i.path.clone(), i.message.clone()))
                .collect::<Vec<_>>()
        })
    };
    let count = move || ctx.checked.with(|c| c.issues.len());
    let in_use = move || {
        if !used.get() {
            return None;
        }
        Some(match (loader.stage.get(), loader.problem.get()) {
            (Some(_), _) => t!(i18n, draft_opening).into_any(),
            (None, Some(p)) => {
                view! { <span role="alert">{crate::state::loader::problem_text(&p)}</span> }
                    .into_any()
            }
            (None, None) => {
                view! { {t!(i18n, draft_in_use_now)} " " <a href="./">{t!(i18n, nav_overview)}</a> }
                    .into_any()
            }
        })
    };
    view! {
        <section aria-labelledby="draft-finish-title" class="draft-finish">
            <h3 id="draft-finish-title">{t!(i18n, draft_finish)}</h3>
            <p role="status" data-testid="draft-status">
                {move || if valid() {
                    t!(i18n, draft_valid).into_any()
                } else {
                    t!(i18n, draft_problems, count = group_digits(count() as u64)).into_any()
                }}
            </p>
            <ul class="draft-problems" data-testid="draft-problems">
                {move || problems().into_iter().map(|(path, message)| {
                    let target = element_id(&path);
                    let go = move |_| focus_nearest(&target);
                    view! {
                        <li><button type="button" class="link" on:click=go>{path.clone()}</button>": "{message}</li>
                    }
                }).collect_view()}
            </ul>
            <button type="button" data-testid="draft-export" disabled=move || !valid() on:click=export>{t!(i18n, draft_export)}</button>
            <button type="button" data-testid="draft-use" disabled=move || !valid() on:click=use_now>{t!(i18n, draft_use)}</button>
            <p data-testid="draft-used">{in_use}</p>
        </section>
    }
}
