//! The fast path of reading a dataset: serde straight into the model, with no tree of the
//! document in between, for files that are valid. It takes only what the path-collecting
//! reader (`read`) takes without a problem, through the same checks: the many items
//! (patents, licensees) by typed mirrors of the model (`items`), the few small parts (pool,
//! regions, members, products, schedules, distribution) by `read` itself from their borrowed
//! trees. Anything else, down to a repeated key, is `None`, and the caller reads the file
//! again carefully, so every problem still comes with its path. Both versions of the format
//! are read: a sale's version 2 fields are taken whatever the version and the file is left
//! to the careful reader when a version 1 file holds one (it names the field). `stream` reads the same in
//! steps, for a page that must stay responsive while a large file loads.

mod items;
mod scalars;
pub(crate) mod stream;

use std::borrow::Cow;

use crate::io::fast::scalars::Ignored;
use serde::Deserialize as Derive;

use crate::io::fast::items::{Checked, unwrap};
use crate::io::json::{FromJson, Reader, Value, without_bom};
use crate::model::dataset::{
    DATASET_FORMAT, Dataset, Distribution, Licensee, Member, Patent, PoolInfo, Product,
    RateSchedule, Region, Sale,
};
use crate::model::issue::Path;
use crate::model::version::LATEST_VERSION;

/// A dataset file as serde reads it in one go.
#[derive(Derive)]
#[serde(deny_unknown_fields)]
struct FileIn<'a> {
    #[serde(borrow)]
    format: Cow<'a, str>,
    version: u64,
    #[serde(borrow)]
    pool: Value<'a>,
    #[serde(borrow)]
    regions: Option<Value<'a>>,
    #[serde(borrow)]
    members: Value<'a>,
    patents: Vec<Checked<Patent>>,
    #[serde(borrow)]
    products: Value<'a>,
    #[serde(borrow)]
    rate_schedules: Value<'a>,
    #[serde(borrow)]
    distribution: Value<'a>,
    licensees: Option<Vec<Checked<Licensee>>>,
    #[serde(rename = "extensions")]
    _extensions: Option<Ignored>,
}

/// Reads a dataset that the careful reader would read without a problem; `None` for
/// anything else (the caller then reads it carefully).
pub(crate) fn read_dataset(text: &str) -> Option<Dataset> {
    let mut de = serde_json::Deserializer::from_str(without_bom(text));
    let file: FileIn<'_> = scalars::map_only(&mut de).ok()?;
    de.end().ok()?;
    let small = Small {
        format: file.format,
        version: file.version,
        pool: file.pool,
        regions: file.regions,
        members: file.members,
        products: file.products,
        rate_schedules: file.rate_schedules,
        distribution: file.distribution,
    };
    small.assemble(
        unwrap(file.patents),
        file.licensees.map(unwrap).unwrap_or_default(),
    )
}

/// The header and the small parts of a dataset, as borrowed trees.
struct Small<'a> {
    format: Cow<'a, str>,
    version: u64,
    pool: Value<'a>,
    regions: Option<Value<'a>>,
    members: Value<'a>,
    products: Value<'a>,
    rate_schedules: Value<'a>,
    distribution: Value<'a>,
}

impl Small<'_> {
    /// The dataset, when the careful reader reads every small part without a problem.
    fn assemble(self, patents: Vec<Patent>, licensees: Vec<Licensee>) -> Option<Dataset> {
        if self.format != DATASET_FORMAT || !(1..=LATEST_VERSION).contains(&self.version) {
            return None;
        }
        let sales = || {
            licensees
                .iter()
                .flat_map(|l| &l.usage.years)
                .flat_map(|y| &y.sales)
        };
        if self.version < 2 && sales().any(Sale::uses_v2) {
            return None;
        }
        // The small parts are read as the file's version says, as the careful reader does.
        let mut r = Reader {
            version: self.version,
            ..Reader::default()
        };
        let r = &mut r;
        // The paths are never shown: a problem sends the file to the careful reader.
        let at = Path::Root;
        let pool = PoolInfo::from_json(r, &self.pool, &at);
        let regions = match &self.regions {
            Some(v) => Vec::<Region>::from_json(r, v, &at),
            None => Some(Vec::new()),
        };
        let members = Vec::<Member>::from_json(r, &self.members, &at);
        let products = Vec::<Product>::from_json(r, &self.products, &at);
        let rate_schedules = Vec::<RateSchedule>::from_json(r, &self.rate_schedules, &at);
        let distribution = Distribution::from_json(r, &self.distribution, &at);
        if !r.issues.is_empty() {
            return None;
        }
        Some(Dataset {
            pool: pool?,
            regions: regions?,
            members: members?,
            patents,
            products: products?,
            rate_schedules: rate_schedules?,
            distribution: distribution?,
            licensees,
        })
    }
}
