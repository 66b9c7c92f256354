//! The controls of the page: the distribution rule, the income, and the years.

use leptos::prelude::*;
use poolcalc_views::shares_view::RuleProblem;

use super::inputs::{SharesText, with_dataset_rule};
use super::{Field, method_label, set_field, use_shares_ctx};
use crate::i18n::{t, t_string, use_i18n};
use poolcalc_views::format::{grouped, percent_exact};

/// One field of the page's inputs as a reactive value.
fn value(text: RwSignal<SharesText>, f: fn(&SharesText) -> String) -> impl Fn() -> String {
    move || text.with(f)
}

/// The rule, the income and the years.
#[component]
pub fn Controls() -> impl IntoView {
    view! {
        <form class="shares-controls no-print-controls" on:submit=|ev| ev.prevent_default()>
            <RuleFields />
            <IncomeFields />
            <YearFields />
        </form>
    }
}

/// The distribution rule: method, uncovered patents, management fee; the dataset's own rule.
#[component]
fn RuleFields() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_shares_ctx();
    let text = ctx.text;
    let field_problem = move |which: RuleProblem| {
        Signal::derive(move || {
            ctx.rule
                .with(|r| r.as_ref().err().is_some_and(|ps| ps.contains(&which)))
        })
    };
    let pool = ctx.pool.clone();
    let years = ctx.years;
    let reset = move |_| text.update(|t| *t = with_dataset_rule(t, &pool, years));
    let own_rule = {
        let pool = ctx.pool.clone();
        move || {
            let d = pool.dataset();
            let dp = pool.decimals();
            let fee = &d.distribution.management_fee;
            let mut out = format!(
                "{} · {} {} %",
                method_label(d.distribution.method.as_str()),
                t_string!(i18n, shares_management_fee),
                percent_exact(fee.percent),
            );
            if let Some(m) = fee.min {
                out.push_str(&format!(
                    " · {} {}",
                    t_string!(i18n, shares_min),
                    grouped(m, dp)
                ));
            }
            if let Some(m) = fee.max {
                out.push_str(&format!(
                    " · {} {}",
                    t_string!(i18n, shares_max),
                    grouped(m, dp)
                ));
            }
            out
        }
    };
    let country_rule = move || text.with(|t| t.method == "country_of_sale");
    view! {
    <fieldset class="shares-rule">
        <legend>{t!(i18n, shares_rule_title)}</legend>
        <p class="shares-hint">
            {t!(i18n, shares_own_rule)} " " <span data-testid="shares-own-rule">{own_rule}</span>
        </p>
        <div class="shares-grid">
            <div>
                <label for="shares-method">{t!(i18n, shares_method)}</label>
                <select
                    id="shares-method"
                    data-testid="shares-method"
                    prop:value=value(text, |t| t.method.clone())
                    on:change=set_field(text, |t, v| t.method = v)
                >
                    <option value="per_patent" selected=move || text.with(|t| t.method == "per_patent")>{t!(i18n, shares_method_per_patent)}</option>
                    <option value="per_family" selected=move || text.with(|t| t.method == "per_family")>{t!(i18n, shares_method_per_family)}</option>
                    <option value="weighted" selected=move || text.with(|t| t.method == "weighted")>{t!(i18n, shares_method_weighted)}</option>
                    <option value="country_of_sale" selected=move || text.with(|t| t.method == "country_of_sale")>{t!(i18n, shares_method_country_of_sale)}</option>
                </select>
            </div>
            <div>
                <label for="shares-uncovered">{t!(i18n, shares_uncovered)}</label>
                <select
                    id="shares-uncovered"
                    data-testid="shares-uncovered"
                    aria-describedby="shares-uncovered-hint"
                    prop:value=value(text, |t| t.uncovered.clone())
                    on:change=set_field(text, |t, v| t.uncovered = v)
                >
                    <option value="pro_rata" selected=move || text.with(|t| t.uncovered == "pro_rata")>{t!(i18n, shares_uncovered_pro_rata)}</option>
                    <option value="retained" selected=move || text.with(|t| t.uncovered == "retained")>{t!(i18n, shares_uncovered_retained)}</option>
                </select>
                <span class="shares-hint" id="shares-uncovered-hint">
                    {move || if country_rule() {
                        t_string!(i18n, shares_uncovered_hint)
                    } else {
                        t_string!(i18n, shares_uncovered_unused)
                    }}
                </span>
            </div>
            <Field id="shares-fee-percent" decimal=true
                label=Signal::derive(move || t_string!(i18n, shares_fee_percent).to_owned())
                get=|t| t.fee_percent.clone() set=|t, v| t.fee_percent = v
                invalid=field_problem(RuleProblem::FeePercent) />
            <Field id="shares-fee-min" decimal=true
                label=Signal::derive(move || t_string!(i18n, shares_fee_min).to_owned())
                get=|t| t.fee_min.clone() set=|t, v| t.fee_min = v
                invalid=field_problem(RuleProblem::FeeMin) />
            <Field id="shares-fee-max" decimal=true
                label=Signal::derive(move || t_string!(i18n, shares_fee_max).to_owned())
                get=|t| t.fee_max.clone() set=|t, v| t.fee_max = v
                invalid=field_problem(RuleProblem::FeeMax) />
        </div>
        <button type="button" data-testid="shares-reset-rule" on:click=reset>
            {t!(i18n, shares_reset_rule)}
        </button>
    </fieldset>
    }
}

