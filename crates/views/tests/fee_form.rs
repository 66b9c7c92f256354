//! The fee calculator form: typed rows in, marks and fees out; the explain steps; the chart
//! geometry. Expectations are computed by hand.

#[path = "../../engine/tests/common/mod.rs"]
mod common;

use common::{base, d, pool};
use poolcalc_views::fee_charts::{
    Frame, curve, curve_volumes, group_digits, nice_ticks, stacked_bars,
};
use poolcalc_views::fee_form::{
    FeeFormText, FieldProblem, SaleRowText, evaluate, parse_percent, parse_units, per_unit_text,
    percent_text, summarize,
};
use poolcalc_views::fee_steps::{LineRate, fee_steps};
use serde_json::json;

fn row(year: &str, product: &str, country: &str, units: &str, price: &str) -> SaleRowText {
    SaleRowText {
        year: year.into(),
        product: product.into(),
        country: country.into(),
        units: units.into(),
        price: price.into(),
        ..SaleRowText::default()
    }
}

fn tv_pool() -> serde_json::Value {
    let mut v = base();
    v["products"] = json!([
        {"id": "dec", "name": "Decoder", "typical_price": "20"},
        {"id": "tv", "name": "TV", "typical_price": "200", "industry_margin": "0.05"}
    ]);
    v["rate_schedules"] = json!([{"id": "s", "from_year": 2020, "lines": [
        {"product": "dec", "region": "*", "tiers": [{"up_to": 1000, "per_unit": "0"}, {"up_to": null, "per_unit": "0.5"}]},
        {"product": "tv", "region": "r1", "percent_of_price": "0.01", "max_per_unit": "1.5"}
    ], "discounts": [{"id": "early", "percent": "0.2", "signed_before": "2025-01-01"}],
       "group_caps": [{"id": "all", "products": ["dec", "tv"], "amount": "1000"}],
       "annual_cap": "900"}]);
    v
}

#[test]
fn bad_fields_are_marked_and_the_rest_computes() {
    let p = pool(&tv_pool());
    let form = FeeFormText {
        rows: vec![
            // 3,000 decoders: 2,000 above the free band × 0.5 = 1,000.
            row("2026", "dec", "cn", "3,000", ""),
            row("2026", "dec", "CN", "12x", ""),
            row("20x6", "dec", "CN", "5", "-3"),
            // No line for a TV in region 2 (CN): the engine's message, row kept out.
            row("2026", "tv", "CN", "10", "100"),
            row("2026", "nope", "US", "1", ""),
        ],
        ..FeeFormText::default()
    };
    let out = evaluate(&p, &form);
    assert!(out.rows[0].is_clear());
    assert_eq!(out.rows[1].units, Some(FieldProblem::NotWholeUnits));
    assert_eq!(out.rows[2].year, Some(FieldProblem::NotAYear));
    assert_eq!(out.rows[2].price, Some(FieldProblem::Negative));
    let msg = out.rows[3].charge.clone().unwrap_or_default();
    assert!(
        msg.contains("no rate line for product \"tv\" in CN"),
        "{msg}"
    );
    assert!(
        out.rows[4]
            .charge
            .clone()
            .unwrap_or_default()
            .contains("unknown product")
    );
    let report = out.report.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.years.len(), 1);
    // 1,000 is under the group cap (1,000, not above) but above the annual cap 900.
    assert_eq!(report.years[0].payable, d("900.00"));
    assert!(report.years[0].annual_cap_applied);
    assert_eq!(out.usage.years[0].sales[0].country, "CN");
    assert_eq!(out.usage.years[0].sales[0].units, 3000);
}

#[test]
fn signing_date_discount_group_cap_and_growth_fill() {
    let p = pool(&tv_pool());
    let form = FeeFormText {
        signed: "2024-06-30".into(),
        fill_to: "2028".into(),
        growth: "10 %".into(),
        rows: vec![
            row("2026", "dec", "CN", "3000", ""),
            // 400 TVs at 100: 1 % = 1 a set = 400.
            row("2026", "tv", "US", "400", "100"),
        ],
        ..FeeFormText::default()
    };
    let out = evaluate(&p, &form);
    assert_eq!((out.signed, out.growth, out.fill_to), (None, None, None));
    let r = out.report.unwrap_or_else(|e| panic!("{e}"));
    let years: Vec<i32> = r.years.iter().map(|y| y.year).collect();
    assert_eq!(years, [2026, 2027, 2028]);
    // 2026: gross 1,000 + 400 = 1,400; 20 % off → 1,120; group cap 1,000 bites; below 900? no:
    // the annual cap 900 bites too.
    let y = &r.years[0];
    assert_eq!((y.gross, y.discount), (d("1400"), d("280.0")));
    assert_eq!(y.group_caps_applied, ["all"]);
    assert_eq!(y.payable, d("900.00"));
    // 2027: 3,300 decoders (2,300 × 0.5 = 1,150) and 440 TVs (440): the same caps.
    assert_eq!(out.usage.years[1].sales[0].units, 3300);
    assert_eq!(out.usage.years[2].sales[1].units, 484);
    let steps = fee_steps(&p, y, &out.usage.years[0].sales).unwrap_or_else(|| panic!("steps"));
    assert_eq!(steps.after_discount, d("1120"));
    assert_eq!(steps.group_caps[0].sum, d("1120"));
    assert!(steps.group_caps[0].applied);
    assert_eq!(steps.before_rounding, d("900"));
    assert_eq!(steps.routes[1].region.as_deref(), Some("r1"));
    assert_eq!(steps.routes[0].line_region.as_deref(), Some("*"));
    assert!(matches!(
        steps.lines[0].1,
        LineRate::Tiers { all_units: false }
    ));
    assert_eq!(steps.lines[0].0.bands.len(), 2);

    let (sums, total) = summarize(&out.usage, &r);
    assert_eq!(sums[0].units, 3400);
    // 900 / 3,400 = 0.26470588…
    assert_eq!(
        per_unit_text(sums[0].per_unit.unwrap_or_default(), 2),
        "0.264706"
    );
    assert_eq!(total.payable, d("2700.00"));
}

