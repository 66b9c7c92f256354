//! Every bundled dataset, recomputed by other routes.

use super::*;

pub fn bundled() -> Vec<(String, Pool)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/datasets");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}")) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // The catalogue, and the 18 MB synthetic pool (its report is timed, not tested here).
        if name == "index.json" || name.starts_with("synth") || !name.ends_with(".json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let dataset = load_dataset(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        out.push((name, Pool::new(dataset)));
    }
    assert!(out.len() >= 5, "bundled datasets missing: {}", out.len());
    out
}

/// The year's payable of every licensee from its own fee report.
fn payables(pool: &Pool, year: i32) -> Vec<(String, Decimal)> {
    pool.dataset()
        .licensees
        .iter()
        .filter_map(|l| {
            let r = compute_fees(pool, &l.usage).ok()?;
            let y = r.years.iter().find(|y| y.year == year)?;
            Some((l.id.clone(), y.payable))
        })
        .collect()
}

#[test]
fn every_bundled_dataset_against_other_routes() {
    for (name, pool) in bundled() {
        let card = report_card(&pool, &Options::default());
        let sections: Vec<SectionId> = card.sections.iter().map(|s| s.id).collect();
        assert_eq!(sections, SectionId::ALL, "{name}");
        for s in &card.sections {
            for i in &s.indicators {
                assert_eq!(about(i.id).section, s.id, "{name}: {}", i.id.as_str());
            }
        }
        // Pool income by year: Σ of every licensee's own fee report.
        for r in rows(&card, IndicatorId::PoolIncome) {
            let Subject::Year { year } = r.subject else {
                panic!("{r:?}")
            };
            let sum: Decimal = payables(&pool, year).iter().map(|p| p.1).sum();
            assert_eq!(r.value, Value::Money(sum.round_dp(2)), "{name} {year}");
        }
        // The licensee checked pays the most of the year (the first listed among equals).
        let most = payables(&pool, card.year).into_iter().fold(
            None,
            |best: Option<(String, Decimal)>, x| match best {
                Some(b) if b.1 >= x.1 => Some(b),
                _ => Some(x),
            },
        );
        let reference = one(&card, IndicatorId::ReferenceLicensee);
        if let Some((id, p)) = most {
            assert_eq!(reference.subject, Subject::Licensee { id }, "{name}");
            assert_eq!(reference.value, Value::Money(p), "{name}");
        }
        // The management fee as spec 5.2 writes it: income × percent, then min, then max.
        let fee = &pool.dataset().distribution.management_fee;
        let income: Decimal = payables(&pool, card.year).iter().map(|p| p.1).sum();
        let mut expected = (income * fee.percent)
            .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        let by_percent = expected;
        if let Some(min) = fee.min {
            expected = expected.max(min)
        }
        if let Some(max) = fee.max {
            expected = expected.min(max)
        }
        assert_eq!(
            one(&card, IndicatorId::ManagementFee).value,
            Value::Money(expected.min(income)),
            "{name}"
        );
        let binds = one(&card, IndicatorId::FeeBinding).status;
        assert_eq!(
            binds == Some(Status::MinBinds),
            fee.min.is_some_and(|m| by_percent < m),
            "{name}"
        );
        // Joins by year from the member list itself.
        let joined: u64 = rows(&card, IndicatorId::JoinedByYear)
            .iter()
            .map(|r| match r.value {
                Value::Count(n) => n,
                _ => 0,
            })
            .sum();
        assert_eq!(joined, pool.dataset().members.len() as u64, "{name}");
        // Concentration stays within its bounds.
        let Value::Points(hhi) = one(&card, IndicatorId::IncomeHhi).value else {
            panic!("{name}: no HHI")
        };
        let n = Decimal::from(pool.dataset().members.len());
        assert!(
            hhi >= (d("10000") / n).round_dp(2) - d("0.01") && hhi <= d("10000"),
            "{name}: {hhi}"
        );
        // Halvings agree with the income rows.
        let incomes: Vec<Decimal> = rows(&card, IndicatorId::PoolIncome)
            .iter()
            .map(|r| match r.value {
                Value::Money(m) => m,
                _ => Decimal::ZERO,
            })
            .collect();
        let halved = incomes
            .windows(2)
            .filter(|w| w[0] > Decimal::ZERO && w[1] * Decimal::TWO < w[0])
            .count();
        let Value::Years(y) = &one(&card, IndicatorId::IncomeHalvings).value else {
            panic!("{name}: no halvings")
        };
        assert_eq!(y.len(), halved, "{name}");
    }
}

#[test]
fn where_income_is_kept_the_joiner_takes_what_the_others_give_up() {
    for (name, pool) in bundled() {
        // No schedule charging only where a patent is in force: income cannot move.
        if pool
            .dataset()
            .rate_schedules
            .iter()
            .any(|s| s.requires_patent_in_force.is_required())
        {
            continue;
        }
        let card = report_card(&pool, &Options::default());
        let joiner = &one(&card, IndicatorId::JoinerIncome).value;
        assert!(
            matches!(joiner, Value::Money(m) if *m > Decimal::ZERO),
            "{name}: {joiner:?}"
        );
        assert_eq!(
            &one(&card, IndicatorId::OthersGiveUp).value,
            joiner,
            "{name}"
        );
    }
}
