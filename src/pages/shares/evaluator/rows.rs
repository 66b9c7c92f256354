//! The candidate's patents: the editable rows, their import from CSV (a file or pasted text,
//! with Undo) and their export.

use leptos::prelude::*;
use leptos::task::spawn_local;
use poolcalc_views::candidate_csv::{
    CandidateRow, RowProblem, read_candidate_csv, row_problems, write_candidate_csv,
};
use wasm_bindgen::JsCast;

use crate::browser::files::{chosen_file_text, download};
use crate::i18n::labels::csv_import_report;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::shares::use_shares_ctx;

/// Form rows shown at once; a large import is kept whole but only its start is editable here.
const ROWS_SHOWN: usize = 25;

/// The rows table and what acts on all the rows.
#[component]
pub fn CandidateRows() -> impl IntoView {
    let i18n = use_i18n();
    let text = use_shares_ctx().text;
    let rows_len = Memo::new(move |_| text.with(|t| t.candidate_rows.len()));
    let add_row = move |_| text.update(|t| t.candidate_rows.push(CandidateRow::default()));
    let import_messages = RwSignal::new(Vec::<String>::new());
    // The rows as they were before the last import, for Undo.
    let before_import = RwSignal::new(None::<Vec<CandidateRow>>);
    let take_csv = move |csv: String| {
        let (rows, issues) = read_candidate_csv(&csv);
        let out = csv_import_report(
            i18n,
            format!("{} {}", t_string!(i18n, shares_import_done), rows.len()),
            &issues,
        );
        if !rows.is_empty() {
            // Added after the rows already typed (blank ones dropped), never over them.
            before_import.set(Some(text.with_untracked(|t| t.candidate_rows.clone())));
            text.update(|t| {
                t.candidate_rows.retain(|r| *r != CandidateRow::default());
                t.candidate_rows.extend(rows);
            });
        }
        import_messages.set(out);
    };
    let undo_import = move |_| {
        if let Some(rows) = before_import.get_untracked() {
            text.update(|t| t.candidate_rows = rows);
            before_import.set(None);
            import_messages.set(vec![t_string!(i18n, import_undone).to_owned()]);
        }
    };
    let import_file = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        spawn_local(async move {
            match chosen_file_text(input).await {
                Some(csv) => take_csv(csv),
                None => {
                    import_messages.set(vec![t_string!(i18n, shares_import_unreadable).to_owned()])
                }
            }
        });
    };
    let pasted = RwSignal::new(String::new());
    let import_pasted = move |_| take_csv(pasted.get_untracked());
    let export_rows = move |_| {
        let csv = text.with_untracked(|t| write_candidate_csv(&t.candidate_rows));
        download("candidate-patents.csv", "text/csv", &csv);
    };
    let row_views = move || {
        let shown = rows_len.get().min(ROWS_SHOWN);
        (0..shown).map(|i| view! { <RowEditor i /> }).collect_view()
    };
    let more = move || {
        let n = rows_len.get();
        (n > ROWS_SHOWN).then(|| {
            view! { <p class="shares-hint" data-testid="shares-rows-hidden">{format!("{} {}", n - ROWS_SHOWN, t_string!(i18n, shares_rows_hidden))}</p> }
        })
    };
    view! {
        <div class="shares-table-wrap" tabindex="0" role="region" aria-labelledby="shares-rows-caption">
            <table class="shares-table shares-rows" data-testid="shares-candidate-rows">
                <caption id="shares-rows-caption">{t!(i18n, shares_rows_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">"#"</th>
                        <th scope="col">{t!(i18n, shares_col_number)}</th>
                        <th scope="col">{t!(i18n, shares_col_country)}</th>
                        <th scope="col">{t!(i18n, shares_col_family)}</th>
                        <th scope="col">{t!(i18n, shares_col_granted)}</th>
                        <th scope="col">{t!(i18n, shares_col_expires)}</th>
                        <th scope="col">{t!(i18n, shares_col_weight)}</th>
                        <th scope="col"><span class="visually-hidden">{t!(i18n, shares_remove_row)}</span></th>
                    </tr>
                </thead>
                <tbody>{row_views}</tbody>
            </table>
        </div>
        {more}
        <div class="shares-actions">
            <button type="button" data-testid="shares-add-row" on:click=add_row>{t!(i18n, shares_add_row)}</button>
            <button type="button" data-testid="shares-export-rows" on:click=export_rows>{t!(i18n, shares_export_rows)}</button>
        </div>
        <div class="shares-grid">
            <div>
                <label for="shares-import-file">{t!(i18n, shares_import_file)}</label>
                <input id="shares-import-file" data-testid="shares-import-file" type="file" accept=".csv,text/csv" on:change=import_file />
            </div>
            <div>
                <label for="shares-import-text">{t!(i18n, shares_import_text)}</label>
                <textarea id="shares-import-text" data-testid="shares-import-text" rows="3"
                    aria-describedby="shares-import-text-hint"
                    prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                <span class="shares-hint" id="shares-import-text-hint">{t!(i18n, shares_import_hint)}</span>
                <button type="button" data-testid="shares-import-button" on:click=import_pasted>{t!(i18n, shares_import_button)}</button>
            </div>
        </div>
        <Show when=move || before_import.with(Option::is_some)>
            <button type="button" data-testid="shares-import-undo" on:click=undo_import>{t!(i18n, import_undo)}</button>
        </Show>
        <ul class="shares-messages" role="status" data-testid="shares-import-messages">
            {move || import_messages.get().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
        </ul>
    }
}

/// One editable candidate row, its problems shown on it.
#[component]
fn RowEditor(i: usize) -> impl IntoView {
    let i18n = use_i18n();
    let text = use_shares_ctx().text;
    let row =
        Memo::new(move |_| text.with(|t| t.candidate_rows.get(i).cloned().unwrap_or_default()));
    let problems = Memo::new(move |_| {
        let r = row.get();
        let blank = [
            &r.number, &r.country, &r.family, &r.granted, &r.expires, &r.weight,
        ]
        .iter()
        .all(|f| f.trim().is_empty());
        if blank { Vec::new() } else { row_problems(&r) }
    });
    let cell = move |name: &'static str,
                     get: fn(&CandidateRow) -> String,
                     set: fn(&mut CandidateRow, String),
                     bad: &'static [RowProblem]| {
        let id = format!("shares-row-{i}-{name}");
        view! {
            <td>
                <input
                    id=id.clone()
                    data-testid=id
                    type="text"
                    aria-label=move || format!("{} {}", column_label(name), i + 1)
                    prop:value=move || row.with(get)
                    aria-invalid=move || problems.with(|ps| ps.iter().any(|p| bad.contains(p))).then_some("true")
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        text.update(|t| {
                            if let Some(r) = t.candidate_rows.get_mut(i) {
                                set(r, v);
                            }
                        });
                    }
                />
            </td>
        }
    };
    let remove = move |_| {
        text.update(|t| {
            if i < t.candidate_rows.len() {
                t.candidate_rows.remove(i);
            }
        })
    };
    view! {
        <tr>
            <th scope="row">{i + 1}</th>
            {cell("number", |r| r.number.clone(), |r, v| r.number = v, &[RowProblem::Number])}
            {cell("country", |r| r.country.clone(), |r, v| r.country = v, &[RowProblem::Country])}
            {cell("family", |r| r.family.clone(), |r, v| r.family = v, &[])}
            {cell("granted", |r| r.granted.clone(), |r, v| r.granted = v, &[RowProblem::Granted, RowProblem::ExpiresBeforeGranted])}
            {cell("expires", |r| r.expires.clone(), |r, v| r.expires = v, &[RowProblem::Expires, RowProblem::ExpiresBeforeGranted])}
            {cell("weight", |r| r.weight.clone(), |r, v| r.weight = v, &[RowProblem::Weight])}
            <td>
                <button type="button" data-testid=format!("shares-row-{i}-remove") on:click=remove
                    aria-label=move || format!("{} {}", t_string!(i18n, shares_remove_row), i + 1)>"×"</button>
            </td>
        </tr>
        {move || {
            let ps = problems.get();
            (!ps.is_empty()).then(|| view! {
                <tr class="shares-row-problems">
                    <td colspan="8" data-testid=format!("shares-row-{i}-problems")>
                        {ps.into_iter().map(problem_text).collect::<Vec<_>>().join(" · ")}
                    </td>
                </tr>
            })
        }}
    }
}

fn problem_text(p: RowProblem) -> String {
    let i18n = use_i18n();
    match p {
        RowProblem::Number => t_string!(i18n, shares_row_number_missing),
        RowProblem::Country => t_string!(i18n, shares_row_country_bad),
        RowProblem::Granted => t_string!(i18n, shares_row_granted_bad),
        RowProblem::Expires => t_string!(i18n, shares_row_expires_bad),
        RowProblem::ExpiresBeforeGranted => t_string!(i18n, shares_row_expires_order),
        RowProblem::Weight => t_string!(i18n, shares_row_weight_bad),
    }
    .to_owned()
}

fn column_label(name: &str) -> String {
    let i18n = use_i18n();
    match name {
        "number" => t_string!(i18n, shares_col_number),
        "country" => t_string!(i18n, shares_col_country),
        "family" => t_string!(i18n, shares_col_family),
        "granted" => t_string!(i18n, shares_col_granted),
        "expires" => t_string!(i18n, shares_col_expires),
        _ => t_string!(i18n, shares_col_weight),
    }
    .to_owned()
}
