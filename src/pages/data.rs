//! The Data page: choose a bundled dataset, open a file, load from a URL, download the
//! dataset in use and its schema.

mod url_form;

use crate::browser::files::download;
use crate::i18n::language;
use crate::i18n::{t, t_string, use_i18n};
use crate::state::catalog::text_in;
use crate::state::download::IDLE_MS;
use crate::state::loader::{
    Notice, Problem, Source, Stage, describe_source, load_bundled, load_file, use_loader,
};
use crate::state::{DatasetLoad, use_app_state};
use leptos::prelude::*;
use poolcalc_engine::Phase;
use poolcalc_views::format::group_digits;
use wasm_bindgen::JsCast;

#[component]
pub fn DataPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 data-testid="page-title">{t!(i18n, nav_data)}</h1>
        <LoadStatus />
        <InUse />
        <Bundled />
        <OpenFile />
        <url_form::OpenUrl />
    }
}

/// Progress of the running load, the last load's problem and notices.
#[component]
fn LoadStatus() -> impl IntoView {
    let i18n = use_i18n();
    let loader = use_loader();
    let progress = move || {
        loader.stage.get().map(|stage| {
            let (label, value, max, kind) = match stage {
                Stage::Reading { done, total } => (
                    match total {
                        Some(total) => t!(
                            i18n,
                            data_stage_reading_of,
                            done = group_digits(done as u64),
                            total = group_digits(total as u64)
                        )
                        .into_any(),
                        None => t!(i18n, data_stage_reading).into_any(),
                    },
                    total.map(|_| done),
                    total,
                    "bytes",
                ),
                Stage::Engine { phase, percent } => {
                    let (label, kind) = match phase {
                        Phase::Reading => (
                            t!(i18n, data_stage_parsing, percent = percent).into_any(),
                            "reading",
                        ),
                        Phase::Validating => (
                            t!(i18n, data_stage_checking, percent = percent).into_any(),
                            "validating",
                        ),
                        Phase::Indexing | Phase::Done => (
                            t!(i18n, data_stage_indexing, percent = percent).into_any(),
                            "indexing",
                        ),
                    };
                    (label, Some(f64::from(percent)), Some(100.0), kind)
                }
            };
            view! {
                <div class="data-progress" data-testid="data-progress">
                    <progress
                        data-testid="data-progress-bar"
                        data-stage=kind
                        aria-label=t_string!(i18n, data_progress_label)
                        value=value.map(|v| v.to_string())
                        max=max.map(|v| v.to_string())
                    ></progress>
                    <span>{label}</span>
                    " "
                    <button
                        type="button"
                        data-testid="data-cancel"
                        on:click=move |_| crate::state::download::cancel()
                    >
                        {t!(i18n, data_cancel)}
                    </button>
                </div>
            }
        })
    };
    let problem = move || {
        loader
            .problem
            .get()
            .map(|p| view! { <ProblemPanel problem=p /> })
    };
    let notice = move || {
        loader.notice.get().map(|n| {
            let text = match n {
                Notice::TooBigToRemember => t!(i18n, data_notice_too_big).into_any(),
                Notice::RememberedFailed(what) => {
                    t!(i18n, data_notice_remembered_failed, what = what).into_any()
                }
                Notice::FromUrl { url, copy } => {
                    view! { <url_form::FromUrl url copy /> }.into_any()
                }
            };
            view! { <p class="data-notice" role="status" data-testid="data-notice">{text}</p> }
        })
    };
    view! {
        <div aria-live="polite">{progress}</div>
        {notice}
        {problem}
    }
}

#[component]
fn ProblemPanel(problem: Problem) -> impl IntoView {
    let i18n = use_i18n();
    let (lead, list) = match problem {
        Problem::Invalid(issues) => (
            t!(i18n, data_invalid, count = issues.len()).into_any(),
            // One text node: a list of 10,000 problems stays cheap, and dataset text is
            // never parsed as HTML.
            Some(issues.join("\n")),
        ),
        Problem::Unreachable(detail) => {
            (t!(i18n, data_unreachable, detail = detail).into_any(), None)
        }
        Problem::Http(status) => (t!(i18n, data_http, status = status).into_any(), None),
        Problem::BadUrl => (t!(i18n, data_bad_url).into_any(), None),
        Problem::NotText => (t!(i18n, data_not_text).into_any(), None),
        Problem::Unreadable(detail) => {
            (t!(i18n, data_unreadable, detail = detail).into_any(), None)
        }
        Problem::Catalog(detail) => (detail.into_any(), None),
        Problem::TooLarge => (
            t!(i18n, data_too_large, mb = crate::state::download::MAX_MB).into_any(),
            None,
        ),
        Problem::TimedOut => (
            t!(i18n, data_timed_out, seconds = IDLE_MS / 1000).into_any(),
            None,
        ),
        Problem::Cancelled => (t!(i18n, data_cancelled).into_any(), None),
        Problem::CheckerUnavailable => (t!(i18n, data_checker_unavailable).into_any(), None),
    };
    view! {
        <section class="data-problem" role="alert" data-testid="data-problem">
            <h2>{t!(i18n, data_problem_title)}</h2>
            <p data-testid="data-problem-lead">{lead}</p>
            {list.map(|text| view! { <pre class="data-issues" data-testid="data-errors">{text}</pre> })}
            <p>{t!(i18n, data_kept)}</p>
        </section>
    }
}

