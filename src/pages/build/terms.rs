//! The terms editor (issue 16, points 2–3): a draft dataset written in forms — pool card,
//! regions, members, products, rate schedules, distribution — checked by the engine as it is
//! written, kept in browser storage, exported, and opened as the dataset in use. The page
//! model is `poolcalc_studio::draft`; each field edits one JSON path of the draft.

mod card;
mod estimates;
mod field;
mod finish;
mod lines;
mod parts;
mod schedules;
mod start;

use crate::browser::persist::save_after_changes;
use crate::browser::storage::{self, Read, keys};
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;
use poolcalc_studio::draft::{Checked, Draft, check};

/// A label that follows the UI language: `label!(i18n, key)`.
macro_rules! label {
    ($i18n:ident, $key:ident) => {
        Signal::derive(move || crate::i18n::t_string!($i18n, $key).to_owned())
    };
}
pub(crate) use label;

/// The draft, what the engine says of it, and a count that changes when it is replaced as a
/// whole (so every form is drawn again from it).
#[derive(Clone, Copy)]
pub struct DraftCtx {
    draft: RwSignal<Option<Draft>>,
    pub checked: Memo<Checked>,
    /// Whether there is a draft: a memo, so that editing the draft does not draw the forms
    /// (or the start buttons) again.
    pub started: Memo<bool>,
    pub generation: RwSignal<u64>,
}

impl DraftCtx {
    fn new() -> DraftCtx {
        // A damaged or newer entry is kept aside and reported by the storage module.
        let kept = match storage::read::<Draft>(keys::DRAFT) {
            Read::Found(d) => Some(d),
            _ => None,
        };
        let draft = RwSignal::new(kept);
        let checked = Memo::new(move |_| draft.with(|d| d.as_ref().map(check).unwrap_or_default()));
        save_after_changes(
            move || draft.track(),
            move || {
                if let Some(Some(d)) = draft.try_get_untracked() {
                    storage::write(keys::DRAFT, &d);
                }
            },
        );
        DraftCtx {
            draft,
            checked,
            started: Memo::new(move |_| draft.with(Option::is_some)),
            generation: RwSignal::new(0),
        }
    }

    /// `f` of the draft (tracked), or the default when there is none yet.
    pub fn with_draft<T: Default>(&self, f: impl FnOnce(&Draft) -> T) -> T {
        self.draft.with(|d| d.as_ref().map(f).unwrap_or_default())
    }

    /// Changes the draft in place (the forms stay as they are).
    pub fn edit(&self, f: impl FnOnce(&mut Draft)) {
        self.draft.update(|d| {
            if let Some(d) = d {
                f(d);
            }
        });
    }

    /// Puts `d` in place of the draft and draws the forms again.
    pub fn replace(&self, d: Draft) {
        self.draft.set(Some(d));
        self.generation.update(|g| *g += 1);
    }
}

pub fn use_draft_ctx() -> DraftCtx {
    expect_context::<DraftCtx>()
}

/// The editor: how to start, then the forms and the finish.
#[component]
pub fn Terms() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = DraftCtx::new();
    provide_context(ctx);
    let forms = move || {
        ctx.generation.track();
        ctx.started.get().then(|| {
            view! {
                <card::PoolCard />
                <parts::Regions />
                <parts::Members />
                <parts::Products />
                <schedules::Schedules />
                <card::Distribution />
                <estimates::Estimates />
                <finish::Finish />
            }
        })
    };
    view! {
        <section aria-labelledby="draft-title" class="draft">
            <h2 id="draft-title">{t!(i18n, draft_title)}</h2>
            <p>{t!(i18n, draft_intro)}</p>
            <start::Start />
            {forms}
        </section>
    }
}
