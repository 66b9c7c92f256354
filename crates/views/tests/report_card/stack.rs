//! A royalty stack open beside the report: its licences and total join the interest balance,
//! with the figures of the stack's own results for the report's year.

use super::*;
use crate::common::stack_file;
use poolcalc_views::report_card::OpenStack;

#[test]
fn the_open_stack_joins_the_interest_balance_with_its_own_figures() {
    let (stack, pools, report) = stack_file("4k-tv.json");
    let pool = pools.get("hevc").expect("the TV stack has HEVC").clone();
    let year = 2027;
    let at = report
        .years
        .iter()
        .position(|y| y.year == year)
        .expect("2027 sales");
    let options = Options {
        year: Some(year),
        stack: Some(OpenStack {
            name: stack.product.name.clone(),
            report: report.clone(),
        }),
        ..Options::default()
    };
    let card = report_card(&pool, &options);
    let section = card
        .sections
        .iter()
        .find(|s| s.id == SectionId::InterestBalance)
        .expect("interest balance");
    assert!(
        section
            .indicators
            .iter()
            .any(|i| i.id == IndicatorId::StackPerUnit)
    );

    let per_unit = rows(&card, IndicatorId::StackPerUnit);
    // One row per licence in stack order, then the whole stack.
    assert_eq!(per_unit.len(), stack.licences.len() + 1);
    let flags: Vec<bool> = per_unit
        .iter()
        .map(|r| {
            matches!(
                r.subject,
                Subject::Stack {
                    this_pool: true,
                    ..
                }
            )
        })
        .collect();
    assert_eq!(flags, [false, true, false, false, false]);
    let money = |d: Decimal| {
        let mut r =
            d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        r.rescale(2);
        Value::Money(r)
    };
    for (row, part) in per_unit.iter().zip(&report.licences) {
        let b = &part.years[at];
        assert_eq!(
            row.value,
            money(b.per_unit.expect("units sold")),
            "{}",
            part.id
        );
        assert_eq!(
            row.detail,
            b.share_of_price.map(|f| Value::Fraction(round6(f)))
        );
    }
    let total = per_unit.last().expect("total row");
    assert!(matches!(
        total.subject,
        Subject::Stack { licence: None, .. }
    ));
    assert_eq!(
        total.value,
        money(report.years[at].total.per_unit.expect("units"))
    );

    // Against the reference line, by the stack's unit profit.
    let of_profit = rows(&card, IndicatorId::StackShareOfProfit);
    let whole = &report.years[at].total;
    let share = whole.share_of_profit.expect("the TV has a margin");
    let last = of_profit.last().expect("total row");
    assert_eq!(last.value, Value::Fraction(round6(share)));
    let expected = if share > card.reference {
        Status::AboveReference
    } else {
        Status::AtOrBelowReference
    };
    assert_eq!(last.status, Some(expected));
}

#[test]
fn without_a_stack_the_report_has_no_stack_rows_and_a_year_outside_it_takes_its_span() {
    let (stack, pools, report) = stack_file("4k-tv.json");
    let pool = pools.get("vvc").expect("VVC").clone();
    let plain = report_card(&pool, &Options::default());
    assert!(plain.indicator(IndicatorId::StackPerUnit).is_none());
    let options = Options {
        year: Some(2040),
        stack: Some(OpenStack {
            name: stack.product.name.clone(),
            report: report.clone(),
        }),
        ..Options::default()
    };
    let card = report_card(&pool, &options);
    let total = rows(&card, IndicatorId::StackPerUnit)
        .last()
        .expect("total");
    let mut whole = report
        .total
        .per_unit
        .expect("units")
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    whole.rescale(2);
    assert_eq!(total.value, Value::Money(whole));
    // The export names stack rows by licence.
    assert!(report_csv(&card).contains(",stack_per_unit,stack,vvc,"));
}
