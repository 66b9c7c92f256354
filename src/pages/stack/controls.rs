//! The what-if controls: per licence, whether it is included, a factor on its rates and, for a
//! pool licence, another signing date. They edit the stack's own `what_if` list (so an exported
//! file gives `poolcalc stack` the same what-if); a value that does not parse changes nothing
//! and is marked.

use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;
use poolcalc_engine::Decimal;
use poolcalc_engine::model::date::Date;
use poolcalc_engine::stack::{Stack, Terms, WhatIf};
use poolcalc_views::stack_view::{ChangeKind, controls, set_change};

/// The controls of every licence.
#[component]
pub fn Controls(stack: RwSignal<Option<Stack>>) -> impl IntoView {
    let i18n = use_i18n();
    let licences = move || {
        stack.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.licences
                        .iter()
                        .map(|l| (l.id.clone(), matches!(l.terms, Terms::Pool { .. })))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <section class="stack-controls">
            <h2>{t!(i18n, stack_what_if)}</h2>
            <p>{t!(i18n, stack_what_if_hint)}</p>
            <table>
                <thead><tr>
                    <th scope="col">{t!(i18n, stack_licence)}</th>
                    <th scope="col">{t!(i18n, stack_include)}</th>
                    <th scope="col">{t!(i18n, stack_factor)}</th>
                    <th scope="col">{t!(i18n, stack_signed)}</th>
                </tr></thead>
                <tbody>
                    <For
                        each=licences
                        key=|(id, pool)| (id.clone(), *pool)
                        children=move |(id, pool)| view! { <LicenceControls stack id pool /> }
                    />
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn LicenceControls(stack: RwSignal<Option<Stack>>, id: String, pool: bool) -> impl IntoView {
    let i18n = use_i18n();
    let now = {
        let id = id.clone();
        move || stack.with(|s| s.as_ref().map(|s| controls(s, &id)).unwrap_or_default())
    };
    let bad_factor = RwSignal::new(false);
    let bad_date = RwSignal::new(false);
    let edit = {
        let id = id.clone();
        move |kind: ChangeKind, change: Option<WhatIf>| {
            stack.update(|s| {
                if let Some(s) = s {
                    set_change(s, &id, kind, change);
                }
            });
        }
    };
    let on_include = {
        let (id, edit) = (id.clone(), edit.clone());
        move |ev: web_sys::Event| {
            let drop = (!event_target_checked(&ev)).then(|| WhatIf::Drop {
                licence: id.clone(),
            });
            edit(ChangeKind::Drop, drop);
        }
    };
    let on_factor = {
        let (id, edit) = (id.clone(), edit.clone());
        move |ev: web_sys::Event| {
            let text = event_target_value(&ev);
            let factor = text
                .trim()
                .parse::<Decimal>()
                .ok()
                .filter(|f| *f >= Decimal::ZERO);
            bad_factor.set(!text.trim().is_empty() && factor.is_none());
            if text.trim().is_empty() || factor.is_some() {
                let change = factor.map(|factor| WhatIf::ScaleRates {
                    licence: id.clone(),
                    factor,
                });
                edit(ChangeKind::Scale, change);
            }
        }
    };
    let on_signed = {
        let (id, edit) = (id.clone(), edit);
        move |ev: web_sys::Event| {
            let text = event_target_value(&ev);
            let date = Date::parse(text.trim());
            bad_date.set(!text.trim().is_empty() && date.is_none());
            if text.trim().is_empty() || date.is_some() {
                let change = date.map(|d| WhatIf::SetSigned {
                    licence: id.clone(),
                    signed: Some(d),
                });
                edit(ChangeKind::Signed, change);
            }
        }
    };
    let (n1, n2) = (now.clone(), now.clone());
    view! {
        <tr>
            <th scope="row">{id.clone()}</th>
            <td><input type="checkbox" data-testid=format!("stack-include-{id}")
                aria-label=format!("{id}: {}", t_string!(i18n, stack_include)) prop:checked=move || now().included on:change=on_include /></td>
            <td><input type="text" inputmode="decimal" size="6" data-testid=format!("stack-factor-{id}")
                aria-label=format!("{id}: {}", t_string!(i18n, stack_factor)) aria-invalid=move || bad_factor.get().to_string()
                prop:value=move || n1().factor on:input=on_factor /></td>
            <td>{pool.then(|| view! {
                <input type="text" size="10" placeholder="YYYY-MM-DD" data-testid=format!("stack-signed-{id}")
                    aria-label=format!("{id}: {}", t_string!(i18n, stack_signed)) aria-invalid=move || bad_date.get().to_string()
                    prop:value=move || n2().signed on:input=on_signed />
            })}</td>
        </tr>
    }
}
