//! The stack page's model against the stack report it shows.

#[path = "../../engine/tests/common/mod.rs"]
mod common;

use common::{d, stack_file};
use poolcalc_engine::Decimal;
use poolcalc_engine::stack::compute_what_if;
use poolcalc_views::stack_view::{grouped, stack_view, what_if_rows};

#[test]
fn the_page_model_shows_the_reports_figures() {
    let (stack, pools, r) = stack_file("4k-tv.json");
    let v = stack_view(&r, "zh");
    assert_eq!(v.total.payable, grouped(r.total.payable, 2));
    // The TV's unit profit is money: price × margin in cents, grouped like the price.
    let profit = r.unit_profit.unwrap_or_default();
    assert_eq!(v.unit_profit, grouped(profit, 2));
    assert_eq!(v.unit_profit.split('.').nth(1).map(str::len), Some(2));
    assert_eq!(v.licences.len(), 4);
    assert_eq!(v.licences[2].name, "VVC/H.266 式视频编解码专利池（示例）");
    assert!(v.licences.iter().all(|l| l.kind == "pool"));
    // The bars: each segment is its licence's royalty per unit, over the tallest year's total.
    let tallest = r
        .years
        .iter()
        .filter_map(|y| y.total.per_unit)
        .max()
        .unwrap_or_default();
    for (y, row) in v.years.iter().enumerate() {
        let sum: Decimal = row.heights.iter().map(|h| d(h)).sum();
        let want = r.years[y].total.per_unit.unwrap_or_default() * d("100") / tallest;
        assert!((sum - want).abs() <= d("0.02"), "{} {sum} {want}", row.year);
        assert_eq!(row.per_unit.len(), 4);
    }
    assert_eq!(v.overlap.len(), 1);
    assert_eq!(v.overlap[0].examples.len(), 5);
    let w =
        compute_what_if(&stack, &pools, &stack.what_if, &r).unwrap_or_else(|i| panic!("{i:#?}"));
    let rows = what_if_rows(&w);
    assert_eq!(rows.last().map(|x| x.id.as_str()), Some("total"));
    assert!(rows[2].difference.starts_with('-'), "{rows:?}");
}
