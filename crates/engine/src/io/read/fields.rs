//! The fields every reader shares: ids, country codes, amounts, fractions, a currency, a
//! name from a list, and the `format`/`version` header of a file.

use rust_decimal::Decimal;

use crate::io::json::{Obj, Reader, check_amount, check_country, check_fraction, check_id};
use crate::model::version::LATEST_VERSION;

pub(crate) fn id(o: &mut Obj<'_, '_>, r: &mut Reader, key: &'static str) -> Option<String> {
    let v = o.req::<String>(r, key)?;
    check_id(r, &o.at(key), &v);
    Some(v)
}

pub(crate) fn country(o: &mut Obj<'_, '_>, r: &mut Reader, key: &'static str) -> Option<String> {
    let v = o.req::<String>(r, key)?;
    check_country(r, &o.at(key), &v);
    Some(v)
}

pub(crate) fn amount(o: &mut Obj<'_, '_>, r: &mut Reader, key: &'static str) -> Option<Decimal> {
    let v = o.req::<Decimal>(r, key)?;
    check_amount(r, &o.at(key), v);
    Some(v)
}

pub(crate) fn opt_amount(
    o: &mut Obj<'_, '_>,
    r: &mut Reader,
    key: &'static str,
) -> Option<Option<Decimal>> {
    let v = o.opt::<Decimal>(r, key)?;
    if let Some(d) = v {
        check_amount(r, &o.at(key), d);
    }
    Some(v)
}

pub(crate) fn fraction(o: &mut Obj<'_, '_>, r: &mut Reader, key: &'static str) -> Option<Decimal> {
    let v = o.req::<Decimal>(r, key)?;
    check_fraction(r, &o.at(key), v);
    Some(v)
}

/// A name from a fixed list of JSON names.
/// `currency` (an ISO 4217 code) and `currency_decimals` (at most 6) of a pool or a stack
/// product.
pub(crate) fn currency(
    o: &mut Obj<'_, '_>,
    r: &mut Reader,
) -> (Option<String>, Option<Option<u64>>) {
    let currency = o.req::<String>(r, "currency");
    if let Some(c) = &currency
        && !(c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))
    {
        r.issues.push(
            o.at("currency"),
            format!("\"{c}\" is not an ISO 4217 currency code such as \"USD\" or \"CNY\""),
        );
    }
    let decimals = o.opt::<u64>(r, "currency_decimals");
    if let Some(Some(d)) = decimals
        && d > 6
    {
        r.issues.push(
            o.at("currency_decimals"),
            "at most 6 decimals are supported",
        );
    }
    (currency, decimals)
}

pub(crate) fn choice<T: Copy>(
    o: &mut Obj<'_, '_>,
    r: &mut Reader,
    key: &'static str,
    all: &[(T, &'static str)],
    default: T,
) -> Option<T> {
    let name = o.opt::<String>(r, key)?;
    let Some(name) = name else {
        return Some(default);
    };
    let found = all.iter().find(|(_, n)| *n == name).map(|(v, _)| *v);
    if found.is_none() {
        let names: Vec<&str> = all.iter().map(|(_, n)| *n).collect();
        r.issues.push(
            o.at(key),
            format!("\"{name}\" is not one of: {}", names.join(", ")),
        );
    }
    found
}

/// Checks the `format` and `version` header of a file whose format has only version 1.
pub(crate) fn header(o: &mut Obj<'_, '_>, r: &mut Reader, format: &str) -> Option<()> {
    versioned_header(o, r, format, 1).map(|_| ())
}

/// Checks the `format` and `version` header of a dataset or usage profile (versions 1 and
/// 2) and reads the rest of the file as its version says.
pub(crate) fn dataset_header(o: &mut Obj<'_, '_>, r: &mut Reader, format: &str) -> Option<()> {
    let version = versioned_header(o, r, format, LATEST_VERSION)?;
    r.version = version;
    Some(())
}

/// Checks a header whose version is 1 to `latest`; returns the version.
fn versioned_header(o: &mut Obj<'_, '_>, r: &mut Reader, format: &str, latest: u64) -> Option<u64> {
    // Both read before either is required, so an empty object lists every missing field.
    let (f, v) = (o.req::<String>(r, "format"), o.req::<u64>(r, "version"));
    let (f, v) = (f?, v?);
    if f != format {
        r.issues.push(
            o.at("format"),
            format!("expected \"{format}\", found \"{f}\""),
        );
        return None;
    }
    if !(1..=latest).contains(&v) {
        // Version numbers as words: "version 1", "versions 1 and 2".
        let earlier: Vec<String> = (1..latest).map(|n| n.to_string()).collect();
        let reads = if earlier.is_empty() {
            "version 1".to_owned()
        } else {
            format!("versions {} and {latest}", earlier.join(", "))
        };
        r.issues.push(
            o.at("version"),
            format!("version {v} is not supported (this program reads {reads})"),
        );
        return None;
    }
    Some(v)
}

/// An optional amount that version 2 added.
pub(crate) fn opt_amount_v2(
    o: &mut Obj<'_, '_>,
    r: &mut Reader,
    key: &'static str,
) -> Option<Option<Decimal>> {
    let v = o.opt_v2::<Decimal>(r, key)?;
    if let Some(d) = v {
        check_amount(r, &o.at(key), d);
    }
    Some(v)
}
