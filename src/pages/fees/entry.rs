//! The input side: licensee, signing date, growth fill, the sales table, import and export.

use super::sales_table::{Pages, SalesTable};
use super::{problem_text, use_calc};
use crate::browser::files::{chosen_file, download};
use crate::i18n::labels::csv_import_report;
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;
use leptos::task::spawn_local;
use poolcalc_engine::fees::csv::write_fees_csv;
use poolcalc_engine::io::usage_csv::{read_sales_csv, write_sales_csv};
use poolcalc_engine::load_usage;
use poolcalc_views::fee_form::{
    FeeFormText, FieldProblem, SaleRowText, form_from_usage, rows_from_years,
};
use wasm_bindgen::JsCast;

/// A labelled setting with its problem shown on it.
#[component]
fn Setting(
    id: &'static str,
    label: Signal<String>,
    value: RwSignal<String>,
    problem: Signal<Option<FieldProblem>>,
    #[prop(optional)] hint: Option<Signal<String>>,
    #[prop(default = "text")] inputmode: &'static str,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = {
        let (e, h) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(h.clone());
            }
            if problem.get().is_some() {
                ids.push(e.clone());
            }
            ids.join(" ")
        }
    };
    view! {
        <div class="fees-setting">
            <label for=id>{label}</label>
            <input
                id=id
                data-testid=id
                type="text"
                inputmode=inputmode
                prop:value=move || value.get()
                aria-invalid=move || problem.get().is_some().then_some("true")
                aria-describedby=described
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {hint.map(|h| view! { <span class="fees-hint" id=hint_id>{h}</span> })}
            {move || {
                problem
                    .get()
                    .map(|p| {
                        view! {
                            <span class="fees-field-error" id=error_id.clone() data-testid=format!("{id}-error")>
                                {problem_text(p)}
                            </span>
                        }
                    })
            }}
        </div>
    }
}

