//! One typed row of the fee form as a sale, each field that does not parse marked.

use poolcalc_engine::model::dataset::Sale;
use poolcalc_engine::model::service::{ProductKind, ServiceUse};

use crate::fee_form::{
    FieldProblem, RowMarks, SaleRowText, parse_country, parse_decimal, parse_optional_count,
    parse_units, parse_year,
};

pub(super) struct ParsedRow {
    pub(super) year: i32,
    pub(super) sale: Sale,
}

/// A row as a sale: a device row gives units, price, where it was made and the units paid
/// upstream; a service row (its product is a service) users, subscribers and revenue.
pub(super) fn parse_row(
    row: &SaleRowText,
    kind: ProductKind,
    marks: &mut RowMarks,
) -> Option<ParsedRow> {
    let year = parse_year(&row.year).map_err(|p| marks.year = Some(p)).ok();
    let product = row.product.trim();
    if product.is_empty() {
        marks.product = Some(FieldProblem::Empty);
    }
    let country = parse_country(&row.country)
        .map_err(|p| marks.country = Some(p))
        .ok();
    let made_in = match row.made_in.trim() {
        "" => Some(None),
        text => parse_country(text)
            .map(Some)
            .map_err(|p| marks.made_in = Some(p))
            .ok(),
    };
    let sale = Sale {
        product: (!product.is_empty()).then(|| product.to_owned())?,
        country: country?,
        made_in: made_in?,
        ..Sale::default()
    };
    let sale = match kind {
        ProductKind::Device => device_fields(row, sale, marks),
        ProductKind::Service => service_fields(row, sale, marks),
    };
    Some(ParsedRow {
        year: year?,
        sale: sale?,
    })
}

fn device_fields(row: &SaleRowText, sale: Sale, marks: &mut RowMarks) -> Option<Sale> {
    let units = parse_units(&row.units)
        .map_err(|p| marks.units = Some(p))
        .ok();
    let price = parse_decimal(&row.price)
        .map_err(|p| marks.price = Some(p))
        .ok();
    let upstream = parse_optional_count(&row.upstream_paid_units)
        .map_err(|p| marks.upstream_paid_units = Some(p))
        .ok();
    if let (Some(u), Some(Some(up))) = (units, upstream)
        && up > u
    {
        marks.upstream_paid_units = Some(FieldProblem::MoreThanUnits);
        return None;
    }
    Some(Sale {
        units: units?,
        price: price?,
        upstream_paid_units: upstream?,
        ..sale
    })
}

fn service_fields(row: &SaleRowText, sale: Sale, marks: &mut RowMarks) -> Option<Sale> {
    let users = parse_optional_count(&row.users)
        .map_err(|p| marks.users = Some(p))
        .ok();
    let subscribers = parse_optional_count(&row.subscribers)
        .map_err(|p| marks.subscribers = Some(p))
        .ok();
    let revenue = parse_decimal(&row.revenue)
        .map_err(|p| marks.revenue = Some(p))
        .ok();
    Some(Sale {
        service: Some(ServiceUse {
            users: users?,
            subscribers: subscribers?,
            revenue: revenue?,
        }),
        ..sale
    })
}
