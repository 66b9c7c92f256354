//! `poolcalc import patents FILE`: a pool's patent list into dataset JSON (the studio crate
//! does the work; this reads the arguments and files and prints).

use std::path::PathBuf;

use clap::{Args, Subcommand};
use poolcalc_studio::options::parse_choice;
use poolcalc_studio::output::{dataset_json, list_json, report_lines, terms_options};
use poolcalc_studio::{ImportOptions, Layout, Reason, import_file};

/// What to import.
#[derive(Subcommand)]
pub enum ImportCommand {
    /// A patent list (CSV or XLSX): the report on stderr, the patents and members (or with
    /// --terms a complete dataset) as JSON on stdout.
    Patents(PatentsArgs),
}

/// Arguments of `import patents`.
#[derive(Args)]
pub struct PatentsArgs {
    /// The patent list file (CSV with any common delimiter, or XLSX).
    file: PathBuf,
    /// The list's layout (auto, access-advance, poolcalc).
    #[arg(long, default_value = "auto", value_parser = parse_layout)]
    layout: Layout,
    /// The workbook sheet (default: the first with a patent list header).
    #[arg(long)]
    sheet: Option<String>,
    /// The rest of the dataset (pool, products, rate schedules, distribution, member details,
    /// import options); prints a complete dataset validated by the engine.
    #[arg(long)]
    terms: Option<PathBuf>,
    /// What to do with the rows of a reason: REASON=leave-out|latest|earliest|first|VALUE
    /// (e.g. see-note=2035-12-31); may be given for several reasons.
    #[arg(long, value_name = "REASON=CHOICE")]
    resolve: Vec<String>,
    /// Join licensor spellings: SPELLING=NAME; may be repeated.
    #[arg(long, value_name = "SPELLING=NAME")]
    merge: Vec<String>,
    /// Give each patent its number of claims as weight.
    #[arg(long)]
    claims_as_weight: bool,
}

fn parse_layout(s: &str) -> Result<Layout, String> {
    Layout::parse(s)
        .ok_or_else(|| format!("unknown layout \"{s}\" (auto, access-advance, poolcalc)"))
}

fn pair(text: &str, what: &str) -> Result<(String, String), String> {
    text.split_once('=')
        .map(|(a, b)| (a.trim().to_owned(), b.trim().to_owned()))
        .ok_or_else(|| format!("--{what} {text}: expected NAME=VALUE"))
}

fn read_json(path: &PathBuf) -> Result<serde_json::Value, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: not valid JSON: {e}", path.display()))
}

/// Runs `import patents`: the JSON to print on stdout.
///
/// # Errors
/// A file that cannot be read or imported, bad arguments, or a dataset the engine refuses.
pub fn run(command: ImportCommand) -> Result<String, String> {
    let ImportCommand::Patents(args) = command;
    let terms = args.terms.as_ref().map(read_json).transpose()?;
    let mut options = ImportOptions {
        layout: args.layout,
        ..ImportOptions::default()
    };
    if let (Some(t), Some(path)) = (&terms, &args.terms) {
        options = terms_options(t, options)
            .map_err(|e| format!("{}: {}", path.display(), e.join("; ")))?;
        if args.layout != Layout::Auto {
            options.layout = args.layout;
        }
    }
    for r in &args.resolve {
        let (name, choice) = pair(r, "resolve")?;
        let reason = Reason::parse(&name).ok_or_else(|| {
            let names: Vec<&str> = Reason::ALL.iter().map(|r| r.name()).collect();
            format!(
                "--resolve: unknown reason \"{name}\" ({})",
                names.join(", ")
            )
        })?;
        options.choices.insert(reason, parse_choice(&choice));
    }
    for m in &args.merge {
        options.merge.push(pair(m, "merge")?);
    }
    options.claims_as_weight |= args.claims_as_weight;
    let bytes = std::fs::read(&args.file)
        .map_err(|e| format!("{}: cannot read: {e}", args.file.display()))?;
    let import = import_file(&bytes, args.sheet.as_deref(), &options)
        .map_err(|e| format!("{}: {e}", args.file.display()))?;
    for line in report_lines(&import, &options) {
        eprintln!("{line}");
    }
    match terms {
        None => Ok(serde_json::to_string_pretty(&list_json(&import)).unwrap_or_default()),
        Some(t) => dataset_json(&import, &t).map_err(|issues| {
            let lines: Vec<String> = issues.iter().map(ToString::to_string).collect();
            format!("the dataset is not valid:\n{}", lines.join("\n"))
        }),
    }
}
