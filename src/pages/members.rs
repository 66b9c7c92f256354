//! The members table (`/members`) and one member's page (`/members/:id`).

use crate::components::CoverageChart;
use crate::i18n::language;
use crate::i18n::{t, use_i18n};
use crate::pages::explorer::{ExplorerNav, NoDataset, encode, item_page, loaded, today};
use crate::state::LoadedDataset;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use poolcalc_views::explorer::{MemberSort, filter_sort_members, member_detail, member_rows};
use poolcalc_views::format::group_digits;
use std::sync::Arc;

/// Patents listed on a member's page before it points to the patents view instead.
const PATENTS_SHOWN: usize = 100;

#[component]
pub fn MembersPage() -> impl IntoView {
    let i18n = use_i18n();
    let ds = loaded();
    view! {
        <h1 data-testid="page-title">{t!(i18n, explorer_nav_members)}</h1>
        <ExplorerNav />
        {move || match ds.get() {
            Some(ds) => Either::Left(view! { <MembersTable ds /> }),
            None => Either::Right(view! { <NoDataset /> }),
        }}
    }
}

#[component]
fn MembersTable(ds: Arc<LoadedDataset>) -> impl IntoView {
    let i18n = use_i18n();
    let year = today().year();
    let rows = Arc::new(member_rows(&ds.pool, year));
    let query = RwSignal::new(String::new());
    let sort = RwSignal::new((MemberSort::Name, false));
    let d = ds.clone();
    let shown = Memo::new(move |_| {
        let lang = language::code(i18n.get_locale());
        let (by, desc) = sort.get();
        filter_sort_members(d.dataset(), &rows, &query.get(), by, desc, lang)
    });
    let header = move |by: MemberSort, label: AnyView| {
        let aria = move || {
            let (cur, desc) = sort.get();
            if cur != by {
                "none"
            } else if desc {
                "descending"
            } else {
                "ascending"
            }
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button
                    type="button"
                    class="sort-button"
                    data-testid=format!("explorer-sort-{}", by.as_str())
                    on:click=move |_| sort.update(|(cur, desc)| {
                        if *cur == by {
                            *desc = !*desc;
                        } else {
                            *cur = by;
                            *desc = false;
                        }
                    })
                >
                    {label}
                </button>
            </th>
        }
    };
    let d = ds.clone();
    let body = move || {
        let lang = language::code(i18n.get_locale());
        shown
            .get()
            .into_iter()
            .map(|r| {
                let m = &d.dataset().members[r.index];
                let href = format!("/members/{}", encode(&m.id));
                let name = m.name.get(lang).to_owned();
                view! {
                    <tr data-testid="explorer-member-row">
                        <th scope="row"><A href=href>{name}</A></th>
                        <td>{m.country.clone()}</td>
                        <td class="num">{group_digits(r.patents_in_force as u64)}</td>
                        <td class="num">{group_digits(r.families_in_force as u64)}</td>
                        <td class="num">{group_digits(r.countries_in_force as u64)}</td>
                        <td>{r.joined.to_string()}</td>
                        <td>{r.exited.map(|e| e.to_string()).unwrap_or_default()}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <p class="data-hint">{t!(i18n, explorer_members_hint, year = year)}</p>
        <label for="explorer-member-filter">{t!(i18n, explorer_member_filter)}</label>
        <input
            id="explorer-member-filter"
            type="search"
            data-testid="explorer-member-filter"
            on:input=move |ev| query.set(event_target_value(&ev))
        />
        <p role="status" data-testid="explorer-member-count">
            {move || {
                let count = group_digits(shown.get().len() as u64);
                t!(i18n, explorer_member_count, count = count)
            }}
        </p>
        <div class="table-scroll">
            <table class="explorer-members">
                <thead>
                    <tr>
                        {header(MemberSort::Name, t!(i18n, explorer_col_name).into_any())}
                        {header(MemberSort::Country, t!(i18n, explorer_col_country).into_any())}
                        {header(MemberSort::PatentsInForce, t!(i18n, explorer_col_patents).into_any())}
                        {header(MemberSort::FamiliesInForce, t!(i18n, explorer_col_families).into_any())}
                        {header(MemberSort::CountriesInForce, t!(i18n, explorer_col_countries).into_any())}
                        {header(MemberSort::Joined, t!(i18n, explorer_col_joined).into_any())}
                        {header(MemberSort::Exited, t!(i18n, explorer_col_exited).into_any())}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

#[component]
pub fn MemberPage() -> impl IntoView {
    item_page(
        || {
            let i18n = use_i18n();
            t!(i18n, explorer_nav_members).into_any()
        },
        |ds, id| view! { <MemberView ds id /> },
    )
}

#[component]
fn MemberView(ds: Arc<LoadedDataset>, id: String) -> impl IntoView {
    let i18n = use_i18n();
    let year = today().year();
    let Some(detail) = member_detail(&ds.pool, &id, year) else {
        return Either::Right(view! {
            <h1 data-testid="page-title">{t!(i18n, explorer_member_missing_title)}</h1>
            <p data-testid="explorer-missing">{t!(i18n, explorer_member_missing, id = id.clone())}</p>
        });
    };
    let d = ds.clone();
    let member = d.dataset().members[detail.index].clone();
    let name = {
        let m = member.clone();
        move || m.name.get(language::code(i18n.get_locale())).to_owned()
    };
    let countries = detail
        .countries
        .iter()
        .map(|c| {
            let href = format!(
                "/patents?member={}&country={}",
                encode(&id),
                encode(&c.country)
            );
            let country = c.country.clone();
            view! {
                <tr>
                    <th scope="row"><A href=href>{country}</A></th>
                    <td class="num">{group_digits(c.patents as u64)}</td>
                    <td class="num">{group_digits(c.in_force as u64)}</td>
                </tr>
            }
        })
        .collect_view();
    let total = detail.patents.len();
    let patents = detail
        .patents
        .iter()
        .take(PATENTS_SHOWN)
        .map(|&i| {
            let p = &d.dataset().patents[i];
            let pid = p.id.clone();
            view! {
                <tr>
                    <th scope="row"><A href=format!("/patents/{}", encode(&p.id))>{pid}</A></th>
                    <td>{p.number.clone()}</td>
                    <td>{p.country.clone()}</td>
                    <td>{p.expires.to_string()}</td>
                    <td>{p.status.as_str()}</td>
                </tr>
            }
        })
        .collect_view();
    let all_href = format!("/patents?member={}", encode(&id));
    let series = detail.by_year.clone();
    Either::Left(view! {
        <h1 data-testid="page-title">{name}</h1>
        <dl class="explorer-facts">
            <dt>{t!(i18n, explorer_col_country)}</dt>
            <dd data-testid="explorer-member-country">{member.country.clone()}</dd>
            <dt>{t!(i18n, explorer_col_joined)}</dt>
            <dd>{member.joined.to_string()}</dd>
            {member.exited.map(|e| view! { <dt>{t!(i18n, explorer_col_exited)}</dt><dd>{e.to_string()}</dd> })}
            <dt>{t!(i18n, explorer_patents_listed_label)}</dt>
            <dd data-testid="explorer-member-patents">{group_digits(total as u64)}</dd>
        </dl>
        <p><A href=all_href attr:data-testid="explorer-member-all-patents">{t!(i18n, explorer_member_all_patents)}</A></p>
        <section aria-labelledby="explorer-member-coverage">
            <h2 id="explorer-member-coverage">{t!(i18n, explorer_coverage_title)}</h2>
            <CoverageChart series=Signal::derive(move || series.clone()) />
        </section>
        <section aria-labelledby="explorer-member-countries">
            <h2 id="explorer-member-countries">{t!(i18n, explorer_countries_label)}</h2>
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, explorer_col_country)}</th>
                            <th scope="col">{t!(i18n, explorer_col_listed)}</th>
                            <th scope="col">{t!(i18n, explorer_col_in_force_year, year = year)}</th>
                        </tr>
                    </thead>
                    <tbody>{countries}</tbody>
                </table>
            </div>
        </section>
        <section aria-labelledby="explorer-member-patent-list">
            <h2 id="explorer-member-patent-list">{t!(i18n, explorer_nav_patents)}</h2>
            {(total > PATENTS_SHOWN).then(|| view! {
                <p class="data-hint">{t!(i18n, explorer_first_patents, shown = PATENTS_SHOWN, total = group_digits(total as u64))}</p>
            })}
            <div class="table-scroll">
                <table data-testid="explorer-member-patent-table">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, explorer_col_id)}</th>
                            <th scope="col">{t!(i18n, explorer_col_number)}</th>
                            <th scope="col">{t!(i18n, explorer_col_country)}</th>
                            <th scope="col">{t!(i18n, explorer_col_expires)}</th>
                            <th scope="col">{t!(i18n, explorer_col_status)}</th>
                        </tr>
                    </thead>
                    <tbody>{patents}</tbody>
                </table>
            </div>
        </section>
    })
}
