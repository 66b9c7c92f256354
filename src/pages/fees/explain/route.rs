//! Step 2 of the explanation, one sale at a time: its line, whether a pool patent is in
//! force where it was sold (or made), the country its amount counts to, the units a
//! supplier paid for, and how a service sale's region weighs its users.

use super::super::service_text::measure;
use super::super::{product_name, use_calc};
use crate::i18n::countries;
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;
use poolcalc_engine::Decimal;
use poolcalc_views::fee_charts::group_digits;
use poolcalc_views::fee_steps::{SaleRoute, ServiceRoute};

fn count(v: Option<u64>) -> String {
    v.map_or_else(|| "–".to_owned(), group_digits)
}

/// One sale's route in year `y`; `money` formats an amount with the pool's currency.
pub fn route_item(r: &SaleRoute, y: i32, lang: &str, money: &dyn Fn(Decimal) -> String) -> AnyView {
    let i18n = use_i18n();
    let pool = use_calc().pool;
    let product = product_name(&pool, &r.product, lang);
    let country = countries::label(&r.country, lang);
    let made_in = r.made_in.as_deref().map(|c| countries::label(c, lang));
    let units = group_digits(r.units);
    let region = r.region.clone().unwrap_or_else(|| "–".to_owned());
    let line = r.line_region.clone().unwrap_or_else(|| "–".to_owned());

    let main = match (&r.service, r.attributed_to.is_none(), &made_in) {
        (_, true, Some(made)) if r.coverage.is_some_and(|c| c.made_covered.is_some()) => view! {
            {t!(i18n, fees_step_route_exempt_made, product = product, country = country, made_in = made.clone(), year = y)}
        }
        .into_any(),
        (_, true, _) => view! {
            {t!(i18n, fees_step_route_exempt, product = product, country = country, units = units, year = y)}
        }
        .into_any(),
        (Some(s), false, _) => service_route(s, &product, &country, &region, &line, money),
        (None, false, _) if r.upstream_paid_units > 0 && r.charged_units == 0 => view! {
            {t!(i18n, fees_step_route_all_upstream, product = product, country = country, units = units)}
        }
        .into_any(),
        (None, false, _) => view! {
            {t!(i18n, fees_step_route, product = product, country = country, units = units, region = region, line = line)}
        }
        .into_any(),
    };
    // Charged where it was made, not where it was sold (`made_or_sold`).
    let made_note = match (&r.attributed_to, &made_in) {
        (Some(to), Some(made)) if *to != r.country => Some(view! {
            " "{t!(i18n, fees_step_route_made, country = countries::label(&r.country, lang), made_in = made.clone(), year = y)}
        }),
        _ => None,
    };
    let upstream_note = (r.upstream_paid_units > 0 && r.charged_units > 0).then(|| {
        view! {
            " "{t!(i18n, fees_step_route_upstream, upstream = group_digits(r.upstream_paid_units), charged = group_digits(r.charged_units))}
        }
    });
    view! { <li data-testid="fees-explain-route">{main}{made_note}{upstream_note}</li> }.into_any()
}

/// A service sale: its measures as given and, where its region weighs users, as they count.
fn service_route(
    s: &ServiceRoute,
    product: &str,
    country: &str,
    region: &str,
    line: &str,
    money: &dyn Fn(Decimal) -> String,
) -> AnyView {
    let i18n = use_i18n();
    let revenue = s.revenue.map_or_else(|| "–".to_owned(), money);
    let weight_note = (s.user_weight != Decimal::ONE).then(|| {
        view! {
            " "{t!(i18n, fees_step_route_weight, weight = measure(s.user_weight), users = measure(s.weighted.users), subscribers = measure(s.weighted.subscribers))}
        }
    });
    view! {
        {t!(i18n, fees_step_route_service, product = product.to_owned(), country = country.to_owned(), users = count(s.users), subscribers = count(s.subscribers), revenue = revenue, region = region.to_owned(), line = line.to_owned())}
        {weight_note}
    }
    .into_any()
}
