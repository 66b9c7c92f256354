//! Texts several pages share that come from the layers below: why a chosen file gave no
//! text, why a typed field cannot be used, the report of a CSV import, whom a rate
//! schedule applies to, and a service tier's thresholds.

use crate::browser::files::FileProblem;
use crate::i18n::{Locale, t, t_string, use_i18n};
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use poolcalc_engine::Decimal;
use poolcalc_engine::io::usage_csv::CsvIssue;
use poolcalc_views::format::FieldProblem;
use poolcalc_views::format::group_digits;
use poolcalc_views::terms_history::Admits;

// The words of a `browser` type live here, the layer that knows the languages.
impl FileProblem {
    /// The problem in the UI language.
    pub fn text(self) -> String {
        let i18n = use_i18n();
        match self {
            FileProblem::NoneChosen => t_string!(i18n, files_none_chosen),
            FileProblem::Unreadable => t_string!(i18n, files_unreadable),
            FileProblem::NotText => t_string!(i18n, files_not_text),
        }
        .to_owned()
    }
}

/// What is wrong with a typed field (a number, a percent, a year, …), in the UI language.
pub fn field_problem(p: FieldProblem) -> String {
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
        FieldProblem::OverHundredPercent => t_string!(i18n, fees_problem_over_hundred),
    }
    .to_owned()
}

/// What a CSV import says: `first` (what was read), then every bad row by its line number.
/// Takes the i18n context because it runs after a file was read, in a task that has no
/// component around it to ask.
pub fn csv_import_report(
    i18n: I18nContext<Locale>,
    first: String,
    issues: &[CsvIssue],
) -> Vec<String> {
    std::iter::once(first)
        .chain(
            issues
                .iter()
                .map(|i| format!("{} {}: {}", t_string!(i18n, import_line), i.line, i.message)),
        )
        .collect()
}

/// Whom a rate schedule applies to by signing date, for the Overview and the explanation.
pub fn admits_text(admits: Admits) -> AnyView {
    let i18n = use_i18n();
    match admits {
        Admits::Everyone => t!(i18n, schedule_admits_everyone).into_any(),
        Admits::AnySigned => t!(i18n, schedule_admits_any_signed).into_any(),
        Admits::SignedBefore(d) => {
            t!(i18n, schedule_admits_before, date = d.to_string()).into_any()
        }
        Admits::SignedFrom(d) => t!(i18n, schedule_admits_from, date = d.to_string()).into_any(),
        Admits::SignedBetween(f, b) => t!(
            i18n,
            schedule_admits_between,
            from = f.to_string(),
            before = b.to_string()
        )
        .into_any(),
    }
}

/// A service tier's thresholds: "Users ≥ 100,000 or Revenue ≥ 1,000,000.00 USD", or that it
/// has none; `money` formats the revenue. For the Overview's schedules and the explanation.
pub fn service_thresholds(
    users: Option<u64>,
    subscribers: Option<u64>,
    revenue: Option<Decimal>,
    money: &dyn Fn(Decimal) -> String,
) -> String {
    let i18n = use_i18n();
    let parts: Vec<String> = [
        users.map(|n| format!("{} ≥ {}", t_string!(i18n, fees_col_users), group_digits(n))),
        subscribers.map(|n| {
            format!(
                "{} ≥ {}",
                t_string!(i18n, fees_col_subscribers),
                group_digits(n)
            )
        }),
        revenue.map(|r| format!("{} ≥ {}", t_string!(i18n, fees_col_revenue), money(r))),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        t_string!(i18n, fees_service_no_threshold).to_owned()
    } else {
        parts.join(t_string!(i18n, fees_service_or))
    }
}
