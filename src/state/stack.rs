//! The royalty stack being worked on: kept in the browser (`stack::store`), its bundled pools
//! fetched by id, its results computed by the engine. The Stack page edits it; the Report page
//! adds its aggregate to the interest balance.

pub mod store;

use std::sync::Arc;

use crate::browser::fetch::fetch_text;
use crate::state::catalog::{Catalog, INDEX_URL};
use poolcalc_engine::stack::{PoolSet, Stack, StackReport, compute_stack, pool_set};
use poolcalc_engine::{Issue, Pool, load_dataset};

/// Each problem as `path: message`.
pub fn lines(issues: &[Issue]) -> Vec<String> {
    issues.iter().map(ToString::to_string).collect()
}

/// The bundled datasets' catalog (datasets/index.json): fetched once by whoever loads several
/// pools, then handed to [`load_pool`] for each.
pub async fn bundled_catalog() -> Result<Catalog, String> {
    Catalog::parse(&fetch_text(INDEX_URL).await?)
}

/// A bundled dataset by id, from the catalog.
pub async fn load_pool(catalog: &Catalog, id: &str) -> Result<Arc<Pool>, String> {
    let (_, url) = catalog.entry(id)?;
    let dataset = load_dataset(&fetch_text(&url).await?).map_err(|i| {
        let first = i.first().map(ToString::to_string).unwrap_or_default();
        format!("{url}: {} problem(s), the first: {first}", i.len())
    })?;
    Ok(Arc::new(Pool::new(dataset)))
}

/// The stored stack with its results, fetching every bundled pool it names; `Ok(None)` when
/// none is stored (or the stored one does not read: the Stack page reports and keeps that).
pub async fn stored_report() -> Result<Option<(Stack, StackReport)>, Vec<String>> {
    let store::Stored::Stack(stack) = store::peek() else {
        return Ok(None);
    };
    let mut loaded = std::collections::BTreeMap::new();
    let ids = stack.bundled_ids();
    if !ids.is_empty() {
        let catalog = bundled_catalog().await;
        for id in ids {
            let pool = match &catalog {
                Ok(c) => load_pool(c, id).await,
                Err(e) => Err(e.clone()),
            };
            loaded.insert(id.to_owned(), pool);
        }
    }
    let pools: PoolSet = pool_set(&stack, |id| match loaded.get(id) {
        Some(Ok(p)) => Ok(p.clone()),
        Some(Err(e)) => Err(e.clone()),
        None => Err(format!("no bundled dataset \"{id}\"")),
    })
    .map_err(|i| lines(&i))?;
    let report = compute_stack(&stack, &pools).map_err(|i| lines(&i))?;
    Ok(Some((*stack, report)))
}
