//! The page model of the "Build" page (file → column mapping → problems per reason →
//! patents preview → export): texts and choices in, display rows out, with no web code, so
//! it is tested natively. (It may move to crates/views with the other page models.)

use crate::columns::Field;
use crate::header::Header;
use crate::import::Import;
use crate::options::{ImportOptions, check_choice};
use crate::output::list_json;
use crate::problems::{Choice, MAX_LISTED, Problem, Reason, ValueKind};
use crate::table::Table;

/// Values shown under a column's header to help map it.
const SAMPLES: usize = 3;

/// One column of the mapping step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnRow {
    /// Column index (the `<select>`'s key).
    pub index: usize,
    /// The header text.
    pub header: String,
    /// The field it is mapped to (`Field::name`), empty for none.
    pub field: &'static str,
    /// The first values below the header.
    pub samples: Vec<String>,
}

/// The columns of the header with their fields and first values.
#[must_use]
pub fn column_rows(table: &Table, header: &Header) -> Vec<ColumnRow> {
    (0..header.names.len())
        .map(|index| ColumnRow {
            index,
            header: header.names[index].clone(),
            field: header
                .fields
                .get(index)
                .copied()
                .flatten()
                .map_or("", Field::name),
            samples: table
                .rows
                .iter()
                .skip(header.row + 1)
                .map(|r| r.cell(index))
                .filter(|c| !c.is_empty())
                .take(SAMPLES)
                .map(|c| c.chars().take(40).collect())
                .collect(),
        })
        .collect()
}

/// Maps a column from the mapping `<select>` (an empty name for none).
///
/// # Errors
/// A field name that is not one.
pub fn map_column(options: &mut ImportOptions, column: usize, field: &str) -> Result<(), String> {
    let field = match field {
        "" => None,
        f => Some(Field::parse(f).ok_or_else(|| format!("\"{f}\" is not a field"))?),
    };
    options.columns.retain(|(c, _)| *c != column);
    options.columns.push((column, field));
    Ok(())
}

/// One reason of the problems step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReasonRow {
    /// The reason.
    pub reason: Reason,
    /// Rows or patents with it.
    pub count: usize,
    /// The first of them.
    pub listed: Vec<Problem>,
    /// Those not listed ("and N more").
    pub more: usize,
    /// The choices offered (`leave-out`, `value`, `latest`, `earliest`, `first`).
    pub choices: Vec<&'static str>,
    /// The current choice's name.
    pub choice: &'static str,
    /// The value given, when the choice is `value`.
    pub value: String,
    /// What a given value must be.
    pub value_kind: ValueKind,
}

/// The name of a choice in the form.
fn choice_name(c: &Choice) -> &'static str {
    match c {
        Choice::LeaveOut => "leave-out",
        Choice::Value(_) => "value",
        Choice::Latest => "latest",
        Choice::Earliest => "earliest",
        Choice::First => "first",
    }
}

/// Every reason of the import, in report order, with its choices.
#[must_use]
pub fn reason_rows(import: &Import, options: &ImportOptions) -> Vec<ReasonRow> {
    let candidates = [
        Choice::LeaveOut,
        Choice::Value(String::new()),
        Choice::Latest,
        Choice::Earliest,
        Choice::First,
    ];
    import
        .problems
        .0
        .iter()
        .map(|(reason, rows)| {
            let choice = options.choice(*reason);
            ReasonRow {
                reason: *reason,
                count: rows.count,
                listed: rows.listed.clone(),
                more: rows.count.saturating_sub(MAX_LISTED),
                choices: candidates
                    .iter()
                    .filter(|c| reason.allows(c))
                    .map(choice_name)
                    .collect(),
                choice: choice_name(choice),
                value: match choice {
                    Choice::Value(v) => v.clone(),
                    _ => String::new(),
                },
                value_kind: reason.value_kind(),
            }
        })
        .collect()
}

/// Sets a reason's choice from the form (`choice` a name of [`ReasonRow::choices`], `value`
/// the text field). The choice is kept only when it can be taken.
///
/// # Errors
/// The message to show on the field (a value that does not fit, an unknown choice).
pub fn set_choice(
    options: &mut ImportOptions,
    reason: Reason,
    choice: &str,
    value: &str,
) -> Result<(), String> {
    let c = match choice {
        "leave-out" => Choice::LeaveOut,
        "value" => Choice::Value(value.trim().to_owned()),
        "latest" => Choice::Latest,
        "earliest" => Choice::Earliest,
        "first" => Choice::First,
        other => return Err(format!("\"{other}\" is not a choice")),
    };
    check_choice(reason, &c)?;
    options.choices.insert(reason, c);
    Ok(())
}

