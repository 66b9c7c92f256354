//! One typed row of the fee form as a sale, each field that does not parse marked.

use poolcalc_engine::model::dataset::{Sale, SaleV2};
use poolcalc_engine::model::service::{ProductKind, ServiceUse};

use crate::fee_form::{
    FieldProblem, RowMarks, SaleRowText, parse_country, parse_decimal, parse_optional_count,
    parse_units, parse_year,
};

pub(super) struct ParsedRow {
    pub(super) year: i32,
    pub(super) sale: Sale,
}

/// The value of a parsed field, or `None` with its problem marked in `slot`.
fn marked<T>(parsed: Result<T, FieldProblem>, slot: &mut Option<FieldProblem>) -> Option<T> {
    parsed.map_err(|p| *slot = Some(p)).ok()
}

/// A row as a sale: a device row gives units, price, where it was made and the units paid
/// upstream; a service row (its product is a service) users, subscribers and revenue.
pub(super) fn parse_row(
    row: &SaleRowText,
    kind: ProductKind,
    marks: &mut RowMarks,
) -> Option<ParsedRow> {
    let year = marked(parse_year(&row.year), &mut marks.year);
    let product = row.product.trim();
    if product.is_empty() {
        marks.product = Some(FieldProblem::Empty);
    }
    let country = marked(parse_country(&row.country), &mut marks.country);
    let made_in = match row.made_in.trim() {
        "" => Some(None),
        text => marked(parse_country(text).map(Some), &mut marks.made_in),
    };
    let sale = Sale::new(
        (!product.is_empty()).then(|| product.to_owned())?,
        country?,
        0,
        None,
    );
    let v2 = SaleV2 {
        made_in: made_in?,
        ..SaleV2::default()
    };
    let sale = match kind {
        ProductKind::Device => device_fields(row, sale, v2, marks),
        ProductKind::Service => service_fields(row, sale, v2, marks),
    };
    Some(ParsedRow {
        year: year?,
        sale: sale?,
    })
}

fn device_fields(row: &SaleRowText, sale: Sale, v2: SaleV2, marks: &mut RowMarks) -> Option<Sale> {
    let units = marked(parse_units(&row.units), &mut marks.units);
    let price = marked(parse_decimal(&row.price), &mut marks.price);
    let upstream = marked(
        parse_optional_count(&row.upstream_paid_units),
        &mut marks.upstream_paid_units,
    );
    if let (Some(u), Some(Some(up))) = (units, upstream)
        && up > u
    {
        marks.upstream_paid_units = Some(FieldProblem::MoreThanUnits);
        return None;
    }
    let sale = Sale {
        units: units?,
        price: price?,
        ..sale
    };
    Some(sale.with_v2(SaleV2 {
        upstream_paid_units: upstream?,
        ..v2
    }))
}

fn service_fields(row: &SaleRowText, sale: Sale, v2: SaleV2, marks: &mut RowMarks) -> Option<Sale> {
    let users = marked(parse_optional_count(&row.users), &mut marks.users);
    let subscribers = marked(
        parse_optional_count(&row.subscribers),
        &mut marks.subscribers,
    );
    let revenue = marked(parse_decimal(&row.revenue), &mut marks.revenue);
    Some(sale.with_v2(SaleV2 {
        service: Some(ServiceUse {
            users: users?,
            subscribers: subscribers?,
            revenue: revenue?,
        }),
        ..v2
    }))
}
