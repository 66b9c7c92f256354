//! The join / exit evaluator on the spec's worked example, with candidate patents read from
//! CSV. Expected amounts are worked by hand.

use poolcalc_engine::io::synth::{SynthOptions, synthesize};
use poolcalc_engine::model::dataset::{Method, Patent};
use poolcalc_engine::model::date::Date;
use poolcalc_engine::scenario::apply_scenario;
use poolcalc_engine::{Pool, load_dataset};
use poolcalc_views::candidate_csv::{
    CandidateRow, RowProblem, candidate_patents, read_candidate_csv, write_candidate_csv,
};
use poolcalc_views::holder::compare_years;
use poolcalc_views::membership_change::{
    AfterPool, candidate_member, evaluate, evaluation_totals, exit_scenario, join_scenario,
};
use poolcalc_views::shares_csv::write_evaluation_csv;
use poolcalc_views::shares_view::{IncomeSource, licensee_incomes};
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

fn date(s: &str) -> Date {
    Date::parse(s).unwrap_or_else(|| panic!("{s}"))
}

#[test]
fn candidate_csv_keeps_rows_as_typed_and_checks_each() {
    let text = "Country,Number,Expires,Weight,Family\nBR,BR123,2035-01-01,,f1\nUSA,US9,2030-01-01,2,\n\nJP,JP7,2027-02-30,x,\n";
    let (rows, issues) = read_candidate_csv(text);
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].number, "BR123");
    assert_eq!(rows[0].family, "f1");
    assert_eq!(rows[1].weight, "2");
    let bad = candidate_patents("delta", &rows).err().unwrap_or_default();
    assert_eq!(
        bad,
        vec![
            (1, vec![RowProblem::Country]),
            (2, vec![RowProblem::Expires, RowProblem::Weight])
        ]
    );
    let good = candidate_patents("delta", &rows[..1]).unwrap_or_default();
    assert_eq!(good[0].id, "delta-1");
    assert_eq!(good[0].weight, Decimal::ONE);
    assert_eq!(good[0].family.as_deref(), Some("f1"));
    // What is written reads back the same.
    assert_eq!(read_candidate_csv(&write_candidate_csv(&rows)).0, rows);
    let (_, issues) = read_candidate_csv("number,country\nX,CN\n");
    assert!(issues[0].message.contains("`expires` is missing"));
    let backwards = CandidateRow {
        number: "N".into(),
        country: "cn".into(),
        granted: "2030-01-01".into(),
        expires: "2029-01-01".into(),
        ..CandidateRow::default()
    };
    assert_eq!(
        candidate_patents("x", &[backwards])
            .err()
            .unwrap_or_default(),
        vec![(0, vec![RowProblem::ExpiresBeforeGranted])]
    );
}

