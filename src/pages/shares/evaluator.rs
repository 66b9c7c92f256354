//! The join / exit evaluator. Join: a patent holder types or imports its patents and a joining
//! date; the page builds the engine's `AddMember` scenario and shows, year by year, the
//! holder's expected income, income per patent, share of patents against share of income and
//! against a bilateral licence, and what every current member gains or loses. Exit: a member
//! and a date (`RemoveMember`), with the same effects.

mod exit;
mod join;
mod results;
mod rows;

use super::{Blocked, BlockedNote, Shared, use_shares_ctx};
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;
use poolcalc_engine::model::date::Date;
use poolcalc_views::membership_change::{AfterPool, EvaluationYear, evaluate};
use std::sync::Arc;

pub use exit::Exit;
pub use join::Join;

/// Years evaluated when a single year is chosen.
const DEFAULT_SPAN: i32 = 20;

/// Why an evaluation cannot run.
#[derive(Debug, Clone, PartialEq)]
enum Stop {
    Page(Blocked),
    Date,
    Bilateral,
    Rows(usize),
    NoPatents,
    NoMember,
    /// The engine's own words (a change the dataset cannot take).
    Scenario(Vec<String>),
}

#[derive(Debug, Clone, PartialEq)]
struct Evaluated {
    subject: String,
    years: Shared<Vec<EvaluationYear>>,
    /// Milliseconds the evaluation took (shown for the budget check).
    ms: String,
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The evaluation range: the chosen years, or twenty years from a single chosen one.
fn eval_range(span: Option<(i32, i32)>, offered: (i32, i32)) -> Option<(i32, i32)> {
    span.map(|(a, b)| {
        if a == b {
            (a, (a + DEFAULT_SPAN - 1).min(offered.1))
        } else {
            (a, b)
        }
    })
}

/// What the evaluation compares the pool with.
enum Change {
    Join(
        poolcalc_engine::model::dataset::Member,
        Vec<poolcalc_engine::model::dataset::Patent>,
    ),
    /// A member leaving on a date.
    Exit(String, Date),
}

/// Applies the change and evaluates it over the chosen years.
fn run(
    change: Change,
    subject: &str,
    bilateral: Option<poolcalc_engine::Decimal>,
) -> Result<Evaluated, Stop> {
    let ctx = use_shares_ctx();
    let started = now_ms();
    let rule = ctx.rule.get().map_err(|p| Stop::Page(Blocked::Rule(p)))?;
    let (a, b) = eval_range(ctx.span.get(), ctx.years).ok_or(Stop::Page(Blocked::Years))?;
    let entered = ctx.entered.get();
    let after = match change {
        Change::Join(member, patents) => AfterPool::join(&ctx.pool, member, patents, a..=b),
        Change::Exit(member, from) => AfterPool::leave(&ctx.pool, &member, from, a..=b),
    }
    .map_err(|issues| Stop::Scenario(issues.iter().take(5).map(ToString::to_string).collect()))?;
    let years = ctx
        .with_source(&entered, |source| {
            evaluate(&ctx.pool, &after, a..=b, &rule, source, subject, bilateral)
        })
        .map_err(Stop::Page)?;
    Ok(Evaluated {
        subject: subject.to_owned(),
        years: Shared(Arc::new(years)),
        ms: format!("{:.0}", now_ms() - started),
    })
}

#[component]
fn StopNote(stop: Stop) -> impl IntoView {
    let i18n = use_i18n();
    match stop {
        Stop::Page(b) => view! { <BlockedNote blocked=b /> }.into_any(),
        other => {
            let lines: Vec<String> = match other {
                Stop::Date => vec![t_string!(i18n, shares_problem_date).to_owned()],
                Stop::Bilateral => vec![t_string!(i18n, shares_problem_bilateral).to_owned()],
                Stop::Rows(n) => vec![format!("{} {n}", t_string!(i18n, shares_problem_rows))],
                Stop::NoPatents => vec![t_string!(i18n, shares_problem_no_patents).to_owned()],
                Stop::NoMember => vec![t_string!(i18n, shares_problem_no_member).to_owned()],
                Stop::Scenario(lines) => lines,
                Stop::Page(_) => Vec::new(),
            };
            view! {
                <div class="shares-blocked" role="status" data-testid="shares-eval-blocked">
                    <p>{t!(i18n, shares_eval_blocked)}</p>
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any()
        }
    }
}
