//! The Scenarios page's numbers on the spec's worked example: comparison rows with their
//! differences, reference-line crossings, percentages, chart positions and share links.

#[path = "../../engine/tests/common/mod.rs"]
mod common;

use common::{d, worked_dataset as dataset, worked_usage as usage};

use poolcalc_engine::scenario::share_link::{decode_share, encode_share};
use poolcalc_engine::scenario::{Scenario, load_scenario};
use poolcalc_views::comparison::{RowKind, chart_positions, comparison_rows, reference_crossings};
use poolcalc_views::policy::{SweepParameter, compare_scenarios, steps, sweep};
use rust_decimal::Decimal;

fn scenario(name: &str, changes: &str) -> Scenario {
    let json = format!(
        r#"{{"format": "poolcalc-scenario", "version": 1, "name": "{name}", "changes": {changes}}}"#
    );
    load_scenario(&json).unwrap_or_else(|e| panic!("{e:?}"))
}

fn cell_text(c: &poolcalc_views::comparison::Cell) -> String {
    format!(
        "{}|{}|{}",
        c.value.map_or("-".into(), |v| v.to_string()),
        c.difference.map_or("-".into(), |v| v.to_string()),
        c.differs
    )
}

#[test]
fn rows_carry_differences_against_the_first_scenario() {
    let list = [
        scenario("as is", "[]"),
        scenario(
            "tv -50%",
            r#"[{"type": "scale_rates", "factor": "0.5", "product": "tv"}]"#,
        ),
    ];
    let results = compare_scenarios(&dataset(), &list, 2028, Some(&usage()))
        .unwrap_or_else(|e| panic!("{e:?}"));
    let rows = comparison_rows(&results, 2028);
    let find = |k: RowKind| {
        rows.iter()
            .find(|r| r.kind == k)
            .map(|r| r.cells.iter().map(cell_text).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    // Income 1,250 → 1,125 (TV lines halved); fee 10 % of each.
    assert_eq!(
        find(RowKind::Income),
        ["1250.00|0.00|false", "1125.00|-125.00|true"]
    );
    assert_eq!(
        find(RowKind::ManagementFee),
        ["125.00|0.00|false", "112.50|-12.50|true"]
    );
    // The reference licensee's 2028 TVs are exempt either way: 600.00 in both.
    assert_eq!(
        find(RowKind::LicenseePayable),
        ["600.00|0.00|false", "600.00|0.00|false"]
    );
    // Every member listed, and what members lose together is what distributable loses.
    let member_rows: Vec<_> = rows
        .iter()
        .filter(|r| matches!(r.kind, RowKind::Member(_)))
        .collect();
    assert_eq!(member_rows.len(), 3);
    let lost: Decimal = member_rows
        .iter()
        .filter_map(|r| r.cells[1].difference)
        .sum();
    assert_eq!(lost, d("-112.50"));
}

#[test]
fn a_member_only_one_scenario_has_is_marked() {
    let joining = r#"[{"type": "add_member",
        "member": {"id": "delta", "name": "Delta", "country": "DE", "joined": "2020-01-01"},
        "patents": [{"id": "d1", "member": "delta", "country": "US", "number": "US1",
                     "expires": "2040-01-01"}]}]"#;
    let list = [scenario("as is", "[]"), scenario("delta joins", joining)];
    let results =
        compare_scenarios(&dataset(), &list, 2028, None).unwrap_or_else(|e| panic!("{e:?}"));
    let rows = comparison_rows(&results, 2028);
    let delta = rows
        .iter()
        .find(|r| r.kind == RowKind::Member("delta".into()))
        .unwrap_or_else(|| panic!("no row for delta"));
    assert_eq!(delta.cells[0].value, None);
    assert!(delta.cells[1].value.is_some_and(|v| v > Decimal::ZERO));
    assert!(delta.cells[1].differs);
    // Without a reference licensee there are no licensee rows.
    assert!(!rows.iter().any(|r| r.kind == RowKind::LicenseePayable));
}

#[test]
fn crossings_are_where_the_reference_line_is_passed() {
    // 2026: the usage's TVs at 64.00 + 2.40 on 23 sets of 300 with a 6 % margin: well above
    // 25 % of unit profit at any rate from −50 % up; a 1 % line (0.01) is crossed nowhere, a
    // line between the cheapest and the dearest point is crossed once.
    let values = steps(d("-0.5"), d("0.5"), 3);
    let points = |line: &str| {
        sweep(
            &dataset(),
            SweepParameter::RateChange,
            &values,
            2026,
            Some(&usage()),
            d(line),
        )
        .unwrap_or_else(|e| panic!("{e:?}"))
    };
    let all_above = points("0.01");
    assert!(all_above.iter().all(|p| p.above_reference));
    assert!(reference_crossings(&all_above).is_empty());
    let shares: Vec<Decimal> = all_above
        .iter()
        .filter_map(|p| p.max_share_of_profit)
        .collect();
    assert_eq!(shares.len(), 3);
    // A line just under the middle point's share: the first point is below, the rest above.
    let line = shares[1] - d("0.0001");
    let crossed = points(&line.to_string());
    assert_eq!(reference_crossings(&crossed), [1]);
}

#[test]
fn chart_positions_start_at_zero() {
    let (lo, hi, pos) = chart_positions(&[Some(d("50")), Some(d("100")), None]);
    assert_eq!((lo, hi), (d("0"), d("100")));
    assert_eq!(pos, [0.5, 1.0, 0.0]);
    let (lo, hi, pos) = chart_positions(&[Some(d("-10")), Some(d("30"))]);
    assert_eq!((lo, hi), (d("-10"), d("30")));
    assert_eq!(pos, [0.0, 1.0]);
    let (_, hi, pos) = chart_positions(&[Some(d("0")), Some(d("0"))]);
    assert_eq!(hi, d("1"));
    assert_eq!(pos, [0.0, 0.0]);
}

#[test]
fn share_links_round_trip_and_refuse_damage() {
    let s = scenario(
        "Rates +10 %, fee 8 %",
        r#"[{"type": "scale_rates", "factor": "1.10"},
            {"type": "set_management_fee", "management_fee": {"percent": "0.08"}}]"#,
    );
    let code = encode_share(&s);
    assert!(
        code.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
        "{code}"
    );
    assert_eq!(decode_share(&code), Ok(s));
    assert!(decode_share("not*base64").is_err());
    assert!(decode_share("AAAA").is_err());
    let err = decode_share(&code[..code.len() / 2]).unwrap_err();
    assert!(!err.is_empty());
}
