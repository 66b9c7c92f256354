//! What went wrong with saved data this visit (see `crate::browser::storage`): data that
//! could not be read is said to be kept aside, with a download of the kept copy; a save the
//! browser refused is said too.

use crate::browser::files::download;
use crate::browser::storage::{self, Problem, Trouble, keys};
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;

#[component]
pub fn StorageNotice() -> impl IntoView {
    let i18n = use_i18n();
    let problems = storage::problems();
    let shown = problems.clone();
    let dismiss = problems.clone();
    let list = move || {
        shown
            .get()
            .into_iter()
            .map(|p| view! { <ProblemLine problem=p /> })
            .collect_view()
    };
    view! {
        <Show when=move || !problems.with(Vec::is_empty)>
            <section class="storage-notice" role="alert" data-testid="storage-notice">
                <h2>{t!(i18n, storage_title)}</h2>
                <ul>{list.clone()}</ul>
                <button
                    type="button"
                    data-testid="storage-dismiss"
                    on:click={
                        let dismiss = dismiss.clone();
                        move |_| dismiss.set(Vec::new())
                    }
                >
                    {t!(i18n, storage_dismiss)}
                </button>
            </section>
        </Show>
    }
}

#[component]
fn ProblemLine(problem: Problem) -> impl IntoView {
    let i18n = use_i18n();
    let what = what_of(&problem.key);
    let (text, backup): (AnyView, Option<String>) = match problem.trouble.clone() {
        Trouble::Damaged { backup } => (
            t!(i18n, storage_damaged, what = what.clone()).into_any(),
            backup,
        ),
        Trouble::Newer { version, backup } => (
            t!(i18n, storage_newer, what = what.clone(), version = version).into_any(),
            backup,
        ),
        Trouble::Refused => (
            t!(i18n, storage_refused, what = what.clone()).into_any(),
            None,
        ),
    };
    // Kept aside, unless it was damaged or newer and even the copy failed.
    let lost_copy = !matches!(problem.trouble, Trouble::Refused) && backup.is_none();
    let save = backup.map(|key| {
        let name = format!("poolcalc-kept-{}.json", file_safe(&problem.key));
        view! {
            <button
                type="button"
                data-testid="storage-download"
                on:click=move |_| {
                    if let Some(text) = storage::raw(&key) {
                        download(&name, "application/json", &text);
                    }
                }
            >
                {t!(i18n, storage_download)}
            </button>
        }
    });
    view! {
        <li data-testid="storage-problem" data-key=problem.key.clone()>
            {text}
            {lost_copy.then(|| view! { " " {t!(i18n, storage_not_kept)} })}
            " "
            {save}
        </li>
    }
}

/// What a key holds, in the UI language.
fn what_of(key: &str) -> String {
    let i18n = use_i18n();
    if key.starts_with(&keys::fees("")) {
        t_string!(i18n, storage_what_fees)
    } else if key.starts_with(&keys::shares("")) {
        t_string!(i18n, storage_what_shares)
    } else if key.starts_with(keys::SCENARIOS) {
        t_string!(i18n, storage_what_scenario)
    } else if key.starts_with(keys::SCENARIO_CHOICES) {
        t_string!(i18n, storage_what_choice)
    } else if key == keys::LANG {
        t_string!(i18n, storage_what_language)
    } else if key == keys::URL_DRAFT {
        t_string!(i18n, storage_what_draft)
    } else {
        t_string!(i18n, storage_what_dataset)
    }
    .to_owned()
}

/// A key as part of a file name: letters, digits, `-` and `.` only.
fn file_safe(key: &str) -> String {
    key.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect()
}
