//! The index against a direct count of each cell's patent-days, on generated pools.

use super::*;

#[test]
fn cells_are_the_sums_of_their_patents_days() {
    for seed in 1..=3 {
        let opts = crate::io::synth::SynthOptions {
            members: 30,
            patents: 2000,
            countries: 40,
            licensees: 1,
            from: 2026,
            to: 2030,
            seed,
        };
        let d = crate::io::synth::synthesize(&opts).unwrap_or_else(|e| panic!("{e}"));
        let index = PoolIndex::build(&d);
        // Counted the plain way: a map of (year, country, member) to days.
        let mut expected = std::collections::BTreeMap::new();
        let calendar = Calendar::new(
            index.first_year,
            index.first_year + index.years.len() as i32 - 1,
        );
        for (i, p) in d.patents.iter().enumerate() {
            let (Some(span), Some(m)) = (
                index.spans[i],
                d.members.iter().position(|m| m.id == p.member),
            ) else {
                continue;
            };
            let c = index.country_pos[&p.country];
            calendar.for_each_year(span, |y, days| {
                *expected.entry((y, c, m as u32)).or_insert(0u64) += u64::from(days);
            });
        }
        let counted: std::collections::BTreeMap<_, _> = index
            .years
            .iter()
            .enumerate()
            .flat_map(|(y, yc)| {
                yc.country_member_days
                    .iter()
                    .map(move |&(c, m, d)| ((y, c, m), d))
            })
            .collect();
        assert!(!counted.is_empty());
        assert_eq!(counted, expected);
        for yc in &index.years {
            assert!(yc.country_member_days.is_sorted());
        }
    }
}
