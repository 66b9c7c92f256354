//! Information disclosure: the explorer's transparency checklist, with what the pool card and
//! the product list add (the administrator, the data's date, typical prices and industry
//! margins, which the interest-balance indicators need), and how many items are missing.

use super::{Basis, Indicator, IndicatorId, Row, Status, Subject, Value, indicator};
use crate::explorer::{Disclosed, disclosure};

fn item_subject(item: &str) -> Subject {
    Subject::Item {
        item: item.to_owned(),
    }
}

/// An item carried by `with` of `of` (patents, schedules, products).
fn row(item: &str, with: usize, of: usize) -> Row {
    let (with, of) = (with as u64, of as u64);
    let subject = item_subject(item);
    match (with, of) {
        (0, _) | (_, 0) => {
            Row::new(subject, Value::Coverage { with: 0, of }).status(Status::Missing)
        }
        (w, o) if w >= o => {
            Row::new(subject, Value::Coverage { with, of }).status(Status::Disclosed)
        }
        _ => Row::new(subject, Value::Coverage { with, of }).status(Status::Partly),
    }
}

pub(super) fn section(b: &Basis<'_>) -> Vec<Indicator> {
    let d = b.pool.dataset();
    let mut rows: Vec<Row> = disclosure(d)
        .into_iter()
        .map(|x| {
            let item = x.item.as_str();
            let plain = |status| Row::new(item_subject(item), Value::None).status(status);
            match x.status {
                Disclosed::Yes => plain(Status::Disclosed),
                Disclosed::No => plain(Status::Missing),
                // Standards named for the pool, none for a patent: partly, as the checklist
                // says, though no patent carries it.
                Disclosed::Partly { with: 0, of } => row(item, 0, of).status(Status::Partly),
                Disclosed::Partly { with, of } => row(item, with, of),
            }
        })
        .collect();
    let products = d.products.len();
    let priced = d
        .products
        .iter()
        .filter(|p| p.typical_price.is_some())
        .count();
    let margins = d
        .products
        .iter()
        .filter(|p| p.industry_margin.is_some())
        .count();
    let named = d.pool.administrator.as_ref().is_some_and(|a| !a.is_blank());
    rows.push(row("typical_prices", priced, products));
    rows.push(row("industry_margins", margins, products));
    for (item, given) in [("administrator", named), ("as_of", d.pool.as_of.is_some())] {
        let status = if given {
            Status::Disclosed
        } else {
            Status::Missing
        };
        rows.push(Row::new(item_subject(item), Value::None).status(status));
    }
    let missing = rows
        .iter()
        .filter(|r| r.status == Some(Status::Missing))
        .count() as u64;
    vec![
        indicator(IndicatorId::DisclosureItem, rows),
        indicator(
            IndicatorId::MissingItems,
            vec![Row::new(Subject::Pool, Value::Count(missing))],
        ),
    ]
}
