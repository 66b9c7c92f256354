//! The arithmetic of one member's share in the first chosen year: its weight against the
//! total, what was shared, the exact share before apportioning, the amount, and under the
//! country-of-sale rule each country's contribution.

use super::{lang, use_shares_ctx};
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;
use poolcalc_engine::Method;
use poolcalc_engine::model::money::{format_exact, round};
use poolcalc_views::format::grouped;
use poolcalc_views::holder::{ShareExplain, explain_share};

#[component]
pub fn Explain() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_shares_ctx();
    let text = ctx.text;
    let member = Memo::new(move |_| text.with(|t| t.explain_member.clone()));
    let ctx_e = ctx.clone();
    let explained = Memo::new(move |_| {
        let ctx = &ctx_e;
        let rule = ctx.rule.get().ok()?;
        let (year, _) = ctx.span.get()?;
        let id = member.get();
        let entered = ctx.entered.get();
        ctx.with_source(&entered, |source| {
            let income = source.of(&ctx.pool, year);
            explain_share(&ctx.pool, year, &income, &rule, &id)
        })
        .ok()
        .flatten()
        .map(|e| (year, e))
    });
    let options = {
        let ctx = ctx.clone();
        move || member.with(|chosen| ctx.member_options(chosen, lang()))
    };
    let dp = ctx.decimals();
    let currency = ctx.currency();
    let body = move || {
        explained.get().map(|(year, e)| {
            let ShareExplain {
                method,
                weight,
                total_weight,
                shared,
                exact,
                amount,
                countries,
                ..
            } = e;
            let unit = match method {
                Method::PerPatent => t_string!(i18n, shares_unit_patent_days),
                Method::PerFamily => t_string!(i18n, shares_unit_family_days),
                Method::Weighted => t_string!(i18n, shares_unit_weighted_days),
                Method::CountryOfSale => t_string!(i18n, shares_unit_money),
            };
            let countries_view = (!countries.is_empty()).then(|| {
                let rows = countries
                    .into_iter()
                    .map(|c| {
                        let status = if c.uncovered {
                            t_string!(i18n, shares_explain_uncovered)
                        } else {
                            t_string!(i18n, shares_explain_covered)
                        };
                        view! {
                            <tr>
                                <th scope="row">{c.country.clone()}</th>
                                <td>{status}</td>
                                <td class="num">{grouped(c.part, dp)}</td>
                                <td class="num">{c.member_days}</td>
                                <td class="num">{c.total_days}</td>
                                <td class="num">{format_exact(round(c.contribution, dp + 4))}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="shares-table-wrap" tabindex="0" role="region" aria-label=move || t_string!(i18n, shares_explain_countries)>
                        <table class="shares-table" data-testid="shares-explain-countries">
                            <caption>{t!(i18n, shares_explain_countries)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, shares_country)}</th>
                                    <th scope="col">{t!(i18n, shares_explain_status)}</th>
                                    <th scope="col" class="num">{t!(i18n, shares_explain_part)}</th>
                                    <th scope="col" class="num">{t!(i18n, shares_explain_member_days)}</th>
                                    <th scope="col" class="num">{t!(i18n, shares_explain_total_days)}</th>
                                    <th scope="col" class="num">{t!(i18n, shares_explain_contribution)}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            });
            view! {
                <ol class="shares-explain-steps" data-testid="shares-explain">
                    <li>
                        {t!(i18n, shares_explain_year)} " " {year} ": "
                        {t!(i18n, shares_explain_weight)} " "
                        <strong data-testid="shares-explain-weight">{format_exact(weight)}</strong>
                        " " {unit} " / " {t!(i18n, shares_explain_total_weight)} " "
                        <strong data-testid="shares-explain-total">{format_exact(total_weight)}</strong>
                    </li>
                    <li>
                        {t!(i18n, shares_explain_shared)} " "
                        <strong>{grouped(shared, dp)} " " {currency.clone()}</strong>
                        " × " {format_exact(weight)} " / " {format_exact(total_weight)} " = "
                        <strong data-testid="shares-explain-exact">{format_exact(round(exact, dp + 4))}</strong>
                    </li>
                    <li>
                        {t!(i18n, shares_explain_apportion)} " "
                        <strong data-testid="shares-explain-amount">{grouped(amount, dp)} " " {currency.clone()}</strong>
                    </li>
                </ol>
                {countries_view}
            }
        })
    };
    view! {
        <section class="shares-explain" aria-labelledby="shares-explain-title">
            <h2 id="shares-explain-title">{t!(i18n, shares_explain_title)}</h2>
            <label for="shares-explain-member">{t!(i18n, shares_explain_member)}</label>
            <select
                id="shares-explain-member"
                data-testid="shares-explain-member"
                on:change=super::set_field(text, |t, v| t.explain_member = v)
            >
                {options}
            </select>
            {body}
        </section>
    }
}
