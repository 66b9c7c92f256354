//! The patent holder's view: what each member earns under the distribution rule, for a year
//! or a range of years, with the rule's controls; projections as patents expire; the join /
//! exit evaluator; the arithmetic of one member's share. Every number comes from the engine
//! (`shares_view`, `holder`, `membership_change`); this page edits text and renders results.

mod evaluator;
mod explain;
mod inputs;
mod projection;
mod year_view;

use crate::i18n::language;
use crate::i18n::{t, t_string, use_i18n};
use crate::state::{DatasetLoad, LoadedDataset, use_app_state};
use inputs::{SharesText, persisted, with_dataset_rule};
use leptos::either::EitherOf3;
use leptos::prelude::*;
use poolcalc_engine::model::dataset::Distribution;
use poolcalc_views::format::{grouped, percent_exact};
use poolcalc_engine::{Income, Pool, Shares};
use poolcalc_views::shares_view::{
    IncomeProblem, IncomeSource, RuleProblem, RuleText, income_from_text, income_years,
    licensee_incomes, project_with, rule_from_text,
};
use std::collections::BTreeMap;
use std::sync::Arc;

/// What each member earns under the distribution rule.
#[component]
pub fn SharesPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let body = move || match state.dataset.get() {
        DatasetLoad::Ready(ds) => EitherOf3::A(view! { <SharesView ds /> }),
        DatasetLoad::Loading => EitherOf3::B(view! { <p>{t!(i18n, loading_dataset)}</p> }),
        DatasetLoad::Failed(_) => EitherOf3::C(view! { <p>{t!(i18n, dataset_failed)}</p> }),
    };
    view! {
        <h1 data-testid="page-title">{t!(i18n, nav_shares)}</h1>
        <p class="shares-intro">{t!(i18n, shares_intro)}</p>
        {body}
    }
}

/// A result compared by identity: every recomputation gives a new one, and comparing long
/// lists of shares field by field would cost as much as computing them.
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Why the page cannot compute.
#[derive(Debug, Clone, PartialEq)]
pub enum Blocked {
    Rule(Vec<RuleProblem>),
    Income(IncomeProblem),
    Years,
}

/// What every part of the page shares.
#[derive(Clone)]
pub struct SharesCtx {
    pub pool: Arc<Pool>,
    pub text: RwSignal<SharesText>,
    /// The years offered.
    pub years: (i32, i32),
    /// The licensees' income of each offered year, computed once.
    pub incomes: Arc<BTreeMap<i32, Income>>,
    pub rule: Memo<Result<Distribution, Vec<RuleProblem>>>,
    /// The typed income, when the person chose to type one.
    pub entered: Memo<Option<Result<Income, IncomeProblem>>>,
    /// The chosen years, first ≤ last.
    pub span: Memo<Option<(i32, i32)>>,
    /// The chosen years under the rule being tried.
    pub current: Memo<Result<Shared<Vec<Shares>>, Blocked>>,
    /// The same years under the dataset's own rule.
    pub baseline: Memo<Result<Shared<Vec<Shares>>, Blocked>>,
}

impl SharesCtx {
    pub fn decimals(&self) -> u32 {
        self.pool.decimals()
    }

    pub fn currency(&self) -> String {
        self.pool.dataset().pool.currency.clone()
    }

    /// The member's name in the current language, else its id.
    pub fn member_name(&self, id: &str, lang: &str) -> String {
        self.pool
            .dataset()
            .members
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.name.get(lang).to_owned())
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| id.to_owned())
    }

    /// An `<option>` per member, named in `lang`, with `chosen` selected.
    pub fn member_options(&self, chosen: &str, lang: &str) -> impl IntoView + use<> {
        self.pool
            .dataset()
            .members
            .iter()
            .map(|m| {
                let selected = chosen == m.id;
                view! { <option value=m.id.clone() selected=selected>{self.member_name(&m.id, lang)}</option> }
            })
            .collect_view()
    }

    /// Runs `f` with the income source chosen (untracked inputs are the caller's business).
    pub fn with_source<R>(
        &self,
        entered: &Option<Result<Income, IncomeProblem>>,
        f: impl FnOnce(&IncomeSource<'_>) -> R,
    ) -> Result<R, Blocked> {
        match entered {
            None => Ok(f(&IncomeSource::Licensees(&self.incomes))),
            Some(Ok(income)) => Ok(f(&IncomeSource::Entered(income))),
            Some(Err(p)) => Err(Blocked::Income(p.clone())),
        }
    }
}

/// The page's context, provided by `SharesPage` above every part.
pub fn use_shares_ctx() -> SharesCtx {
    expect_context::<SharesCtx>()
}

/// The language code datasets use for the current UI language.
pub fn lang() -> &'static str {
    let i18n = use_i18n();
    language::code(i18n.get_locale())
}

/// The years a page offers: those with licensee income, widened to the years patents count
/// (within reason, so a select stays usable).
fn offered_years(pool: &Pool) -> (i32, i32) {
    let income = income_years(pool).unwrap_or((2026, 2026));
    let patents = pool.index().year_range().unwrap_or(income);
    let from = patents.0.max(income.0 - 20).min(income.0);
    let to = patents.1.min(income.1 + 30).max(income.1);
    (from, to)
}

