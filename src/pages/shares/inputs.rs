//! What the person typed on the shares page, kept as text (so nothing typed is lost when it
//! does not read) and saved to localStorage per dataset, so it survives a reload.

use crate::browser::storage;
use leptos::prelude::*;
use poolcalc_engine::Pool;
use poolcalc_views::candidate_csv::CandidateRow;
use poolcalc_views::format::percent_exact;
use poolcalc_views::shares_view::income_years;
use serde::{Deserialize, Serialize};

/// Every input of the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SharesText {
    /// Which sub-view is open: `shares`, `projection`, `join`, `exit`.
    pub tab: String,
    pub from_year: String,
    pub to_year: String,
    pub method: String,
    pub uncovered: String,
    pub fee_percent: String,
    pub fee_min: String,
    pub fee_max: String,
    /// `licensees` or `entered`.
    pub income_source: String,
    pub income_total: String,
    pub income_split: String,
    pub explain_member: String,
    pub show_all: bool,
    pub candidate_id: String,
    pub candidate_name: String,
    pub candidate_country: String,
    pub candidate_joined: String,
    pub candidate_rows: Vec<CandidateRow>,
    pub bilateral: String,
    pub exit_member: String,
    pub exit_from: String,
}

impl Default for SharesText {
    fn default() -> Self {
        SharesText {
            tab: "shares".into(),
            from_year: String::new(),
            to_year: String::new(),
            method: "per_patent".into(),
            uncovered: "pro_rata".into(),
            fee_percent: "0".into(),
            fee_min: String::new(),
            fee_max: String::new(),
            income_source: "licensees".into(),
            income_total: String::new(),
            income_split: String::new(),
            explain_member: String::new(),
            show_all: false,
            candidate_id: "candidate".into(),
            candidate_name: String::new(),
            candidate_country: String::new(),
            candidate_joined: String::new(),
            candidate_rows: vec![CandidateRow::default()],
            bilateral: String::new(),
            exit_member: String::new(),
            exit_from: String::new(),
        }
    }
}

/// The dataset's own rule and first year as the starting inputs.
pub fn starting_text(pool: &Pool, years: (i32, i32)) -> SharesText {
    let rule = &pool.dataset().distribution;
    let fee = &rule.management_fee;
    // The first year with licensee income, where there is something to share.
    let first = income_years(pool).map_or(years.0, |y| y.0);
    SharesText {
        from_year: first.to_string(),
        to_year: first.to_string(),
        method: rule.method.as_str().to_owned(),
        uncovered: match rule.uncovered {
            poolcalc_engine::model::dataset::Uncovered::Retained => "retained",
            poolcalc_engine::model::dataset::Uncovered::ProRata => "pro_rata",
        }
        .to_owned(),
        fee_percent: percent_exact(fee.percent),
        fee_min: fee
            .min
            .map(|m| m.normalize().to_string())
            .unwrap_or_default(),
        fee_max: fee
            .max
            .map(|m| m.normalize().to_string())
            .unwrap_or_default(),
        candidate_joined: format!("{first}-01-01"),
        exit_member: pool
            .dataset()
            .members
            .first()
            .map(|m| m.id.clone())
            .unwrap_or_default(),
        exit_from: format!("{first}-07-01"),
        explain_member: pool
            .dataset()
            .members
            .first()
            .map(|m| m.id.clone())
            .unwrap_or_default(),
        ..SharesText::default()
    }
}

/// Just the rule fields: the dataset's own rule, for the reset button.
pub fn with_dataset_rule(current: &SharesText, pool: &Pool, years: (i32, i32)) -> SharesText {
    let start = starting_text(pool, years);
    SharesText {
        method: start.method,
        uncovered: start.uncovered,
        fee_percent: start.fee_percent,
        fee_min: start.fee_min,
        fee_max: start.fee_max,
        ..current.clone()
    }
}

pub fn storage_key(pool_id: &str) -> String {
    storage::keys::shares(pool_id)
}

/// The stored inputs, if any that read (those that do not are kept aside and reported by
/// `storage`).
pub fn load(key: &str) -> Option<SharesText> {
    storage::read(key).found()
}

/// Saves the inputs; a refusal (private mode, full) is reported.
pub fn save(key: &str, text: &SharesText) {
    storage::write(key, text);
}

/// A signal of the inputs that saves every change (see `crate::browser::persist`).
pub fn persisted(pool: &Pool, years: (i32, i32)) -> RwSignal<SharesText> {
    let key = storage_key(&pool.dataset().pool.id);
    let text = RwSignal::new(load(&key).unwrap_or_else(|| starting_text(pool, years)));
    crate::browser::persist::save_after_changes(
        move || text.track(),
        move || {
            let _ = text.try_with_untracked(|t| save(&key, t));
        },
    );
    text
}
