//! The explorer's counts, filters, coverage and disclosure checklist, on the worked example
//! (public/datasets/worked-example.json) with every expectation worked out by hand from its
//! dates:
//!
//! | patent | member (in pool) | counts on days | years |
//! |---|---|---|---|
//! | a1 US fa | alpha 2020– | 2020-01-01 – 2029-12-31 | 2020–2029 |
//! | a2 DE fa | alpha | 2028-03-01 – 2029-06-14 | 2028–2029 |
//! | a3 CN | alpha | never (invalidated) | – |
//! | b1 CN fb | beta 2028-07-01– | 2028-07-01 – 2028-12-31 | 2028 |
//! | b2 CN fb | beta | 2028-07-01 – 2031-12-31 | 2028–2031 |
//! | g1 DE | gamma 2021-03-01 – 2028-03-31 | 2021-03-01 – 2028-03-31 | 2021–2028 |

#[path = "../../engine/tests/common/mod.rs"]
mod common;

use poolcalc_engine::model::dataset::PatentStatus;
use poolcalc_engine::model::date::Date;
use poolcalc_engine::{Pool, load_dataset};
use poolcalc_views::explorer::{
    Band, Coverage, Disclosed, DisclosureItem, MemberSort, PatentFilter, PoolCounts, YearCount,
    axis_ticks, coverage, disclosure, filter_patents, filter_sort_members, group_digits,
    member_detail, member_rows, patent_position, percent_text, pool_counts, tier_bands,
};
use rust_decimal::Decimal;

fn worked() -> Pool {
    let json = include_str!("../../../public/datasets/worked-example.json");
    Pool::new(load_dataset(json).expect("the worked example is valid"))
}

fn day(s: &str) -> Date {
    Date::parse(s).expect("test date")
}

fn dec(s: &str) -> Decimal {
    s.parse().expect("test decimal")
}

#[test]
fn counts_on_a_day_follow_status_dates_and_membership() {
    let pool = worked();
    assert_eq!(
        pool_counts(&pool, day("2026-06-01")),
        PoolCounts {
            members: 3,
            // beta joins in 2028
            members_in_pool: 2,
            patents: 6,
            // a1 and g1
            patents_in_force: 2,
            // alpha's fa, gamma's g1 (its own family)
            families_in_force: 2,
            // US, DE
            countries_in_force: 2,
            // US, DE, CN
            countries: 3,
        }
    );
    // gamma has left; beta is in; a2 is granted.
    let later = pool_counts(&pool, day("2028-08-01"));
    assert_eq!(later.members_in_pool, 2);
    assert_eq!(later.patents_in_force, 4);
    assert_eq!(later.families_in_force, 2);
    assert_eq!(later.countries_in_force, 3);
    // The expiry day itself no longer counts: a1 expires 2030-01-01, b2 is the only one left.
    assert_eq!(pool_counts(&pool, day("2030-01-01")).patents_in_force, 1);
    assert_eq!(pool_counts(&pool, day("2029-12-31")).patents_in_force, 2);
}

#[test]
fn member_rows_count_the_year() {
    let pool = worked();
    let rows = member_rows(&pool, 2028);
    let counts: Vec<_> = rows
        .iter()
        .map(|r| {
            (
                r.index,
                r.patents,
                r.patents_in_force,
                r.families_in_force,
                r.countries_in_force,
            )
        })
        .collect();
    assert_eq!(
        counts,
        vec![(0, 3, 2, 1, 2), (1, 2, 2, 1, 1), (2, 1, 1, 1, 1)]
    );
    assert_eq!(rows[2].exited, Some(day("2028-04-01")));
    let in_2030: Vec<_> = member_rows(&pool, 2030)
        .iter()
        .map(|r| r.patents_in_force)
        .collect();
    assert_eq!(in_2030, vec![0, 1, 0]);
}

#[test]
fn members_filter_and_sort() {
    let pool = worked();
    let d = pool.dataset();
    let rows = member_rows(&pool, 2028);
    let ids = |rows: Vec<poolcalc_views::explorer::MemberRow>| -> Vec<String> {
        rows.iter().map(|r| d.members[r.index].id.clone()).collect()
    };
    // Ties (alpha and beta have 2 each) stay in dataset order, also when descending.
    assert_eq!(
        ids(filter_sort_members(
            d,
            &rows,
            "",
            MemberSort::PatentsInForce,
            true,
            "en"
        )),
        ["alpha", "beta", "gamma"]
    );
    assert_eq!(
        ids(filter_sort_members(
            d,
            &rows,
            "",
            MemberSort::PatentsInForce,
            false,
            "en"
        )),
        ["gamma", "alpha", "beta"]
    );
    // Names in the reader's language: beta is 贝塔有限公司 in Chinese and sorts last.
    assert_eq!(
        ids(filter_sort_members(
            d,
            &rows,
            "",
            MemberSort::Name,
            false,
            "zh"
        )),
        ["alpha", "gamma", "beta"]
    );
    // Members still in the pool come after every exit date.
    assert_eq!(
        ids(filter_sort_members(
            d,
            &rows,
            "",
            MemberSort::Exited,
            false,
            "en"
        )),
        ["gamma", "alpha", "beta"]
    );
    // The query looks at id, name and country, in any case.
    assert_eq!(
        ids(filter_sort_members(
            d,
            &rows,
            "de",
            MemberSort::Name,
            false,
            "en"
        )),
        ["gamma"]
    );
    assert_eq!(
        ids(filter_sort_members(
            d,
            &rows,
            "贝塔",
            MemberSort::Name,
            false,
            "zh"
        )),
        ["beta"]
    );
    assert_eq!(
        ids(filter_sort_members(
            d,
            &rows,
            "BETA",
            MemberSort::Name,
            false,
            "en"
        )),
        ["beta"]
    );
    for (sort, name) in MemberSort::ALL {
        assert_eq!(MemberSort::parse(name), Some(sort));
        assert_eq!(sort.as_str(), name);
    }
}