/// The dataset in use, with its downloads.
#[component]
fn InUse() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let loader = use_loader();
    let body = move || match state.dataset.get() {
        DatasetLoad::Ready(ds) => {
            let lang = language::code(i18n.get_locale());
            let name = ds.pool_name(lang).to_owned();
            let from = loader.source.get().map(|s| {
                let what = describe_source(&s);
                match s {
                    Source::Bundled(_) => t!(i18n, data_from_bundled, what = what).into_any(),
                    Source::Url(_) => t!(i18n, data_from_url, what = what).into_any(),
                    Source::File(_) => t!(i18n, data_from_file, what = what).into_any(),
                }
            });
            let counts = t!(
                i18n,
                data_in_use_counts,
                members = group_digits(ds.dataset().members.len() as u64),
                patents = group_digits(ds.dataset().patents.len() as u64)
            );
            let file_name = format!("{}.json", ds.dataset().pool.id);
            let ds2 = ds.clone();
            let save = move |_| download(&file_name, "application/json", &ds2.dataset().to_json());
            Some(view! {
                <p>
                    <strong data-testid="data-in-use">{name}</strong>
                    " "
                    <span data-testid="data-in-use-from">{from}</span>
                </p>
                <p>{counts}</p>
                <p class="data-actions">
                    <button type="button" data-testid="data-download" on:click=save>
                        {t!(i18n, data_download)}
                    </button>
                    <a
                        class="button-link"
                        href="/schema/pool-dataset-v1.schema.json"
                        download="pool-dataset-v1.schema.json"
                        data-testid="data-schema"
                    >
                        {t!(i18n, data_schema)}
                    </a>
                </p>
            })
        }
        _ => None,
    };
    view! {
        <section class="data-section" aria-labelledby="data-in-use-title">
            <h2 id="data-in-use-title">{t!(i18n, data_in_use_title)}</h2>
            {body}
        </section>
    }
}

/// Buttons for the catalog's datasets.
#[component]
fn Bundled() -> impl IntoView {
    let i18n = use_i18n();
    let loader = use_loader();
    let state = use_app_state();
    let busy = move || loader.stage.get().is_some();
    let in_use = move || match (state.dataset.get(), loader.source.get()) {
        (DatasetLoad::Ready(_), Some(Source::Bundled(id))) => Some(id),
        _ => None,
    };
    let list = move || {
        let lang = language::code(i18n.get_locale());
        loader
            .catalog
            .get()
            .map(|c| c.datasets)
            .unwrap_or_default()
            .into_iter()
            .map(|entry| {
                let id = entry.id.clone();
                let id_click = entry.id.clone();
                let id_current = entry.id.clone();
                let current = move || in_use().as_deref() == Some(id_current.as_str());
                let name = text_in(&entry.name, lang).to_owned();
                let description = text_in(&entry.description, lang).to_owned();
                view! {
                    <li class="data-bundled-item">
                        <button
                            type="button"
                            data-testid=format!("data-open-{id}")
                            aria-pressed=move || current().to_string()
                            disabled=busy
                            on:click=move |_| load_bundled(id_click.clone())
                        >
                            {name}
                        </button>
                        {(!description.is_empty()).then(|| view! { <p class="data-description">{description}</p> })}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="data-section" aria-labelledby="data-bundled-title">
            <h2 id="data-bundled-title">{t!(i18n, data_bundled_title)}</h2>
            <ul class="data-bundled">{list}</ul>
        </section>
    }
}

/// A file picker and a drop zone.
#[component]
fn OpenFile() -> impl IntoView {
    let i18n = use_i18n();
    let loader = use_loader();
    let dragging = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            load_file(file);
        }
        // The same file can be chosen again after fixing it.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            load_file(file);
        }
    };
    view! {
        <section class="data-section" aria-labelledby="data-file-title">
            <h2 id="data-file-title">{t!(i18n, data_file_title)}</h2>
            <div
                class="data-drop"
                class:dragging=move || dragging.get()
                data-testid="data-drop"
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <label for="data-file">{t!(i18n, data_file_label)}</label>
                <input
                    id="data-file"
                    type="file"
                    accept=".json,application/json"
                    data-testid="data-file"
                    disabled=move || loader.stage.get().is_some()
                    on:change=on_change
                />
                <p class="data-hint">{t!(i18n, data_drop_hint)}</p>
            </div>
        </section>
    }
}
