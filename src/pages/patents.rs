//! The patents view (`/patents?member=…&country=…`): filters kept in the URL so every view
//! can be linked to, and a virtualized list that keeps only the rows in sight in the page,
//! so 100,000 patents scroll smoothly. One patent's page is `/patents/:id`.

use crate::i18n::language;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::explorer::{ExplorerNav, NoDataset, encode, item_page, loaded};
use crate::state::LoadedDataset;
use leptos::either::Either;
use leptos::html;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use poolcalc_engine::model::dataset::PatentStatus;
use poolcalc_views::explorer::{PatentFilter, filter_patents, patent_position};
use poolcalc_views::format::group_digits;
use std::sync::Arc;

/// Height of one row in pixels (the stylesheet gives rows the same height).
const ROW_PX: f64 = 36.0;
/// Rows the list shows at once.
const VISIBLE: usize = 15;
/// Rows rendered above and below those in sight, so fast scrolling shows no gap.
const OVERSCAN: usize = 10;
const QUERY_KEYS: [&str; 7] = [
    "q",
    "member",
    "country",
    "status",
    "family",
    "expires_from",
    "expires_to",
];

#[component]
pub fn PatentsPage() -> impl IntoView {
    let i18n = use_i18n();
    let ds = loaded();
    view! {
        <h1 data-testid="page-title">{t!(i18n, explorer_nav_patents)}</h1>
        <ExplorerNav />
        {move || match ds.get() {
            Some(ds) => Either::Left(view! { <PatentsView ds /> }),
            None => Either::Right(view! { <NoDataset /> }),
        }}
    }
}

