//! Shows a readable error panel instead of a blank page when the app panics.
//!
//! Release builds abort on panic, so after this hook the wasm instance is dead: the panel is
//! plain DOM, and its buttons are handled by the small script in index.html, not by Rust.
//! Text goes in with `textContent` only, since a panic message may quote dataset content.

use crate::i18n::language::page_locale;
use crate::i18n::{Locale, td_string};
use std::panic::PanicHookInfo;
use web_sys::{Document, Element};

const PANEL_ID: &str = "panic-panel";

pub fn install() {
    std::panic::set_hook(Box::new(|info: &PanicHookInfo<'_>| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Writes the panel into the page; does nothing if there is no DOM or a panel already.
pub fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(PANEL_ID).is_some() {
        return;
    }
    let texts = Texts::for_locale(page_locale());
    let _ = build(&document, &texts, message);
}

struct Texts {
    title: String,
    body: String,
    reload: String,
    copy: String,
    details: String,
}

impl Texts {
    fn for_locale(locale: Locale) -> Self {
        Texts {
            title: td_string!(locale, error_title).to_string(),
            body: td_string!(locale, error_body).to_string(),
            reload: td_string!(locale, reload).to_string(),
            copy: td_string!(locale, copy_report).to_string(),
            details: td_string!(locale, error_details).to_string(),
        }
    }
}

fn build(document: &Document, texts: &Texts, message: &str) -> Option<()> {
    let body = document.body()?;
    let panel = element(document, "section", &[("id", PANEL_ID), ("role", "alert")])?;
    panel.set_attribute("data-testid", PANEL_ID).ok()?;
    panel.set_attribute("aria-labelledby", "panic-title").ok()?;

    let title = element(document, "h1", &[("id", "panic-title")])?;
    title.set_text_content(Some(&texts.title));
    let explanation = element(document, "p", &[])?;
    explanation.set_text_content(Some(&texts.body));

    let actions = element(document, "p", &[("class", "panic-actions")])?;
    let reload = element(
        document,
        "button",
        &[("type", "button"), ("data-action", "reload")],
    )?;
    reload.set_text_content(Some(&texts.reload));
    let copy = element(
        document,
        "button",
        &[
            ("type", "button"),
            ("data-action", "copy-error"),
            ("data-testid", "panic-copy"),
        ],
    )?;
    copy.set_text_content(Some(&texts.copy));
    actions.append_child(&reload).ok()?;
    actions.append_child(&copy).ok()?;

    let label = element(document, "label", &[("for", "panic-report")])?;
    label.set_text_content(Some(&texts.details));
    let report = element(
        document,
        "textarea",
        &[
            ("id", "panic-report"),
            ("readonly", ""),
            ("rows", "8"),
            ("data-testid", "panic-report"),
        ],
    )?;
    report.set_text_content(Some(&report_text(document, message)));

    for child in [&title, &explanation, &actions, &label, &report] {
        panel.append_child(child).ok()?;
    }
    body.prepend_with_node_1(&panel).ok()?;
    // Take focus so keyboard and screen-reader users land on the panel.
    panel.set_attribute("tabindex", "-1").ok()?;
    if let Some(html) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&panel) {
        let _ = html.focus();
    }
    Some(())
}

fn report_text(document: &Document, message: &str) -> String {
    let url = document.url().unwrap_or_default();
    let agent = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    format!(
        "poolcalc {}\npage: {url}\nbrowser: {agent}\n\n{message}",
        env!("CARGO_PKG_VERSION")
    )
}

fn element(document: &Document, tag: &str, attrs: &[(&str, &str)]) -> Option<Element> {
    let el = document.create_element(tag).ok()?;
    for (name, value) in attrs {
        el.set_attribute(name, value).ok()?;
    }
    Some(el)
}
