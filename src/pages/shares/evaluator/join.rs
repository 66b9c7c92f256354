//! Join: a patent holder's details and patents, and what its joining changes.

use leptos::prelude::*;
use poolcalc_engine::model::date::Date;
use poolcalc_views::candidate_csv::candidate_patents;
use poolcalc_views::format::parse_amount;
use poolcalc_views::membership_change::candidate_member;

use super::results::Results;
use super::rows::CandidateRows;
use super::{Change, Evaluated, Stop, run};
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::shares::{Field, use_shares_ctx};

#[component]
pub fn Join() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_shares_ctx();
    let text = ctx.text;
    let inputs = Memo::new(move |_| {
        text.with(|t| {
            (
                t.candidate_id.clone(),
                t.candidate_name.clone(),
                t.candidate_country.clone(),
                t.candidate_joined.clone(),
                t.candidate_rows.clone(),
                t.bilateral.clone(),
            )
        })
    });
    let ctx_r = ctx.clone();
    let result = Memo::new(move |_| -> Result<Evaluated, Stop> {
        let (id, name, country, joined, rows, bilateral) = inputs.get();
        let joined = Date::parse(joined.trim()).ok_or(Stop::Date)?;
        let bilateral = if bilateral.trim().is_empty() {
            None
        } else {
            Some(parse_amount(&bilateral).map_err(|_| Stop::Bilateral)?)
        };
        let member = candidate_member(&ctx_r.pool.dataset().members, &id, &name, &country, joined);
        let patents = candidate_patents(&member.id, &rows).map_err(|bad| Stop::Rows(bad.len()))?;
        if patents.is_empty() {
            return Err(Stop::NoPatents);
        }
        let subject = member.id.clone();
        run(Change::Join(member, patents), &subject, bilateral)
    });
    view! {
        <section class="shares-join" aria-labelledby="shares-join-title">
            <h2 id="shares-join-title">{t!(i18n, shares_join_title)}</h2>
            <p class="shares-hint">{t!(i18n, shares_join_hint)}</p>
            <form class="no-print-controls" on:submit=|ev| ev.prevent_default()>
                <div class="shares-grid">
                    <Field id="shares-candidate-id" label=Signal::derive(move || t_string!(i18n, shares_candidate_id).to_owned())
                        get=|t| t.candidate_id.clone() set=|t, v| t.candidate_id = v />
                    <Field id="shares-candidate-name" label=Signal::derive(move || t_string!(i18n, shares_candidate_name).to_owned())
                        get=|t| t.candidate_name.clone() set=|t, v| t.candidate_name = v />
                    <Field id="shares-candidate-country" label=Signal::derive(move || t_string!(i18n, shares_candidate_country).to_owned())
                        get=|t| t.candidate_country.clone() set=|t, v| t.candidate_country = v />
                    <Field id="shares-candidate-joined" label=Signal::derive(move || t_string!(i18n, shares_candidate_joined).to_owned())
                        get=|t| t.candidate_joined.clone() set=|t, v| t.candidate_joined = v
                        hint=Signal::derive(move || t_string!(i18n, shares_date_hint).to_owned()) />
                    <Field id="shares-bilateral" label=Signal::derive(move || t_string!(i18n, shares_bilateral).to_owned())
                        get=|t| t.bilateral.clone() set=|t, v| t.bilateral = v
                        hint=Signal::derive(move || t_string!(i18n, shares_bilateral_hint).to_owned()) />
                </div>
                <CandidateRows />
            </form>
            <Results result=result.into() join=true />
        </section>
    }
}
