//! Why a row cannot be used as it is, and what the user chose to do about each reason: leave
//! those rows out (the default) or give a value for all of them.

use std::collections::BTreeMap;

/// Rows listed per reason; the rest are counted.
pub const MAX_LISTED: usize = 100;

/// Why a row (or the rows of one patent) cannot be used as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reason {
    /// The patent number cell is empty.
    NoNumber,
    /// The country cell is empty.
    NoCountry,
    /// The country cell names no known country.
    UnknownCountry,
    /// The licensor cell is empty.
    NoLicensor,
    /// No row of the patent gives an expiry date.
    NoExpiry,
    /// The patent's rows say "See Note" instead of claim data.
    SeeNote,
    /// The expiry cell is not a date.
    BadExpiry,
    /// The grant date cell is not a date.
    BadGranted,
    /// The expiry date is not after the grant date.
    NotAfterGranted,
    /// The status cell is not a known status.
    BadStatus,
    /// The weight cell is not a decimal from 0 to 10^12.
    BadWeight,
    /// The rows of one patent give different expiry dates.
    ExpiryConflict,
    /// The rows of one patent name different licensors.
    LicensorConflict,
    /// The rows of one patent differ in family, grant date, status or weight.
    FieldConflict,
}

/// What may be done about the rows of a reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// Leave the rows out.
    LeaveOut,
    /// Use this value (a country, licensor name, date, status or weight, as the reason needs).
    Value(String),
    /// Take the latest of the dates given.
    Latest,
    /// Take the earliest of the dates given.
    Earliest,
    /// Take the value of the patent's first row.
    First,
}

/// What a reason's given value must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// No value can be given.
    None,
    /// A country name or code.
    Country,
    /// A licensor name.
    Name,
    /// A date.
    Date,
    /// A status (`in_force`, `pending`, `invalidated`, `withdrawn`).
    Status,
    /// A decimal weight.
    Weight,
}

impl Reason {
    /// Every reason, in report order.
    pub const ALL: [Reason; 14] = [
        Reason::NoNumber,
        Reason::NoCountry,
        Reason::UnknownCountry,
        Reason::NoLicensor,
        Reason::NoExpiry,
        Reason::SeeNote,
        Reason::BadExpiry,
        Reason::BadGranted,
        Reason::NotAfterGranted,
        Reason::BadStatus,
        Reason::BadWeight,
        Reason::ExpiryConflict,
        Reason::LicensorConflict,
        Reason::FieldConflict,
    ];

    /// The stable name (command line `--resolve NAME=…`, terms file, translations).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Reason::NoNumber => "no-number",
            Reason::NoCountry => "no-country",
            Reason::UnknownCountry => "unknown-country",
            Reason::NoLicensor => "no-licensor",
            Reason::NoExpiry => "no-expiry",
            Reason::SeeNote => "see-note",
            Reason::BadExpiry => "bad-expiry",
            Reason::BadGranted => "bad-granted",
            Reason::NotAfterGranted => "expiry-not-after-grant",
            Reason::BadStatus => "bad-status",
            Reason::BadWeight => "bad-weight",
            Reason::ExpiryConflict => "expiry-conflict",
            Reason::LicensorConflict => "licensor-conflict",
            Reason::FieldConflict => "field-conflict",
        }
    }

    /// The reason with this name.
    #[must_use]
    pub fn parse(name: &str) -> Option<Reason> {
        Self::ALL.into_iter().find(|r| r.name() == name)
    }

    /// What the rows are missing or get wrong, in plain English.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Reason::NoNumber => "no patent number",
            Reason::NoCountry => "no country",
            Reason::UnknownCountry => "unknown country",
            Reason::NoLicensor => "no licensor",
            Reason::NoExpiry => "no expiry date",
            Reason::SeeNote => "\"See Note\" instead of claim data, no expiry date",
            Reason::BadExpiry => "expiry is not a date",
            Reason::BadGranted => "grant date is not a date",
            Reason::NotAfterGranted => "expiry is not after the grant date",
            Reason::BadStatus => "unknown status",
            Reason::BadWeight => "weight is not a decimal from 0 to 10^12",
            Reason::ExpiryConflict => "the same patent with different expiry dates",
            Reason::LicensorConflict => "the same patent with different licensors",
            Reason::FieldConflict => {
                "the same patent with a different family, grant date, status or weight"
            }
        }
    }

    /// The value a user may give for these rows.
    #[must_use]
    pub fn value_kind(self) -> ValueKind {
        match self {
            Reason::NoNumber | Reason::FieldConflict => ValueKind::None,
            Reason::NoCountry | Reason::UnknownCountry => ValueKind::Country,
            Reason::NoLicensor | Reason::LicensorConflict => ValueKind::Name,
            Reason::NoExpiry
            | Reason::SeeNote
            | Reason::BadExpiry
            | Reason::BadGranted
            | Reason::NotAfterGranted
            | Reason::ExpiryConflict => ValueKind::Date,
            Reason::BadStatus => ValueKind::Status,
            Reason::BadWeight => ValueKind::Weight,
        }
    }

    /// Whether `choice` can be taken for this reason (a value is checked separately).
    #[must_use]
    pub fn allows(self, choice: &Choice) -> bool {
        match choice {
            Choice::LeaveOut => true,
            Choice::Value(_) => self.value_kind() != ValueKind::None,
            Choice::Latest | Choice::Earliest => self == Reason::ExpiryConflict,
            Choice::First => matches!(self, Reason::LicensorConflict | Reason::FieldConflict),
        }
    }
}

/// One row (or one patent's rows) that could not be used as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Line of the row in the file (the patent's first row for a patent's problem).
    pub line: usize,
    /// What is wrong with it.
    pub reason: Reason,
    /// The value in question, as written (dates in conflict, the country text, …).
    pub value: String,
}

/// The problems of one reason: a count, the first [`MAX_LISTED`] rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReasonRows {
    /// Rows (or patents) with this reason.
    pub count: usize,
    /// The first of them, in file order.
    pub listed: Vec<Problem>,
}

/// Every problem of an import, by reason.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problems(pub BTreeMap<Reason, ReasonRows>);

impl Problems {
    /// Records a problem.
    pub fn push(&mut self, line: usize, reason: Reason, value: &str) {
        let rows = self.0.entry(reason).or_default();
        rows.count += 1;
        if rows.listed.len() < MAX_LISTED {
            rows.listed.push(Problem {
                line,
                reason,
                value: value.chars().take(200).collect(),
            });
        }
    }

    /// Problems in all.
    #[must_use]
    pub fn total(&self) -> usize {
        self.0.values().map(|r| r.count).sum()
    }
}
