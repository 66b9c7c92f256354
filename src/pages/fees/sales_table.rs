//! The sales table: one row per product, country and year, edited as text; a page of rows
//! at a time, rows with a problem listed, rows added, copied and removed by keyboard.

use super::form_state::Row;
use super::{lang, problem_text, use_calc};
use crate::i18n::countries;
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;
use poolcalc_views::fee_form::{FieldProblem, RowMarks, SaleRowText, new_row, starting_year};
use wasm_bindgen::JsCast;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Year,
    Country,
    Units,
    Price,
}

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Year => "year",
            Field::Country => "country",
            Field::Units => "units",
            Field::Price => "price",
        }
    }

    fn get(self, r: &SaleRowText) -> String {
        match self {
            Field::Year => r.year.clone(),
            Field::Country => r.country.clone(),
            Field::Units => r.units.clone(),
            Field::Price => r.price.clone(),
        }
    }

    fn set(self, r: &mut SaleRowText, v: String) {
        match self {
            Field::Year => r.year = v,
            Field::Country => r.country = v,
            Field::Units => r.units = v,
            Field::Price => r.price = v,
        }
    }

    fn problem(self, m: &RowMarks) -> Option<FieldProblem> {
        match self {
            Field::Year => m.year,
            Field::Country => m.country,
            Field::Units => m.units,
            Field::Price => m.price,
        }
    }
}

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

/// The DOM field of a flagged row to put the cursor in: the first one with a problem.
fn first_problem_field(m: &RowMarks) -> &'static str {
    [
        (m.year.is_some(), "year"),
        (m.product.is_some(), "product"),
        (m.country.is_some(), "country"),
        (m.units.is_some(), "units"),
        (m.price.is_some(), "price"),
    ]
    .into_iter()
    .find_map(|(bad, field)| bad.then_some(field))
    .unwrap_or("year")
}