#[component]
fn PatentsView(ds: Arc<LoadedDataset>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let q = query.get();
        let pairs: Vec<(&str, String)> = QUERY_KEYS
            .iter()
            .filter_map(|k| q.get(k).map(|v| (*k, v)))
            .collect();
        PatentFilter::from_query(pairs.iter().map(|(k, v)| (*k, v.as_str())))
    });
    let pool = ds.pool.clone();
    let total = ds.dataset().patents.len();
    let results = Memo::new(move |_| Arc::new(filter_patents(pool.dataset(), &filter.get())));
    let navigate = use_navigate();
    let set_filter = move |change: &dyn Fn(&mut PatentFilter)| {
        let mut f = filter.get_untracked();
        change(&mut f);
        let qs = f
            .to_query()
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let url = if qs.is_empty() {
            "/patents".to_owned()
        } else {
            format!("/patents?{qs}")
        };
        navigate(
            &url,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let set_filter = Arc::new(set_filter);

    let d = ds.clone();
    let member_options = move || {
        let lang = language::code(i18n.get_locale());
        let current = filter.get().member;
        d.dataset()
            .members
            .iter()
            .map(|m| {
                let selected = current.as_deref() == Some(m.id.as_str());
                view! { <option value=m.id.clone() selected=selected>{m.name.get(lang).to_owned()}</option> }
            })
            .collect_view()
    };
    let d = ds.clone();
    let country_options = move || {
        let current = filter.get().country;
        d.pool
            .index()
            .countries()
            .iter()
            .map(|c| {
                let selected = current.as_deref() == Some(c.as_str());
                view! { <option value=c.clone() selected=selected>{c.clone()}</option> }
            })
            .collect_view()
    };
    let status_options = move || {
        let current = filter.get().status;
        PatentStatus::ALL
            .iter()
            .map(|(s, name)| {
                view! { <option value=*name selected=current == Some(*s)>{status_label(i18n, *s)}</option> }
            })
            .collect_view()
    };
    let opt = |v: String| Some(v).filter(|v| !v.is_empty());
    let year = |v: String| v.trim().parse::<i32>().ok();

    let sf = set_filter.clone();
    let on_text = move |ev| {
        let v = event_target_value(&ev);
        sf(&|f| f.text = v.clone());
    };
    let sf = set_filter.clone();
    let on_member = move |ev| {
        let v = opt(event_target_value(&ev));
        sf(&|f| f.member = v.clone());
    };
    let sf = set_filter.clone();
    let on_country = move |ev| {
        let v = opt(event_target_value(&ev));
        sf(&|f| f.country = v.clone());
    };
    let sf = set_filter.clone();
    let on_status = move |ev| {
        let v = event_target_value(&ev);
        let s = PatentStatus::ALL
            .iter()
            .find(|(_, n)| *n == v)
            .map(|(s, _)| *s);
        sf(&|f| f.status = s);
    };
    let sf = set_filter.clone();
    let on_family = move |ev| {
        let v = opt(event_target_value(&ev));
        sf(&|f| f.family = v.clone());
    };
    let sf = set_filter.clone();
    let on_from = move |ev| {
        let v = year(event_target_value(&ev));
        sf(&|f| f.expires_from = v);
    };
    let sf = set_filter.clone();
    let on_to = move |ev| {
        let v = year(event_target_value(&ev));
        sf(&|f| f.expires_to = v);
    };
    let sf = set_filter.clone();
    let clear = move |_| sf(&|f| *f = PatentFilter::default());

    view! {
        <form class="explorer-filters" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="pf-q">{t!(i18n, explorer_filter_text)}</label>
                <input id="pf-q" type="search" data-testid="explorer-filter-text"
                    prop:value=move || filter.get().text on:input=on_text />
            </div>
            <div class="field">
                <label for="pf-member">{t!(i18n, explorer_col_member)}</label>
                <select id="pf-member" data-testid="explorer-filter-member" on:change=on_member>
                    <option value="" selected=move || filter.get().member.is_none()>{t!(i18n, explorer_any)}</option>
                    {member_options}
                </select>
            </div>
            <div class="field">
                <label for="pf-country">{t!(i18n, explorer_col_country)}</label>
                <select id="pf-country" data-testid="explorer-filter-country" on:change=on_country>
                    <option value="" selected=move || filter.get().country.is_none()>{t!(i18n, explorer_any)}</option>
                    {country_options}
                </select>
            </div>
            <div class="field">
                <label for="pf-status">{t!(i18n, explorer_col_status)}</label>
                <select id="pf-status" data-testid="explorer-filter-status" on:change=on_status>
                    <option value="" selected=move || filter.get().status.is_none()>{t!(i18n, explorer_any)}</option>
                    {status_options}
                </select>
            </div>
            <div class="field">
                <label for="pf-family">{t!(i18n, explorer_col_family)}</label>
                <input id="pf-family" type="text" data-testid="explorer-filter-family"
                    prop:value=move || filter.get().family.unwrap_or_default() on:change=on_family />
            </div>
            <div class="field">
                <label for="pf-from">{t!(i18n, explorer_expires_from)}</label>
                <input id="pf-from" type="number" inputmode="numeric" min="1" max="9999"
                    data-testid="explorer-filter-expires-from"
                    prop:value=move || filter.get().expires_from.map(|y| y.to_string()).unwrap_or_default()
                    on:change=on_from />
            </div>
            <div class="field">
                <label for="pf-to">{t!(i18n, explorer_expires_to)}</label>
                <input id="pf-to" type="number" inputmode="numeric" min="1" max="9999"
                    data-testid="explorer-filter-expires-to"
                    prop:value=move || filter.get().expires_to.map(|y| y.to_string()).unwrap_or_default()
                    on:change=on_to />
            </div>
            <div class="field">
                <button type="button" data-testid="explorer-filter-clear" on:click=clear>
                    {t!(i18n, explorer_clear)}
                </button>
            </div>
        </form>
        <p role="status" data-testid="explorer-patent-count">
            {move || {
                let count = group_digits(results.get().len() as u64);
                let total = group_digits(total as u64);
                t!(i18n, explorer_patent_count, count = count, total = total)
            }}
        </p>
        <PatentList ds=ds.clone() results />
    }
}

fn status_label(i18n: leptos_i18n::I18nContext<crate::i18n::Locale>, s: PatentStatus) -> String {
    match s {
        PatentStatus::InForce => t_string!(i18n, explorer_status_in_force),
        PatentStatus::Pending => t_string!(i18n, explorer_status_pending),
        PatentStatus::Invalidated => t_string!(i18n, explorer_status_invalidated),
        PatentStatus::Withdrawn => t_string!(i18n, explorer_status_withdrawn),
    }
    .to_string()
}

/// The list: a scrolling box as tall as every row together, with only the rows in sight
/// (plus a margin) placed in it.
#[component]
fn PatentList(ds: Arc<LoadedDataset>, results: Memo<Arc<Vec<u32>>>) -> impl IntoView {
    let i18n = use_i18n();
    let scroll = RwSignal::new(0.0f64);
    let list_ref = NodeRef::<html::Div>::new();
    // A new filter starts at the top of its results.
    Effect::new(move |_| {
        results.track();
        if let Some(el) = list_ref.get_untracked() {
            el.set_scroll_top(0);
        }
        scroll.set(0.0);
    });
    let rows = move || {
        let lang = language::code(i18n.get_locale());
        let all = results.get();
        let first = ((scroll.get() / ROW_PX).floor() as usize).saturating_sub(OVERSCAN);
        let last = (first + VISIBLE + 2 * OVERSCAN).min(all.len());
        let d = ds.dataset();
        (first..last)
            .filter_map(|pos| {
                let p = d.patents.get(*all.get(pos)? as usize)?;
                let member = d
                    .members
                    .iter()
                    .find(|m| m.id == p.member)
                    .map_or_else(|| p.member.clone(), |m| m.name.get(lang).to_owned());
                let top = format!("{}px", pos as f64 * ROW_PX);
                let family = p.family.clone().map(|f| {
                    let href = format!("/patents?family={}", encode(&f));
                    view! { <A href=href>{f}</A> }
                });
                let pid = p.id.clone();
                Some(view! {
                    <div class="vrow" role="row" style:top=top data-testid="explorer-patent-row" aria-rowindex=pos + 2>
                        <span role="cell" class="c-id">
                            <A href=format!("/patents/{}", encode(&p.id))>{pid}</A>
                        </span>
                        <span role="cell" class="c-number">{p.number.clone()}</span>
                        <span role="cell" class="c-member">
                            <A href=format!("/members/{}", encode(&p.member))>{member}</A>
                        </span>
                        <span role="cell" class="c-country">{p.country.clone()}</span>
                        <span role="cell" class="c-family">{family}</span>
                        <span role="cell" class="c-status">{status_label(i18n, p.status)}</span>
                        <span role="cell" class="c-expires">{p.expires.to_string()}</span>
                    </div>
                })
            })
            .collect_view()
    };
    view! {
        <div
            class="vlist"
            node_ref=list_ref
            role="table"
            aria-label=move || t_string!(i18n, explorer_nav_patents)
            aria-rowcount=move || results.get().len() + 1
            data-testid="explorer-patent-list"
            tabindex="0"
            style:height=format!("{}px", ROW_PX * (VISIBLE as f64 + 1.0))
            on:scroll=move |_| {
                if let Some(el) = list_ref.get_untracked() {
                    scroll.set(f64::from(el.scroll_top()));
                }
            }
        >
            <div class="vrow vhead" role="row" aria-rowindex="1">
                <span role="columnheader" class="c-id">{t!(i18n, explorer_col_id)}</span>
                <span role="columnheader" class="c-number">{t!(i18n, explorer_col_number)}</span>
                <span role="columnheader" class="c-member">{t!(i18n, explorer_col_member)}</span>
                <span role="columnheader" class="c-country">{t!(i18n, explorer_col_country)}</span>
                <span role="columnheader" class="c-family">{t!(i18n, explorer_col_family)}</span>
                <span role="columnheader" class="c-status">{t!(i18n, explorer_col_status)}</span>
                <span role="columnheader" class="c-expires">{t!(i18n, explorer_col_expires)}</span>
            </div>
            <div
                class="vbody"
                role="rowgroup"
                style:height=move || format!("{}px", results.get().len() as f64 * ROW_PX)
            >
                {rows}
            </div>
        </div>
    }
}

#[component]
pub fn PatentPage() -> impl IntoView {
    item_page(
        || {
            let i18n = use_i18n();
            t!(i18n, explorer_nav_patents).into_any()
        },
        |ds, id| view! { <PatentView ds id /> },
    )
}

#[component]
fn PatentView(ds: Arc<LoadedDataset>, id: String) -> impl IntoView {
    let i18n = use_i18n();
    let Some(i) = patent_position(ds.dataset(), &id) else {
        return Either::Right(view! {
            <h1 data-testid="page-title">{t!(i18n, explorer_patent_missing_title)}</h1>
            <p data-testid="explorer-missing">{t!(i18n, explorer_patent_missing, id = id.clone())}</p>
        });
    };
    let p = ds.dataset().patents[i].clone();
    let span = ds.pool.index().patent_span(i);
    let d = ds.clone();
    let member_id = p.member.clone();
    let member = move || {
        let lang = language::code(i18n.get_locale());
        d.dataset()
            .members
            .iter()
            .find(|m| m.id == member_id)
            .map_or_else(|| member_id.clone(), |m| m.name.get(lang).to_owned())
    };
    let counts = match span {
        Some(s) => t!(
            i18n,
            explorer_counts_span,
            from = s.start.to_string(),
            to = s.end.plus_days(-1).to_string()
        )
        .into_any(),
        None => t!(i18n, explorer_counts_never).into_any(),
    };
    let family = p.family.clone().map(|f| {
        let href = format!("/patents?family={}", encode(&f));
        view! {
            <dt>{t!(i18n, explorer_col_family)}</dt>
            <dd><A href=href attr:data-testid="explorer-patent-family">{f}</A></dd>
        }
    });
    let standards = (!p.standards.is_empty()).then(|| {
        view! { <dt>{t!(i18n, explorer_standards)}</dt><dd>{p.standards.join(", ")}</dd> }
    });
    Either::Left(view! {
        <h1 data-testid="page-title">{p.id.clone()}</h1>
        <dl class="explorer-facts" data-testid="explorer-patent">
            <dt>{t!(i18n, explorer_col_number)}</dt>
            <dd data-testid="explorer-patent-number">{p.number.clone()}</dd>
            <dt>{t!(i18n, explorer_col_member)}</dt>
            <dd><A href=format!("/members/{}", encode(&p.member)) attr:data-testid="explorer-patent-member">{member}</A></dd>
            <dt>{t!(i18n, explorer_col_country)}</dt>
            <dd>{p.country.clone()}</dd>
            {family}
            <dt>{t!(i18n, explorer_col_status)}</dt>
            <dd>{status_label(i18n, p.status)}</dd>
            {p.granted.map(|g| view! { <dt>{t!(i18n, explorer_granted)}</dt><dd>{g.to_string()}</dd> })}
            <dt>{t!(i18n, explorer_col_expires)}</dt>
            <dd>{p.expires.to_string()}</dd>
            <dt>{t!(i18n, explorer_weight)}</dt>
            <dd>{poolcalc_engine::model::money::format_exact(p.weight)}</dd>
            {standards}
            <dt>{t!(i18n, explorer_counts_label)}</dt>
            <dd data-testid="explorer-patent-counts">{counts}</dd>
        </dl>
    })
}
