//! The licensee's fee calculator: sales in, what the pool licence costs out, every step
//! shown. All numbers come from the engine (`fee_form::evaluate` and the modules it uses);
//! this page edits text and renders results.

mod balance_view;
mod charts;
mod entry;
mod explain;
mod form_state;
mod results;
mod sales_table;
mod service_text;

use crate::i18n::language;
use crate::i18n::{t, t_string, use_i18n};
use crate::state::{DatasetLoad, LoadedDataset, use_app_state};
use form_state::FormState;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use poolcalc_engine::model::money::format_money;
use poolcalc_engine::{Decimal, FeeReport, Pool};
use poolcalc_views::fee_form::{
    FieldProblem, FormColumns, FormOutcome, evaluate, form_columns, starter_form,
};
use std::sync::Arc;

/// The licensee's fee calculator.
#[component]
pub fn FeesPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let body = move || match state.dataset.get() {
        DatasetLoad::Ready(ds) => EitherOf3::A(view! { <Calculator ds /> }),
        DatasetLoad::Loading => EitherOf3::B(view! { <p>{t!(i18n, loading_dataset)}</p> }),
        DatasetLoad::Failed(_) => EitherOf3::C(view! { <p>{t!(i18n, dataset_failed)}</p> }),
    };
    view! {
        <h1 data-testid="page-title">{t!(i18n, nav_fees)}</h1>
        <p class="fees-intro">{t!(i18n, fees_intro)}</p>
        {body}
    }
}

/// The result of one evaluation. Compared by identity: every edit gives a new one, and
/// comparing reports field by field would cost as much as computing them.
#[derive(Clone)]
pub struct Outcome(pub Arc<FormOutcome>, pub FormColumns);

impl PartialEq for Outcome {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// What every part of the calculator shares.
#[derive(Clone)]
pub struct Calc {
    pub pool: Arc<Pool>,
    pub form: FormState,
    pub outcome: Memo<Outcome>,
    /// Which version 2 columns the sales table shows.
    pub columns: Memo<FormColumns>,
    /// The outcome a frame later, for the explanation, the interest balance and the charts:
    /// the amounts being typed for reach the screen first, the rest follows at once after.
    pub settled: RwSignal<Outcome>,
}

fn this_year() -> i32 {
    // A year fits i32; a broken clock only changes the starting year of a fresh form.
    js_sys::Date::new_0().get_full_year() as i32
}

#[component]
fn Calculator(ds: Arc<LoadedDataset>) -> impl IntoView {
    let pool = ds.pool.clone();
    let key = form_state::storage_key(&pool.dataset().pool.id);
    let initial =
        form_state::load(&key).unwrap_or_else(|| starter_form(pool.dataset(), this_year()));
    let form = FormState::new(initial);

    let for_eval = pool.clone();
    let outcome = Memo::new(move |_| {
        let text = form.snapshot();
        // Marks the engine's share of an edit for the browser timing test.
        let perf = window().performance();
        if let Some(p) = &perf {
            let _ = p.mark("poolcalc-fees-eval-start");
        }
        let out = evaluate(&for_eval, &text);
        if let Some(p) = &perf {
            let _ = p.measure_with_start_mark("poolcalc-fees-eval", "poolcalc-fees-eval-start");
        }
        let columns = form_columns(for_eval.dataset(), &text);
        Outcome(Arc::new(out), columns)
    });
    let columns = Memo::new(move |_| outcome.with(|o| o.1));

    // Saves every change, so what was typed survives a reload.
    let save_key = key.clone();
    crate::browser::persist::save_after_changes(
        move || form.track(),
        move || {
            if let Some(text) = form.try_snapshot_untracked() {
                form_state::save(&save_key, &text);
            }
        },
    );

    let settled = RwSignal::new(outcome.get_untracked());
    let pending = StoredValue::new(false);
    Effect::new(move |_| {
        outcome.track();
        if !pending.get_value() {
            pending.set_value(true);
            // After the next frame is painted; a burst of edits settles once.
            // The page may be gone by then (the person moved on): the `try_` forms do
            // nothing on disposed values instead of stopping the app.
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        if let Some(latest) = outcome.try_get_untracked() {
                            pending.try_set_value(false);
                            settled.try_set(latest);
                        }
                    },
                    std::time::Duration::ZERO,
                );
            });
        }
    });

    let calc = Calc {
        pool,
        form,
        outcome,
        columns,
        settled,
    };
    provide_context(calc.clone());
    view! {
        <entry::Entry />
        <results::Results />
        <explain::Explain />
        <balance_view::Balance />
        <charts::Charts />
    }
}

pub fn use_calc() -> Calc {
    // Provided by `Calculator` above every part; a miss is a programming error.
    expect_context::<Calc>()
}

/// Money with the pool currency: "1,000.00 USD" style as the engine formats it.
pub fn money(amount: Decimal, report: &FeeReport) -> String {
    format!(
        "{} {}",
        format_money(amount, report.decimals),
        report.currency
    )
}

/// The current UI language's dataset text code.
pub fn lang() -> &'static str {
    let i18n = use_i18n();
    language::code(i18n.get_locale())
}

/// A product's name in the current language, else its id.
pub fn product_name(pool: &Pool, id: &str, lang: &str) -> String {
    pool.dataset()
        .products
        .iter()
        .find(|p| p.id == id)
        .map_or_else(|| id.to_owned(), |p| p.name.get(lang).to_owned())
}

/// What is wrong with a field, in the UI language.
pub fn problem_text(p: FieldProblem) -> String {
    let i18n = use_i18n();
    match p {
        FieldProblem::NotAYear => t_string!(i18n, fees_problem_year),
        FieldProblem::Empty => t_string!(i18n, fees_problem_empty),
        FieldProblem::NotWholeUnits => t_string!(i18n, fees_problem_units),
        FieldProblem::NotADecimal => t_string!(i18n, fees_problem_decimal),
        FieldProblem::Negative => t_string!(i18n, fees_problem_negative),
        FieldProblem::NotACountry => t_string!(i18n, fees_problem_country),
        FieldProblem::NotADate => t_string!(i18n, fees_problem_date),
        FieldProblem::GrowthTooLow => t_string!(i18n, fees_problem_growth),
        FieldProblem::TooManyYears => t_string!(i18n, fees_problem_too_many_years),
        FieldProblem::TooManyUnits => t_string!(i18n, fees_problem_too_many_units),
        FieldProblem::TooLarge => t_string!(i18n, fees_problem_too_large),
        FieldProblem::MoreThanUnits => t_string!(i18n, fees_problem_more_than_units),
    }
    .to_owned()
}
