//! The non-discrimination check: the same sales of one licensee under each region, signing
//! date and product, with what each costs and the rule that makes the difference.

use leptos::prelude::*;
use poolcalc_engine::{Dataset, Decimal};
use poolcalc_views::format::{grouped, percent_text};
use poolcalc_views::policy::{Variant, VariantResult};

use std::sync::Arc;

use poolcalc_engine::Pool;
use poolcalc_engine::scenario::apply_scenario;
use poolcalc_views::policy::non_discrimination;

use super::editor::I18n;
use super::{issue_lines, usage_of, use_scenarios_ctx};
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
                            format!("{sign}{}", grouped(d, c.dataset.pool.currency_decimals))
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

/// What the check shows: no licensee to check, the scenario that does not apply, or the
/// variants.
#[derive(Clone, Debug, PartialEq)]
enum FairOut {
    NoLicensee,
    Failed(Vec<String>),
    Done(Checked),
}

/// The non-discrimination check, on the sweep's scenario.
#[component]
pub fn FairnessSection() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenarios_ctx();
    let (dsv, year, licensee, sweep_base) = (ctx.dsv, ctx.year, ctx.licensee, ctx.sweep_base);
    let scenario_of = move |key: &str| ctx.scenario_of(key);

    // Non-discrimination, on the sweep's scenario.
    let fair = Memo::new(move |_| {
        let Some(s) = scenario_of(&sweep_base.get()) else {
            return FairOut::Failed(Vec::new());
        };
        let y = year.get();
        let lic = licensee.get();
        dsv.with_value(|ds| {
            let base = ds.dataset();
            let Some(usage) = usage_of(base, &lic) else {
                return FairOut::NoLicensee;
            };
            match apply_scenario(base, &s) {
                Ok(applied) => {
                    let pool = Pool::new(applied);
                    let (actual, variants) = non_discrimination(&pool, &usage, y);
                    FairOut::Done(Checked {
                        actual,
                        variants,
                        dataset: Arc::new(pool.dataset().clone()),
                        year: y,
                    })
                }
                Err(issues) => FairOut::Failed(issue_lines(&issues)),
            }
        })
    });

    let fair_view = move || match fair.get() {
        FairOut::NoLicensee => {
            view! { <p class="scen-note">{t!(i18n, scen_nd_no_licensee)}</p> }.into_any()
        }
        FairOut::Failed(lines) => view! {
            <div class="scen-error" role="alert">
                <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any(),
        FairOut::Done(c) => view! { <FairnessView checked=c /> }.into_any(),
    };

    view! {
        <section class="scen-fairness" aria-labelledby="scen-nd-h" data-testid="scen-nd">
            <h2 id="scen-nd-h">{t!(i18n, scen_nd_title)}</h2>
            <p class="scen-note">{t!(i18n, scen_nd_intro)}</p>
            {fair_view}
        </section>
    }
}
