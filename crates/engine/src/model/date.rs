//! Calendar dates (`YYYY-MM-DD`) and the day counting the spec's in-force rule needs.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};

/// The years a date or a year field may name (docs/dataset-format.md): a pool's patents,
/// schedules and sales fall well inside, and every table indexed by year stays small.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// [`YEARS`] as messages write it.
pub const YEARS_TEXT: &str = "1900–2200";

/// A calendar date, stored as days since 1970-01-01 so intervals are plain integer maths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

const UNIX_EPOCH_CE_DAYS: i32 = 719_163;

impl Date {
    /// Parses a strict `YYYY-MM-DD` date (four-digit year, zero-padded month and day).
    #[must_use]
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        let shape_ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape_ok {
            return None;
        }
        // The shape is checked, so plain digit arithmetic suffices; chrono's format parser
        // is much slower, and a dataset holds hundreds of thousands of dates.
        let num =
            |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
        let year = i32::try_from(num(0..4)).ok()?;
        Date::from_ymd(year, num(5..7), num(8..10))
    }

    /// The first of January of `year` (years outside chrono's range saturate).
    #[must_use]
    pub fn year_start(year: i32) -> Date {
        let y = year.clamp(-200_000, 200_000);
        NaiveDate::from_ymd_opt(y, 1, 1).map_or(
            Date(if y < 0 { i32::MIN / 2 } else { i32::MAX / 2 }),
            Date::from_naive,
        )
    }

    /// Builds a date from year, month and day, when they name a real day.
    #[must_use]
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(year, month, day).map(Date::from_naive)
    }

    fn from_naive(d: NaiveDate) -> Date {
        Date(d.num_days_from_ce() - UNIX_EPOCH_CE_DAYS)
    }

    fn to_naive(self) -> Option<NaiveDate> {
        NaiveDate::from_num_days_from_ce_opt(self.0 + UNIX_EPOCH_CE_DAYS)
    }

    /// Days since 1970-01-01.
    #[must_use]
    pub fn days(self) -> i32 {
        self.0
    }

    /// The date `n` days later.
    #[must_use]
    pub fn plus_days(self, n: i32) -> Date {
        Date(self.0.saturating_add(n))
    }

    /// The calendar year of this date.
    #[must_use]
    pub fn year(self) -> i32 {
        self.to_naive().map_or(0, |d| d.year())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to_naive() {
            // chrono's `%Y-%m-%d` written out: its formatting machinery is ~16 KB of wasm on
            // the first page for this one pattern. Years past four digits carry a sign, as
            // chrono writes them.
            Some(d) if (0..=9999).contains(&d.year()) => {
                write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
            }
            Some(d) => write!(f, "{:+05}-{:02}-{:02}", d.year(), d.month(), d.day()),
            None => write!(f, "(day {})", self.0),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A half-open interval of days `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First day included.
    pub start: Date,
    /// First day no longer included.
    pub end: Date,
}

impl Span {
    /// The days of `year`.
    #[must_use]
    pub fn year(year: i32) -> Span {
        Span {
            start: Date::year_start(year),
            end: Date::year_start(year.saturating_add(1)),
        }
    }

    /// The overlap of two spans, if any day is in both.
    #[must_use]
    pub fn intersect(self, other: Span) -> Option<Span> {
        let start = self.start.max(other.start);
        let end = self.end.min(other.end);
        (start < end).then_some(Span { start, end })
    }

    /// Number of days in the span.
    #[must_use]
    pub fn len(self) -> u32 {
        u32::try_from(self.end.0 - self.start.0).unwrap_or(0)
    }

    /// Whether the span holds no day.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_strictly() {
        assert_eq!(
            Date::parse("2028-02-29").map(|d| d.to_string()),
            Some("2028-02-29".into())
        );
        assert!(Date::parse("2027-02-29").is_none());
        assert!(Date::parse("2027-2-1").is_none());
        assert!(Date::parse("2027-02-01T00").is_none());
        assert!(Date::parse("").is_none());
    }

    #[test]
    fn prints_as_chrono_prints_it_in_every_range() {
        for (y, m, d) in [
            (2026, 3, 9),
            (1, 1, 1),
            (0, 12, 31),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 6, 15),
            (-300, 1, 2),
            (262_000, 2, 28),
        ] {
            let naive = NaiveDate::from_ymd_opt(y, m, d).expect("a real day");
            let date = Date::from_naive(naive);
            assert_eq!(
                date.to_string(),
                naive.format("%Y-%m-%d").to_string(),
                "{y}-{m}-{d}"
            );
        }
    }

    #[test]
    fn leap_year_has_366_days() {
        assert_eq!(Span::year(2028).len(), 366);
        assert_eq!(Span::year(2027).len(), 365);
        assert_eq!(Span::year(2100).len(), 365);
        assert_eq!(Span::year(2000).len(), 366);
    }
}
