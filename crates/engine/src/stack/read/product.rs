//! The product of a stack and its sales: years, countries, units.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use crate::io::json::{FromJson, Obj, Reader, Value, check_country};
use crate::io::read::{amount, currency, opt_amount};
use crate::model::dataset::check_sale_units;
use crate::model::issue::Path;
use crate::model::text::Text;
use crate::stack::{CountryUnits, MAX_COUNTRIES, MAX_YEARS, SalesYear, StackProduct, StackSales};

use super::opt_fraction;

impl FromJson for StackProduct {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let name = o.req::<Text>(r, "name");
        let (currency, decimals) = currency(&mut o, r);
        let price = amount(&mut o, r, "price");
        if price.is_some_and(|p| p <= Decimal::ZERO) {
            r.issues.push(o.at("price"), "the price must be above 0");
        }
        let margin = opt_fraction(&mut o, r, "industry_margin");
        let cost = opt_amount(&mut o, r, "unit_cost");
        if let (Some(Some(_)), Some(Some(_))) = (margin, cost) {
            r.issues
                .push(o.path(), "give `industry_margin` or `unit_cost`, not both");
        }
        if let (Some(p), Some(Some(c))) = (price, cost)
            && c > p
        {
            r.issues.push(
                o.at("unit_cost"),
                format!("unit_cost {c} is above the price {p}"),
            );
        }
        o.finish(r);
        Some(StackProduct {
            name: name?,
            currency: currency?,
            currency_decimals: decimals?
                .and_then(|d| u32::try_from(d.min(6)).ok())
                .unwrap_or_else(crate::model::dataset::default_decimals),
            price: price?,
            industry_margin: margin?,
            unit_cost: cost?,
        })
    }
}

impl FromJson for StackSales {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let years = o.req::<Vec<SalesYear>>(r, "years");
        let fill_to = o.opt::<i32>(r, "fill_to");
        let growth = o.opt::<Decimal>(r, "growth");
        if let Some(Some(g)) = growth
            && (g <= -Decimal::ONE || g > Decimal::TEN)
        {
            r.issues.push(
                o.at("growth"),
                format!("growth {g} is outside the range above −1 and up to 10 (a fraction: \"0.05\" for 5 %)"),
            );
        }
        if let Some(years) = &years {
            check_years(r, &o, years, fill_to.flatten());
        }
        o.finish(r);
        Some(StackSales {
            years: years?,
            fill_to: fill_to?,
            growth: growth?.unwrap_or_default(),
        })
    }
}

fn check_years(r: &mut Reader, o: &Obj<'_, '_>, years: &[SalesYear], fill_to: Option<i32>) {
    let at = o.at("years");
    if years.is_empty() {
        r.issues.push(at, "give the units of at least one year");
        return;
    }
    let mut seen = BTreeSet::new();
    for (i, y) in years.iter().enumerate() {
        if !seen.insert(y.year) {
            r.issues.push(
                format!("{at}[{i}].year"),
                format!(
                    "year {} appears twice; put all its countries in one entry",
                    y.year
                ),
            );
        }
    }
    let (Some(first), Some(last)) = (seen.first().copied(), seen.last().copied()) else {
        return;
    };
    let end = fill_to.unwrap_or(last).max(last);
    if fill_to.is_some_and(|t| t < last) {
        r.issues.push(
            o.at("fill_to"),
            format!(
                "fill_to {} is before the last year given, {last}",
                fill_to.unwrap_or(last)
            ),
        );
    }
    if i64::from(end) - i64::from(first) >= MAX_YEARS as i64 {
        r.issues.push(
            o.path(),
            format!("{first}–{end} is more than {MAX_YEARS} years, the most a stack covers"),
        );
    }
}

impl FromJson for SalesYear {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let year = o.req::<i32>(r, "year");
        let countries = o.req::<Vec<CountryUnits>>(r, "countries");
        if let Some(cs) = &countries {
            if cs.len() > MAX_COUNTRIES {
                r.issues.push(
                    o.at("countries"),
                    format!(
                        "{} countries: a year takes at most {MAX_COUNTRIES}",
                        cs.len()
                    ),
                );
            }
            let mut seen = BTreeSet::new();
            for (i, c) in cs.iter().enumerate() {
                if !seen.insert(c.country.as_str()) {
                    r.issues.push(
                        format!("{}[{i}].country", o.at("countries")),
                        format!("{} appears twice in this year", c.country),
                    );
                }
            }
        }
        o.finish(r);
        Some(SalesYear {
            year: year?,
            countries: countries?,
        })
    }
}

impl FromJson for CountryUnits {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let country = o.req::<String>(r, "country");
        if let Some(c) = &country {
            check_country(r, &o.at("country"), c);
        }
        let units = o.req::<u64>(r, "units").and_then(|u| {
            check_sale_units(u)
                .map_err(|e| r.issues.push(o.at("units"), e))
                .ok()
        });
        o.finish(r);
        Some(CountryUnits {
            country: country?,
            units: units?,
        })
    }
}
