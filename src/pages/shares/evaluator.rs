//! The join / exit evaluator. Join: a patent holder types or imports its patents and a joining
//! date; the page builds the engine's `AddMember` scenario and shows, year by year, the
//! holder's expected income, income per patent, share of patents against share of income and
//! against a bilateral licence, and what every current member gains or loses. Exit: a member
//! and a date (`RemoveMember`), with the same effects.

use super::{Blocked, BlockedNote, Field, LISTED_MEMBERS, ListedMembers, Shared, lang, use_shares_ctx};
use crate::browser::files::{chosen_file_text, download};
use crate::i18n::labels::csv_import_report;
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;
use leptos::task::spawn_local;
use poolcalc_engine::model::date::Date;
use poolcalc_views::candidate_csv::{
    CandidateRow, RowProblem, candidate_patents, read_candidate_csv, row_problems,
    write_candidate_csv,
};
use poolcalc_views::membership_change::{
    AfterPool, EvaluationYear, candidate_member, evaluate, evaluation_totals,
};
use poolcalc_views::format::{grouped, parse_amount, percent_fixed};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Form rows shown at once; a large import is kept whole but only its start is editable here.
const ROWS_SHOWN: usize = 25;
/// Years evaluated when a single year is chosen.
const DEFAULT_SPAN: i32 = 20;

/// Why an evaluation cannot run.
#[derive(Debug, Clone, PartialEq)]
enum Stop {
    Page(Blocked),
    Date,
    Bilateral,
    Rows(usize),
    NoPatents,
    NoMember,
    /// The engine's own words (a change the dataset cannot take).
    Scenario(Vec<String>),
}

