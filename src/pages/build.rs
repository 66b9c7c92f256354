//! The Build page (构建): a pool's published patent list (CSV or XLSX) → column mapping →
//! rows that cannot be used, per reason, with the user's choice → patents preview → export.
//! The work is the studio crate's (`poolcalc_studio::build_page` is the page model); this
//! module holds the signals and the views.

mod problems;
mod terms;
mod texts;

use std::sync::Arc;

use crate::browser::files::download;
use crate::browser::sheet_reader::read_table;
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;
use leptos::task::spawn_local;
use poolcalc_studio::build_page::{column_rows, export_json, map_column, preview_rows};
use poolcalc_studio::{Field, Import, ImportOptions, Layout, Table, import_table, wire};
use poolcalc_views::format::group_digits;
use problems::Problems;
use texts::{field_text, file_error_text};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Patents shown in the preview.
const PREVIEW_ROWS: usize = 25;

/// The page's state: the file's bytes, the table read from them, the user's choices.
#[derive(Clone, Copy)]
struct BuildCtx {
    bytes: RwSignal<Option<Arc<Vec<u8>>>>,
    /// The chosen file's name.
    name: RwSignal<String>,
    /// The table of the latest file and layout, once the reader has answered.
    table: RwSignal<Option<Result<Table, String>>>,
    /// A read is under way.
    reading: RwSignal<bool>,
    options: RwSignal<ImportOptions>,
    import: Memo<Option<Result<Import, String>>>,
}

impl BuildCtx {
    fn new() -> BuildCtx {
        let bytes: RwSignal<Option<Arc<Vec<u8>>>> = RwSignal::new(None);
        let options = RwSignal::new(ImportOptions::default());
        let layout = Memo::new(move |_| options.with(|o| o.layout));
        let i18n = use_i18n();
        let table = RwSignal::new(None);
        let reading = RwSignal::new(false);
        // Each file or layout change reads again; only the latest read's answer is kept.
        let latest = StoredValue::new(0_u64);
        Effect::new(move |_| {
            let (Some(b), layout) = (bytes.get(), layout.get()) else {
                return;
            };
            latest.update_value(|n| *n += 1);
            let this = latest.get_value();
            reading.set(true);
            spawn_local(async move {
                let answer = read_table(&b, "", layout.name()).await;
                if latest.get_value() != this {
                    return;
                }
                table.set(Some(match answer {
                    Ok(json) => wire::decode(&json).map_err(|e| file_error_text(i18n, &e)),
                    Err(e) => Err(format!("{} ({e})", t_string!(i18n, build_error_reader))),
                }));
                reading.set(false);
            });
        });
        let import = Memo::new(move |_| {
            let t = table.get()?;
            Some(t.and_then(|t| {
                options.with(|o| import_table(&t, o)).map_err(|e| match e {
                    poolcalc_studio::ImportError::File(f) => file_error_text(i18n, &f),
                    poolcalc_studio::ImportError::Options(m) => m.join("; "),
                })
            }))
        });
        BuildCtx {
            bytes,
            name: RwSignal::new(String::new()),
            table,
            reading,
            options,
            import,
        }
    }
}

/// The page's context, provided by `BuildPage` above every part.
fn use_build_ctx() -> BuildCtx {
    expect_context::<BuildCtx>()
}

#[component]
pub fn BuildPage() -> impl IntoView {
    let i18n = use_i18n();
    let build = BuildCtx::new();
    provide_context(build);
    view! {
        <h1 data-testid="page-title">{t!(i18n, nav_build)}</h1>
        <p>{t!(i18n, build_intro)}</p>
        <PickFile />
        <Show when=move || build.import.with(|i| matches!(i, Some(Ok(_))))>
            <Columns />
            <Problems />
            <Preview />
        </Show>
        <terms::Terms />
    }
}

