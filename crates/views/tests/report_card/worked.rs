//! The worked example of the spec, worked out by hand.

use super::*;

#[test]
fn the_worked_example_year_2028_by_hand() {
    let card = report_card(&worked(), &Options::default());
    // as_of 2026 lies before the only licensee year, 2028.
    assert_eq!(card.year, 2028);
    // The spec's split of 2028 (expected-distribute-2028.json, per_patent).
    let amounts = [d("668.43"), d("366.05"), d("90.52")];
    let total: Decimal = amounts.iter().sum();
    assert_eq!(total, d("1125.00"));
    let hhi: Decimal = amounts
        .iter()
        .map(|a| (a / total) * (a / total))
        .sum::<Decimal>()
        * Decimal::from(10_000);
    assert_eq!(
        one(&card, IndicatorId::IncomeHhi).value,
        Value::Points(hhi.round_dp(2))
    );
    let largest = one(&card, IndicatorId::LargestIncomeShare);
    assert_eq!(largest.subject, member("alpha"));
    assert_eq!(largest.value, Value::Fraction(round6(d("668.43") / total)));
    assert_eq!(
        one(&card, IndicatorId::TopThreeIncomeShare).value,
        Value::Fraction(d("1"))
    );
    // Patents counting in 2028: alpha a1, a2 (a3 invalidated); beta b1, b2 from July;
    // gamma g1 until April: 2, 2, 1 of 5.
    assert_eq!(
        one(&card, IndicatorId::PatentHhi).value,
        Value::Points(d("3600.00"))
    );
    let top = one(&card, IndicatorId::LargestPatentShare);
    assert_eq!(
        (&top.subject, &top.value),
        (&member("alpha"), &Value::Fraction(d("0.4")))
    );
    let versus = rows(&card, IndicatorId::IncomeVsPatentShare);
    let statuses: Vec<_> = versus.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [
            Some(Status::IncomeShareAbove),
            Some(Status::IncomeShareBelow),
            Some(Status::IncomeShareBelow)
        ]
    );
    assert_eq!(versus[2].detail, Some(Value::Fraction(d("0.2"))));
    // 1125 over 5 patents; gamma 90.52 for 1; alpha 668.43 for 2 = 334.215 → 334.22.
    assert_eq!(
        one(&card, IndicatorId::IncomePerPatent).value,
        Value::Money(d("225.00"))
    );
    let low = one(&card, IndicatorId::IncomePerPatentLowest);
    assert_eq!(
        (&low.subject, &low.value),
        (&member("gamma"), &Value::Money(d("90.52")))
    );
    let high = one(&card, IndicatorId::IncomePerPatentHighest);
    assert_eq!(
        (&high.subject, &high.value),
        (&member("alpha"), &Value::Money(d("334.22")))
    );
    assert_eq!(
        one(&card, IndicatorId::IncomePerPatentRatio).value,
        Value::Ratio(round6(d("334.215") / d("90.52")))
    );
}

#[test]
fn the_worked_example_balance_fee_and_openness_by_hand() {
    let card = report_card(&worked(), &Options::default());
    // 2028-on: tv 100 in US at 2.00 + 50 in CN at 1.00, 40 in BR exempt (no pool patent):
    // 250 over 190 units; typical price 300, margin 0.06 → unit profit 18.
    let tv = |r: &&Row| {
        r.subject
            == Subject::Product {
                schedule: Some("2028-on".into()),
                product: "tv".into(),
            }
    };
    let per_unit = d("250") / d("190");
    let find = |id| {
        rows(&card, id)
            .iter()
            .find(tv)
            .cloned()
            .unwrap_or_else(|| panic!("no tv row"))
    };
    assert_eq!(
        find(IndicatorId::RoyaltyPerUnit).value,
        Value::Money(d("1.32"))
    );
    assert_eq!(
        find(IndicatorId::RoyaltyShareOfPrice).value,
        Value::Fraction(round6(per_unit / d("300")))
    );
    let profit = find(IndicatorId::RoyaltyShareOfProfit);
    assert_eq!(profit.value, Value::Fraction(round6(per_unit / d("18"))));
    assert_eq!(profit.status, Some(Status::AtOrBelowReference));
    // 1250 × 10 % = 125, above the minimum of 5.
    let fee = one(&card, IndicatorId::ManagementFee);
    assert_eq!(fee.value, Value::Money(d("125.00")));
    assert_eq!(fee.detail, Some(Value::Fraction(d("0.1"))));
    assert_eq!(
        one(&card, IndicatorId::FeeBinding).status,
        Some(Status::NeitherBinds)
    );
    // Joined 2020, 2021, 2028; gamma left in 2028.
    let joined: Vec<_> = rows(&card, IndicatorId::JoinedByYear)
        .iter()
        .map(|r| (r.subject.key(), r.value.clone()))
        .collect();
    assert_eq!(
        joined,
        [
            ("year=2020".into(), Value::Count(1)),
            ("year=2021".into(), Value::Count(1)),
            ("year=2028".into(), Value::Count(1))
        ]
    );
    // Patents in force 1 (gamma), 2 (alpha), 2 (beta): the median is alpha's two. The copy
    // weighs as alpha does (672 patent-days) and covers countries already covered, so the
    // 1125 shared out stay 1125: what the joiner gets, the others give up.
    let median = one(&card, IndicatorId::MedianPortfolio);
    assert_eq!(
        (&median.subject, &median.value),
        (&member("alpha"), &Value::Count(2))
    );
    let joiner = one(&card, IndicatorId::JoinerIncome);
    let Value::Money(got) = joiner.value else {
        panic!("{joiner:?}")
    };
    let exact = d("1125") * d("672") / d("1803");
    assert!((got - exact).abs() <= d("0.01"), "{got} against {exact}");
    assert_eq!(
        one(&card, IndicatorId::OthersGiveUp).value,
        Value::Money(got)
    );
    assert_eq!(
        one(&card, IndicatorId::LargestLoss).subject,
        member("alpha")
    );
    // One licensee: it is the one checked, at the spec's 1250.
    let reference = one(&card, IndicatorId::ReferenceLicensee);
    assert_eq!(reference.value, Value::Money(d("1250.00")));
    // Ten years ahead: 5 patents in 2028; a1, a2, b2 in 2029; b2 alone 2030–2031; none after.
    let ahead: Vec<_> = rows(&card, IndicatorId::AheadPatentsInForce)
        .iter()
        .map(|r| r.value.clone())
        .collect();
    let expected: Vec<_> = [5, 3, 1, 1, 0, 0, 0, 0, 0, 0]
        .into_iter()
        .map(Value::Count)
        .collect();
    assert_eq!(ahead, expected);
    let largest: Vec<_> = rows(&card, IndicatorId::AheadLargestShare)
        .iter()
        .map(|r| r.value.clone())
        .collect();
    assert_eq!(largest[2], Value::Fraction(d("1")));
    assert_eq!(largest[9], Value::None);
}

