//! One data row into the values of one patent row, each unusable cell recorded as a problem
//! and settled by the user's choice for its reason.

use poolcalc_engine::model::dataset::PatentStatus;
use poolcalc_engine::model::date::Date;
use rust_decimal::Decimal;

use crate::columns::Field;
use crate::countries::country_code;
use crate::dates::parse_date;
use crate::header::Header;
use crate::options::ImportOptions;
use crate::problems::{Choice, Problems, Reason};
use crate::table::Row;
use crate::values::{is_see_note, number_key, parse_status, parse_weight};

/// A row that can be used, before the rows of one patent are brought together.
#[derive(Debug, Clone)]
pub struct PatentRow {
    pub line: usize,
    pub country: &'static str,
    pub key: String,
    pub number: String,
    pub member: String,
    pub family: Option<String>,
    pub granted: Option<Date>,
    /// The expiry, or why the row has none (`NoExpiry`, `SeeNote`).
    pub expires: Result<Date, Reason>,
    pub status: PatentStatus,
    pub weight: Option<Decimal>,
    pub claim: Option<String>,
}

/// Reads rows, recording problems; `None` for a row left out.
pub struct RowReader<'a> {
    pub header: &'a Header,
    pub options: &'a ImportOptions,
    pub problems: &'a mut Problems,
}

impl RowReader<'_> {
    fn cell<'r>(&self, row: &'r Row, field: Field) -> &'r str {
        self.header.column(field).map_or("", |c| row.cell(c))
    }

    /// A cell read by `parse`; on failure the problem is recorded and the reason's choice
    /// decides: a value given (read the same way), or `Err` to leave the row out.
    fn settle<T>(
        &mut self,
        line: usize,
        reason: Reason,
        text: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Result<T, ()> {
        self.problems.push(line, reason, text);
        match self.options.choice(reason) {
            Choice::Value(v) => parse(v).ok_or(()),
            _ => Err(()),
        }
    }

    /// The patent row of a data row; `None` when it is left out (its problems recorded).
    pub fn read(&mut self, row: &Row) -> Option<PatentRow> {
        let line = row.line;
        let mut ok = true;
        let number = self.cell(row, Field::Number).to_owned();
        let key = number_key(&number);
        if key.is_empty() {
            self.problems.push(line, Reason::NoNumber, &number);
            ok = false;
        }
        let country_text = self.cell(row, Field::Country);
        let country = match country_code(country_text) {
            Some(c) => Ok(c),
            None if country_text.is_empty() => {
                self.settle(line, Reason::NoCountry, country_text, country_code)
            }
            None => self.settle(line, Reason::UnknownCountry, country_text, country_code),
        };
        let member_text = self.cell(row, Field::Member);
        let member = if member_text.is_empty() {
            self.settle(line, Reason::NoLicensor, member_text, |v| {
                Some(v.trim().to_owned())
            })
        } else {
            Ok(member_text.to_owned())
        };
        let expires_text = self.cell(row, Field::Expires);
        let expires = if is_see_note(expires_text) || is_see_note(self.cell(row, Field::Claim)) {
            Ok(Err(Reason::SeeNote))
        } else if expires_text.is_empty() {
            Ok(Err(Reason::NoExpiry))
        } else {
            match parse_date(expires_text) {
                Some(d) => Ok(Ok(d)),
                None => self
                    .settle(line, Reason::BadExpiry, expires_text, parse_date)
                    .map(Ok),
            }
        };
        let granted_text = self.cell(row, Field::Granted);
        let granted = match parse_date(granted_text) {
            Some(d) => Ok(Some(d)),
            None if granted_text.is_empty() => Ok(None),
            None => self.settle(line, Reason::BadGranted, granted_text, |v| {
                if v.trim().is_empty() {
                    Some(None)
                } else {
                    parse_date(v).map(Some)
                }
            }),
        };
        let status_text = self.cell(row, Field::Status);
        let status = match parse_status(status_text) {
            Some(s) => Ok(s),
            None => self.settle(line, Reason::BadStatus, status_text, parse_status),
        };
        let weight = match self.header.column(Field::Weight) {
            None => Ok(None),
            Some(c) => match parse_weight(row.cell(c)) {
                Some(w) => Ok(Some(w)),
                // An empty weight is the default weight.
                None if row.cell(c).is_empty() => Ok(None),
                None => self
                    .settle(line, Reason::BadWeight, row.cell(c), parse_weight)
                    .map(Some),
            },
        };
        let family = Some(self.cell(row, Field::Family))
            .filter(|f| !f.is_empty())
            .map(str::to_owned);
        let claim = Some(self.cell(row, Field::Claim))
            .filter(|c| !c.is_empty() && !is_see_note(c))
            .map(str::to_owned);
        let (Ok(country), Ok(member), Ok(expires), Ok(granted), Ok(status), Ok(weight), true) =
            (country, member, expires, granted, status, weight, ok)
        else {
            return None;
        };
        Some(PatentRow {
            line,
            country,
            key,
            number,
            member,
            family,
            granted,
            expires,
            status,
            weight,
            claim,
        })
    }
}
