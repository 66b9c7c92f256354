//! One editable sales row: a text cell per field the table shows (a device's units and
//! price, a service's users, subscribers and revenue, the other kind's cells left blank),
//! the product select, and copy / remove.

use super::field::{Applies, Field};
use super::{Pages, focus_id};
use crate::i18n::countries;
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::pages::fees::form_state::Row;
use crate::pages::fees::{lang, problem_text, use_calc};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use poolcalc_engine::model::service::ProductKind;
use poolcalc_views::fee_form::RowMarks;

/// "Units (row 3)": a cell's accessible label.
fn row_label(name: &str, i18n: I18nContext<Locale>, index: usize) -> String {
    format!("{name} ({} {})", t_string!(i18n, fees_row), index + 1)
}

#[component]
pub fn SalesRow(row: Row) -> impl IntoView {
    let calc = use_calc();
    let form = calc.form;
    let outcome = calc.outcome;
    let columns = calc.columns;
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
    let pool = calc.pool.clone();
    let is_service = Memo::new(move |_| {
        row.text
            .with(|r| pool.terms().product_kind(r.product.trim()) == Some(ProductKind::Service))
    });
    let cells = move || {
        Field::AFTER_PRODUCT
            .into_iter()
            .filter(|f| f.shown(columns.get()))
            .map(|field| view! { <Cell row field index marks is_service /> })
            .collect_view()
    };
    view! {
        <tr
            class="fees-row"
            class:fees-row-flagged=move || !marks.with(RowMarks::is_clear)
            data-testid=move || format!("fees-row-{}", index.get())
        >
            <Cell row field=Field::Year index marks is_service />
            <ProductCell row index marks />
            {cells}
            <RowActions row index marks />
        </tr>
    }
}

/// One text field, or a blank cell where the row's kind of product has no such field.
#[component]
fn Cell(
    row: Row,
    field: Field,
    index: Memo<usize>,
    marks: Memo<RowMarks>,
    is_service: Memo<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let dom_id = format!("fees-{}-{}", row.id, field.name());
    let error_id = format!("{dom_id}-error");
    let problem = move || marks.with(|m| field.problem(m));
    let blank = move || match field.applies() {
        Applies::Every => false,
        Applies::Device => is_service.get(),
        Applies::Service => !is_service.get(),
    };
    let label = move || row_label(field.label(i18n), i18n, index.get());
    let country_name = field.is_country().then(|| {
        view! {
            <span class="fees-country-name">
                {move || {
                    let code = row.text.with(|r| field.get(r).trim().to_ascii_uppercase());
                    countries::name(&code, lang()).unwrap_or_default()
                }}
            </span>
        }
    });
    let class = format!("fees-cell fees-cell-{}", field.name());
    let error_span_id = error_id.clone();
    let input = move || {
        if blank() {
            return Either::Left(
                view! { <span class="fees-cell-blank" aria-hidden="true">"–"</span> },
            );
        }
        let e_id = error_id.clone();
        Either::Right(view! {
            <label class="fees-cell-label" for=dom_id.clone()>{label}</label>
            <input
                id=dom_id.clone()
                type="text"
                inputmode=field.inputmode()
                list=field.is_country().then_some("fees-countries")
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
                    if field.is_country()
                        && let Some(code) = countries::code_for(&event_target_value(&ev))
                    {
                        row.text.update(|r| field.set(r, code.to_owned()));
                    }
                }
            />
        })
    };
    let error = move || {
        problem().map(|p| {
            view! {
                <span
                    class="fees-field-error"
                    id=error_span_id.clone()
                    data-testid=format!("fees-row-{}-{}-error", index.get(), field.name())
                >
                    {problem_text(p)}
                </span>
            }
        })
    };
    view! {
        <td class=class>
            {input}
            {country_name}
            {error}
        </td>
    }
}

/// The product select; a price left at the old product's typical price follows the product.
#[component]
fn ProductCell(row: Row, index: Memo<usize>, marks: Memo<RowMarks>) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_calc().pool;
    let product_options = {
        let pool = pool.clone();
        move || {
            let l = lang();
            pool.dataset()
                .products
                .iter()
                .map(|p| {
                    let mine = p.id.clone();
                    // Selected on the option too: a select's value set before its options
                    // exist would not stick.
                    view! {
                        <option
                            value=p.id.clone()
                            prop:selected=move || row.text.with(|r| r.product == mine)
                        >
                            {p.name.get(l).to_owned()}
                        </option>
                    }
                })
                .collect_view()
        }
    };
    let product_id = format!("fees-{}-product", row.id);
    let product_problem = move || marks.with(|m| m.product);
    let set_product = move |ev: web_sys::Event| {
        let v = event_target_value(&ev);
        let typical = |pid: &str| {
            pool.dataset()
                .products
                .iter()
                .find(|p| p.id == pid)
                .and_then(|p| p.typical_price)
                .map(|p| p.to_string())
                .unwrap_or_default()
        };
        row.text.update(|r| {
            if r.price.trim().is_empty() || r.price == typical(&r.product) {
                r.price = typical(&v);
            }
            r.product = v;
        });
    };
    view! {
        <td class="fees-cell fees-cell-product">
            <label class="fees-cell-label" for=product_id.clone()>
                {move || row_label(t_string!(i18n, fees_col_product), i18n, index.get())}
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
    }
}

/// Copy and remove, and why the terms cannot charge the row.
#[component]
fn RowActions(row: Row, index: Memo<usize>, marks: Memo<RowMarks>) -> impl IntoView {
    let i18n = use_i18n();
    let form = use_calc().form;
    let pages = expect_context::<Pages>();
    let copy = move |_| {
        let text = row.text.get_untracked();
        let at = index.get_untracked() + 1;
        let new_id = form.insert(at, text);
        pages.show_row(at);
        focus_id(format!("fees-{new_id}-year"));
    };
    let remove = move |_| {
        if let Some(pos) = form.remove(row.id) {
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
    }
}