#[test]
fn the_worked_example_disclosure_checklist() {
    let card = report_card(&worked(), &Options::default());
    let status = |item: &str| {
        rows(&card, IndicatorId::DisclosureItem)
            .iter()
            .find(|r| r.subject == Subject::Item { item: item.into() })
            .map(|r| (r.value.clone(), r.status))
            .unwrap_or_else(|| panic!("no {item}"))
    };
    assert_eq!(
        status("grant_dates"),
        (Value::Coverage { with: 1, of: 6 }, Some(Status::Partly))
    );
    assert_eq!(
        status("families"),
        (Value::Coverage { with: 4, of: 6 }, Some(Status::Partly))
    );
    assert_eq!(
        status("discounts"),
        (Value::Coverage { with: 1, of: 2 }, Some(Status::Partly))
    );
    assert_eq!(
        status("typical_prices"),
        (Value::Coverage { with: 1, of: 3 }, Some(Status::Partly))
    );
    assert_eq!(status("sources"), (Value::None, Some(Status::Disclosed)));
    assert_eq!(
        status("administrator"),
        (Value::None, Some(Status::Disclosed))
    );
    assert_eq!(one(&card, IndicatorId::MissingItems).value, Value::Count(0));
}

#[test]
fn exports_hold_every_row_as_plain_numbers() {
    let card = report_card(
        &worked(),
        &Options {
            year: Some(2028),
            ..Options::default()
        },
    );
    let csv = report_csv(&card);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map(|h| h.iter().map(str::to_owned).collect())
        .unwrap_or_default();
    assert_eq!(header, REPORT_HEADER);
    let records: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect();
    let all: usize = card
        .sections
        .iter()
        .flat_map(|s| &s.indicators)
        .map(|i| i.rows.len())
        .sum();
    assert_eq!(records.len(), all);
    let fee = records
        .iter()
        .find(|r| &r[1] == "management_fee")
        .unwrap_or_else(|| panic!("no fee row"));
    assert_eq!(
        (&fee[2], &fee[5], &fee[6], &fee[7]),
        ("pool", "125.00", "money", "0.1")
    );
    // Money and fractions parse as plain decimals: no grouping, no percent sign.
    for r in &records {
        if matches!(&r[6], "money" | "fraction" | "points" | "ratio") {
            assert!(r[5].parse::<Decimal>().is_ok(), "{:?}", r);
        }
    }
    let json = report_json(&card);
    let sections = json["sections"].as_array().map_or(0, Vec::len);
    assert_eq!(sections, 7);
    let fee = json["sections"][4]["indicators"][0].clone();
    assert_eq!(fee["id"], "management_fee");
    assert_eq!(fee["rows"][0]["value"], "125.00");
    assert!(
        fee["passage"]["zh"]
            .as_str()
            .is_some_and(|s| s.contains("管理费"))
    );
}

#[test]
fn a_scenario_changes_the_figures_it_touches() {
    let base = worked();
    let scenario = poolcalc_engine::scenario::load_scenario(
        r#"{"format": "poolcalc-scenario", "version": 1, "name": "fee 20 %", "changes": [{"type": "set_management_fee", "management_fee": {"percent": "0.2", "min": "5"}}]}"#,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let changed = poolcalc_engine::scenario::apply_scenario(base.dataset(), &scenario)
        .unwrap_or_else(|e| panic!("{e:?}"));
    let card = report_card(
        &Pool::new(changed),
        &Options {
            scenario: Some(scenario.name),
            ..Options::default()
        },
    );
    assert_eq!(card.scenario.as_deref(), Some("fee 20 %"));
    assert_eq!(
        one(&card, IndicatorId::ManagementFee).value,
        Value::Money(d("250.00"))
    );
    assert_eq!(
        one(&card, IndicatorId::IncomePerPatent).value,
        Value::Money(d("200.00"))
    );
}
