//! Every indicator of a report card as CSV (one row per indicator row) and as JSON (the
//! `poolcalc report --json` output and the page's download): plain numbers, decimals as
//! strings in JSON as the other outputs print money, meanings and passages alongside.

use poolcalc_engine::io::csv::write_rows;
use serde_json::{Value as Json, json};

use super::{ReportCard, Row, Value, about, status_label};

/// The columns of the report CSV.
pub const REPORT_HEADER: [&str; 16] = [
    "section",
    "indicator",
    "subject_kind",
    "subject",
    "schedule",
    "value",
    "unit",
    "detail",
    "detail_unit",
    "status",
    "year",
    "currency",
    "formula",
    "meaning_en",
    "meaning_zh",
    "passage_zh",
];

/// The report card as CSV with [`REPORT_HEADER`]: numbers plain, text cells neutralised.
#[must_use]
pub fn report_csv(card: &ReportCard) -> String {
    let mut rows = vec![REPORT_HEADER.map(str::to_owned).to_vec()];
    for section in &card.sections {
        for ind in &section.indicators {
            let a = about(ind.id);
            for r in &ind.rows {
                let detail = r.detail.as_ref();
                let (id, schedule) = r.subject.id();
                let record = [
                    section.id.as_str().to_owned(),
                    ind.id.as_str().to_owned(),
                    r.subject.kind().to_owned(),
                    id,
                    schedule.unwrap_or_default().to_owned(),
                    r.value.plain(),
                    r.value.unit().to_owned(),
                    detail.map(Value::plain).unwrap_or_default(),
                    detail.map(Value::unit).unwrap_or_default().to_owned(),
                    r.status
                        .map(|s| status_label(s).0)
                        .unwrap_or_default()
                        .to_owned(),
                    card.year.to_string(),
                    card.currency.clone(),
                    a.formula.to_owned(),
                    a.en.to_owned(),
                    a.zh.to_owned(),
                    a.passage.passage().zh.to_owned(),
                ];
                rows.push(record.to_vec());
            }
        }
    }
    // The engine's CSV writer neutralises text cells a spreadsheet would run as formulas.
    write_rows(rows)
}

fn value_json(v: &Value) -> Json {
    match v {
        Value::Money(d) | Value::Fraction(d) | Value::Points(d) | Value::Ratio(d) => {
            json!(d.to_string())
        }
        Value::Count(n) => json!(n),
        Value::Years(y) => json!(y),
        Value::Coverage { with, of } => json!({ "with": with, "of": of }),
        Value::None => Json::Null,
    }
}

fn row_json(r: &Row) -> Json {
    json!({
        "subject": r.subject.key(),
        "subject_kind": r.subject.kind(),
        "subject_id": r.subject.id().0,
        "value": value_json(&r.value),
        "unit": r.value.unit(),
        "detail": r.detail.as_ref().map_or(Json::Null, value_json),
        "detail_unit": r.detail.as_ref().map(Value::unit),
        "status": r.status.map(|s| status_label(s).0),
    })
}

/// The report card as JSON: the pool, year and projection, then section by section each
/// indicator with its meaning, formula, passage and rows.
#[must_use]
pub fn report_json(card: &ReportCard) -> Json {
    json!({
        "pool": card.pool,
        "scenario": card.scenario,
        "currency": card.currency,
        "year": card.year,
        "years": card.years.map(|(a, b)| json!([a, b])),
        "reference_line": card.reference.to_string(),
        "sections": card.sections.iter().map(|s| json!({
            "id": s.id.as_str(),
            "indicators": s.indicators.iter().map(|i| {
                let a = about(i.id);
                let p = a.passage.passage();
                json!({
                    "id": i.id.as_str(),
                    "meaning_en": a.en,
                    "meaning_zh": a.zh,
                    "formula": a.formula,
                    "passage": { "zh": p.zh, "en": p.en },
                    "rows": i.rows.iter().map(row_json).collect::<Vec<_>>(),
                })
            }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}