#[test]
fn field_problems_of_the_settings() {
    let p = pool(&tv_pool());
    let form = FeeFormText {
        signed: "2024-02-30".into(),
        growth: "-100".into(),
        fill_to: "2200".into(),
        rows: vec![row("2026", "dec", "CN", "10", "")],
        ..FeeFormText::default()
    };
    let out = evaluate(&p, &form);
    assert_eq!(out.signed, Some(FieldProblem::NotADate));
    assert_eq!(out.growth, Some(FieldProblem::GrowthTooLow));
    assert_eq!(out.fill_to, Some(FieldProblem::TooManyYears));
    assert_eq!(out.usage.years.len(), 1);
    assert_eq!(parse_units(" 1 000 000 "), Ok(1_000_000));
    assert_eq!(parse_units("-5"), Err(FieldProblem::Negative));
    assert_eq!(parse_units("1.5"), Err(FieldProblem::NotWholeUnits));
    assert_eq!(parse_percent("-2.5%"), Ok(d("-0.025")));
    assert_eq!(percent_text(d("0.0325"), 2), "3.25");
    assert_eq!(percent_text(d("0.17777777"), 1), "17.8");
}

#[test]
fn chart_geometry() {
    assert_eq!(nice_ticks(d("930")), [d("0"), d("500"), d("1000")]);
    assert_eq!(
        nice_ticks(d("0.26")),
        [d("0"), d("0.1"), d("0.2"), d("0.3")]
    );
    let frame = Frame {
        width: 300.0,
        height: 200.0,
        left: 50.0,
        right: 10.0,
        top: 10.0,
        bottom: 30.0,
    };
    let bars = stacked_bars(
        &[
            (2026, vec![("a".into(), d("250")), ("b".into(), d("250"))]),
            (2027, vec![("a".into(), d("930"))]),
        ],
        frame,
    );
    // Top of the axis is 1,000 over 160 px: 250 is 40 px.
    let s = &bars.bars[0].segments;
    assert!((s[0].height - 40.0).abs() < 1e-9 && (s[0].y - 130.0).abs() < 1e-9);
    assert!((s[1].y - 90.0).abs() < 1e-9);
    assert_eq!(bars.bars[1].total, d("930"));
    let c = curve(&[(1000, d("0.2")), (100_000, d("0.1"))], 100_000, frame);
    assert!((c.dots[0].x - 50.0).abs() < 1e-9 && (c.dots[1].x - 290.0).abs() < 1e-9);
    assert_eq!(
        c.x_ticks.iter().map(|t| t.0).collect::<Vec<_>>(),
        [1000, 10_000, 100_000]
    );
    assert!(c.current.is_some());
    let p = pool(&tv_pool());
    let v = curve_volumes(&p, 2026, "dec", 3000);
    assert!(v.contains(&1000) && v.contains(&1001) && v.contains(&3000));
    assert!(v.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(group_digits(1_234_567), "1,234,567");
}

#[test]
fn form_fields_take_the_engine_limits() {
    use poolcalc_engine::model::dataset::MAX_SALE_UNITS;
    use poolcalc_engine::model::money::MAX_AMOUNT;
    use poolcalc_views::fee_form::{parse_decimal, parse_units, parse_year};
    // The engine computes years 1900–2200; the form marks any other on its field.
    assert_eq!(parse_year("1899"), Err(FieldProblem::NotAYear));
    assert_eq!(parse_year("2201"), Err(FieldProblem::NotAYear));
    assert_eq!(parse_year(" 1900 "), Ok(1900));
    assert_eq!(parse_year("2200"), Ok(2200));
    assert_eq!(
        parse_units("1000000000001"),
        Err(FieldProblem::TooManyUnits)
    );
    assert_eq!(
        parse_units("12345678901234567890123"),
        Err(FieldProblem::TooManyUnits)
    );
    assert_eq!(parse_units("1,000,000,000,000"), Ok(MAX_SALE_UNITS));
    assert_eq!(
        parse_decimal("1000000000000.01"),
        Err(FieldProblem::TooLarge)
    );
    assert_eq!(parse_decimal("1000000000000"), Ok(Some(MAX_AMOUNT)));
}