/// The income: the licensees' estimates, or a total (and split by country) typed in.
#[component]
fn IncomeFields() -> impl IntoView {
    let i18n = use_i18n();
    let text = use_shares_ctx().text;
    let entered_mode = move || text.with(|t| t.income_source == "entered");
    view! {
    <fieldset class="shares-income">
        <legend>{t!(i18n, shares_income_title)}</legend>
        <div class="shares-radios">
            <label class="shares-radio">
                <input
                    type="radio"
                    name="shares-income-source"
                    value="licensees"
                    data-testid="shares-income-licensees"
                    prop:checked=move || !entered_mode()
                    on:change=move |_| text.update(|t| t.income_source = "licensees".into())
                />
                {t!(i18n, shares_income_licensees)}
            </label>
            <label class="shares-radio">
                <input
                    type="radio"
                    name="shares-income-source"
                    value="entered"
                    data-testid="shares-income-entered"
                    prop:checked=entered_mode
                    on:change=move |_| text.update(|t| t.income_source = "entered".into())
                />
                {t!(i18n, shares_income_entered)}
            </label>
        </div>
        <Show when=entered_mode>
            <div class="shares-grid">
                <div>
                    <label for="shares-income-total">{t!(i18n, shares_income_total)}</label>
                    <input
                        id="shares-income-total"
                        data-testid="shares-income-total"
                        type="text"
                        inputmode="decimal"
                        prop:value=value(text, |t| t.income_total.clone())
                        on:input=set_field(text, |t, v| t.income_total = v)
                    />
                </div>
                <div>
                    <label for="shares-income-split">{t!(i18n, shares_income_split)}</label>
                    <textarea
                        id="shares-income-split"
                        data-testid="shares-income-split"
                        rows="3"
                        aria-describedby="shares-income-split-hint"
                        prop:value=value(text, |t| t.income_split.clone())
                        on:input=set_field(text, |t, v| t.income_split = v)
                    ></textarea>
                    <span class="shares-hint" id="shares-income-split-hint">
                        {t!(i18n, shares_income_split_hint)}
                    </span>
                </div>
            </div>
        </Show>
    </fieldset>
    }
}

/// The years shown: from and to.
#[component]
fn YearFields() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_shares_ctx();
    let text = ctx.text;
    let (y0, y1) = ctx.years;
    // Only a change of the chosen year redraws the options, not every keystroke elsewhere.
    let from_year = Memo::new(move |_| text.with(|t| t.from_year.clone()));
    let to_year = Memo::new(move |_| text.with(|t| t.to_year.clone()));
    let year_options = move |to: bool| {
        move || {
            let chosen = if to { to_year.get() } else { from_year.get() };
            (y0..=y1)
                .map(|y| {
                    let v = y.to_string();
                    let selected = v == chosen;
                    view! { <option value=v selected=selected>{y}</option> }
                })
                .collect_view()
        }
    };
    view! {
    <fieldset class="shares-years">
        <legend>{t!(i18n, shares_years_title)}</legend>
        <div class="shares-grid">
            <div>
                <label for="shares-from-year">{t!(i18n, shares_from_year)}</label>
                <select
                    id="shares-from-year"
                    data-testid="shares-from-year"
                    prop:value=value(text, |t| t.from_year.clone())
                    on:change=set_field(text, |t, v| {
                        if t.to_year.trim().parse::<i32>().ok() < v.trim().parse::<i32>().ok() {
                            t.to_year = v.clone();
                        }
                        t.from_year = v;
                    })
                >
                    {year_options(false)}
                </select>
            </div>
            <div>
                <label for="shares-to-year">{t!(i18n, shares_to_year)}</label>
                <select
                    id="shares-to-year"
                    data-testid="shares-to-year"
                    prop:value=value(text, |t| t.to_year.clone())
                    on:change=set_field(text, |t, v| t.to_year = v)
                >
                    {year_options(true)}
                </select>
            </div>
        </div>
    </fieldset>
    }
}