#[test]
fn joining_with_a_patent_in_brazil_brings_new_income() {
    let p = pool();
    let (rows, _) = read_candidate_csv("number,country,expires\nBR9,BR,2035-01-01\n");
    let member = candidate_member(
        &p.dataset().members,
        "alpha",
        "Delta",
        "jp",
        date("2028-01-01"),
    );
    // "alpha" is taken: the candidate gets a free id.
    assert_eq!(member.id, "alpha-2");
    assert_eq!(member.country, "JP");
    let id = member.id.clone();
    let patents = candidate_patents(&id, &rows).unwrap_or_default();
    let joined = Pool::new(
        apply_scenario(p.dataset(), &join_scenario(member, patents))
            .unwrap_or_else(|e| panic!("{e:?}")),
    );
    let rule = p.dataset().distribution.clone();
    let cache = licensee_incomes(&p, 2028..=2029);
    let after = AfterPool::join(
        &p,
        member_again(&p, &joined),
        candidate_patents(&id, &rows).unwrap_or_default(),
        2028..=2029,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    // Brazil was uncovered: income moves, so the whole pool is rebuilt.
    assert!(matches!(after, AfterPool::Whole(_)));
    let years = evaluate(
        &p,
        &after,
        2028..=2029,
        &rule,
        &IncomeSource::Licensees(&cache),
        &id,
        Some(d("200")),
    );
    let y = &years[0];
    // The 40 televisions sold in Brazil (region 2, 1.00 each) were royalty-free while no pool
    // patent counted there: income 1250 + 40 = 1290, fee 129, 1161 split 672:368:91:366.
    assert_eq!(y.after.income, d("1290.00"));
    let after: Vec<String> = y
        .after
        .members
        .iter()
        .map(|m| m.amount.to_string())
        .collect();
    assert_eq!(after, ["521.17", "285.40", "70.58", "283.85"]);
    let s = y.subject_after.clone().unwrap_or_else(|| panic!("subject"));
    assert_eq!(
        (s.amount, s.patents, s.per_patent),
        (d("283.85"), 1, Some(d("283.85")))
    );
    // Patents counting in 2028: alpha 2, beta 2, gamma 1, the candidate 1.
    assert_eq!(s.share_of_patents, Some(d("1") / d("6")));
    assert_eq!(y.subject_before, None);
    assert_eq!(y.versus_bilateral, Some(d("83.85")));
    let changes: Vec<(String, String)> = y
        .changes
        .iter()
        .map(|c| (c.id.clone(), c.change.to_string()))
        .collect();
    assert_eq!(
        changes,
        [
            ("alpha".into(), "-147.26".into()),
            ("beta".into(), "-80.65".into()),
            ("gamma".into(), "-19.94".into()),
            ("alpha-2".into(), "283.85".into())
        ]
    );
    // The same numbers as the engine's year-by-year comparison, which recomputes everything.
    let reference = compare_years(&p, &joined, 2028..=2029, &rule, &rule);
    for (mine, theirs) in years.iter().zip(&reference) {
        assert_eq!((&mine.before, &mine.after), (&theirs.before, &theirs.after));
        assert_eq!(mine.changes, theirs.changes);
    }
    let totals = evaluation_totals(&years);
    assert_eq!(totals[3].after, d("283.85"));
    let csv = write_evaluation_csv(&years, 2, "USD");
    assert!(
        csv.lines()
            .any(|l| l == "2028,alpha-2,0.00,283.85,283.85,USD")
    );
}

#[test]
fn a_member_leaving_midyear_loses_its_later_days() {
    let p = pool();
    let after = AfterPool::applying(&p, &exit_scenario("alpha", date("2028-07-01")))
        .unwrap_or_else(|e| panic!("{e:?}"));
    let rule = p.dataset().distribution.clone();
    let cache = licensee_incomes(&p, 2028..=2028);
    let years = evaluate(
        &p,
        &after,
        2028..=2028,
        &rule,
        &IncomeSource::Licensees(&cache),
        "alpha",
        None,
    );
    let y = &years[0];
    // alpha counts a1 from 01-01 and a2 from 03-01, both to 07-01: 182 + 122 = 304 days.
    // Income is unchanged (US and DE stay covered); 1125 split 304:368:91.
    assert_eq!(y.after.income, d("1250.00"));
    assert_eq!(y.after.members[0].weight, d("304"));
    let after: Vec<String> = y
        .after
        .members
        .iter()
        .map(|m| m.amount.to_string())
        .collect();
    assert_eq!(after, ["448.23", "542.60", "134.17"]);
    assert_eq!(y.changes[0].change, d("-220.20"));
    assert_eq!(y.changes[1].change, d("176.55"));
    assert!(y.subject_before.is_some() && y.versus_bilateral.is_none());
    assert!(apply_scenario(p.dataset(), &exit_scenario("alpha", date("2019-01-01"))).is_err());
}

/// The joining member as the joined pool holds it.
fn member_again(before: &Pool, joined: &Pool) -> poolcalc_engine::model::dataset::Member {
    joined.dataset().members[before.dataset().members.len()].clone()
}

/// A candidate of `n` patents in countries the pool already covers, some sharing families.
fn candidate(
    p: &Pool,
    n: usize,
    joined: &str,
) -> (poolcalc_engine::model::dataset::Member, Vec<Patent>) {
    let member = candidate_member(&p.dataset().members, "cand", "Cand", "US", date(joined));
    let countries = p.index().countries();
    let patents = (0..n)
        .map(|i| {
            let mut patent = p.dataset().patents[i % p.dataset().patents.len()].clone();
            patent.id = format!("cand-{i}");
            patent.member = member.id.clone();
            patent.family = (i % 4 != 0).then(|| format!("cf{}", i / 3));
            patent.country = countries[i % countries.len()].clone();
            patent.granted = Some(date("2024-01-01"));
            patent.expires = date(&format!("{}-06-30", 2027 + i % 12));
            patent.weight = d(["1", "2", "0.5"][i % 3]);
            patent
        })
        .collect();
    (member, patents)
}

/// `whole` and `fast`, the same change made two ways, give equal evaluations under every
/// method (the subject compared with a bilateral income of 10).
fn assert_same_evaluations(
    p: &Pool,
    whole: &AfterPool,
    fast: &AfterPool,
    years: std::ops::RangeInclusive<i32>,
    cache: &std::collections::BTreeMap<i32, poolcalc_engine::Income>,
    subject: &str,
    what: &str,
) {
    for method in [
        Method::PerPatent,
        Method::PerFamily,
        Method::Weighted,
        Method::CountryOfSale,
    ] {
        let mut rule = p.dataset().distribution.clone();
        rule.method = method;
        let source = IncomeSource::Licensees(cache);
        let bilateral = Some(d("10"));
        let a = evaluate(p, whole, years.clone(), &rule, &source, subject, bilateral);
        let b = evaluate(p, fast, years.clone(), &rule, &source, subject, bilateral);
        assert_eq!(a, b, "{what}, {method:?}");
    }
}

#[test]
fn a_join_without_rebuilding_the_pool_gives_the_same_shares() {
    let dataset = synthesize(&SynthOptions {
        members: 12,
        patents: 1500,
        countries: 9,
        licensees: 15,
        from: 2026,
        to: 2035,
        seed: 3,
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let p = Pool::new(dataset);
    let years = 2026..=2035;
    let cache = licensee_incomes(&p, years.clone());
    let mut without_rebuilding = 0;
    for (n, joined) in [(1, "2026-01-01"), (40, "2027-03-15"), (300, "2031-12-31")] {
        let (member, patents) = candidate(&p, n, joined);
        let id = member.id.clone();
        let whole = AfterPool::applying(&p, &join_scenario(member.clone(), patents.clone()))
            .unwrap_or_else(|e| panic!("{e:?}"));
        let fast =
            AfterPool::join(&p, member, patents, years.clone()).unwrap_or_else(|e| panic!("{e:?}"));
        without_rebuilding += usize::from(matches!(fast, AfterPool::Reindexed { .. }));
        let what = format!("{n} patents joining {joined}");
        assert_same_evaluations(&p, &whole, &fast, years.clone(), &cache, &id, &what);
    }
    assert_eq!(
        without_rebuilding, 3,
        "every candidate here leaves income alone"
    );
}

#[test]
fn an_exit_recounting_one_member_gives_the_same_shares() {
    let dataset = synthesize(&SynthOptions {
        members: 10,
        patents: 1200,
        countries: 7,
        licensees: 12,
        from: 2026,
        to: 2034,
        seed: 5,
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let p = Pool::new(dataset);
    let years = 2026..=2034;
    let cache = licensee_incomes(&p, years.clone());
    let ids: Vec<String> = p.dataset().members.iter().map(|m| m.id.clone()).collect();
    let mut recounted = 0;
    for (k, from) in ["2026-02-01", "2029-07-01", "2033-12-31"]
        .iter()
        .enumerate()
    {
        let id = &ids[(k * 3) % ids.len()];
        let Ok(whole) = AfterPool::applying(&p, &exit_scenario(id, date(from))) else {
            continue;
        };
        let fast =
            AfterPool::leave(&p, id, date(from), years.clone()).unwrap_or_else(|e| panic!("{e:?}"));
        recounted += usize::from(matches!(fast, AfterPool::Reindexed { .. }));
        let what = format!("{id} leaving {from}");
        assert_same_evaluations(&p, &whole, &fast, years.clone(), &cache, id, &what);
    }
    assert!(recounted > 0, "no exit took the recounting path");
    // Leaving before joining is refused as the scenario would be.
    let first = &p.dataset().members[0];
    assert!(AfterPool::leave(&p, &first.id, first.joined, years).is_err());
}

#[test]
fn a_join_with_a_patent_id_already_in_the_pool_is_refused_with_its_path() {
    let p = pool();
    let (member, mut patents) = candidate(&p, 2, "2028-01-01");
    patents[1].id = p.dataset().patents[0].id.clone();
    let issues = AfterPool::join(&p, member, patents, 2028..=2028)
        .err()
        .unwrap_or_default();
    assert!(
        issues.iter().any(|i| i.to_string().contains("used twice")),
        "{issues:?}"
    );
}
