//! The numbers behind the member-shares page, on the spec's worked example (2028: income
//! 1250.00 from the one licensee; per-patent weights alpha 672, beta 368, gamma 91).
//! Expected amounts are worked by hand: floor of each exact share in cents, the cents left
//! to the largest remainders.

use poolcalc_engine::model::dataset::Method;
use poolcalc_engine::{Income, Pool, distribute, load_dataset, pool_income};
use poolcalc_views::shares_csv::write_shares_csv;
use poolcalc_views::shares_view::{
    IncomeProblem, IncomeSource, RuleProblem, RuleText, chart, check, compare_totals,
    income_from_text, income_years, licensee_incomes, project_with, range_totals, rule_from_text,
    top_members,
};
use rust_decimal::Decimal;

fn pool() -> Pool {
    Pool::new(
        load_dataset(include_str!("../../engine/tests/data/pool.json"))
            .unwrap_or_else(|e| panic!("{e:?}")),
    )
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|_| panic!("{s}"))
}

fn text<'a>(method: &'a str, percent: &'a str, min: &'a str, max: &'a str) -> RuleText<'a> {
    RuleText {
        method,
        uncovered: "pro_rata",
        fee_percent: percent,
        fee_min: min,
        fee_max: max,
    }
}

fn amounts(s: &poolcalc_engine::Shares) -> Vec<String> {
    s.members.iter().map(|m| m.amount.to_string()).collect()
}

#[test]
fn a_typed_fee_of_12_5_percent_changes_every_share() {
    let p = pool();
    let rule =
        rule_from_text(&text("per_patent", "12.5", "5", "")).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(rule.management_fee.percent, d("0.125"));
    assert_eq!(rule.management_fee.min, Some(d("5")));
    assert_eq!(rule.management_fee.max, None);
    let s = distribute(&p, 2028, &pool_income(&p, 2028), &rule);
    // Fee 1250 × 12.5 % = 156.25; 1093.75 split 672:368:91 = 649.867…, 355.879…, 88.002…:
    // floors 649.86, 355.87, 88.00 leave 2 cents, for beta (.98) then alpha (.74).
    assert_eq!(s.management_fee, d("156.25"));
    assert_eq!(amounts(&s), ["649.87", "355.88", "88.00"]);
    let c = check(&s);
    assert_eq!(c.shares, d("1093.75"));
    assert_eq!(c.sum, d("1250.00"));
    assert!(c.balanced);
}

#[test]
fn typed_rules_report_every_problem() {
    assert_eq!(
        rule_from_text(&text("per_patent", "101", "x", "")).err(),
        Some(vec![RuleProblem::FeePercent, RuleProblem::FeeMin])
    );
    assert_eq!(
        rule_from_text(&text("by_luck", "10", "50", "20")).err(),
        Some(vec![RuleProblem::Method, RuleProblem::MaxBelowMin])
    );
    assert_eq!(
        rule_from_text(&text("per_patent", "-1", "", "")).err(),
        Some(vec![RuleProblem::FeePercent])
    );
    // The fee is a percent as people type it, with either sign.
    let typed =
        rule_from_text(&text("per_patent", "12.5 ％", "1,000", "")).map(|r| r.management_fee);
    assert_eq!(
        typed.map(|f| (f.percent, f.min)),
        Ok((d("0.125"), Some(d("1000"))))
    );
}

#[test]
fn an_entered_split_by_country_is_the_income() {
    let p = pool();
    let reference = pool_income(&p, 2028);
    let income = income_from_text("", "US 400\ncn: 600\n\n", &reference, 2)
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(income.total, d("1000"));
    assert_eq!(
        income.by_country,
        vec![("CN".to_owned(), d("600")), ("US".to_owned(), d("400"))]
    );
    let rule = p.dataset().distribution.clone();
    let s = distribute(&p, 2028, &income, &rule);
    // Fee 100.00; 900 split 672:368:91 = 534.748…, 292.838…, 72.413….
    assert_eq!(amounts(&s), ["534.75", "292.84", "72.41"]);
    assert_eq!(
        income_from_text("", "CN 1\nUSA 2", &reference, 2),
        Err(IncomeProblem::CountryLine(2))
    );
    assert_eq!(
        income_from_text("", "CN 1\ncn 2", &reference, 2),
        Err(IncomeProblem::CountryTwice("CN".into()))
    );
    assert_eq!(
        income_from_text("lots", "", &reference, 2),
        Err(IncomeProblem::Total)
    );
}

