//! Texts several pages share that come from the layers below: why a chosen file gave no
//! text, the report of a CSV import, and whom a rate schedule applies to.

use crate::browser::files::FileProblem;
use crate::i18n::{Locale, t, t_string, use_i18n};
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use poolcalc_engine::io::usage_csv::CsvIssue;
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
