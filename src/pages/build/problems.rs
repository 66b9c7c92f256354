//! The rows that cannot be used, one block per reason: what is wrong, how many, their lines,
//! and the choice for all of them (leave out, a value, or for conflicts latest/earliest/first).

use super::texts::{choice_text, reason_text};
use super::use_build_ctx;
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;
use poolcalc_studio::Reason;
use poolcalc_studio::build_page::{ReasonRow, reason_rows, set_choice};
use poolcalc_views::format::group_digits;

/// Lines shown per reason before "and N more".
const SHOWN_LINES: usize = 10;

#[component]
pub fn Problems() -> impl IntoView {
    let i18n = use_i18n();
    let build = use_build_ctx();
    let rows = move || match build.import.get() {
        Some(Ok(i)) => build.options.with(|o| reason_rows(&i, o)),
        _ => Vec::new(),
    };
    view! {
        <section aria-labelledby="build-problems-title">
            <h2 id="build-problems-title">{t!(i18n, build_problems_title)}</h2>
            <Show when=move || rows().is_empty()>
                <p data-testid="build-no-problems">{t!(i18n, build_no_problems)}</p>
            </Show>
            {move || rows().into_iter().map(|r| view! { <ReasonBlock row=r /> }).collect_view()}
        </section>
    }
}

/// One reason with its choice.
#[component]
fn ReasonBlock(row: ReasonRow) -> impl IntoView {
    let i18n = use_i18n();
    let build = use_build_ctx();
    let reason: Reason = row.reason;
    let name = reason.name();
    let choice = RwSignal::new(row.choice.to_owned());
    let value = RwSignal::new(row.value.clone());
    let error = RwSignal::new(None::<String>);
    // The choice is taken only when it fits, so a value being typed stays on its field with
    // its message; an empty value is not yet a choice.
    let apply = move || {
        let (c, v) = (choice.get_untracked(), value.get_untracked());
        if c == "value" && v.trim().is_empty() {
            error.set(None);
            return;
        }
        let mut options = build.options.get_untracked();
        match set_choice(&mut options, reason, &c, &v) {
            Ok(()) => {
                error.set(None);
                build.options.set(options);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let lines: Vec<String> = row
        .listed
        .iter()
        .take(SHOWN_LINES)
        .map(|p| format!("{} {}: {}", t_string!(i18n, import_line), p.line, p.value))
        .collect();
    let more = row.count.saturating_sub(lines.len());
    let choice_id = format!("build-choice-{name}");
    let value_id = format!("build-value-{name}");
    let error_id = format!("build-error-{name}");
    let described_by = error_id.clone();
    view! {
        <div class="build-reason" data-testid=format!("build-reason-{name}")>
            <h3>{reason_text(i18n, reason)}" — "<span data-testid=format!("build-count-{name}")>{group_digits(row.count as u64)}</span></h3>
            <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            {(more > 0).then(|| view! { <p>{t!(i18n, build_and_more, count = group_digits(more as u64))}</p> })}
            <label for=choice_id.clone()>{t!(i18n, build_choice_label)}</label>
            <select id=choice_id.clone() data-testid=choice_id
                on:change=move |ev| { choice.set(event_target_value(&ev)); apply(); }>
                {row.choices.iter().map(|c| view! {
                    <option value=*c selected=*c == row.choice>{choice_text(i18n, c)}</option>
                }).collect_view()}
            </select>
            <Show when=move || choice.get() == "value">
                <label for=value_id.clone()>{t!(i18n, build_value_label)}</label>
                <input id=value_id.clone() type="text" data-testid=value_id.clone()
                    aria-describedby=described_by.clone()
                    prop:value=move || value.get()
                    on:change=move |ev| { value.set(event_target_value(&ev)); apply(); } />
            </Show>
            <p id=error_id.clone() class="problem" role="alert" data-testid=error_id>{move || error.get()}</p>
        </div>
    }
}