/// The file input, the layout and what was read.
#[component]
fn PickFile() -> impl IntoView {
    let i18n = use_i18n();
    let build = use_build_ctx();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        wasm_bindgen_futures::spawn_local(async move {
            if let Ok(buf) = JsFuture::from(file.array_buffer()).await {
                let bytes = js_sys::Uint8Array::new(&buf).to_vec();
                build.options.set(ImportOptions::default());
                build.name.set(name);
                build.bytes.set(Some(Arc::new(bytes)));
            }
        });
    };
    let on_layout = move |ev: leptos::ev::Event| {
        if let Some(l) = Layout::parse(&event_target_value(&ev)) {
            build.options.update(|o| {
                o.layout = l;
                o.columns.clear();
            });
        }
    };
    let status = move || {
        if build.reading.get() {
            return Some(view! { <p role="status" data-testid="build-reading">{t!(i18n, build_reading)}</p> }.into_any());
        }
        match build.import.get() {
        None => None,
        Some(Ok(i)) => Some(view! {
            <p data-testid="build-status">
                {t!(i18n, build_read, source = i.source.clone(), rows = group_digits(i.rows_read as u64))}
            </p>
        }.into_any()),
        Some(Err(e)) => Some(view! { <p class="problem" role="alert" data-testid="build-error">{e}</p> }.into_any()),
    }
    };
    view! {
        <section aria-labelledby="build-file-title">
            <h2 id="build-file-title">{t!(i18n, build_file_title)}</h2>
            <label for="build-file">{t!(i18n, build_file_label)}</label>
            <input id="build-file" type="file" accept=".csv,.tsv,.txt,.xlsx" data-testid="build-file" on:change=on_change />
            <label for="build-layout">{t!(i18n, build_layout_label)}</label>
            <select id="build-layout" data-testid="build-layout" on:change=on_layout>
                {Layout::ALL.iter().map(|(l, name)| view! {
                    <option value=*name selected=move || build.options.with(|o| o.layout == *l)>{*name}</option>
                }).collect_view()}
            </select>
            {status}
        </section>
    }
}

/// The header's columns, each with its field (changeable) and first values.
#[component]
fn Columns() -> impl IntoView {
    let i18n = use_i18n();
    let build = use_build_ctx();
    let rows = move || {
        let (Some(Ok(table)), Some(Ok(import))) = (build.table.get(), build.import.get()) else {
            return Vec::new();
        };
        column_rows(&table, &import.header)
    };
    view! {
        <section aria-labelledby="build-columns-title">
            <h2 id="build-columns-title">{t!(i18n, build_columns_title)}</h2>
            <table class="build-columns">
                <thead><tr>
                    <th scope="col">{t!(i18n, build_column_header)}</th>
                    <th scope="col">{t!(i18n, build_column_samples)}</th>
                    <th scope="col">{t!(i18n, build_column_field)}</th>
                </tr></thead>
                <tbody>
                    {move || rows().into_iter().map(|c| {
                        let index = c.index;
                        let id = format!("build-column-{index}");
                        let on_change = move |ev: leptos::ev::Event| {
                            let v = event_target_value(&ev);
                            build.options.update(|o| { let _ = map_column(o, index, &v); });
                        };
                        view! {
                            <tr>
                                <th scope="row"><label for=id.clone()>{c.header.clone()}</label></th>
                                <td>{c.samples.join(" · ")}</td>
                                <td>
                                    <select id=id.clone() data-testid=id on:change=on_change>
                                        <option value="" selected=c.field.is_empty()>{t_string!(i18n, build_field_none)}</option>
                                        {Field::ALL.iter().map(|f| view! {
                                            <option value=f.name() selected=c.field == f.name()>{field_text(i18n, *f)}</option>
                                        }).collect_view()}
                                    </select>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// The first patents, and the export.
#[component]
fn Preview() -> impl IntoView {
    let i18n = use_i18n();
    let build = use_build_ctx();
    let import = move || build.import.get().and_then(Result::ok);
    let summary = move || {
        import().map(|i| {
            t!(
                i18n,
                build_summary,
                patents = group_digits(i.patents.len() as u64),
                members = group_digits(i.members.len() as u64)
            )
        })
    };
    let rows = move || {
        import()
            .map(|i| preview_rows(&i, PREVIEW_ROWS))
            .unwrap_or_default()
    };
    let export = move |_| {
        if let Some(i) = import() {
            download("patents.json", "application/json", &export_json(&i));
        }
    };
    view! {
        <section aria-labelledby="build-preview-title">
            <h2 id="build-preview-title">{t!(i18n, build_preview_title)}</h2>
            <p data-testid="build-summary">{summary}</p>
            <table class="build-preview" data-testid="build-preview">
                <thead><tr>
                    <th scope="col">{t!(i18n, build_preview_id)}</th>
                    <th scope="col">{field_text(i18n, Field::Member)}</th>
                    <th scope="col">{field_text(i18n, Field::Expires)}</th>
                    <th scope="col">{t!(i18n, build_preview_claims)}</th>
                    <th scope="col">{field_text(i18n, Field::Weight)}</th>
                </tr></thead>
                <tbody>
                    {move || rows().0.into_iter().map(|p| view! {
                        <tr><td>{p.id}</td><td>{p.member}</td><td>{p.expires}</td>
                            <td>{p.claims}</td><td>{p.weight}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            {move || (rows().1 > 0).then(|| view! {
                <p>{t!(i18n, build_and_more, count = group_digits(rows().1 as u64))}</p>
            })}
            <button type="button" data-testid="build-export" on:click=export>{t!(i18n, build_export)}</button>
        </section>
    }
}
