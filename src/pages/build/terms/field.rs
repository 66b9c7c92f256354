//! One field of the terms editor, and the heading of a list with its Add button. A field
//! edits one JSON path of the draft; its problems (its own, translated, and the engine's at
//! that path) are shown under it and named by `aria-describedby`.

use crate::i18n::labels::field_problem as problem_text;
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;
use poolcalc_studio::draft::{Kind, field_problem, field_text, path::element_id, set_field};

use super::use_draft_ctx;

/// A labelled input for the value at `path`.
#[component]
pub fn DraftField(
    path: String,
    kind: Kind,
    #[prop(into)] label: Signal<String>,
    #[prop(optional)] required: bool,
    /// A hint shown after the label (the form a value takes).
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
) -> impl IntoView {
    let ctx = use_draft_ctx();
    let id = element_id(&path);
    let problem_id = format!("{id}-problem");
    let initial = ctx.with_draft(|d| field_text(d.get(&path), kind));
    let at = path.clone();
    let problems = Memo::new(move |_| {
        let own = ctx.with_draft(|d| field_problem(d.get(&at), kind, required));
        match own {
            // Its own words first; the engine's would say the same in English.
            Some(p) => vec![problem_text(p)],
            None => ctx.checked.with(|c| c.on(&at)),
        }
    });
    let at = path.clone();
    let on_change = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        ctx.edit(|d| set_field(&mut d.dataset, &at, kind, &text));
    };
    let bad = move || !problems.with(Vec::is_empty);
    let input = if kind == Kind::Flag {
        let checked = initial == "true";
        let at = path.clone();
        let on_flag = move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            ctx.edit(|d| set_field(&mut d.dataset, &at, kind, if on { "true" } else { "" }));
        };
        view! { <input type="checkbox" id=id.clone() data-testid=id.clone() prop:checked=checked on:change=on_flag /> }
            .into_any()
    } else {
        let input_type = if kind == Kind::Date { "date" } else { "text" };
        let mode = match kind {
            Kind::Decimal | Kind::Percent => "decimal",
            Kind::Year | Kind::Count | Kind::UpTo => "numeric",
            _ => "text",
        };
        view! {
            <input type=input_type inputmode=mode id=id.clone() data-testid=id.clone() prop:value=initial
                aria-invalid=move || bad().then_some("true") aria-describedby=problem_id.clone()
                required=required on:change=on_change />
        }
        .into_any()
    };
    view! {
        <div class="draft-field">
            <label for=id.clone()>
                {move || label.get()}
                {(kind == Kind::Percent).then_some(" (%)")}
                {required.then(|| view! { <span aria-hidden="true">" *"</span> })}
            </label>
            {hint.map(|h| view! { <span class="hint">{move || h.get()}</span> })}
            {input}
            <span class="problem" id=format!("{id}-problem") data-testid=format!("{id}-problem")>
                {move || problems.get().join(" ")}
            </span>
        </div>
    }
}

/// A list's heading and its Add button; `count` items follow, drawn by `item`.
#[component]
pub fn DraftList<F, V>(
    path: String,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] add: Signal<String>,
    item: F,
) -> impl IntoView
where
    F: Fn(usize) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let ctx = use_draft_ctx();
    let at = path.clone();
    // Only the number of items redraws the list, not each keystroke inside it.
    let count = Memo::new(move |_| ctx.with_draft(|d| d.len(&at)));
    let at = path.clone();
    let on_add = move |_| ctx.edit(|d| d.push(&at));
    let id = element_id(&path);
    view! {
        <fieldset class="draft-list" data-testid=id.clone()>
            <legend>{move || title.get()}</legend>
            {move || (0..count.get()).map(item.clone()).collect_view()}
            <button type="button" data-testid=format!("{id}-add") on:click=on_add>{move || add.get()}</button>
        </fieldset>
    }
}

/// The Remove button of item `index` of the list at `path`.
#[component]
pub fn RemoveItem(path: String, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_draft_ctx();
    let id = format!("{}-remove", element_id(&format!("{path}[{index}]")));
    let on_remove = move |_| ctx.edit(|d| d.remove(&path, index));
    view! { <button type="button" class="remove" data-testid=id on:click=on_remove>{t!(i18n, draft_remove)}</button> }
}

/// A choice among `options` (value, label) for the text at `path`; the first option is
/// what an empty value means.
#[component]
pub fn DraftSelect(
    path: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    /// What choosing an option does instead of keeping its value at `path`.
    #[prop(optional)]
    on_choose: Option<Callback<String>>,
    /// The value shown as chosen, when it is not the text at `path`.
    #[prop(optional, into)]
    chosen: Option<Signal<String>>,
) -> impl IntoView {
    let ctx = use_draft_ctx();
    let id = element_id(&path);
    let at = path.clone();
    let current = Memo::new(move |_| match chosen {
        Some(c) => c.get(),
        None => ctx.with_draft(|d| field_text(d.get(&at), Kind::Text)),
    });
    let at = path.clone();
    let on_change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        match on_choose {
            Some(cb) => cb.run(v),
            None => ctx.edit(|d| set_field(&mut d.dataset, &at, Kind::Text, &v)),
        }
    };
    let at = path.clone();
    let problems = Memo::new(move |_| ctx.checked.with(|c| c.on(&at)));
    view! {
        <div class="draft-field">
            <label for=id.clone()>{move || label.get()}</label>
            <select id=id.clone() data-testid=id.clone() on:change=on_change
                aria-describedby=format!("{id}-problem")>
                {move || options.get().into_iter().enumerate().map(|(n, (value, text))| {
                    let v = value.clone();
                    let selected = move || current.with(|c| *c == v || (n == 0 && c.is_empty()));
                    view! { <option value=value selected=selected>{text}</option> }
                }).collect_view()}
            </select>
            <span class="problem" id=format!("{id}-problem") data-testid=format!("{id}-problem")>
                {move || problems.get().join(" ")}
            </span>
        </div>
    }
}
