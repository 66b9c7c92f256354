//! Dates as patent lists write them: `YYYYMMDD`, `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD`,
//! `DD.MM.YYYY`, Excel serial day numbers, and any of the ISO forms with a midnight time.
//! Month-first `MM/DD/YYYY` is not read: `03/04/2030` is ambiguous, so it is reported.

use poolcalc_engine::model::date::Date;

/// Largest Excel serial (9999-12-31).
const MAX_SERIAL: f64 = 2_958_465.0;

/// Reads a date cell; `None` when it is not one of the accepted forms or not a real day.
#[must_use]
pub fn parse_date(text: &str) -> Option<Date> {
    let t = text.trim();
    let t = strip_midnight(t);
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        return ymd(&t[0..4], &t[4..6], &t[6..8]);
    }
    if let Some(serial) = serial_text(t) {
        return serial_date(serial);
    }
    for sep in ['-', '/', '.'] {
        let parts: Vec<&str> = t.split(sep).collect();
        if let [a, b, c] = parts[..] {
            if a.len() == 4 {
                return ymd(a, b, c);
            }
            if sep == '.' && c.len() == 4 {
                return ymd(c, b, a);
            }
        }
    }
    None
}

/// `2030-12-31 00:00:00` and `2030-12-31T00:00:00Z` as `2030-12-31`.
fn strip_midnight(t: &str) -> &str {
    match t.split_once([' ', 'T']) {
        Some((d, time))
            if time
                .trim_end_matches('Z')
                .trim_end_matches(".000")
                .trim_end_matches(":00")
                .trim_end_matches(":00")
                .trim_start_matches('0')
                .trim_start_matches('0')
                .is_empty() =>
        {
            d
        }
        _ => t,
    }
}

/// A serial day number: up to 7 digits, optionally with a zero fraction (`46022.0`).
fn serial_text(t: &str) -> Option<f64> {
    let whole = t.strip_suffix(".0").unwrap_or(t);
    (!whole.is_empty() && whole.len() <= 7 && whole.bytes().all(|b| b.is_ascii_digit()))
        .then(|| whole.parse::<f64>().ok())
        .flatten()
}

fn ymd(y: &str, m: &str, d: &str) -> Option<Date> {
    let digits = |s: &str, max: usize| {
        (!s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    if y.len() != 4 {
        return None;
    }
    let year = i32::try_from(digits(y, 4)?).ok()?;
    if year < 1000 {
        return None;
    }
    Date::from_ymd(year, digits(m, 2)?, digits(d, 2)?)
}

/// The day of an Excel serial number in the 1900 date system: 1 is 1900-01-01 and, as in
/// Excel, 60 is the 29 February 1900 that never was (not a day, so `None`); a fraction (a
/// time of day) is dropped.
#[must_use]
pub fn serial_date(serial: f64) -> Option<Date> {
    if !(1.0..=MAX_SERIAL).contains(&serial) {
        return None;
    }
    // In range 1..=2958465, so the cast is exact.
    #[allow(clippy::cast_possible_truncation)]
    let n = serial.floor() as i32;
    let base = Date::from_ymd(1899, 12, 30)?;
    match n {
        60 => None,
        1..=59 => Some(base.plus_days(n + 1)),
        _ => Some(base.plus_days(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_accepted_form_reads_the_same_day() {
        for text in [
            "20301231",
            "2030-12-31",
            "2030/12/31",
            "2030.12.31",
            "31.12.2030",
            "47848",
            "47848.0",
            " 2030-12-31 00:00:00 ",
            "2030-12-31T00:00:00Z",
        ] {
            assert_eq!(
                parse_date(text).map(|d| d.to_string()).as_deref(),
                Some("2030-12-31"),
                "{text}"
            );
        }
        assert_eq!(
            parse_date("1.2.2031").map(|d| d.to_string()).as_deref(),
            Some("2031-02-01")
        );
    }

    #[test]
    fn excel_serials_follow_excel_around_its_1900_leap_day() {
        let day = |n: f64| serial_date(n).map(|d| d.to_string());
        assert_eq!(day(1.0).as_deref(), Some("1900-01-01"));
        assert_eq!(day(59.0).as_deref(), Some("1900-02-28"));
        assert_eq!(day(60.0), None);
        assert_eq!(day(61.0).as_deref(), Some("1900-03-01"));
        assert_eq!(day(45658.75).as_deref(), Some("2025-01-01"));
        assert_eq!(day(MAX_SERIAL).as_deref(), Some("9999-12-31"));
        assert_eq!(day(MAX_SERIAL + 1.0), None);
        assert_eq!(day(0.0), None);
        assert_eq!(day(f64::NAN), None);
    }

    #[test]
    fn other_texts_are_not_dates() {
        for text in [
            "",
            "See Note",
            "2030-02-30",
            "12/31/2030",
            "03/04/2030",
            "2030-1",
            "99999999",
            "2030-12-31 13:00",
            "0999-01-01",
            "12345678901",
            "-5",
            "1e5",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }
}
