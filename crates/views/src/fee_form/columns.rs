//! Which version 2 columns the fee form shows for a dataset.

use serde::Serialize;

use poolcalc_engine::model::dataset::Dataset;
use poolcalc_engine::model::in_force::InForceRule;
use poolcalc_engine::model::service::ProductKind;

use crate::fee_form::{FeeFormText, SaleRowText};

/// Which of the version 2 columns the form shows: each only where the dataset needs it,
/// or a row already holds a value for it (an imported profile), so a version 1 pool's form
/// looks as it did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct FormColumns {
    /// Country of manufacture: a schedule charges where sold or made.
    pub needs_made_in: bool,
    /// Units paid upstream: the pool's licensee estimates use them.
    pub needs_upstream: bool,
    /// Users, subscribers and revenue in the rows of service products.
    pub has_service_products: bool,
}

/// The version 2 columns the form of `dataset` shows with these rows.
#[must_use]
pub fn form_columns(dataset: &Dataset, form: &FeeFormText) -> FormColumns {
    let typed = |f: fn(&SaleRowText) -> &String| form.rows.iter().any(|r| !f(r).trim().is_empty());
    let estimates = || {
        dataset
            .licensees
            .iter()
            .flat_map(|l| &l.usage.years)
            .flat_map(|y| &y.sales)
    };
    FormColumns {
        needs_made_in: dataset
            .rate_schedules
            .iter()
            .any(|s| s.requires_patent_in_force == InForceRule::MadeOrSold)
            || typed(|r| &r.made_in),
        needs_upstream: estimates().any(|s| s.upstream_paid_units().is_some())
            || typed(|r| &r.upstream_paid_units),
        has_service_products: dataset
            .products
            .iter()
            .any(|p| p.kind == ProductKind::Service),
    }
}
