//! Sharing and replacing the stack: a link for stacks of bundled pools, and a question before
//! an example, a file or a link replaces the stack being worked on (it is kept in this
//! browser only, so replacing it unasked would lose it).

use leptos::prelude::*;
use poolcalc_engine::stack::Stack;
use poolcalc_engine::stack::share_link::{embedded_licences, encode_stack_share};

use crate::browser::files::download;
use crate::browser::share;
use crate::i18n::{t, use_i18n};

/// The fragment a stack link carries its stack in.
pub const SHARE_MARK: &str = "#stack=";

/// Puts `new` in use at once when nothing would be lost (no stack yet, or the same one);
/// else keeps it in `pending` until the person answers.
pub fn offer(stack: RwSignal<Option<Stack>>, pending: RwSignal<Option<Stack>>, new: Stack) {
    let same_or_none = stack.with_untracked(|s| s.as_ref().is_none_or(|s| *s == new));
    if same_or_none {
        stack.set(Some(new));
    } else {
        pending.set(Some(new));
    }
}

/// The question before replacing: replace, keep, or download the current stack first.
#[component]
pub fn ReplaceBar(
    stack: RwSignal<Option<Stack>>,
    pending: RwSignal<Option<Stack>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let replace = move |_| {
        if let Some(new) = pending.get_untracked() {
            stack.set(Some(new));
        }
        pending.set(None);
    };
    let export_mine = move |_| {
        if let Some(s) = stack.get_untracked() {
            download("stack.json", "application/json", &s.to_json());
        }
    };
    move || {
        pending.with(Option::is_some).then(|| {
            view! {
                <div class="stack-replace" role="alertdialog" aria-labelledby="stack-replace-q" data-testid="stack-replace">
                    <p id="stack-replace-q">{t!(i18n, stack_replace_question)}</p>
                    <button type="button" data-testid="stack-replace-yes" on:click=replace>{t!(i18n, stack_replace_yes)}</button>
                    <button type="button" data-testid="stack-replace-no" on:click=move |_| pending.set(None)>{t!(i18n, stack_replace_no)}</button>
                    <button type="button" data-testid="stack-replace-export" on:click=export_mine>{t!(i18n, stack_export)}</button>
                </div>
            }
        })
    }
}

/// A share link for the stack, or why this stack travels as a file only.
#[component]
pub fn ShareBox(stack: RwSignal<Option<Stack>>) -> impl IntoView {
    let i18n = use_i18n();
    // What the last press of the button gave: a link, or the licences that embed a pool.
    let made = RwSignal::new(None::<Result<String, String>>);
    Effect::new(move |_| {
        stack.track();
        made.set(None);
    });
    let make = move |_| {
        made.set(stack.with_untracked(|s| {
            s.as_ref().map(|s| match encode_stack_share(s) {
                Some(code) => Ok(share::link(SHARE_MARK, &code)),
                None => Err(embedded_licences(s).join(", ")),
            })
        }));
    };
    view! {
        <button type="button" data-testid="stack-share" on:click=make>{t!(i18n, stack_share)}</button>
        {move || made.get().map(|m| match m {
            Ok(link) => view! {
                <label class="stack-share-link">{t!(i18n, stack_share_label)}
                    <input data-testid="stack-share-link" readonly prop:value=link />
                </label>
            }.into_any(),
            Err(licences) => view! {
                <p role="status" data-testid="stack-share-embedded">{t!(i18n, stack_share_embedded, licences = licences)}</p>
            }.into_any(),
        })}
    }
}
