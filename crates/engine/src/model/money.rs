//! Money arithmetic of the spec: rounding half away from zero, fixed-decimal output, and
//! `apportion`, which splits a total into parts that add up to it exactly.

use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds to `decimals` places, half away from zero (spec section 1).
#[must_use]
pub fn round(amount: Decimal, decimals: u32) -> Decimal {
    amount.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// Money as the JSON output prints it: rounded, with exactly `decimals` decimals.
#[must_use]
pub fn format_money(amount: Decimal, decimals: u32) -> String {
    let mut r = round(amount, decimals);
    r.rescale(decimals);
    r.to_string()
}

/// The largest amount, rate, price or weight a dataset, profile or form may hold: a trillion.
/// With at most [`crate::model::dataset::MAX_SALE_UNITS`] units a sale, the amounts built from them
/// stay within a Decimal's 28 significant digits.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0);

/// `a × b / c` as the spec writes it. Only when `a × b` does not fit a Decimal (amounts of
/// astronomical size, never a real pool's) is it taken as `a × (b / c)`; every caller has
/// `b ≤ c`, so that cannot overflow, and the engine gives an answer instead of stopping.
#[must_use]
pub fn mul_div(a: Decimal, b: Decimal, c: Decimal) -> Decimal {
    a.checked_mul(b)
        .map_or_else(|| a * (b / c), |product| product / c)
}

/// The sum of `amounts`, or `None` when it passes what a Decimal holds (rust_decimal's `+`
/// and `sum` panic there).
#[must_use]
pub fn checked_sum(amounts: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    amounts
        .into_iter()
        .try_fold(Decimal::ZERO, Decimal::checked_add)
}

/// 10^decimals: one unit of money in minor units.
#[must_use]
pub fn minor_units(decimals: u32) -> Decimal {
    Decimal::from(10u64.pow(decimals.min(18)))
}

/// An exact amount as the JSON output prints it (`gross`, `discount`, weights): no trailing zeros.
#[must_use]
pub fn format_exact(amount: Decimal) -> String {
    amount.normalize().to_string()
}

/// Splits `total` among keys in proportion to `weights` (spec section 1): each key gets the floor
/// of its exact share in minor units, and the minor units left go one by one to the largest
/// fractional remainders, equal remainders in ascending key order. Keys of weight 0 (or less)
/// get 0. The parts add up exactly to `total` rounded to `decimals`.
///
/// Returns `None` when the weights add up to 0: the caller decides what happens then.
#[must_use]
pub fn apportion<K: Ord>(
    total: Decimal,
    weights: &[(K, Decimal)],
    decimals: u32,
) -> Option<Vec<Decimal>> {
    let scale = Decimal::from(10u64.pow(decimals.min(18)));
    let total_minor = round(total, decimals) * scale;
    let positive = |w: Decimal| if w > Decimal::ZERO { w } else { Decimal::ZERO };
    let sum: Decimal = weights.iter().map(|(_, w)| positive(*w)).sum();
    if sum.is_zero() {
        return None;
    }
    // Each key's share is numerator / sum with numerator = total_minor × w; keeping the integer
    // quotient and the exact remainder (numerator − quotient × sum) compares remainders without
    // a second division, so ties are found exactly.
    let mut parts: Vec<(Decimal, Rest)> = weights
        .iter()
        .map(|(_, w)| {
            let w = positive(*w);
            match total_minor.checked_mul(w) {
                Some(numerator) => {
                    let q = (numerator / sum).floor();
                    let mut rem = numerator - q * sum;
                    // Guard against the quotient's last-digit rounding in Decimal division.
                    let mut q = q;
                    while rem < Decimal::ZERO {
                        q -= Decimal::ONE;
                        rem += sum;
                    }
                    while rem >= sum {
                        q += Decimal::ONE;
                        rem -= sum;
                    }
                    (q, Rest::Remainder(rem))
                }
                None => {
                    let exact = total_minor * (w / sum);
                    let q = exact.floor();
                    (q, Rest::Fraction(exact - q))
                }
            }
        })
        .collect();
    let given: Decimal = parts.iter().map(|(q, _)| *q).sum();
    let mut left = total_minor - given;
    // The remainders are ranked only when minor units are left to hand out (a single key, or
    // shares that come out whole, leave none): their divisions are skipped otherwise.
    if !left.is_zero() {
        let fraction = |r: &Rest| match *r {
            Rest::Remainder(rem) => rem / sum,
            Rest::Fraction(f) => f,
        };
        let fractions: Vec<Decimal> = parts.iter().map(|(_, r)| fraction(r)).collect();
        let mut order: Vec<usize> = (0..parts.len())
            .filter(|&i| weights[i].1 > Decimal::ZERO)
            .collect();
        order.sort_by(|&a, &b| {
            fractions[b]
                .cmp(&fractions[a])
                .then_with(|| weights[a].0.cmp(&weights[b].0))
        });
        // `left` is below the number of positive keys except for Decimal rounding in the
        // overflow branch; cycling keeps the sum exact even then.
        let mut i = 0;
        while left > Decimal::ZERO && !order.is_empty() {
            parts[order[i % order.len()]].0 += Decimal::ONE;
            left -= Decimal::ONE;
            i += 1;
        }
        while left < Decimal::ZERO && !order.is_empty() {
            let k = order[order.len() - 1 - (i % order.len())];
            if parts[k].0 > Decimal::ZERO {
                parts[k].0 -= Decimal::ONE;
                left += Decimal::ONE;
            }
            i += 1;
        }
    }
    Some(
        parts
            .into_iter()
            .map(|(q, _)| minor_to_money(q, decimals))
            .collect(),
    )
}

/// What is left of a key's exact share after its whole minor units.
enum Rest {
    /// numerator − quotient × sum, to be divided by the sum.
    Remainder(Decimal),
    /// The fraction itself (when the numerator overflowed).
    Fraction(Decimal),
}

/// A whole number of minor units as money with `decimals` decimals. The quotients are whole
/// (scale 0), so moving the decimal point gives exactly `q / 10^decimals` without dividing.
fn minor_to_money(q: Decimal, decimals: u32) -> Decimal {
    let mut v = q;
    if q.is_zero() || q.scale() != 0 || v.set_scale(decimals.min(18)).is_err() {
        v = q / Decimal::from(10u64.pow(decimals.min(18)));
    }
    v.rescale(decimals);
    v
}

/// Stands for a `rust_decimal::Decimal` written as a JSON string, as the spec requires (the
/// JSON Schemas of `io::schema` are generated from the model's types).
pub struct DecimalString;

impl schemars::JsonSchema for DecimalString {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^-?[0-9]+(\\.[0-9]+)?$",
            "description": "A decimal number written as a string, e.g. \"0.20\"",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn max_amount_is_a_trillion() {
        assert_eq!(MAX_AMOUNT, Decimal::from(1_000_000_000_000u64));
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(format_money(d("2.345"), 2), "2.35");
        assert_eq!(format_money(d("-2.345"), 2), "-2.35");
        assert_eq!(format_money(d("2.344999"), 2), "2.34");
        assert_eq!(format_money(d("7"), 2), "7.00");
        assert_eq!(format_money(d("7.5"), 0), "8");
    }

    #[test]
    fn worked_example_split() {
        let w = [("alpha", d("672")), ("beta", d("368")), ("gamma", d("91"))];
        let parts = apportion(d("1125.00"), &w, 2).unwrap_or_default();
        let shown: Vec<String> = parts.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["668.43", "366.05", "90.52"]);
    }

    #[test]
    fn ties_go_in_key_order() {
        let w = [("b", d("1")), ("a", d("1")), ("c", d("1"))];
        let parts = apportion(d("0.02"), &w, 2).unwrap_or_default();
        assert_eq!(parts, vec![d("0.01"), d("0.01"), d("0.00")]);
    }

    #[test]
    fn zero_weights_get_nothing_and_zero_sum_is_none() {
        let w = [("a", d("0")), ("b", d("3"))];
        assert_eq!(
            apportion(d("1.00"), &w, 2),
            Some(vec![d("0.00"), d("1.00")])
        );
        assert_eq!(apportion(d("1.00"), &[("a", d("0"))], 2), None);
    }

    proptest! {
        #[test]
        fn parts_add_up_and_stay_within_one_minor_unit(
            total_minor in 0i64..10_000_000_000,
            weights in proptest::collection::vec(0u64..1_000_000, 1..40),
            decimals in 0u32..4,
        ) {
            let total = Decimal::new(total_minor, decimals);
            let keyed: Vec<(usize, Decimal)> = weights.iter().enumerate().map(|(i, w)| (i, Decimal::from(*w))).collect();
            let sum: Decimal = keyed.iter().map(|(_, w)| *w).sum();
            let parts = apportion(total, &keyed, decimals);
            if sum.is_zero() {
                prop_assert!(parts.is_none());
            } else {
                let parts = parts.unwrap_or_default();
                prop_assert_eq!(parts.iter().copied().sum::<Decimal>(), total);
                let minor = Decimal::new(1, decimals);
                for ((_, w), p) in keyed.iter().zip(&parts) {
                    let exact = total * *w / sum;
                    prop_assert!((*p - exact).abs() < minor, "part {} exact {}", p, exact);
                    if w.is_zero() { prop_assert!(p.is_zero()); }
                }
            }
        }
    }

    /// The largest-remainder rule in exact integer arithmetic: weights `m / 10^s` brought to
    /// one scale, so every share is a fraction of integers.
    fn by_the_rule(total_minor: i128, weights: &[(i64, u32)]) -> Vec<i128> {
        let top = weights.iter().map(|(_, s)| *s).max().unwrap_or(0);
        let w: Vec<i128> = weights
            .iter()
            .map(|(m, s)| i128::from((*m).max(0)) * 10i128.pow(top - s))
            .collect();
        let sum: i128 = w.iter().sum();
        let (mut parts, rems): (Vec<i128>, Vec<i128>) = w
            .iter()
            .map(|wi| {
                let n = total_minor * wi;
                (n.div_euclid(sum), n.rem_euclid(sum))
            })
            .unzip();
        let left = total_minor - parts.iter().sum::<i128>();
        let mut order: Vec<usize> = (0..w.len()).filter(|&i| w[i] > 0).collect();
        order.sort_by(|&a, &b| rems[b].cmp(&rems[a]).then(a.cmp(&b)));
        for &i in order.iter().take(usize::try_from(left).unwrap_or(0)) {
            parts[i] += 1;
        }
        parts
    }

    proptest! {
        #[test]
        fn follows_the_largest_remainder_rule_exactly(
            total_minor in -1_000_000_000_000i64..1_000_000_000_000,
            // Small weights give equal remainders, where the key order decides.
            weights in proptest::collection::vec((prop_oneof![-2i64..5, -5i64..1_000_000], 0u32..4), 1..20),
            decimals in 0u32..4,
        ) {
            prop_assume!(weights.iter().any(|(m, _)| *m > 0));
            let total = Decimal::new(total_minor, decimals);
            let keyed: Vec<(usize, Decimal)> = weights
                .iter()
                .enumerate()
                .map(|(i, (m, s))| (i, Decimal::new(*m, *s)))
                .collect();
            let parts = apportion(total, &keyed, decimals).unwrap_or_default();
            let want = by_the_rule(i128::from(total_minor), &weights);
            let got: Vec<(i128, u32)> = parts
                .iter()
                .map(|p| (p.mantissa(), p.scale()))
                .collect();
            let want: Vec<(i128, u32)> = want.into_iter().map(|m| (m, decimals)).collect();
            prop_assert_eq!(got, want);
        }
    }
}