#[component]
fn SharesView(ds: Arc<LoadedDataset>) -> impl IntoView {
    let pool = ds.pool.clone();
    let years = offered_years(&pool);
    let incomes = Arc::new(licensee_incomes(&pool, years.0..=years.1));
    let text = persisted(&pool, years);
    let rule = Memo::new(move |_| {
        text.with(|t| {
            rule_from_text(&RuleText {
                method: &t.method,
                uncovered: &t.uncovered,
                fee_percent: &t.fee_percent,
                fee_min: &t.fee_min,
                fee_max: &t.fee_max,
            })
        })
    });
    let span = Memo::new(move |_| {
        text.with(|t| {
            let a = t.from_year.trim().parse::<i32>().ok()?;
            let b = t.to_year.trim().parse::<i32>().ok()?;
            (a <= b && a >= years.0 && b <= years.1).then_some((a, b))
        })
    });
    let entered_inputs = Memo::new(move |_| {
        text.with(|t| {
            (t.income_source == "entered").then(|| (t.income_total.clone(), t.income_split.clone()))
        })
    });
    let entered = {
        let incomes = incomes.clone();
        let pool = pool.clone();
        Memo::new(move |_| {
            let (total, split) = entered_inputs.get()?;
            let reference_year = span.get().map_or(years.0, |s| s.0);
            let reference = incomes.get(&reference_year).cloned().unwrap_or_default();
            Some(income_from_text(
                &total,
                &split,
                &reference,
                pool.decimals(),
            ))
        })
    };
    let compute = {
        let pool = pool.clone();
        let incomes = incomes.clone();
        move |rule: &Distribution,
              entered: &Option<Result<Income, IncomeProblem>>,
              span: Option<(i32, i32)>| {
            let (a, b) = span.ok_or(Blocked::Years)?;
            let source = match entered {
                None => IncomeSource::Licensees(&incomes),
                Some(Ok(income)) => IncomeSource::Entered(income),
                Some(Err(p)) => return Err(Blocked::Income(p.clone())),
            };
            Ok(Shared(Arc::new(project_with(&pool, a..=b, rule, &source))))
        }
    };
    let current = {
        let compute = compute.clone();
        Memo::new(move |_| {
            let rule = rule.get().map_err(Blocked::Rule)?;
            entered.with(|e| compute(&rule, e, span.get()))
        })
    };
    let baseline = {
        let own = pool.dataset().distribution.clone();
        Memo::new(move |_| entered.with(|e| compute(&own, e, span.get())))
    };
    let ctx = SharesCtx {
        pool,
        text,
        years,
        incomes,
        rule,
        entered,
        span,
        current,
        baseline,
    };
    provide_context(ctx);
    view! {
        <Controls />
        <Tabs />
    }
}

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

/// The rule, the income and the years.
#[component]
fn Controls() -> impl IntoView {
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
    let value = move |f: fn(&SharesText) -> String| move || text.with(f);
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
    let entered_mode = move || text.with(|t| t.income_source == "entered");
    let country_rule = move || text.with(|t| t.method == "country_of_sale");
    view! {
        <form class="shares-controls no-print-controls" on:submit=|ev| ev.prevent_default()>
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
                            prop:value=value(|t| t.method.clone())
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
                            prop:value=value(|t| t.uncovered.clone())
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
                                prop:value=value(|t| t.income_total.clone())
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
                                prop:value=value(|t| t.income_split.clone())
                                on:input=set_field(text, |t, v| t.income_split = v)
                            ></textarea>
                            <span class="shares-hint" id="shares-income-split-hint">
                                {t!(i18n, shares_income_split_hint)}
                            </span>
                        </div>
                    </div>
                </Show>
            </fieldset>
            <fieldset class="shares-years">
                <legend>{t!(i18n, shares_years_title)}</legend>
                <div class="shares-grid">
                    <div>
                        <label for="shares-from-year">{t!(i18n, shares_from_year)}</label>
                        <select
                            id="shares-from-year"
                            data-testid="shares-from-year"
                            prop:value=value(|t| t.from_year.clone())
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
                            prop:value=value(|t| t.to_year.clone())
                            on:change=set_field(text, |t, v| t.to_year = v)
                        >
                            {year_options(true)}
                        </select>
                    </div>
                </div>
            </fieldset>
        </form>
    }
}

const TABS: [&str; 5] = ["shares", "explain", "projection", "join", "exit"];

#[component]
fn Tabs() -> impl IntoView {
    let i18n = use_i18n();
    let text = use_shares_ctx().text;
    let tab = Memo::new(move |_| text.with(|t| t.tab.clone()));
    let label = move |name: &str| match name {
        "explain" => t_string!(i18n, shares_tab_explain),
        "projection" => t_string!(i18n, shares_tab_projection),
        "join" => t_string!(i18n, shares_tab_join),
        "exit" => t_string!(i18n, shares_tab_exit),
        _ => t_string!(i18n, shares_tab_shares),
    };
    let buttons = TABS
        .iter()
        .map(|name| {
            let name = *name;
            view! {
                <button
                    type="button"
                    class="shares-tab"
                    data-testid=format!("shares-tab-{name}")
                    aria-pressed=move || if tab.get() == name { "true" } else { "false" }
                    on:click=move |_| text.update(|t| t.tab = name.to_owned())
                >
                    {move || label(name)}
                </button>
            }
        })
        .collect_view();
    let body = move || match tab.get().as_str() {
        "projection" => view! { <projection::Projection /> }.into_any(),
        "join" => view! { <evaluator::Join /> }.into_any(),
        "exit" => view! { <evaluator::Exit /> }.into_any(),
        // The explanation re-splits the year; on its own tab it costs nothing while the
        // rule is being tried on the shares tab.
        "explain" => view! { <explain::Explain /> }.into_any(),
        _ => view! { <year_view::YearView /> }.into_any(),
    };
    view! {
        <div class="shares-tabs no-print-controls" role="group" aria-label=move || t_string!(i18n, shares_views)>
            {buttons}
        </div>
        <div class="shares-body">{body}</div>
    }
}