fn focus_id(id: String) {
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
            Some(mut r) => {
                r.units = "100000".to_owned();
                r
            }
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

    view! {
        <datalist id="fees-countries">{country_options}</datalist>
        <div class="fees-table-wrap">
            <table class="fees-sales" data-testid="fees-sales">
                <caption>{t!(i18n, fees_sales_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, fees_col_year)}</th>
                        <th scope="col">{t!(i18n, fees_col_product)}</th>
                        <th scope="col">{t!(i18n, fees_col_country)}</th>
                        <th scope="col">{t!(i18n, fees_col_units)}</th>
                        <th scope="col">{t!(i18n, fees_col_price)}</th>
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

#[component]
fn SalesRow(row: Row) -> impl IntoView {
    let i18n = use_i18n();
    let calc = use_calc();
    let form = calc.form;
    let outcome = calc.outcome;
    let id = row.id;
    let index = Memo::new(move |_| {
        form.rows
            .with(|rows| rows.iter().position(|r| r.id == id))
            .unwrap_or(0)
    });
    let marks = Memo::new(move |_| {
        let i = index.get();
        outcome.with(|o| o.0.rows.get(i).cloned().unwrap_or_default())
    });

    let cell = move |field: Field, inputmode: &'static str| {
        let dom_id = format!("fees-{id}-{}", field.name());
        let error_id = format!("{dom_id}-error");
        let problem = move || marks.with(|m| field.problem(m));
        let label = move || {
            let name = match field {
                Field::Year => t_string!(i18n, fees_col_year),
                Field::Country => t_string!(i18n, fees_col_country),
                Field::Units => t_string!(i18n, fees_col_units),
                Field::Price => t_string!(i18n, fees_col_price),
            };
            format!("{name} ({} {})", t_string!(i18n, fees_row), index.get() + 1)
        };
        let country_name = (field == Field::Country).then(|| {
            view! {
                <span class="fees-country-name">
                    {move || {
                        let code = row.text.with(|r| r.country.trim().to_ascii_uppercase());
                        countries::name(&code, lang()).unwrap_or_default()
                    }}
                </span>
            }
        });
        let e_id = error_id.clone();
        view! {
            <td class=format!("fees-cell fees-cell-{}", field.name())>
                <label class="fees-cell-label" for=dom_id.clone()>{label}</label>
                <input
                    id=dom_id
                    type="text"
                    inputmode=inputmode
                    list=(field == Field::Country).then_some("fees-countries")
                    autocomplete="off"
                    data-testid=move || format!("fees-row-{}-{}", index.get(), field.name())
                    prop:value=move || row.text.with(|r| field.get(r))
                    aria-invalid=move || problem().is_some().then_some("true")
                    aria-describedby=move || problem().is_some().then(|| e_id.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        row.text.update(|r| field.set(r, v));
                    }
                    on:change=move |ev| {
                        // A country typed by name becomes its code once the field is left.
                        if field == Field::Country {
                            let v = event_target_value(&ev);
                            if let Some(code) = countries::code_for(&v) {
                                row.text.update(|r| r.country = code.to_owned());
                            }
                        }
                    }
                />
                {country_name}
                {move || {
                    problem()
                        .map(|p| {
                            view! {
                                <span
                                    class="fees-field-error"
                                    id=error_id.clone()
                                    data-testid=format!("fees-row-{}-{}-error", index.get(), field.name())
                                >
                                    {problem_text(p)}
                                </span>
                            }
                        })
                }}
            </td>
        }
    };

    let product_pool = calc.pool.clone();
    let product_options = {
        let pool = calc.pool.clone();
        move || {
            let l = lang();
            pool.dataset()
                .products
                .iter()
                .map(|p| {
                    let id = p.id.clone();
                    let mine = p.id.clone();
                    // Selected on the option too: a select's value set before its options
                    // exist would not stick.
                    view! {
                        <option
                            value=id
                            prop:selected=move || row.text.with(|r| r.product == mine)
                        >
                            {p.name.get(l).to_owned()}
                        </option>
                    }
                })
                .collect_view()
        }
    };
    let product_id = format!("fees-{id}-product");
    let product_problem = move || marks.with(|m| m.product);
    let set_product = move |ev: web_sys::Event| {
        let v = event_target_value(&ev);
        let typical = |pid: &str| {
            product_pool
                .dataset()
                .products
                .iter()
                .find(|p| p.id == pid)
                .and_then(|p| p.typical_price)
                .map(|p| p.to_string())
                .unwrap_or_default()
        };
        row.text.update(|r| {
            // A price the user left at the old product's typical price follows the product.
            if r.price.trim().is_empty() || r.price == typical(&r.product) {
                r.price = typical(&v);
            }
            r.product = v;
        });
    };

    let pages = expect_context::<Pages>();
    let copy = move |_| {
        let text = row.text.get_untracked();
        let at = index.get_untracked() + 1;
        let new_id = form.insert(at, text);
        pages.show_row(at);
        focus_id(format!("fees-{new_id}-year"));
    };
    let remove = move |_| {
        if let Some(pos) = form.remove(id) {
            let next = form.rows.with_untracked(|rows| {
                let at = pos.min(rows.len().checked_sub(1)?);
                Some((at, rows[at].id))
            });
            focus_id(match next {
                Some((at, n)) => {
                    pages.show_row(at);
                    format!("fees-{n}-year")
                }
                None => "fees-add-row".to_owned(),
            });
        }
    };

    let charge = move || marks.with(|m| m.charge.clone());
    view! {
        <tr
            class="fees-row"
            class:fees-row-flagged=move || !marks.with(RowMarks::is_clear)
            data-testid=move || format!("fees-row-{}", index.get())
        >
            {cell(Field::Year, "numeric")}
            <td class="fees-cell fees-cell-product">
                <label class="fees-cell-label" for=product_id.clone()>
                    {move || format!("{} ({} {})", t_string!(i18n, fees_col_product), t_string!(i18n, fees_row), index.get() + 1)}
                </label>
                <select
                    id=product_id
                    data-testid=move || format!("fees-row-{}-product", index.get())
                    prop:value=move || row.text.with(|r| r.product.clone())
                    aria-invalid=move || product_problem().is_some().then_some("true")
                    on:change=set_product
                >
                    {product_options}
                </select>
            </td>
            {cell(Field::Country, "text")}
            {cell(Field::Units, "numeric")}
            {cell(Field::Price, "decimal")}
            <td class="fees-cell fees-cell-actions">
                <button
                    type="button"
                    data-testid=move || format!("fees-row-{}-copy", index.get())
                    aria-label=move || format!("{} {} {}", t_string!(i18n, fees_copy_row), t_string!(i18n, fees_row), index.get() + 1)
                    on:click=copy
                >
                    {t!(i18n, fees_copy)}
                </button>
                <button
                    type="button"
                    data-testid=move || format!("fees-row-{}-remove", index.get())
                    aria-label=move || format!("{} {} {}", t_string!(i18n, fees_remove_row), t_string!(i18n, fees_row), index.get() + 1)
                    on:click=remove
                >
                    {t!(i18n, fees_remove)}
                </button>
                {move || {
                    charge()
                        .map(|msg| {
                            view! {
                                <p class="fees-row-charge" role="note" data-testid=format!("fees-row-{}-charge", index.get_untracked())>
                                    {t!(i18n, fees_row_not_charged)}": "{msg}
                                </p>
                            }
                        })
                }}
            </td>
        </tr>
    }
}
