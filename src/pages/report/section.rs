//! One section of the report: its heading, and each indicator with what it means, its
//! formula, the guideline passage it speaks to (once while it stays the same) and its rows.

use leptos::prelude::*;
use poolcalc_views::report_card::{Indicator, PassageId, Section, SectionId, about, status_label};

use super::Card;
use super::format::{subject_text, value_text};
use crate::i18n::language;
use crate::i18n::{Locale, t, t_string, use_i18n};
use poolcalc_views::format::group_digits;

/// Rows shown per indicator; the downloads hold them all.
const SHOWN_ROWS: usize = 12;

fn title(id: SectionId) -> String {
    let i18n = use_i18n();
    match id {
        SectionId::InterestBalance => t_string!(i18n, report_sec_interest_balance),
        SectionId::RevenueDistribution => t_string!(i18n, report_sec_revenue_distribution),
        SectionId::Openness => t_string!(i18n, report_sec_openness),
        SectionId::NonDiscrimination => t_string!(i18n, report_sec_non_discrimination),
        SectionId::Management => t_string!(i18n, report_sec_management),
        SectionId::Disclosure => t_string!(i18n, report_sec_disclosure),
        SectionId::Sustainability => t_string!(i18n, report_sec_sustainability),
    }
    .to_owned()
}

#[component]
pub fn SectionView(section: Section, card: Card) -> impl IntoView {
    let id = section.id;
    let mut last: Option<PassageId> = None;
    let indicators = section
        .indicators
        .into_iter()
        .map(|ind| {
            let passage = about(ind.id).passage;
            let first = last != Some(passage);
            last = Some(passage);
            view! { <IndicatorView ind card=card.clone() show_passage=first /> }
        })
        .collect_view();
    view! {
        <section class="report-section" data-testid=format!("report-sec-{}", id.as_str())>
            <h2>{title(id)}</h2>
            {indicators}
        </section>
    }
}

#[component]
fn IndicatorView(ind: Indicator, card: Card, show_passage: bool) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let lang = language::code(locale);
    let a = about(ind.id);
    let zh = locale == Locale::zh;
    let meaning = if zh { a.zh } else { a.en };
    let p = a.passage.passage();
    let passage = show_passage.then(|| {
        view! {
            <figure class="report-passage">
                <blockquote lang="zh-CN">"“"{p.zh}"”"</blockquote>
                <figcaption>
                    {(!zh).then(|| view! { <span lang="en">{p.en}" — "</span> })}
                    {if zh { p.place_zh } else { p.place_en }}
                </figcaption>
            </figure>
        }
    });
    let detail = a.detail.map(|(en, zh_text)| if zh { zh_text } else { en });
    let has_status = ind.rows.iter().any(|r| r.status.is_some());
    let (currency, d) = (card.card.currency.clone(), card.pool.dataset());
    let total = ind.rows.len();
    let name = ind.id.as_str();
    let rows = ind
        .rows
        .iter()
        .take(SHOWN_ROWS)
        .map(|r| {
            let key = r.subject.key();
            let status = r.status.map(|s| {
                let (_, en, zh_text) = status_label(s);
                if zh { zh_text } else { en }
            });
            view! {
                <tr>
                    <th scope="row">{subject_text(&r.subject, d, lang)}</th>
                    <td class="num" data-testid=format!("report-{name}-{key}")>{value_text(&r.value, &currency, locale)}</td>
                    {detail.map(|_| view! { <td class="num">{r.detail.as_ref().map(|v| value_text(v, &currency, locale))}</td> })}
                    {has_status.then(|| view! { <td>{status}</td> })}
                </tr>
            }
        })
        .collect_view();
    let more = (total > SHOWN_ROWS)
        .then(|| view! { <p class="report-more">{t!(i18n, report_more, n = group_digits((total - SHOWN_ROWS) as u64))}</p> });
    view! {
        <div class="report-indicator" data-testid=format!("report-ind-{name}")>
            {passage}
            <h3>{meaning}</h3>
            <p class="report-formula">{t!(i18n, report_formula)}" "<code>{a.formula}</code></p>
            <table class="report-table">
                <thead><tr>
                    <th scope="col">{t!(i18n, report_col_subject)}</th>
                    <th scope="col">{t!(i18n, report_col_value)}</th>
                    {detail.map(|d| view! { <th scope="col">{d}</th> })}
                    {has_status.then(|| view! { <th scope="col">{t!(i18n, report_col_status)}</th> })}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {more}
        </div>
    }
}