#[test]
fn member_detail_lists_patents_countries_and_years() {
    let pool = worked();
    let detail = member_detail(&pool, "alpha", 2028).expect("alpha is a member");
    assert_eq!(detail.index, 0);
    assert_eq!(detail.patents, vec![0, 1, 2]);
    let countries: Vec<_> = detail
        .countries
        .iter()
        .map(|c| (c.country.as_str(), c.patents, c.in_force))
        .collect();
    assert_eq!(countries, vec![("CN", 1, 0), ("DE", 1, 1), ("US", 1, 1)]);
    let years: Vec<_> = detail.by_year.iter().map(|y| (y.year, y.patents)).collect();
    assert_eq!(
        years,
        vec![
            (2020, 1),
            (2021, 1),
            (2022, 1),
            (2023, 1),
            (2024, 1),
            (2025, 1),
            (2026, 1),
            (2027, 1),
            (2028, 2),
            (2029, 2),
            (2030, 0),
            (2031, 0),
        ]
    );
    assert!(member_detail(&pool, "nobody", 2028).is_none());
}

#[test]
fn coverage_by_pool_member_and_country() {
    let pool = worked();
    let series = |scope: Coverage| -> Vec<usize> {
        coverage(&pool, &scope).iter().map(|y| y.patents).collect()
    };
    let first = coverage(&pool, &Coverage::Pool);
    assert_eq!(
        first.first(),
        Some(&YearCount {
            year: 2020,
            patents: 1
        })
    );
    assert_eq!(
        first.last(),
        Some(&YearCount {
            year: 2031,
            patents: 1
        })
    );
    //                                 2020 21 22 23 24 25 26 27 28 29 30 31
    assert_eq!(series(Coverage::Pool), [1, 2, 2, 2, 2, 2, 2, 2, 5, 3, 1, 1]);
    assert_eq!(
        series(Coverage::Member("beta".into())),
        [0, 0, 0, 0, 0, 0, 0, 0, 2, 1, 1, 1]
    );
    assert_eq!(
        series(Coverage::Country("DE".into())),
        [0, 1, 1, 1, 1, 1, 1, 1, 2, 1, 0, 0]
    );
    assert_eq!(series(Coverage::Country("BR".into())), [0; 12]);
}

#[test]
fn patent_filters_combine() {
    let pool = worked();
    let d = pool.dataset();
    let run = |f: PatentFilter| filter_patents(d, &f);
    assert_eq!(run(PatentFilter::default()), [0, 1, 2, 3, 4, 5]);
    assert_eq!(
        run(PatentFilter {
            country: Some("CN".into()),
            ..Default::default()
        }),
        [2, 3, 4]
    );
    assert_eq!(
        run(PatentFilter {
            status: Some(PatentStatus::Invalidated),
            ..Default::default()
        }),
        [2]
    );
    // Text looks at the number (EP1000001 is a2's) in any case …
    assert_eq!(
        run(PatentFilter {
            text: "ep1".into(),
            ..Default::default()
        }),
        [1]
    );
    // … and at the family (fa, fb); no id or number holds an "f".
    assert_eq!(
        run(PatentFilter {
            text: "F".into(),
            ..Default::default()
        }),
        [0, 1, 3, 4]
    );
    // Expiry years are inclusive at both ends: a1 expires 2030-01-01, g1 2031-01-01.
    assert_eq!(
        run(PatentFilter {
            expires_from: Some(2030),
            expires_to: Some(2031),
            ..Default::default()
        }),
        [0, 5]
    );
    assert_eq!(
        run(PatentFilter {
            member: Some("beta".into()),
            expires_to: Some(2029),
            ..Default::default()
        }),
        [3]
    );
    assert_eq!(
        run(PatentFilter {
            family: Some("fa".into()),
            ..Default::default()
        }),
        [0, 1]
    );
    assert_eq!(
        run(PatentFilter {
            member: Some("gamma".into()),
            country: Some("CN".into()),
            ..Default::default()
        }),
        Vec::<u32>::new()
    );
    assert_eq!(patent_position(d, "b2"), Some(4));
    assert_eq!(patent_position(d, "zz"), None);
}

