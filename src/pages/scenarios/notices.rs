//! What the page says after an action, the stored scenarios that do not read, and a save
//! the browser refused.

use leptos::prelude::*;

use super::{Notice, files, use_scenarios_ctx};
use crate::i18n::{t, use_i18n};

#[component]
pub fn Notices() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenarios_ctx();
    let (store, notice) = (ctx.store, ctx.notice);
    let notice_view = move || {
        notice.get().map(|n| match n {
            Notice::Info(text) => view! { <p class="scen-notice">{text}</p> }.into_any(),
            Notice::Error(head, lines) => view! {
                <div class="scen-notice scen-error">
                    <p>{head}</p>
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any(),
        })
    };

    let broken_view = move || {
        let list = store.broken.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .enumerate()
                .map(|(i, b)| {
                    let key = b.key.clone();
                    let href = files::data_url(&b.raw);
                    let fname = format!("damaged-scenario-{}.json", i + 1);
                    view! {
                        <li data-testid=format!("scen-broken-{i}")>
                            <code>{b.key.clone()}</code>
                            <ul>{b.problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                            <a href=href download=fname data-testid=format!("scen-broken-download-{i}")>
                                {t!(i18n, scen_broken_download)}
                            </a>
                            " "
                            <button type="button" data-testid=format!("scen-broken-discard-{i}")
                                on:click=move |_| store.remove(&key)>
                                {t!(i18n, scen_broken_discard)}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="scen-broken scen-no-print" data-testid="scen-broken" role="alert">
                    <h2>{t!(i18n, scen_broken_title)}</h2>
                    <p>{t!(i18n, scen_broken_body)}</p>
                    <ul>{items}</ul>
                </section>
            }
        })
    };

    view! {
        <div class="scen-notices" aria-live="polite" data-testid="scen-notice">{notice_view}</div>
        {broken_view}
        <p class="scen-error" role="alert" hidden=move || store.save_error.with(Option::is_none)>
            {t!(i18n, scen_save_failed)}" "{move || store.save_error.get().unwrap_or_default()}
        </p>
    }
}
