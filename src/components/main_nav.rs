use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;
use leptos_router::components::A;

/// Links to every page; `A` marks the current one with aria-current.
#[component]
pub fn MainNav() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="main-nav" aria-label=move || t_string!(i18n, nav_label)>
            <ul>
                <li><A href="/" exact=true attr:data-testid="nav-overview">{t!(i18n, nav_overview)}</A></li>
                <li><A href="/fees" attr:data-testid="nav-fees">{t!(i18n, nav_fees)}</A></li>
                <li><A href="/shares" attr:data-testid="nav-shares">{t!(i18n, nav_shares)}</A></li>
                <li><A href="/scenarios" attr:data-testid="nav-scenarios">{t!(i18n, nav_scenarios)}</A></li>
                <li><A href="/stack" attr:data-testid="nav-stack">{t!(i18n, nav_stack)}</A></li>
                <li><A href="/report" attr:data-testid="nav-report">{t!(i18n, nav_report)}</A></li>
                <li><A href="/data" attr:data-testid="nav-data">{t!(i18n, nav_data)}</A></li>
                <li><A href="/build" attr:data-testid="nav-build">{t!(i18n, nav_build)}</A></li>
            </ul>
        </nav>
    }
}
