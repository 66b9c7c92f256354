//! The guidelines report card on the spec's worked example (values worked out by hand from
//! the dataset and the spec's expected split) and on every bundled dataset (values recomputed
//! by other routes: each licensee's own fee report, the management-fee rule as the spec
//! writes it, the dataset's member list).

#[path = "../../../engine/tests/common/mod.rs"]
mod common;

mod bundled;
mod explained;
mod stack;
mod worked;

use poolcalc_engine::{Pool, compute_fees, load_dataset};
use poolcalc_views::report_card::{
    IndicatorId, Options, PASSAGES, REPORT_HEADER, ReportCard, Row, SectionId, Status, Subject,
    Value, about, report_card, report_csv, report_json, status_label,
};
use rust_decimal::Decimal;

pub fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

pub fn worked() -> Pool {
    Pool::new(
        load_dataset(include_str!("../../../engine/tests/data/pool.json"))
            .unwrap_or_else(|e| panic!("{e:?}")),
    )
}

pub fn rows(card: &ReportCard, id: IndicatorId) -> &[Row] {
    card.indicator(id)
        .map_or_else(|| panic!("no indicator {}", id.as_str()), |i| &i.rows[..])
}

pub fn one(card: &ReportCard, id: IndicatorId) -> &Row {
    rows(card, id)
        .first()
        .unwrap_or_else(|| panic!("{} has no row", id.as_str()))
}

pub fn member(id: &str) -> Subject {
    Subject::Member { id: id.to_owned() }
}

pub fn round6(x: Decimal) -> Decimal {
    x.round_dp_with_strategy(6, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}
