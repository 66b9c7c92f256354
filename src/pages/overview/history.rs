//! The rate history (pool-dataset-v2 section 5): each rate across the pool's renewals with
//! its rise and the pool's own limit, rises above it marked, and whom each schedule applies
//! to by signing date. Numbers are the engine's (`terms_history_view`).

use crate::i18n::labels::admits_text;
use crate::i18n::language;
use crate::i18n::{t, t_string, use_i18n};
use crate::state::LoadedDataset;
use leptos::prelude::*;
use poolcalc_engine::Decimal;
use poolcalc_engine::model::money::format_exact;
use poolcalc_views::explorer::group_digits;
use poolcalc_views::terms_history::{HistoryRow, RateField, terms_history_view};
use std::sync::Arc;

/// A fraction as a percentage: 0.2 → "20%"; what no Decimal holds is shown as it is.
fn percent(fraction: Decimal) -> String {
    fraction.checked_mul(Decimal::ONE_HUNDRED).map_or_else(
        || format_exact(fraction),
        |p| format!("{}%", format_exact(p)),
    )
}

fn field_text(f: RateField) -> AnyView {
    let i18n = use_i18n();
    match f {
        RateField::PerUnit => t!(i18n, overview_field_per_unit).into_any(),
        RateField::Tier(Some(up_to)) => {
            t!(i18n, overview_field_tier, up_to = group_digits(up_to)).into_any()
        }
        RateField::Tier(None) => t!(i18n, overview_field_tier_open).into_any(),
        RateField::PercentOfPrice => t!(i18n, overview_field_percent).into_any(),
        RateField::MinPerUnit => t!(i18n, overview_field_min).into_any(),
        RateField::MaxPerUnit => t!(i18n, overview_field_max).into_any(),
        RateField::ServiceTier(i) => t!(i18n, overview_field_service_tier, tier = i + 1).into_any(),
    }
}

fn history_row(r: &HistoryRow, product: String, region: String) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let steps = r
        .steps
        .iter()
        .map(|s| {
            let rise = s.rise.map_or_else(
                || t_string!(i18n, overview_rise_from_zero).to_owned(),
                |r| format!("{}{}", if r > Decimal::ZERO { "+" } else { "" }, percent(r)),
            );
            let over = s.over.then(|| {
                view! { " " <strong class="overview-over">{t!(i18n, overview_rise_over)}</strong> }
            });
            view! {
                <li class:overview-step-over=s.over data-testid="overview-history-step">
                    {s.from_schedule.clone()}" → "{s.to_schedule.clone()}": "
                    {format_exact(s.old)}" → "{format_exact(s.new)}" ("{rise}")"{over}
                </li>
            }
        })
        .collect_view();
    view! {
        <tr>
            <td>{product}</td>
            <td>{region}</td>
            <td>{field_text(r.field)}</td>
            <td><ul class="explorer-bands">{steps}</ul></td>
        </tr>
    }
}

/// Shown for a pool with renewals, a limit on rises or signing-date schedules.
#[component]
pub fn RateHistory(ds: Arc<LoadedDataset>) -> impl IntoView {
    let i18n = use_i18n();
    let view = Arc::new(terms_history_view(ds.dataset()));
    move || {
        let h = view.clone();
        let signing = h
            .schedules
            .iter()
            .any(|s| s.admits != poolcalc_views::terms_history::Admits::Everyone);
        if h.rows.is_empty() && h.max_rate_rise.is_none() && !signing {
            return None;
        }
        let lang = language::code(i18n.get_locale());
        let d = ds.dataset();
        let limit = match h.max_rate_rise {
            Some(m) => t!(i18n, overview_history_limit, percent = percent(m)).into_any(),
            None => t!(i18n, overview_history_no_limit).into_any(),
        };
        let over = (h.over > 0).then(|| {
            view! { <p class="overview-over" data-testid="overview-history-over">{t!(i18n, overview_history_over, count = h.over)}</p> }
        });
        let rows = h
            .rows
            .iter()
            .map(|r| {
                history_row(
                    r,
                    super::product_name(d, &r.product, lang),
                    super::region_name(d, &r.region, lang),
                )
            })
            .collect_view();
        let table = (!h.rows.is_empty()).then(|| {
            view! {
                <div class="table-scroll">
                    <table data-testid="overview-history-table">
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, explorer_product)}</th>
                                <th scope="col">{t!(i18n, explorer_region)}</th>
                                <th scope="col">{t!(i18n, overview_history_rate)}</th>
                                <th scope="col">{t!(i18n, overview_history_changes)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        });
        let schedules = h
            .schedules
            .iter()
            .map(|s| {
                let years = match s.to_year {
                    Some(to) => format!("{}–{to}", s.from_year),
                    None => format!("{}–", s.from_year),
                };
                view! { <li>{s.id.clone()}" ("{years}"): "{admits_text(s.admits)}</li> }
            })
            .collect_view();
        Some(view! {
            <section class="overview-history" aria-labelledby="overview-history-title" data-testid="overview-history">
                <h2 id="overview-history-title">{t!(i18n, overview_history_title)}</h2>
                <p data-testid="overview-history-limit">{limit}</p>
                {over}
                {table}
                <h3>{t!(i18n, overview_schedules_whom)}</h3>
                <ul data-testid="overview-history-schedules">{schedules}</ul>
            </section>
        })
    }
}
