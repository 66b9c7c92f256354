//! The studio's names (fields, reasons, choices, file problems) in the UI language.

use crate::i18n::{Locale, t_string};
use leptos_i18n::I18nContext;
use poolcalc_studio::{Field, FileError, Reason};

type I18n = I18nContext<Locale>;

/// A patent field's label.
pub fn field_text(i18n: I18n, f: Field) -> String {
    match f {
        Field::Number => t_string!(i18n, build_field_number),
        Field::Country => t_string!(i18n, build_field_country),
        Field::Member => t_string!(i18n, build_field_member),
        Field::Family => t_string!(i18n, build_field_family),
        Field::Granted => t_string!(i18n, build_field_granted),
        Field::Expires => t_string!(i18n, build_field_expires),
        Field::Status => t_string!(i18n, build_field_status),
        Field::Weight => t_string!(i18n, build_field_weight),
        Field::Claim => t_string!(i18n, build_field_claim),
    }
    .to_string()
}

/// What a reason's rows get wrong.
pub fn reason_text(i18n: I18n, r: Reason) -> String {
    match r {
        Reason::NoNumber => t_string!(i18n, build_reason_no_number),
        Reason::NoCountry => t_string!(i18n, build_reason_no_country),
        Reason::UnknownCountry => t_string!(i18n, build_reason_unknown_country),
        Reason::NoLicensor => t_string!(i18n, build_reason_no_licensor),
        Reason::NoExpiry => t_string!(i18n, build_reason_no_expiry),
        Reason::SeeNote => t_string!(i18n, build_reason_see_note),
        Reason::BadExpiry => t_string!(i18n, build_reason_bad_expiry),
        Reason::BadGranted => t_string!(i18n, build_reason_bad_granted),
        Reason::NotAfterGranted => t_string!(i18n, build_reason_not_after_granted),
        Reason::BadStatus => t_string!(i18n, build_reason_bad_status),
        Reason::BadWeight => t_string!(i18n, build_reason_bad_weight),
        Reason::ExpiryConflict => t_string!(i18n, build_reason_expiry_conflict),
        Reason::LicensorConflict => t_string!(i18n, build_reason_licensor_conflict),
        Reason::FieldConflict => t_string!(i18n, build_reason_field_conflict),
    }
    .to_string()
}

/// A choice's label (`leave-out`, `value`, `latest`, `earliest`, `first`).
pub fn choice_text(i18n: I18n, c: &str) -> String {
    match c {
        "value" => t_string!(i18n, build_choice_value),
        "latest" => t_string!(i18n, build_choice_latest),
        "earliest" => t_string!(i18n, build_choice_earliest),
        "first" => t_string!(i18n, build_choice_first),
        _ => t_string!(i18n, build_choice_leave_out),
    }
    .to_string()
}

/// Why a file cannot be read.
pub fn file_error_text(i18n: I18n, e: &FileError) -> String {
    match e {
        FileError::TooLarge(_) | FileError::TooManyRows => {
            t_string!(i18n, build_error_too_large).to_string()
        }
        FileError::NotText => t_string!(i18n, build_error_not_text).to_string(),
        FileError::Workbook(detail) => {
            format!("{} ({detail})", t_string!(i18n, build_error_workbook))
        }
        FileError::NoSuchSheet { name, .. } => {
            format!("{} ({name})", t_string!(i18n, build_error_workbook))
        }
        FileError::NoHeader | FileError::LayoutNotFound(_) => {
            t_string!(i18n, build_error_no_header).to_string()
        }
    }
}
