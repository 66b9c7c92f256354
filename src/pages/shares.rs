//! The patent holder's view: what each member earns under the distribution rule, for a year
//! or a range of years, with the rule's controls; projections as patents expire; the join /
//! exit evaluator; the arithmetic of one member's share. Every number comes from the engine
//! (`shares_view`, `holder`, `membership_change`); this page edits text and renders results.

mod controls;
mod evaluator;
mod explain;
mod inputs;
mod parts;
mod projection;
mod tabs;
mod year_view;

use crate::i18n::language;
use crate::i18n::{t, use_i18n};
use crate::state::{DatasetLoad, LoadedDataset, use_app_state};
use controls::Controls;
use inputs::{SharesText, persisted};
use leptos::either::EitherOf3;
use leptos::prelude::*;
pub use parts::{BlockedNote, Field, LISTED_MEMBERS, ListedMembers, method_label, set_field};
use poolcalc_engine::model::dataset::Distribution;
use poolcalc_engine::{Income, Pool, Shares};
use poolcalc_views::shares_view::{
    IncomeProblem, IncomeSource, RuleProblem, RuleText, income_from_text, income_years,
    licensee_incomes, project_with, rule_from_text,
};
use std::collections::BTreeMap;
use std::sync::Arc;
use tabs::Tabs;

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
