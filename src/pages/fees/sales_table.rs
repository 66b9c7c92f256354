//! The sales table: one row per product, country and year, edited as text; a page of rows
//! at a time, rows with a problem listed, rows added, copied and removed by keyboard.

mod field;
mod row;

use super::{lang, use_calc};
use crate::i18n::countries;
use crate::i18n::{t, t_string, use_i18n};
use field::{Field, first_problem_field};
use leptos::prelude::*;
use poolcalc_views::fee_form::{new_row, starting_year};
use row::SalesRow;
use wasm_bindgen::JsCast;

/// Editable rows on one page of the sales table. Hundreds of rows on screen at once made
/// every keystroke relay out and repaint 800 inputs (a painted frame took 30–60 ms); a page
/// of 25 keeps typing fluid (50 was measurably slower), and is what a person can scan.
const PAGE_ROWS: usize = 25;

/// Which page of the sales table is shown; rows keep their numbers across pages.
#[derive(Clone, Copy)]
pub struct Pages {
    page: RwSignal<usize>,
}

impl Pages {
    pub fn new() -> Self {
        Pages {
            page: RwSignal::new(0),
        }
    }

    fn page_of(at: usize) -> usize {
        at / PAGE_ROWS
    }

    /// Shows the page holding row `at` (0-based).
    pub fn show_row(self, at: usize) {
        self.page.set(Self::page_of(at));
    }
}

/// Rows with a problem listed by number under a paged table (the rest are counted).
const FLAGGED_LISTED: usize = 10;

pub(super) fn focus_id(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// The sales rows, a page at a time, with the rows that need attention and "Add a row".
#[component]
pub fn SalesTable() -> impl IntoView {
    let i18n = use_i18n();
    let calc = use_calc();
    let form = calc.form;
    let outcome = calc.outcome;
    let pool = calc.pool.clone();
    let pages = expect_context::<Pages>();

    let country_options = move || {
        let l = lang();
        countries::COUNTRIES
            .iter()
            .map(|(code, _, _)| {
                view! { <option value=*code>{countries::label(code, l)}</option> }
            })
            .collect_view()
    };

    let row_count = Memo::new(move |_| form.rows.with(Vec::len));
    let last_page = Memo::new(move |_| Pages::page_of(row_count.get().saturating_sub(1)));
    // A page past the end (rows removed or replaced) shows the last one.
    let current = Memo::new(move |_| pages.page.get().min(last_page.get()));
    let shown_rows = move || {
        let first = current.get() * PAGE_ROWS;
        form.rows.with(|rows| {
            rows.iter()
                .skip(first)
                .take(PAGE_ROWS)
                .copied()
                .collect::<Vec<_>>()
        })
    };
    let pager = move || {
        (last_page.get() > 0).then(|| {
            let p = current.get();
            let (first, count) = (p * PAGE_ROWS + 1, row_count.get());
            let last = (first + PAGE_ROWS - 1).min(count);
            let go = move |to: usize| move |_| pages.page.set(to.min(last_page.get_untracked()));
            view! {
                <nav class="fees-pager" aria-label=move || t_string!(i18n, fees_pages_label)>
                    <button
                        type="button"
                        data-testid="fees-page-prev"
                        aria-disabled=(p == 0).then_some("true")
                        on:click=go(p.saturating_sub(1))
                    >
                        {t!(i18n, fees_page_prev)}
                    </button>
                    <span data-testid="fees-rows-shown" aria-live="polite">
                        {t!(i18n, fees_rows_shown, first = first, last = last, count = count)}
                    </span>
                    <button
                        type="button"
                        data-testid="fees-page-next"
                        aria-disabled=(p == last_page.get()).then_some("true")
                        on:click=go(p + 1)
                    >
                        {t!(i18n, fees_page_next)}
                    </button>
                </nav>
            }
        })
    };

    // A row with a problem on another page would go unseen: such rows are listed, each a
    // button to its page and field.
    let flagged = Memo::new(move |_| {
        outcome.with(|o| {
            o.0.rows
                .iter()
                .enumerate()
                .filter(|(_, m)| !m.is_clear())
                .map(|(i, m)| (i, first_problem_field(m)))
                .collect::<Vec<_>>()
        })
    });
    let flagged_view = move || {
        let list = flagged.get();
        (last_page.get() > 0 && !list.is_empty()).then(|| {
            let more = list.len().saturating_sub(FLAGGED_LISTED);
            let buttons = list
                .into_iter()
                .take(FLAGGED_LISTED)
                .map(|(i, field)| {
                    let go = move |_| {
                        pages.show_row(i);
                        if let Some(id) = form.rows.with_untracked(|rows| rows.get(i).map(|r| r.id)) {
                            focus_id(format!("fees-{id}-{field}"));
                        }
                    };
                    view! {
                        <li>
                            <button
                                type="button"
                                data-testid=format!("fees-flagged-{i}")
                                aria-label=move || format!("{} {} {}", t_string!(i18n, fees_go_to), t_string!(i18n, fees_row), i + 1)
                                on:click=go
                            >
                                {i + 1}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="fees-flagged" data-testid="fees-flagged">
                    <span>{t!(i18n, fees_flagged)}</span>
                    <ul>{buttons}</ul>
                    {(more > 0).then(|| view! { <span>{t!(i18n, fees_flagged_more, count = more)}</span> })}
                </div>
            }
        })
    };

    let add_pool = pool.clone();
    let add_row = move |_| {
        let last = form
            .rows
            .with(|rows| rows.last().map(|r| r.text.get_untracked()));
        let text = match last {
            // A device row starts again at 100,000 units; a service row keeps its measures.
            Some(mut r) if r.users.trim().is_empty() && r.subscribers.trim().is_empty() => {
                r.units = "100000".to_owned();
                r
            }
            Some(r) => r,
            None => {
                let d = add_pool.dataset();
                let year = starting_year(d, super::this_year());
                let product = d.products.first().map(|p| p.id.clone()).unwrap_or_default();
                new_row(d, year, &product, "CN")
            }
        };
        let at = form.rows.with_untracked(Vec::len);
        let id = form.insert(at, text);
        pages.show_row(at);
        focus_id(format!("fees-{id}-year"));
    };

    let columns = calc.columns;
    // The version 2 columns only where the dataset needs them (`form_columns`).
    let headings = move || {
        Field::AFTER_PRODUCT
            .into_iter()
            .filter(|f| f.shown(columns.get()))
            .map(|f| {
                view! {
                    <th scope="col" data-testid=format!("fees-col-{}", f.name())>
                        {move || f.label(i18n)}
                    </th>
                }
            })
            .collect_view()
    };

    view! {
        <datalist id="fees-countries">{country_options}</datalist>
        <div class="fees-table-wrap">
            <table class="fees-sales" data-testid="fees-sales">
                <caption>{t!(i18n, fees_sales_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, fees_col_year)}</th>
                        <th scope="col">{t!(i18n, fees_col_product)}</th>
                        {headings}
                        <th scope="col">{t!(i18n, fees_col_actions)}</th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=shown_rows
                        key=|row| row.id
                        children=move |row| view! { <SalesRow row /> }
                    />
                </tbody>
            </table>
        </div>
        {pager}
        {flagged_view}
        <div class="fees-actions">
            <button type="button" data-testid="fees-add-row" id="fees-add-row" on:click=add_row>
                {t!(i18n, fees_add_row)}
            </button>
        </div>
    }
}
