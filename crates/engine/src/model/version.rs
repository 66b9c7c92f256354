//! Which version of the format a dataset or usage profile needs: 2 when it uses any field
//! or value that version 2 added (pool-dataset-v2), else 1, so that a version 1 dataset is
//! written back as the version 1 file it was.

use crate::model::dataset::{Dataset, Rate};
use crate::model::in_force::InForceRule;
use crate::model::service::ProductKind;
use crate::model::usage::{Sale, Usage};

/// The version a file reader takes: 1 and 2.
pub const LATEST_VERSION: u64 = 2;

impl Sale {
    /// Whether the sale uses a version 2 field.
    #[must_use]
    pub fn uses_v2(&self) -> bool {
        self.v2
            .as_deref()
            .is_some_and(|v| *v != crate::model::usage::SaleV2::default())
    }
}

impl Usage {
    /// 2 when a sale uses a version 2 field, else 1.
    #[must_use]
    pub fn version(&self) -> u32 {
        let v2 = self.years.iter().flat_map(|y| &y.sales).any(Sale::uses_v2);
        if v2 { 2 } else { 1 }
    }
}

impl Dataset {
    /// 2 when any part uses a version 2 field or value, else 1.
    #[must_use]
    pub fn version(&self) -> u32 {
        let v2 = self.pool.max_rate_rise.is_some()
            || self.regions.iter().any(|r| r.user_weight.is_some())
            || self.products.iter().any(|p| p.kind == ProductKind::Service)
            || self.rate_schedules.iter().any(|s| {
                s.applies_to.is_some()
                    || s.requires_patent_in_force == InForceRule::MadeOrSold
                    || s.lines
                        .iter()
                        .any(|l| matches!(l.rate, Rate::ServiceTiers { .. }))
            })
            || self.licensees.iter().any(|l| l.usage.version() == 2);
        if v2 { 2 } else { 1 }
    }
}
