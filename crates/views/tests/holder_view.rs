//! The patent holder's view, on the spec's worked example.

use poolcalc_engine::model::dataset::Method;
use poolcalc_engine::scenario::{apply_scenario, load_scenario};
use poolcalc_engine::{Pool, distribute, load_dataset, pool_income, project};
use poolcalc_views::holder::{compare_years, explain_share, halvings, member_years};
use rust_decimal::Decimal;

fn pool() -> Pool {
    Pool::new(
        load_dataset(include_str!("../../engine/tests/data/pool.json"))
            .unwrap_or_else(|e| panic!("{e:?}")),
    )
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

#[test]
fn member_years_compare_patents_with_income() {
    let p = pool();
    let s = distribute(&p, 2028, &pool_income(&p, 2028), &p.dataset().distribution);
    let rows = member_years(&p, &s);
    let got: Vec<(&str, u32, String)> = rows
        .iter()
        .map(|r| {
            (
                r.id.as_str(),
                r.patents,
                r.per_patent.unwrap_or_default().round_dp(2).to_string(),
            )
        })
        .collect();
    // alpha: a1 and a2 count in 2028 (a3 is invalidated); beta: b1, b2; gamma: g1.
    assert_eq!(
        got,
        [
            ("alpha", 2, "334.22".into()),
            ("beta", 2, "183.02".into()),
            ("gamma", 1, "90.52".into())
        ]
    );
    assert_eq!(rows[0].share_of_patents, Some(d("0.4")));
    let income_shares: Decimal = rows.iter().filter_map(|r| r.share_of_income).sum();
    assert_eq!(income_shares.round_dp(20), Decimal::ONE);
}

#[test]
fn explain_country_of_sale_adds_up_to_the_weight() {
    let p = pool();
    let mut rule = p.dataset().distribution.clone();
    rule.method = Method::CountryOfSale;
    let e = explain_share(&p, 2028, &pool_income(&p, 2028), &rule, "alpha")
        .unwrap_or_else(|| panic!("alpha"));
    let parts: Vec<(String, String, u64, u64)> = e
        .countries
        .iter()
        .map(|c| {
            (
                c.country.clone(),
                c.part.to_string(),
                c.member_days,
                c.total_days,
            )
        })
        .collect();
    assert_eq!(
        parts,
        [
            ("CN".into(), "230.29".into(), 0, 368),
            ("DE".into(), "714.71".into(), 306, 397),
            ("US".into(), "180.00".into(), 366, 366)
        ]
    );
    let sum: Decimal = e.countries.iter().map(|c| c.contribution).sum();
    assert!((sum - e.weight).abs() < d("0.000000000001"));
    assert_eq!(e.amount, d("730.88"));
    assert_eq!(e.total_weight.round_dp(10), d("1125"));
}

#[test]
fn a_holder_joining_gains_and_others_lose() {
    let p = pool();
    let s = load_scenario(r#"{"format": "poolcalc-scenario", "version": 1, "name": "join", "changes": [{"type": "add_member",
        "member": {"id": "delta", "name": "Delta", "country": "JP", "joined": "2028-01-01"},
        "patents": [{"id": "d1", "member": "delta", "country": "US", "number": "US9", "expires": "2035-01-01"}]}]}"#)
    .unwrap_or_else(|e| panic!("{e:?}"));
    let joined = Pool::new(apply_scenario(p.dataset(), &s).unwrap_or_else(|e| panic!("{e:?}")));
    let rule = p.dataset().distribution.clone();
    let years = compare_years(&p, &joined, 2028..=2029, &rule, &rule);
    let y = &years[0];
    assert_eq!(y.changes.len(), 4);
    let delta = &y.changes[3];
    assert_eq!((delta.id.as_str(), delta.before), ("delta", Decimal::ZERO));
    assert!(delta.after > Decimal::ZERO);
    assert!(y.changes[..3].iter().all(|c| c.change <= Decimal::ZERO));
    // Income is the same (the licensee's sales are unchanged): what delta gains, others lose.
    let net: Decimal = y.changes.iter().map(|c| c.change).sum();
    assert_eq!(net, Decimal::ZERO);
}

#[test]
fn halving_years_are_marked() {
    let p = pool();
    let projection = project(&p, 2028..=2030, &p.dataset().distribution);
    // Only 2028 has licensee income: every member's income falls to 0 in 2029.
    let marks = halvings(&projection);
    assert_eq!(
        marks,
        [
            ("alpha".to_owned(), 2029),
            ("beta".to_owned(), 2029),
            ("gamma".to_owned(), 2029)
        ]
    );
}
