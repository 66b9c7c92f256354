//! Exit: a member leaving on a date, and what that changes.

use leptos::prelude::*;
use poolcalc_engine::model::date::Date;

use super::results::Results;
use super::{Change, Evaluated, Stop, run};
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::shares::{Field, lang, set_field, use_shares_ctx};

#[component]
pub fn Exit() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_shares_ctx();
    let text = ctx.text;
    let inputs = Memo::new(move |_| text.with(|t| (t.exit_member.clone(), t.exit_from.clone())));
    let ctx_r = ctx.clone();
    let result = Memo::new(move |_| -> Result<Evaluated, Stop> {
        let (member, from) = inputs.get();
        if !ctx_r.pool.dataset().members.iter().any(|m| m.id == member) {
            return Err(Stop::NoMember);
        }
        let from = Date::parse(from.trim()).ok_or(Stop::Date)?;
        run(Change::Exit(member.clone(), from), &member, None)
    });
    let options = {
        let ctx = ctx.clone();
        move || inputs.with(|i| ctx.member_options(&i.0, lang()))
    };
    view! {
        <section class="shares-exit" aria-labelledby="shares-exit-title">
            <h2 id="shares-exit-title">{t!(i18n, shares_exit_title)}</h2>
            <p class="shares-hint">{t!(i18n, shares_exit_hint)}</p>
            <form class="shares-grid no-print-controls" on:submit=|ev| ev.prevent_default()>
                <div>
                    <label for="shares-exit-member">{t!(i18n, shares_exit_member)}</label>
                    <select id="shares-exit-member" data-testid="shares-exit-member"
                        on:change=set_field(text, |t, v| t.exit_member = v)>
                        {options}
                    </select>
                </div>
                <Field id="shares-exit-from" label=Signal::derive(move || t_string!(i18n, shares_exit_from).to_owned())
                    get=|t| t.exit_from.clone() set=|t, v| t.exit_from = v
                    hint=Signal::derive(move || t_string!(i18n, shares_date_hint).to_owned()) />
            </form>
            <Results result=result.into() join=false />
        </section>
    }
}
