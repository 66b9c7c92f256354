//! What the user decided for an import: the layout, column changes, a choice per reason, the
//! merge table of licensor spellings, the claim count as weight, and the home country and
//! joining date given to members (a patent list names neither).

use std::collections::BTreeMap;

use poolcalc_engine::model::date::Date;

use crate::columns::Field;
use crate::countries::country_code;
use crate::dates::parse_date;
use crate::header::Layout;
use crate::problems::{Choice, Reason, ValueKind};
use crate::values::{parse_status, parse_weight};

/// Home country of members when none is given: ISO's code for "unknown", user-assigned.
pub const UNKNOWN_COUNTRY: &str = "XX";

/// The choices of an import.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportOptions {
    /// Header detection or a preset.
    pub layout: Layout,
    /// Column changes to the detected mapping: (column index, field or none).
    pub columns: Vec<(usize, Option<Field>)>,
    /// What to do per reason (a reason not listed: leave its rows out).
    pub choices: BTreeMap<Reason, Choice>,
    /// (spelling, name to use) pairs joining licensor spellings.
    pub merge: Vec<(String, String)>,
    /// Give each patent its claim count as `weight` (when no weight column is mapped).
    pub claims_as_weight: bool,
    /// Home country of every member.
    pub member_country: String,
    /// First day in the pool of every member.
    pub member_joined: Date,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            layout: Layout::Auto,
            columns: Vec::new(),
            choices: BTreeMap::new(),
            merge: Vec::new(),
            claims_as_weight: false,
            member_country: UNKNOWN_COUNTRY.to_owned(),
            member_joined: Date::from_ymd(1970, 1, 1).unwrap_or(Date::year_start(1970)),
        }
    }
}

impl ImportOptions {
    /// The choice for a reason.
    #[must_use]
    pub fn choice(&self, reason: Reason) -> &Choice {
        self.choices.get(&reason).unwrap_or(&Choice::LeaveOut)
    }

    /// Every choice that cannot be taken, as `reason: message`.
    #[must_use]
    pub fn check(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .choices
            .iter()
            .filter_map(|(r, c)| {
                check_choice(*r, c)
                    .err()
                    .map(|m| format!("{}: {m}", r.name()))
            })
            .collect();
        if !(self.member_country.len() == 2
            && self.member_country.bytes().all(|b| b.is_ascii_uppercase()))
        {
            out.push(format!(
                "member country: \"{}\" is not two capital letters",
                self.member_country
            ));
        }
        out
    }
}

/// Reads a choice as written on the command line or in a terms file: `leave-out`, `latest`,
/// `earliest`, `first`, or a value.
#[must_use]
pub fn parse_choice(text: &str) -> Choice {
    match text.trim() {
        "leave-out" => Choice::LeaveOut,
        "latest" => Choice::Latest,
        "earliest" => Choice::Earliest,
        "first" => Choice::First,
        v => Choice::Value(v.to_owned()),
    }
}

/// Whether `choice` can be taken for `reason`, with the value checked for its kind.
///
/// # Errors
/// A message saying what is wrong.
pub fn check_choice(reason: Reason, choice: &Choice) -> Result<(), String> {
    if !reason.allows(choice) {
        return Err(match choice {
            Choice::Value(_) => "these rows can only be left out".to_owned(),
            _ => "this choice does not apply here".to_owned(),
        });
    }
    let Choice::Value(v) = choice else {
        return Ok(());
    };
    let ok = match reason.value_kind() {
        ValueKind::None => false,
        ValueKind::Country => country_code(v).is_some(),
        ValueKind::Name => !v.trim().is_empty(),
        // Leaving a bad grant date empty keeps the patent without one.
        ValueKind::Date => {
            parse_date(v).is_some() || (reason == Reason::BadGranted && v.trim().is_empty())
        }
        ValueKind::Status => parse_status(v).is_some(),
        ValueKind::Weight => parse_weight(v).is_some(),
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "\"{v}\" is not {}",
            match reason.value_kind() {
                ValueKind::Country => "a country name or code",
                ValueKind::Name => "a licensor name",
                ValueKind::Date => "a date (YYYY-MM-DD)",
                ValueKind::Status => "a status (in_force, pending, invalidated, withdrawn)",
                ValueKind::Weight => "a decimal from 0 to 10^12",
                ValueKind::None => "allowed",
            }
        ))
    }
}
