//! The page models of version 2 (pool-dataset-v2) on its worked example: the fee form's
//! columns and rows, the explanation of coverage, upstream-paid units and service tiers, the
//! summaries, and the Overview's rate history. Figures as in examples-v2/README.md.

use poolcalc_engine::fees::ExemptReason;
use poolcalc_engine::model::date::Date;
use poolcalc_engine::model::in_force::InForceRule;
use poolcalc_engine::{Pool, compute_fees, load_dataset, load_usage};
use poolcalc_views::fee_form::{
    FieldProblem, FormColumns, SaleRowText, evaluate, form_columns, form_from_usage, new_row,
    summarize,
};
use poolcalc_views::fee_steps::{LineRate, fee_steps};
use poolcalc_views::terms_history::{Admits, RateField, terms_history_view};
use rust_decimal::Decimal;

const POOL: &str = include_str!("../../engine/tests/data/v2/pool.json");
const USAGE: &str = include_str!("../../engine/tests/data/v2/usage.json");
const V1_POOL: &str = include_str!("../../engine/tests/data/pool.json");

fn pool(text: &str) -> Pool {
    Pool::new(load_dataset(text).unwrap_or_else(|i| panic!("{i:#?}")))
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

#[test]
fn the_form_shows_version_2_columns_only_where_the_dataset_needs_them() {
    let usage = load_usage(USAGE).unwrap_or_else(|i| panic!("{i:#?}"));
    let v2 = pool(POOL);
    let form = form_from_usage(&usage, "en");
    let all = FormColumns {
        needs_made_in: true,
        needs_upstream: true,
        has_service_products: true,
    };
    assert_eq!(form_columns(v2.dataset(), &form), all);
    let v1 = pool(V1_POOL);
    let blank = poolcalc_views::fee_form::starter_form(v1.dataset(), 2026);
    assert_eq!(form_columns(v1.dataset(), &blank), FormColumns::default());
    // Rows that hold a made-in country show the column in any pool.
    assert!(form_columns(v1.dataset(), &form).needs_made_in);
}

#[test]
fn the_form_of_the_usage_file_computes_its_fees() {
    let usage = load_usage(USAGE).unwrap_or_else(|i| panic!("{i:#?}"));
    let p = pool(POOL);
    let form = form_from_usage(&usage, "en");
    assert_eq!(form.rows[2].upstream_paid_units, "40");
    assert_eq!(
        (form.rows[3].units.as_str(), form.rows[3].users.as_str()),
        ("", "60000")
    );
    let out = evaluate(&p, &form);
    assert!(out.rows.iter().all(|m| m.is_clear()), "{:#?}", out.rows);
    assert_eq!(out.usage, usage);
    let expected = compute_fees(&p, &usage).map_err(|e| e.to_string());
    assert_eq!(out.report, expected);
    let (years, total) = summarize(
        &out.usage,
        out.report.as_ref().unwrap_or_else(|e| panic!("{e}")),
    );
    // 2026: 1,000 + 500 + 100 device units; 500 not in force and 40 paid upstream.
    assert_eq!(
        (
            years[0].units,
            years[0].exempt_units,
            years[0].paid_upstream_units
        ),
        (1600, 540, 40)
    );
    assert_eq!((total.exempt_units, total.paid_upstream_units), (540, 40));
    assert_eq!(total.payable.to_string(), "105660.00");
}

#[test]
fn service_and_upstream_fields_are_marked_where_they_do_not_parse() {
    let p = pool(POOL);
    let row = |product: &str| SaleRowText {
        year: "2026".into(),
        product: product.into(),
        country: "US".into(),
        ..SaleRowText::default()
    };
    let mut form = form_from_usage(
        &load_usage(USAGE).unwrap_or_else(|i| panic!("{i:#?}")),
        "en",
    );
    form.rows = vec![
        SaleRowText {
            users: "12x".into(),
            ..row("svc")
        },
        SaleRowText {
            units: "10".into(),
            upstream_paid_units: "11".into(),
            ..row("tv")
        },
        SaleRowText {
            units: "10".into(),
            made_in: "usa".into(),
            ..row("dec")
        },
        // A service row ignores units: its product is charged by users.
        SaleRowText {
            units: "oops".into(),
            subscribers: "5".into(),
            ..row("svc")
        },
    ];
    let out = evaluate(&p, &form);
    assert_eq!(out.rows[0].users, Some(FieldProblem::NotWholeUnits));
    assert_eq!(
        out.rows[1].upstream_paid_units,
        Some(FieldProblem::MoreThanUnits)
    );
    assert_eq!(out.rows[2].made_in, Some(FieldProblem::NotACountry));
    assert!(out.rows[3].is_clear(), "{:?}", out.rows[3]);
    assert_eq!(out.usage.years[0].sales.len(), 1);
    // A new service row starts with users, not units.
    let fresh = new_row(p.dataset(), 2026, "svc", "US");
    assert_eq!((fresh.units.as_str(), fresh.users.as_str()), ("", "100000"));
}

#[test]
fn the_explanation_says_why_each_sale_is_exempt_and_which_measure_reached_which_tier() {
    let p = pool(POOL);
    let usage = load_usage(USAGE).unwrap_or_else(|i| panic!("{i:#?}"));
    let report = compute_fees(&p, &usage).unwrap_or_else(|e| panic!("{e}"));
    let sales = &usage.years[0].sales;
    let steps = fee_steps(&p, &report.years[0], sales).unwrap_or_else(|| panic!("steps"));
    assert_eq!(steps.in_force_rule, InForceRule::MadeOrSold);
    let r = &steps.routes;
    // dec sold in BR (not covered), made in CN (covered): charged, to CN.
    let c = r[0].coverage.unwrap_or_else(|| panic!("coverage"));
    assert_eq!((c.sold_covered, c.made_covered), (false, Some(true)));
    assert_eq!(
        (r[0].attributed_to.as_deref(), r[0].exempt_reason),
        (Some("CN"), None)
    );
    // dec sold in BR without made_in: exempt whole, not in force.
    assert_eq!(r[1].coverage.and_then(|c| c.made_covered), None);
    assert!(r[1].exempt);
    assert_eq!(
        (r[1].exempt_reason, r[1].attributed_to.as_deref()),
        (Some(ExemptReason::NotInForce), None)
    );
    // tv: 40 of 100 paid upstream, 60 charged.
    assert_eq!((r[2].upstream_paid_units, r[2].charged_units), (40, 60));
    assert_eq!(r[2].exempt_reason, Some(ExemptReason::PaidUpstream));
    // svc in IN: Region 2 counts users at half.
    let s = r[4].service.as_ref().unwrap_or_else(|| panic!("service"));
    assert_eq!((s.user_weight, s.weighted.users), (d("0.5"), d("50000")));
    let (line, rate) = &steps.lines[1];
    assert_eq!(line.product, "svc");
    let LineRate::Service(step) = rate else {
        panic!("not a service line: {rate:?}");
    };
    assert_eq!(step.measures.users, d("110000"));
    let met: Vec<(bool, bool)> = step
        .tiers
        .iter()
        .map(|t| (t.qualifies, t.met.users))
        .collect();
    // Tier 0 has no threshold; tier 1's users are reached; tier 2's users and subscribers not.
    assert_eq!(met, [(true, false), (true, true), (false, false)]);
    assert!(!step.tiers[2].met.subscribers);
    assert_eq!(step.tier, Some(1));
    assert_eq!(
        (step.tier_amount, step.credit, step.amount),
        (d("25000"), Some(d("5000")), d("20000"))
    );
}

#[test]
fn the_overview_shows_each_rate_across_renewals_and_whom_each_schedule_admits() {
    let p = pool(POOL);
    let h = terms_history_view(p.dataset());
    assert_eq!((h.max_rate_rise, h.over), (Some(d("0.20")), 1));
    let dec = &h.rows[0];
    assert_eq!(
        (dec.product.as_str(), dec.field),
        ("dec", RateField::PerUnit)
    );
    let steps: Vec<(&str, Option<String>, bool)> = dec
        .steps
        .iter()
        .map(|s| {
            (
                s.to_schedule.as_str(),
                s.rise.map(|r| r.to_string()),
                s.over,
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            ("2028-existing", Some("0.0000".into()), false),
            ("2028-new", Some("0.2500".into()), true)
        ]
    );
    // dec, tv, svc × 3 tiers.
    let fields: Vec<RateField> = h.rows.iter().map(|r| r.field).collect();
    assert_eq!(
        fields,
        [
            RateField::PerUnit,
            RateField::PerUnit,
            RateField::ServiceTier(0),
            RateField::ServiceTier(1),
            RateField::ServiceTier(2),
        ]
    );
    let date = |s: &str| Date::parse(s).unwrap_or_else(|| panic!("{s}"));
    let admits: Vec<(&str, Admits)> = h
        .schedules
        .iter()
        .map(|s| (s.id.as_str(), s.admits))
        .collect();
    assert_eq!(
        admits,
        [
            ("2026-2027", Admits::Everyone),
            ("2028-existing", Admits::SignedBefore(date("2026-01-01"))),
            ("2028-new", Admits::SignedFrom(date("2026-01-01"))),
        ]
    );
}
