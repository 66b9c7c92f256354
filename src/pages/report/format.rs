//! A report's values and subjects as people read them: numbers grouped, fractions as
//! percentages, names instead of ids, in the page's language.

use poolcalc_engine::model::money::round;
use poolcalc_engine::{Dataset, Decimal};
use poolcalc_views::format::{group_digits, grouped_exact};
use poolcalc_views::policy::Variant;
use poolcalc_views::report_card::{Subject, Value};

use crate::i18n::{Locale, t_string, use_i18n};

/// A fraction as a percentage with two decimals: `0.308058` → `30.81 %` (`30.81%` in Chinese).
pub fn percent(f: Decimal, locale: Locale) -> String {
    let mut p = round(f * Decimal::ONE_HUNDRED, 2);
    p.rescale(2);
    match locale {
        Locale::zh => format!("{}%", grouped_exact(p)),
        Locale::en => format!("{} %", grouped_exact(p)),
    }
}

/// The value as the page shows it.
pub fn value_text(v: &Value, currency: &str, locale: Locale) -> String {
    let i18n = use_i18n();
    match v {
        Value::Money(d) => format!("{} {currency}", grouped_exact(*d)),
        Value::Fraction(d) => percent(*d, locale),
        Value::Points(d) => grouped_exact(*d),
        Value::Ratio(d) => {
            let mut r = round(*d, 2);
            r.rescale(2);
            format!("{}×", grouped_exact(r))
        }
        Value::Count(n) => group_digits(*n),
        Value::Years(y) if y.is_empty() => t_string!(i18n, report_no_years).to_owned(),
        Value::Years(y) => {
            let sep = if locale == Locale::zh { "、" } else { ", " };
            y.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(sep)
        }
        // As the explorer's checklist writes it, in either language.
        Value::Coverage { with, of } => format!("{} / {}", group_digits(*with), group_digits(*of)),
        Value::None => "—".to_owned(),
    }
}

fn item_label(item: &str) -> String {
    let i18n = use_i18n();
    match item {
        "patent_list" => t_string!(i18n, explorer_disc_patent_list),
        "expiry_dates" => t_string!(i18n, explorer_disc_expiry_dates),
        "grant_dates" => t_string!(i18n, explorer_disc_grant_dates),
        "families" => t_string!(i18n, explorer_disc_families),
        "essentiality" => t_string!(i18n, explorer_disc_essentiality),
        "rates" => t_string!(i18n, explorer_disc_rates),
        "caps" => t_string!(i18n, explorer_disc_caps),
        "discounts" => t_string!(i18n, explorer_disc_discounts),
        "distribution_rule" => t_string!(i18n, explorer_disc_distribution_rule),
        "management_fee" => t_string!(i18n, explorer_disc_management_fee),
        "licensees" => t_string!(i18n, explorer_disc_licensees),
        "sources" => t_string!(i18n, explorer_disc_sources),
        "typical_prices" => t_string!(i18n, report_item_typical_prices),
        "industry_margins" => t_string!(i18n, report_item_industry_margins),
        "administrator" => t_string!(i18n, report_item_administrator),
        "as_of" => t_string!(i18n, report_item_as_of),
        other => return other.to_owned(),
    }
    .to_owned()
}

/// What a row is about, by name.
pub fn subject_text(s: &Subject, d: &Dataset, lang: &str) -> String {
    let i18n = use_i18n();
    let product = |id: &str| {
        d.products
            .iter()
            .find(|p| p.id == id)
            .map_or(id.to_owned(), |p| p.name.get(lang).to_owned())
    };
    match s {
        Subject::Pool => t_string!(i18n, report_subject_pool).to_owned(),
        Subject::Product {
            schedule: Some(s),
            product: p,
        } => {
            format!(
                "{} · {} {s}",
                product(p),
                t_string!(i18n, report_under_schedule)
            )
        }
        Subject::Product {
            schedule: None,
            product: p,
        } => product(p),
        Subject::Member { id } => d.members.iter().find(|m| &m.id == id).map_or_else(
            || t_string!(i18n, report_candidate).to_owned(),
            |m| m.name.get(lang).to_owned(),
        ),
        Subject::Licensee { id } => d
            .licensees
            .iter()
            .find(|l| &l.id == id)
            .map_or(id.clone(), |l| l.usage.licensee.get(lang).to_owned()),
        Subject::Year { year } => year.to_string(),
        Subject::Schedule { id } => id.clone(),
        Subject::Item { item } => item_label(item),
        Subject::Stack {
            licence: None,
            name,
            ..
        } => format!(
            "{} ({})",
            name.get(lang),
            t_string!(i18n, report_stack_total)
        ),
        Subject::Stack {
            name,
            this_pool: true,
            ..
        } => format!(
            "{} ({})",
            name.get(lang),
            t_string!(i18n, report_stack_this_pool)
        ),
        Subject::Stack { name, .. } => name.get(lang).to_owned(),
        Subject::Variant { variant } => match variant {
            Variant::Region { region, country } => {
                let name = d
                    .regions
                    .iter()
                    .find(|r| &r.id == region)
                    .map_or(region.as_str(), |r| r.name.get(lang));
                format!("{} {name} ({country})", t_string!(i18n, scen_nd_region))
            }
            Variant::Signing { discount: Some(id) } => {
                format!("{} “{id}”", t_string!(i18n, scen_nd_signing))
            }
            Variant::Signing { discount: None } => t_string!(i18n, scen_nd_never_signed).to_owned(),
            Variant::Product { product: p } => {
                format!("{} {}", t_string!(i18n, scen_nd_product), product(p))
            }
        },
    }
}
