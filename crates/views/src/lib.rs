//! Page models of the poolcalc web app: what each page shows, computed from the engine's
//! results and the text a person typed, as display rows. Pure and tested natively; the web app
//! only lays these out, and the CLI never compiles them. See docs/architecture.md.

#![forbid(unsafe_code)]

pub mod balance;
pub mod candidate_csv;
pub mod comparison;
pub mod explorer;
pub mod fee_charts;
pub mod fee_form;
pub mod fee_steps;
pub mod format;
pub mod holder;
pub mod membership_change;
pub mod policy;
pub mod report_card;
pub mod shares_csv;
pub mod shares_view;
pub mod stack_view;
pub mod terms_history;
