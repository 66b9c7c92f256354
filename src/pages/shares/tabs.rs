//! The page's views as tabs: shares of the years, the explanation of one share, projections,
//! and the join / exit evaluator.

use leptos::prelude::*;

use super::{evaluator, explain, projection, use_shares_ctx, year_view};
use crate::i18n::{t_string, use_i18n};

const TABS: [&str; 5] = ["shares", "explain", "projection", "join", "exit"];

#[component]
pub fn Tabs() -> impl IntoView {
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
