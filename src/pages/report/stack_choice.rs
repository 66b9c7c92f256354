//! Whether the royalty stack kept by the Stack page joins the interest balance: it does when
//! one is stored and its pools load; a box leaves it out.

use leptos::prelude::*;
use poolcalc_views::report_card::OpenStack;

use crate::i18n::{t, use_i18n};

/// The stored stack's aggregate, when there is one and it is wanted.
#[derive(Clone, Copy)]
pub struct StackChoice {
    open: LocalResource<Result<Option<OpenStack>, Vec<String>>>,
    wanted: RwSignal<bool>,
}

impl StackChoice {
    pub fn new() -> Self {
        let open = LocalResource::new(|| async {
            crate::state::stack::stored_report().await.map(|found| {
                found.map(|(s, report)| OpenStack {
                    name: s.product.name,
                    report,
                })
            })
        });
        StackChoice {
            open,
            wanted: RwSignal::new(true),
        }
    }

    /// The stack for the report (tracked).
    pub fn chosen(self) -> Option<OpenStack> {
        if !self.wanted.get() {
            return None;
        }
        self.open.get().and_then(Result::ok).flatten()
    }
}

/// The box, shown only when a stack is stored; or why the stored one cannot be used.
#[component]
pub fn StackBox(choice: StackChoice) -> impl IntoView {
    let i18n = use_i18n();
    move || match choice.open.get() {
        Some(Ok(Some(open))) => {
            let lang = crate::i18n::language::code(i18n.get_locale());
            let name = open.name.get(lang).to_owned();
            view! {
                <label class="report-stack">
                    <input type="checkbox" data-testid="report-with-stack"
                        prop:checked=move || choice.wanted.get()
                        on:change=move |ev| choice.wanted.set(event_target_checked(&ev)) />
                    {t!(i18n, report_with_stack, name = name)}
                </label>
            }
            .into_any()
        }
        Some(Err(problems)) => view! {
            <p class="report-stack" data-testid="report-stack-problem">
                {t!(i18n, report_stack_unusable)}" "{problems.first().cloned().unwrap_or_default()}
            </p>
        }
        .into_any(),
        _ => ().into_any(),
    }
}
