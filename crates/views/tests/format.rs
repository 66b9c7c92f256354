//! Numbers as people read and type them (`poolcalc_views::format`): what the screen shows
//! reads back as the same number, grouped or not, and every way of typing a percent that the
//! pages once read differently is read alike.

use poolcalc_views::format::{
    FieldProblem, group_digits, grouped, money, parse_amount, parse_decimal,
    parse_optional_percent, parse_percent, parse_units, percent_exact, percent_fixed, percent_text,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

#[test]
fn the_screen_groups_amounts_and_counts() {
    assert_eq!(money(d("20000"), 2, "USD"), "20,000.00 USD");
    assert_eq!(grouped(d("1172208"), 2), "1,172,208.00");
    assert_eq!(grouped(d("999.995"), 2), "1,000.00");
    assert_eq!(grouped(d("-0.004"), 2), "0.00");
    assert_eq!(group_digits(0), "0");
    assert_eq!(group_digits(1_172_208), "1,172,208");
}

#[test]
fn percents_read_one_way_everywhere() {
    // What the fee form, the shares rule and the scenarios' reference line each accepted.
    for (typed, fraction) in [
        ("25", "0.25"),
        (" -12.5 % ", "-0.125"),
        ("12.5％", "0.125"),
        ("-2.5%", "-0.025"),
        ("1,250", "12.5"),
    ] {
        assert_eq!(parse_percent(typed), Ok(d(fraction)), "{typed}");
    }
    assert_eq!(parse_optional_percent(""), Ok(None));
    assert_eq!(parse_percent(""), Ok(Decimal::ZERO));
    assert_eq!(parse_percent("abc"), Err(FieldProblem::NotADecimal));
    assert_eq!(parse_percent("1e3"), Err(FieldProblem::NotADecimal));
    assert_eq!(percent_text(d("0.255"), 1), "25.5");
    assert_eq!(percent_text(d("-0.5"), 0), "-50");
    assert_eq!(percent_text(d("0.12345"), 2), "12.35");
    assert_eq!(percent_exact(d("0.125")), "12.5");
    assert_eq!(percent_fixed(d("0.123456"), 2), "12.35");
}

#[test]
fn amounts_are_typed_grouped_or_plain() {
    assert_eq!(parse_amount(" 1,250.5 "), Ok(d("1250.5")));
    assert_eq!(parse_amount("1 250.5"), Ok(d("1250.5")));
    assert_eq!(parse_amount("-3"), Err(FieldProblem::Negative));
    assert_eq!(parse_amount("1e3"), Err(FieldProblem::NotADecimal));
    assert_eq!(parse_amount(""), Err(FieldProblem::Empty));
    assert_eq!(parse_units("1,000,000"), Ok(1_000_000));
}

proptest! {
    /// An amount as the screen shows it reads back as the same amount.
    #[test]
    fn a_grouped_amount_reads_back(minor in 0u64..=100_000_000_000_000, dp in 0u32..=4) {
        let x = Decimal::from_i128_with_scale(i128::from(minor), dp);
        prop_assume!(x <= d("1000000000000"));
        let shown = grouped(x, dp);
        prop_assert_eq!(parse_amount(&shown), Ok(x));
        prop_assert_eq!(parse_decimal(&shown.replace(',', "")), Ok(Some(x)));
    }

    /// A count as the screen shows it reads back as the same count.
    #[test]
    fn a_grouped_count_reads_back(n in 0u64..=1_000_000_000_000) {
        prop_assert_eq!(parse_units(&group_digits(n)), Ok(n));
    }

    /// A percent as a person is shown it reads back as the same fraction.
    #[test]
    fn a_percent_reads_back(minor in -10_000_000i64..=10_000_000, dp in 0u32..=6) {
        let fraction = Decimal::new(minor, dp + 2);
        for shown in [percent_exact(fraction), format!("{} %", percent_exact(fraction)), format!("{}％", percent_fixed(fraction, dp))] {
            prop_assert_eq!(parse_percent(&shown), Ok(fraction), "{}", shown);
        }
    }
}