#[component]
pub fn Entry() -> impl IntoView {
    let i18n = use_i18n();
    let calc = use_calc();
    let form = calc.form;
    let outcome = calc.outcome;

    let pages = Pages::new();
    provide_context(pages);
    let messages = RwSignal::new(Vec::<String>::new());
    // The form as it was before the last import, for Undo.
    let before_import = RwSignal::new(None::<FeeFormText>);
    let import = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        spawn_local(async move {
            let Some((name, text)) = chosen_file(input).await else {
                messages.set(vec![t_string!(i18n, fees_import_unreadable).to_owned()]);
                return;
            };
            let is_csv =
                name.to_ascii_lowercase().ends_with(".csv") || !text.trim_start().starts_with('{');
            if is_csv {
                let (years, issues) = read_sales_csv(&text);
                let rows = rows_from_years(&years);
                let out = csv_import_report(
                    i18n,
                    format!(
                        "{} {}: {}",
                        t_string!(i18n, fees_import_csv_done),
                        name,
                        rows.len()
                    ),
                    &issues,
                );
                if !rows.is_empty() {
                    // Added after the rows already typed (blank ones dropped), never over them.
                    let before = form.snapshot_untracked();
                    let mut now = before.clone();
                    now.rows.retain(|r| *r != SaleRowText::default());
                    let first_new = now.rows.len();
                    now.rows.extend(rows);
                    form.replace(now);
                    before_import.set(Some(before));
                    pages.show_row(first_new);
                }
                messages.set(out);
            } else {
                match load_usage(&text) {
                    Ok(usage) => {
                        let l = crate::i18n::language::code(i18n.get_locale_untracked());
                        before_import.set(Some(form.snapshot_untracked()));
                        form.replace(form_from_usage(&usage, l));
                        pages.show_row(0);
                        messages.set(vec![format!(
                            "{} {name}",
                            t_string!(i18n, fees_import_json_done)
                        )]);
                    }
                    Err(issues) => {
                        let mut out = vec![t_string!(i18n, fees_import_json_failed).to_owned()];
                        out.extend(issues.iter().map(ToString::to_string));
                        messages.set(out);
                    }
                }
            }
        });
    };

    let undo_import = move |_| {
        if let Some(before) = before_import.get_untracked() {
            form.replace(before);
            before_import.set(None);
            pages.show_row(0);
            messages.set(vec![t_string!(i18n, import_undone).to_owned()]);
        }
    };
    let export_json = move |_| {
        let o = outcome.get_untracked().0;
        download("usage.json", "application/json", &o.usage.to_json());
    };
    let export_sales_csv = move |_| {
        let o = outcome.get_untracked().0;
        download("sales.csv", "text/csv", &write_sales_csv(&o.usage.years));
    };
    let export_fees_csv = move |_| {
        let o = outcome.get_untracked().0;
        if let Ok(r) = &o.report {
            download("fees.csv", "text/csv", &write_fees_csv(r));
        }
    };
    let print = move |_| {
        let _ = window().print();
    };

    let o_signed = Signal::derive(move || outcome.with(|o| o.0.signed));
    let o_growth = Signal::derive(move || outcome.with(|o| o.0.growth));
    let o_fill = Signal::derive(move || outcome.with(|o| o.0.fill_to));
    let no_problem = Signal::derive(|| None);

    view! {
        <section class="fees-entry" aria-labelledby="fees-entry-title">
            <h2 id="fees-entry-title">{t!(i18n, fees_entry_title)}</h2>
            <div class="fees-settings">
                <Setting
                    id="fees-licensee"
                    label=Signal::derive(move || t_string!(i18n, fees_licensee).to_owned())
                    value=form.licensee
                    problem=no_problem
                />
                <Setting
                    id="fees-signed"
                    label=Signal::derive(move || t_string!(i18n, fees_signed).to_owned())
                    value=form.signed
                    problem=o_signed
                    hint=Signal::derive(move || t_string!(i18n, fees_signed_hint).to_owned())
                />
                <Setting
                    id="fees-fill-to"
                    label=Signal::derive(move || t_string!(i18n, fees_fill_to).to_owned())
                    value=form.fill_to
                    problem=o_fill
                    inputmode="numeric"
                    hint=Signal::derive(move || t_string!(i18n, fees_fill_to_hint).to_owned())
                />
                <Setting
                    id="fees-growth"
                    label=Signal::derive(move || t_string!(i18n, fees_growth).to_owned())
                    value=form.growth
                    problem=o_growth
                    inputmode="decimal"
                />
            </div>

            <SalesTable />

            <div class="fees-files">
                <label for="fees-import">{t!(i18n, fees_import)}</label>
                <input
                    id="fees-import"
                    data-testid="fees-import"
                    type="file"
                    accept=".json,.csv,application/json,text/csv"
                    on:change=import
                />
                <Show when=move || before_import.with(Option::is_some)>
                    <button type="button" data-testid="fees-import-undo" on:click=undo_import>
                        {t!(i18n, import_undo)}
                    </button>
                </Show>
                <ul class="fees-messages" role="status" data-testid="fees-import-messages">
                    {move || {
                        messages
                            .get()
                            .into_iter()
                            .map(|m| view! { <li>{m}</li> })
                            .collect_view()
                    }}
                </ul>
                <div class="fees-actions">
                    <button type="button" data-testid="fees-export-json" on:click=export_json>
                        {t!(i18n, fees_export_json)}
                    </button>
                    <button type="button" data-testid="fees-export-sales-csv" on:click=export_sales_csv>
                        {t!(i18n, fees_export_sales_csv)}
                    </button>
                    <button type="button" data-testid="fees-export-fees-csv" on:click=export_fees_csv>
                        {t!(i18n, fees_export_fees_csv)}
                    </button>
                    <button type="button" data-testid="fees-print" on:click=print>
                        {t!(i18n, fees_print)}
                    </button>
                </div>
            </div>
        </section>
    }
}
