//! The non-discrimination check: the same sales of one licensee under each region, signing
//! date and product, with what each costs and the rule that makes the difference.

use leptos::prelude::*;
use poolcalc_engine::{Dataset, Decimal};
use poolcalc_views::format::{grouped, percent_text};
use poolcalc_views::policy::{Variant, VariantResult};

use super::editor::I18n;
use crate::i18n::language;
use crate::i18n::{t, t_string, use_i18n};

#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub actual: Option<Decimal>,
    pub variants: Vec<VariantResult>,
    /// The dataset the check ran on (the scenario applied), for names and discount terms.
    pub dataset: std::sync::Arc<Dataset>,
    pub year: i32,
}

fn describe(i18n: I18n, v: &Variant, d: &Dataset, year: i32, lang: &str) -> (String, String) {
    match v {
        Variant::Region { region, country } => {
            let name = d
                .regions
                .iter()
                .find(|r| &r.id == region)
                .map_or(region.as_str(), |r| r.name.get(lang));
            (
                format!("{} {name} ({country})", t_string!(i18n, scen_nd_region)),
                t_string!(i18n, scen_nd_region_rule).to_owned(),
            )
        }
        Variant::Signing { discount: Some(id) } => {
            let terms = poolcalc_engine::pool::schedule_for(d, year)
                .and_then(|(_, s)| s.discounts.iter().find(|x| &x.id == id));
            let rule = match terms {
                Some(x) => format!(
                    "{} {} %, {} {}",
                    t_string!(i18n, scen_nd_discount_rule),
                    percent_text(x.percent, 2),
                    t_string!(i18n, scen_nd_signed_before),
                    x.signed_before
                ),
                None => t_string!(i18n, scen_nd_discount_rule).to_owned(),
            };
            (format!("{} “{id}”", t_string!(i18n, scen_nd_signing)), rule)
        }
        Variant::Signing { discount: None } => (
            t_string!(i18n, scen_nd_never_signed).to_owned(),
            t_string!(i18n, scen_nd_no_discount_rule).to_owned(),
        ),
        Variant::Product { product } => {
            let name = d
                .products
                .iter()
                .find(|p| &p.id == product)
                .map_or(product.as_str(), |p| p.name.get(lang));
            (
                format!("{} {name}", t_string!(i18n, scen_nd_product)),
                t_string!(i18n, scen_nd_product_rule).to_owned(),
            )
        }
    }
}

#[component]
pub fn FairnessView(checked: Checked) -> impl IntoView {
    let i18n = use_i18n();
    let c = StoredValue::new(checked);
    let money = move |v: Decimal| {
        c.with_value(|c| {
            format!(
                "{} {}",
                grouped(v, c.dataset.pool.currency_decimals),
                c.dataset.pool.currency
            )
        })
    };
    let actual = move || {
        c.with_value(|c| c.actual)
            .map_or_else(|| "—".to_owned(), money)
    };
    let rows = move || {
        let lang = language::code(i18n.get_locale());
        c.with_value(|c| {
            c.variants
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let (what, rule) = describe(i18n, &v.variant, &c.dataset, c.year, lang);
                    let same = v.difference.is_some_and(|d| d.is_zero());
                    let rule = if same {
                        t_string!(i18n, scen_nd_same).to_owned()
                    } else {
                        rule
                    };
                    let payable = match &v.payable {
                        Ok(p) => money(*p),
                        Err(e) => format!("{} {e}", t_string!(i18n, scen_nd_cannot)),
                    };
                    let diff = v.difference.map_or_else(
                        || "—".to_owned(),
                        |d| {
                            let sign = if d > Decimal::ZERO { "+" } else { "" };
                            format!(
                                "{sign}{}",
                                grouped(d, c.dataset.pool.currency_decimals)
                            )
                        },
                    );
                    view! {
                        <tr data-testid=format!("scen-nd-row-{i}") class:scen-differs=!same>
                            <th scope="row">{what}</th>
                            <td class="num">{payable}</td>
                            <td class="num">{diff}</td>
                            <td>{rule}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <p data-testid="scen-nd-actual">{t!(i18n, scen_nd_actual)}": "{actual}</p>
        <div class="scen-table-wrap">
            <table class="scen-table" data-testid="scen-nd-table">
                <thead><tr>
                    <th scope="col">{t!(i18n, scen_nd_variant)}</th>
                    <th scope="col">{t!(i18n, scen_nd_payable)}</th>
                    <th scope="col">{t!(i18n, scen_nd_difference)}</th>
                    <th scope="col">{t!(i18n, scen_nd_rule)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