#[test]
fn patent_filters_travel_in_urls() {
    let f = PatentFilter::from_query([
        ("q", " ep "),
        ("country", "cn"),
        ("status", "pending"),
        ("expires_from", "not a year"),
        ("expires_to", "2030"),
        ("member", ""),
        ("unknown", "x"),
    ]);
    assert_eq!(
        f,
        PatentFilter {
            text: "ep".into(),
            country: Some("CN".into()),
            status: Some(PatentStatus::Pending),
            expires_to: Some(2030),
            ..Default::default()
        }
    );
    let pairs = f.to_query();
    let back = PatentFilter::from_query(pairs.iter().map(|(k, v)| (*k, v.as_str())));
    assert_eq!(back, f);
    assert!(PatentFilter::from_query([("status", "bogus")]).is_empty());
}

#[test]
fn axis_ticks_are_round_and_reach_the_top() {
    assert_eq!(axis_ticks(5, 5), [0, 1, 2, 3, 4, 5]);
    assert_eq!(axis_ticks(7, 4), [0, 2, 4, 6, 8]);
    assert_eq!(
        axis_ticks(100_000, 5),
        [0, 20_000, 40_000, 60_000, 80_000, 100_000]
    );
    assert_eq!(
        axis_ticks(93_417, 5),
        [0, 20_000, 40_000, 60_000, 80_000, 100_000]
    );
    assert_eq!(axis_ticks(0, 5), [0, 1]);
    assert_eq!(axis_ticks(1, 5), [0, 1]);
}

#[test]
fn readable_terms() {
    let pool = worked();
    let line = &pool.dataset().rate_schedules[0].lines[0];
    let poolcalc_engine::model::dataset::Rate::Tiers { tiers, .. } = &line.rate else {
        panic!("the decoder line of 2026-2027 is tiered");
    };
    assert_eq!(
        tier_bands(tiers),
        [
            Band {
                from: 1,
                to: Some(100_000),
                per_unit: dec("0")
            },
            Band {
                from: 100_001,
                to: Some(5_000_000),
                per_unit: dec("0.20")
            },
            Band {
                from: 5_000_001,
                to: None,
                per_unit: dec("0.10")
            },
        ]
    );
    assert_eq!(percent_text(dec("0.04")), "4");
    assert_eq!(percent_text(dec("0.0325")), "3.25");
    assert_eq!(percent_text(dec("0.10")), "10");
    assert_eq!(group_digits(0), "0");
    assert_eq!(group_digits(999), "999");
    assert_eq!(group_digits(100_000), "100,000");
    assert_eq!(group_digits(1_234_567), "1,234,567");
}

#[test]
fn disclosure_checklist() {
    let pool = worked();
    let got: Vec<_> = disclosure(pool.dataset())
        .iter()
        .map(|d| (d.item, d.status))
        .collect();
    use Disclosed::{No, Partly, Yes};
    use DisclosureItem as I;
    assert_eq!(
        got,
        vec![
            (I::PatentList, Yes),
            (I::ExpiryDates, Yes),
            // only a2 has a grant date
            (I::GrantDates, Partly { with: 1, of: 6 }),
            // a3 and g1 have no family
            (I::Families, Partly { with: 4, of: 6 }),
            // the pool names EX-1 but no patent is declared to it
            (I::Essentiality, Partly { with: 0, of: 6 }),
            (I::Rates, Yes),
            // an annual cap in 2026-2027, a group cap from 2028
            (I::Caps, Yes),
            (I::Discounts, Partly { with: 1, of: 2 }),
            (I::DistributionRule, Yes),
            (I::ManagementFee, Yes),
            (I::Licensees, Yes),
            (I::Sources, Yes),
        ]
    );

    // The bare test pool: no licensees, sources, standards, caps or discounts.
    let bare = common::pool(&common::base());
    let status = |item: DisclosureItem| {
        disclosure(bare.dataset())
            .iter()
            .find(|d| d.item == item)
            .map(|d| d.status)
    };
    assert_eq!(status(I::Licensees), Some(No));
    assert_eq!(status(I::Sources), Some(No));
    assert_eq!(status(I::Essentiality), Some(No));
    assert_eq!(status(I::Caps), Some(No));
    assert_eq!(status(I::Discounts), Some(No));
    assert_eq!(status(I::GrantDates), Some(No));
    assert_eq!(status(I::Families), Some(No));
    assert_eq!(status(I::PatentList), Some(Yes));

    // Every patent declared: essentiality is fully disclosed.
    let mut v = common::base();
    v["patents"][0]["standards"] = serde_json::json!(["X-1"]);
    let declared = common::pool(&v);
    assert_eq!(
        disclosure(declared.dataset())
            .iter()
            .find(|d| d.item == I::Essentiality)
            .map(|d| d.status),
        Some(Yes)
    );
}