/// One patent of the preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewRow {
    /// The patent id.
    pub id: String,
    /// Country code.
    pub country: String,
    /// Number as written.
    pub number: String,
    /// The licensor (member name).
    pub member: String,
    /// Grant date or empty.
    pub granted: String,
    /// Expiry date.
    pub expires: String,
    /// Status name.
    pub status: &'static str,
    /// Weight, plain.
    pub weight: String,
    /// Claims listed.
    pub claims: usize,
    /// First row's line.
    pub line: usize,
}

/// The first `limit` patents and how many more there are.
#[must_use]
pub fn preview_rows(import: &Import, limit: usize) -> (Vec<PreviewRow>, usize) {
    let name = |id: &str| {
        import
            .members
            .iter()
            .find(|m| m.id == id)
            .map_or_else(String::new, |m| m.name.get("en").to_owned())
    };
    let rows = import
        .patents
        .iter()
        .take(limit)
        .map(|p| PreviewRow {
            id: p.patent.id.clone(),
            country: p.patent.country.clone(),
            number: p.patent.number.clone(),
            member: name(&p.patent.member),
            granted: p.patent.granted.map(|d| d.to_string()).unwrap_or_default(),
            expires: p.patent.expires.to_string(),
            status: p.patent.status.as_str(),
            weight: p.patent.weight.to_string(),
            claims: p.claims,
            line: p.line,
        })
        .collect();
    (rows, import.patents.len().saturating_sub(limit))
}

/// The export: `{"members": [...], "patents": [...]}`, pretty-printed.
#[must_use]
pub fn export_json(import: &Import) -> String {
    serde_json::to_string_pretty(&list_json(import)).unwrap_or_default()
}

#[cfg(all(test, feature = "reader"))]
mod tests {
    use super::*;
    use crate::{import_table, read_table};

    const LIST: &str = "Note line\nCountry;Patent No.;Owner;Expiry;Category\n\
        US;1;Acme;2030-01-01;Core\nUS;2;Acme;See Note;Core\nEP;3;Acme;2031-01-01;Core\n";

    fn run(options: &ImportOptions) -> (Table, Import) {
        let table = read_table(LIST.as_bytes(), None, options.layout).unwrap_or_default();
        let import = import_table(&table, options).unwrap_or_else(|e| panic!("{e}"));
        (table, import)
    }

    #[test]
    fn the_steps_of_the_page_from_mapping_to_export() {
        let mut options = ImportOptions::default();
        let (table, import) = run(&options);
        let columns = column_rows(&table, &import.header);
        let fields: Vec<&str> = columns.iter().map(|c| c.field).collect();
        assert_eq!(fields, ["country", "number", "member", "expires", ""]);
        assert_eq!(columns[1].samples, ["1", "2", "3"]);

        let reasons = reason_rows(&import, &options);
        let names: Vec<&str> = reasons.iter().map(|r| r.reason.name()).collect();
        assert_eq!(names, ["unknown-country", "see-note"]);
        assert_eq!(reasons[1].choices, ["leave-out", "value"]);
        assert_eq!(reasons[1].listed[0].line, 4);
        assert_eq!(reasons[1].choice, "leave-out");

        assert_eq!(
            set_choice(&mut options, Reason::SeeNote, "value", "2032-13-01"),
            Err("\"2032-13-01\" is not a date (YYYY-MM-DD)".to_owned())
        );
        assert_eq!(
            set_choice(&mut options, Reason::SeeNote, "value", "2032-12-01"),
            Ok(())
        );
        assert!(set_choice(&mut options, Reason::SeeNote, "latest", "").is_err());
        let (_, import) = run(&options);
        let (preview, more) = preview_rows(&import, 1);
        assert_eq!(more, 1);
        assert_eq!(preview[0].member, "Acme");
        assert_eq!(import.patents[1].patent.expires.to_string(), "2032-12-01");
        assert_eq!(reason_rows(&import, &options)[1].value, "2032-12-01");

        // Unmapping the expiry column makes every row's expiry missing.
        assert_eq!(map_column(&mut options, 3, ""), Ok(()));
        let (_, import) = run(&options);
        assert_eq!(import.patents.len(), 0);
        assert!(map_column(&mut options, 3, "expiry").is_err());
        assert!(export_json(&import).contains("\"patents\": []"));
    }
}