#[test]
fn a_typed_total_follows_the_licensees_countries() {
    let p = pool();
    let reference = pool_income(&p, 2028);
    let income = income_from_text("2500", "", &reference, 2).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(income.total, d("2500"));
    // Twice the licensees' income: each country's amount doubles exactly.
    let doubled: Vec<(String, Decimal)> = reference
        .by_country
        .iter()
        .map(|(c, a)| (c.clone(), *a * Decimal::TWO))
        .collect();
    assert_eq!(income.by_country, doubled);
    let empty =
        income_from_text("10", "", &Income::default(), 2).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(empty.by_country.is_empty());
}

#[test]
fn a_range_adds_up_and_projections_take_the_entered_income() {
    let p = pool();
    let rule = p.dataset().distribution.clone();
    assert_eq!(income_years(&p), Some((2028, 2028)));
    let cache = licensee_incomes(&p, 2028..=2029);
    let years = project_with(&p, 2028..=2029, &rule, &IncomeSource::Licensees(&cache));
    let t = range_totals(&years).unwrap_or_else(|| panic!("no years"));
    assert_eq!((t.from, t.to), (2028, 2029));
    assert_eq!(t.check.income, d("1250.00"));
    assert_eq!(t.distributable, d("1125.00"));
    assert!(t.check.balanced);
    assert_eq!(t.members[0].amount, d("668.43"));
    assert_eq!(
        t.members[2].share_of_income,
        Some(d("90.52") / d("1125.00"))
    );

    let entered = Income::from_countries(vec![("US".into(), d("100"))]);
    let flat = project_with(&p, 2029..=2030, &rule, &IncomeSource::Entered(&entered));
    assert!(flat.iter().all(|s| s.income == d("100.00")));
    // 2029: fee 10.00; 90 split alpha 365 (a1) + 165 (a2, to 06-15) = 530, beta 365 (b1
    // expired on 01-01, b2), gamma 0 (left in 2028): 53.296…, 36.703….
    assert_eq!(amounts(&flat[0]), ["53.30", "36.70", "0.00"]);
    assert_eq!(top_members(&years, 2), ["alpha", "beta"]);
    // Against per family over the same years: alpha 642.36 − 668.43, gamma 159.71 − 90.52.
    let mut family = rule.clone();
    family.method = Method::PerFamily;
    let other = project_with(&p, 2028..=2029, &family, &IncomeSource::Licensees(&cache));
    let other = range_totals(&other).unwrap_or_else(|| panic!("no years"));
    let changes = compare_totals(&t, &other);
    assert_eq!(changes[0].change, d("-26.07"));
    assert_eq!(changes[2].change, d("69.19"));
}

#[test]
fn the_chart_scales_to_a_round_top() {
    let p = pool();
    let s = distribute(&p, 2028, &pool_income(&p, 2028), &p.dataset().distribution);
    let c = chart(
        std::slice::from_ref(&s),
        &["alpha".into(), "gamma".into()],
        2,
    );
    // Largest amount 668.43 → axis top 1,000.00 (grouped, as on screen), gridlines every 250.
    let labels: Vec<&str> = c.ticks.iter().map(|t| t.1.as_str()).collect();
    assert_eq!(labels, ["0.00", "250.00", "500.00", "750.00", "1,000.00"]);
    assert!((c.series[0].1[0] - 0.66843).abs() < 1e-9);
    assert!((c.series[1].1[0] - 0.09052).abs() < 1e-9);
}

#[test]
fn the_shares_csv_redoes_the_check_line() {
    let p = pool();
    let mut rule = p.dataset().distribution.clone();
    rule.method = Method::PerFamily;
    let s = distribute(&p, 2028, &pool_income(&p, 2028), &rule);
    let csv = write_shares_csv(&p, &[s]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "year,kind,member,weight,amount,share_of_income,patents,income_per_patent,currency"
    );
    // Per family: alpha's family fa counts 366 days, beta's fb 184, gamma's g1 91.
    assert_eq!(
        lines[1],
        format!(
            "2028,member,alpha,366,642.36,{},2,321.18,USD",
            d("642.36") / d("1125.00")
        )
    );
    assert_eq!(
        lines[3],
        format!(
            "2028,member,gamma,91,159.71,{},1,159.71,USD",
            d("159.71") / d("1125.00")
        )
    );
    assert_eq!(
        &lines[4..],
        [
            "2028,income,,,1250.00,,,,USD",
            "2028,management_fee,,,125.00,,,,USD",
            "2028,unallocated,,,0.00,,,,USD"
        ]
    );
}