#[derive(Debug, Clone, PartialEq)]
struct Evaluated {
    subject: String,
    years: Shared<Vec<EvaluationYear>>,
    /// Milliseconds the evaluation took (shown for the budget check).
    ms: String,
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The evaluation range: the chosen years, or twenty years from a single chosen one.
fn eval_range(span: Option<(i32, i32)>, offered: (i32, i32)) -> Option<(i32, i32)> {
    span.map(|(a, b)| {
        if a == b {
            (a, (a + DEFAULT_SPAN - 1).min(offered.1))
        } else {
            (a, b)
        }
    })
}

/// What the evaluation compares the pool with.
enum Change {
    Join(
        poolcalc_engine::model::dataset::Member,
        Vec<poolcalc_engine::model::dataset::Patent>,
    ),
    /// A member leaving on a date.
    Exit(String, Date),
}

/// Applies the change and evaluates it over the chosen years.
fn run(
    change: Change,
    subject: &str,
    bilateral: Option<poolcalc_engine::Decimal>,
) -> Result<Evaluated, Stop> {
    let ctx = use_shares_ctx();
    let started = now_ms();
    let rule = ctx.rule.get().map_err(|p| Stop::Page(Blocked::Rule(p)))?;
    let (a, b) = eval_range(ctx.span.get(), ctx.years).ok_or(Stop::Page(Blocked::Years))?;
    let entered = ctx.entered.get();
    let after = match change {
        Change::Join(member, patents) => AfterPool::join(&ctx.pool, member, patents, a..=b),
        Change::Exit(member, from) => AfterPool::leave(&ctx.pool, &member, from, a..=b),
    }
    .map_err(|issues| Stop::Scenario(issues.iter().take(5).map(ToString::to_string).collect()))?;
    let years = ctx
        .with_source(&entered, |source| {
            evaluate(&ctx.pool, &after, a..=b, &rule, source, subject, bilateral)
        })
        .map_err(Stop::Page)?;
    Ok(Evaluated {
        subject: subject.to_owned(),
        years: Shared(Arc::new(years)),
        ms: format!("{:.0}", now_ms() - started),
    })
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

#[component]
fn StopNote(stop: Stop) -> impl IntoView {
    let i18n = use_i18n();
    match stop {
        Stop::Page(b) => view! { <BlockedNote blocked=b /> }.into_any(),
        other => {
            let lines: Vec<String> = match other {
                Stop::Date => vec![t_string!(i18n, shares_problem_date).to_owned()],
                Stop::Bilateral => vec![t_string!(i18n, shares_problem_bilateral).to_owned()],
                Stop::Rows(n) => vec![format!("{} {n}", t_string!(i18n, shares_problem_rows))],
                Stop::NoPatents => vec![t_string!(i18n, shares_problem_no_patents).to_owned()],
                Stop::NoMember => vec![t_string!(i18n, shares_problem_no_member).to_owned()],
                Stop::Scenario(lines) => lines,
                Stop::Page(_) => Vec::new(),
            };
            view! {
                <div class="shares-blocked" role="status" data-testid="shares-eval-blocked">
                    <p>{t!(i18n, shares_eval_blocked)}</p>
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any()
        }
    }
}

#[component]
pub fn Join() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_shares_ctx();
    let text = ctx.text;
    let inputs = Memo::new(move |_| {
        text.with(|t| {
            (
                t.candidate_id.clone(),
                t.candidate_name.clone(),
                t.candidate_country.clone(),
                t.candidate_joined.clone(),
                t.candidate_rows.clone(),
                t.bilateral.clone(),
            )
        })
    });
    let ctx_r = ctx.clone();
    let result = Memo::new(move |_| -> Result<Evaluated, Stop> {
        let (id, name, country, joined, rows, bilateral) = inputs.get();
        let joined = Date::parse(joined.trim()).ok_or(Stop::Date)?;
        let bilateral = if bilateral.trim().is_empty() {
            None
        } else {
            Some(parse_amount(&bilateral).map_err(|_| Stop::Bilateral)?)
        };
        let member = candidate_member(&ctx_r.pool.dataset().members, &id, &name, &country, joined);
        let patents = candidate_patents(&member.id, &rows).map_err(|bad| Stop::Rows(bad.len()))?;
        if patents.is_empty() {
            return Err(Stop::NoPatents);
        }
        let subject = member.id.clone();
        run(Change::Join(member, patents), &subject, bilateral)
    });
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
        <section class="shares-join" aria-labelledby="shares-join-title">
            <h2 id="shares-join-title">{t!(i18n, shares_join_title)}</h2>
            <p class="shares-hint">{t!(i18n, shares_join_hint)}</p>
            <form class="no-print-controls" on:submit=|ev| ev.prevent_default()>
                <div class="shares-grid">
                    <Field id="shares-candidate-id" label=Signal::derive(move || t_string!(i18n, shares_candidate_id).to_owned())
                        get=|t| t.candidate_id.clone() set=|t, v| t.candidate_id = v />
                    <Field id="shares-candidate-name" label=Signal::derive(move || t_string!(i18n, shares_candidate_name).to_owned())
                        get=|t| t.candidate_name.clone() set=|t, v| t.candidate_name = v />
                    <Field id="shares-candidate-country" label=Signal::derive(move || t_string!(i18n, shares_candidate_country).to_owned())
                        get=|t| t.candidate_country.clone() set=|t, v| t.candidate_country = v />
                    <Field id="shares-candidate-joined" label=Signal::derive(move || t_string!(i18n, shares_candidate_joined).to_owned())
                        get=|t| t.candidate_joined.clone() set=|t, v| t.candidate_joined = v
                        hint=Signal::derive(move || t_string!(i18n, shares_date_hint).to_owned()) />
                    <Field id="shares-bilateral" label=Signal::derive(move || t_string!(i18n, shares_bilateral).to_owned())
                        get=|t| t.bilateral.clone() set=|t, v| t.bilateral = v
                        hint=Signal::derive(move || t_string!(i18n, shares_bilateral_hint).to_owned()) />
                </div>
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
            </form>
            <Results result=result.into() join=true />
        </section>
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

#[component]
pub fn Exit() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_shares_ctx();
    let text = ctx.text;
    let inputs = Memo::new(move |_| text.with(|t| (t.exit_member.clone(), t.exit_from.clone())));
    let ctx_r = ctx.clone();
    let result = Memo::new(move |_| -> Result<Evaluated, Stop> {
        let (member, from) = inputs.get();
        if !ctx_r.pool.dataset().members.iter().any(|m| m.id == member) {
            return Err(Stop::NoMember);
        }
        let from = Date::parse(from.trim()).ok_or(Stop::Date)?;
        run(Change::Exit(member.clone(), from), &member, None)
    });
    let options = {
        let ctx = ctx.clone();
        move || inputs.with(|i| ctx.member_options(&i.0, lang()))
    };
    view! {
        <section class="shares-exit" aria-labelledby="shares-exit-title">
            <h2 id="shares-exit-title">{t!(i18n, shares_exit_title)}</h2>
            <p class="shares-hint">{t!(i18n, shares_exit_hint)}</p>
            <form class="shares-grid no-print-controls" on:submit=|ev| ev.prevent_default()>
                <div>
                    <label for="shares-exit-member">{t!(i18n, shares_exit_member)}</label>
                    <select id="shares-exit-member" data-testid="shares-exit-member"
                        on:change=super::set_field(text, |t, v| t.exit_member = v)>
                        {options}
                    </select>
                </div>
                <Field id="shares-exit-from" label=Signal::derive(move || t_string!(i18n, shares_exit_from).to_owned())
                    get=|t| t.exit_from.clone() set=|t, v| t.exit_from = v
                    hint=Signal::derive(move || t_string!(i18n, shares_date_hint).to_owned()) />
            </form>
            <Results result=result.into() join=false />
        </section>
    }
}

/// The subject year by year, then every member's gain or loss over the years.
#[component]
fn Results(result: Signal<Result<Evaluated, Stop>>, join: bool) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_shares_ctx();
    let dp = ctx.decimals();
    let currency = ctx.currency();
    let pct = |f: Option<poolcalc_engine::Decimal>| {
        f.map(|f| format!("{} %", percent_fixed(f, 2)))
            .unwrap_or_else(|| "—".into())
    };
    let money = move |d: poolcalc_engine::Decimal| grouped(d, dp);
    let body = move || {
        let ctx = ctx.clone();
        result.get().map(|e| {
            let l = lang();
            let years = e.years.0.clone();
            let bilateral = years.iter().any(|y| y.versus_bilateral.is_some());
            let subject_rows = years
                .iter()
                .map(|y| {
                    let before = y.subject_before.as_ref();
                    let after = y.subject_after.as_ref();
                    let amount_after = after.map(|s| money(s.amount)).unwrap_or_else(|| money(poolcalc_engine::Decimal::ZERO));
                    let change = y.changes.iter().find(|c| c.id == e.subject).map(|c| money(c.change)).unwrap_or_default();
                    view! {
                        <tr data-testid=format!("shares-eval-year-{}", y.year)>
                            <th scope="row">{y.year}</th>
                            {(!join).then(|| view! { <td class="num">{before.map(|s| money(s.amount)).unwrap_or_default()}</td> })}
                            <td class="num" data-testid=format!("shares-eval-income-{}", y.year)>{amount_after}</td>
                            {(!join).then(|| view! { <td class="num">{change.clone()}</td> })}
                            <td class="num">{after.map(|s| s.patents).unwrap_or(0)}</td>
                            <td class="num">{after.and_then(|s| s.per_patent).map(money).unwrap_or_else(|| "—".into())}</td>
                            <td class="num">{pct(after.and_then(|s| s.share_of_patents))}</td>
                            <td class="num">{pct(after.and_then(|s| s.share_of_income))}</td>
                            {bilateral.then(|| view! { <td class="num">{y.versus_bilateral.map(money).unwrap_or_default()}</td> })}
                        </tr>
                    }
                })
                .collect_view();
            let totals = evaluation_totals(&years);
            // Largest change first: on a big pool the few members who feel the change most
            // matter, and every row costs the browser layout time.
            let mut order: Vec<&poolcalc_engine::shares::ShareChange> = totals.iter().collect();
            order.sort_by_key(|c| std::cmp::Reverse(c.change.abs()));
            let total = order.len();
            let shown = if ctx.text.with(|t| t.show_all) { total } else { LISTED_MEMBERS.min(total) };
            let member_rows = order
                .into_iter()
                .take(shown)
                .map(|c| {
                    let class = if c.change.is_zero() { "num" } else if c.change.is_sign_negative() { "num shares-loss" } else { "num shares-gain" };
                    view! {
                        <tr data-testid=format!("shares-eval-member-{}", c.id)>
                            <th scope="row">{ctx.member_name(&c.id, l)}{(c.id == e.subject).then(|| format!(" ({})", t_string!(i18n, shares_subject)))}</th>
                            <td class="num">{money(c.before)}</td>
                            <td class="num">{money(c.after)}</td>
                            <td class=class data-testid=format!("shares-eval-change-{}", c.id)>{money(c.change)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let export_years = e.years.clone();
            let currency_x = ctx.currency();
            let export = move |_| {
                let csv = poolcalc_views::shares_csv::write_evaluation_csv(&export_years.0, dp, &currency_x);
                download(if join { "join-evaluation.csv" } else { "exit-evaluation.csv" }, "text/csv", &csv);
            };
            let (first, last) = (years.first().map(|y| y.year).unwrap_or_default(), years.last().map(|y| y.year).unwrap_or_default());
            view! {
                <p class="shares-hint" data-testid="shares-eval-ms" data-ms=e.ms.clone()>
                    {t!(i18n, shares_eval_years)} " " {first} "–" {last}
                </p>
                <div class="shares-table-wrap" tabindex="0" role="region" aria-labelledby="shares-eval-caption">
                    <table class="shares-table" data-testid="shares-eval-table">
                        <caption id="shares-eval-caption">{if join { t_string!(i18n, shares_eval_join_caption) } else { t_string!(i18n, shares_eval_exit_caption) }} " (" {currency.clone()} ")"</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, shares_year)}</th>
                                {(!join).then(|| view! { <th scope="col" class="num">{t!(i18n, shares_eval_before)}</th> })}
                                <th scope="col" class="num">{if join { t_string!(i18n, shares_eval_income) } else { t_string!(i18n, shares_eval_after) }}</th>
                                {(!join).then(|| view! { <th scope="col" class="num">{t!(i18n, shares_eval_change)}</th> })}
                                <th scope="col" class="num">{t!(i18n, shares_patents)}</th>
                                <th scope="col" class="num">{t!(i18n, shares_per_patent)}</th>
                                <th scope="col" class="num">{t!(i18n, shares_share_of_patents)}</th>
                                <th scope="col" class="num">{t!(i18n, shares_share_of_income)}</th>
                                {bilateral.then(|| view! { <th scope="col" class="num">{t!(i18n, shares_versus_bilateral)}</th> })}
                            </tr>
                        </thead>
                        <tbody>{subject_rows}</tbody>
                    </table>
                </div>
                <div class="shares-table-wrap" tabindex="0" role="region" aria-labelledby="shares-eval-members-caption">
                    <table class="shares-table" data-testid="shares-eval-members">
                        <caption id="shares-eval-members-caption">{t!(i18n, shares_eval_members_caption)} " " {first} "–" {last} " (" {currency.clone()} ")"</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, shares_member)}</th>
                                <th scope="col" class="num">{t!(i18n, shares_eval_before)}</th>
                                <th scope="col" class="num">{t!(i18n, shares_eval_after)}</th>
                                <th scope="col" class="num">{t!(i18n, shares_eval_change)}</th>
                            </tr>
                        </thead>
                        <tbody>{member_rows}</tbody>
                    </table>
                </div>
                <ListedMembers shown total />
                <div class="shares-actions no-print-controls">
                    <button type="button" data-testid="shares-eval-csv" on:click=export>{t!(i18n, shares_export_csv)}</button>
                    <button type="button" on:click=move |_| { let _ = window().print(); }>{t!(i18n, shares_print)}</button>
                </div>
            }
        })
    };
    view! {
        <div class="shares-eval" data-testid="shares-eval">
            {move || result.get().err().map(|s| view! { <StopNote stop=s /> })}
            {move || body().ok()}
        </div>
    }
}
