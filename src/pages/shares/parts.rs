//! What several parts of the page use: a text field bound to the page's inputs, the words of
//! a method and of the rule's and income's problems, the "show every member" button, and the
//! note of why nothing can be computed.

use leptos::prelude::*;
use poolcalc_views::shares_view::{IncomeProblem, RuleProblem};

use super::inputs::SharesText;
use super::{Blocked, use_shares_ctx};
use crate::i18n::{t, t_string, use_i18n};

/// Sets one text field from an input event.
pub fn set_field(
    text: RwSignal<SharesText>,
    set: impl Fn(&mut SharesText, String) + 'static,
) -> impl Fn(web_sys::Event) + 'static {
    move |ev| {
        let v = event_target_value(&ev);
        text.update(|t| set(t, v));
    }
}

/// A labelled text input bound to one field of the page's inputs, marked when `invalid`.
#[component]
pub fn Field(
    id: &'static str,
    label: Signal<String>,
    get: fn(&SharesText) -> String,
    set: fn(&mut SharesText, String),
    #[prop(optional)] hint: Option<Signal<String>>,
    #[prop(optional)] invalid: Option<Signal<bool>>,
    #[prop(optional)] decimal: bool,
) -> impl IntoView {
    let text = use_shares_ctx().text;
    let hint_id = format!("{id}-hint");
    view! {
        <div>
            <label for=id>{label}</label>
            <input
                id=id
                data-testid=id
                type="text"
                inputmode=decimal.then_some("decimal")
                prop:value=move || text.with(get)
                aria-invalid=move || invalid.is_some_and(|i| i.get()).then_some("true")
                aria-describedby=hint.is_some().then(|| hint_id.clone())
                on:input=set_field(text, set)
            />
            {hint.map(|h| view! { <span class="shares-hint" id=hint_id.clone()>{h}</span> })}
        </div>
    }
}

/// A method's name in the current language.
pub fn method_label(method: &str) -> String {
    let i18n = use_i18n();
    match method {
        "per_family" => t_string!(i18n, shares_method_per_family),
        "weighted" => t_string!(i18n, shares_method_weighted),
        "country_of_sale" => t_string!(i18n, shares_method_country_of_sale),
        _ => t_string!(i18n, shares_method_per_patent),
    }
    .to_owned()
}

pub fn rule_problem_text(p: RuleProblem) -> String {
    let i18n = use_i18n();
    match p {
        RuleProblem::Method => t_string!(i18n, shares_problem_method),
        RuleProblem::FeePercent => t_string!(i18n, shares_problem_fee_percent),
        RuleProblem::FeeMin => t_string!(i18n, shares_problem_fee_min),
        RuleProblem::FeeMax => t_string!(i18n, shares_problem_fee_max),
        RuleProblem::MaxBelowMin => t_string!(i18n, shares_problem_max_below_min),
    }
    .to_owned()
}

pub fn income_problem_text(p: &IncomeProblem) -> String {
    let i18n = use_i18n();
    match p {
        IncomeProblem::Total => t_string!(i18n, shares_problem_income_total).to_owned(),
        IncomeProblem::CountryLine(n) => {
            format!("{} {n}", t_string!(i18n, shares_problem_income_line))
        }
        IncomeProblem::CountryTwice(c) => {
            format!("{} {c}", t_string!(i18n, shares_problem_income_twice))
        }
    }
}

/// Members listed in a table before "show every member": a few hundred rows cost the
/// browser more to lay out than the whole split costs to compute.
pub const LISTED_MEMBERS: usize = 20;

/// How many of the members a table lists, and the button that lists them all or only the
/// largest. `shown` of `total` are in the table.
#[component]
pub fn ListedMembers(shown: usize, total: usize) -> impl IntoView {
    let i18n = use_i18n();
    let text = use_shares_ctx().text;
    let show_all = shown == total && total > LISTED_MEMBERS;
    (total > LISTED_MEMBERS).then(|| {
        let label = if show_all {
            t_string!(i18n, shares_show_fewer).to_owned()
        } else {
            format!("{} ({total})", t_string!(i18n, shares_show_all))
        };
        view! {
            <p class="shares-listed">
                <span data-testid="shares-listed">
                    {format!("{} {shown} / {total}", t_string!(i18n, shares_listed))}
                </span>
                " "
                <button
                    type="button"
                    class="no-print-controls"
                    data-testid="shares-show-all"
                    on:click=move |_| text.update(|t| t.show_all = !t.show_all)
                >
                    {label}
                </button>
            </p>
        }
    })
}

/// Says in words why nothing can be computed.
#[component]
pub fn BlockedNote(blocked: Blocked) -> impl IntoView {
    let i18n = use_i18n();
    let lines: Vec<String> = match blocked {
        Blocked::Rule(ps) => ps.into_iter().map(rule_problem_text).collect(),
        Blocked::Income(p) => vec![income_problem_text(&p)],
        Blocked::Years => vec![t_string!(i18n, shares_problem_years).to_owned()],
    };
    view! {
        <div class="shares-blocked" role="status" data-testid="shares-blocked">
            <p>{t!(i18n, shares_blocked)}</p>
            <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
        </div>
    }
}
