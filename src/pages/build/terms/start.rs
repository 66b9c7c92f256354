//! How a draft starts: from scratch, from the dataset in use (a copy), or from the patent
//! list imported above; a draft being written is replaced only after the person says so.

use super::super::use_build_ctx;
use crate::i18n::{t, use_i18n};
use crate::state::{DatasetLoad, use_app_state};
use leptos::prelude::*;
use poolcalc_studio::draft::{Draft, Origin};

use super::use_draft_ctx;

/// Where a new draft comes from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum From {
    Scratch,
    InUse,
    List,
}

#[component]
pub fn Start() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_draft_ctx();
    let build = use_build_ctx();
    let state = use_app_state();
    // The start waiting for "replace the draft?"
    let asking: RwSignal<Option<From>> = RwSignal::new(None);
    let has_list = move || build.import.with(|i| matches!(i, Some(Ok(_))));
    let make = move |from: From| -> Option<Draft> {
        match from {
            From::Scratch => Some(Draft::from_scratch()),
            From::InUse => match state.dataset.get_untracked() {
                DatasetLoad::Ready(ds) => Draft::from_dataset_json(&ds.dataset().to_json()).ok(),
                _ => None,
            },
            From::List => build
                .import
                .get_untracked()
                .and_then(Result::ok)
                .map(|i| Draft::from_list(&i, &build.name.get_untracked())),
        }
    };
    let start = move |from: From| {
        if ctx.started.get_untracked() && asking.get_untracked() != Some(from) {
            asking.set(Some(from));
            return;
        }
        asking.set(None);
        if let Some(d) = make(from) {
            ctx.replace(d);
        }
    };
    let take_list = move |_| {
        if let Some(i) = build.import.get_untracked().and_then(Result::ok) {
            ctx.edit(|d| d.take_list(&i, &build.name.get_untracked()));
            ctx.generation.update(|g| *g += 1);
        }
    };
    let origin = Memo::new(move |_| ctx.with_draft(|d| Some(d.origin.clone())));
    let origin_text = move || {
        origin.get().map(|o| match o {
            Origin::Scratch => t!(i18n, draft_origin_scratch).into_any(),
            Origin::List { source } => t!(i18n, draft_origin_list, source = source).into_any(),
            Origin::Dataset { pool } => t!(i18n, draft_origin_dataset, pool = pool).into_any(),
        })
    };
    view! {
        <div class="draft-start" role="group" aria-label=move || crate::i18n::t_string!(i18n, draft_start_label)>
            <button type="button" data-testid="draft-scratch" on:click=move |_| start(From::Scratch)>{t!(i18n, draft_scratch)}</button>
            <button type="button" data-testid="draft-in-use" on:click=move |_| start(From::InUse)>{t!(i18n, draft_in_use)}</button>
            <button type="button" data-testid="draft-from-list" disabled=move || !has_list() on:click=move |_| start(From::List)>{t!(i18n, draft_from_list)}</button>
            <Show when=move || ctx.started.get() && has_list()>
                <button type="button" data-testid="draft-take-list" on:click=take_list>{t!(i18n, draft_take_list)}</button>
            </Show>
        </div>
        {move || asking.get().map(|from| view! {
            <p role="alert" class="draft-confirm" data-testid="draft-confirm">
                {t!(i18n, draft_replace_question)}
                " "
                <button type="button" data-testid="draft-confirm-replace" on:click=move |_| start(from)>{t!(i18n, draft_replace)}</button>
                <button type="button" data-testid="draft-confirm-keep" on:click=move |_| asking.set(None)>{t!(i18n, draft_keep)}</button>
            </p>
        })}
        <p data-testid="draft-origin">{origin_text}</p>
    }
}
