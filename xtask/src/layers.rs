//! The layering rule inside a crate: each top-level module has a rank, and a module may name
//! (`crate::x`) only modules of its own rank or below. Cargo already keeps the crates in order
//! (views → engine, the web app → views); this keeps the modules inside them in order, so a
//! newcomer can read each layer knowing only the ones beneath it. See docs/architecture.md.

use std::fs;
use std::path::{Path, PathBuf};

/// A crate's source folder and its layers, lowest first; modules of one entry share a rank.
pub struct Layering {
    pub src: &'static str,
    pub layers: &'static [&'static [&'static str]],
}

/// The layers of every crate that has them.
pub const LAYERINGS: &[Layering] = &[
    Layering {
        src: "crates/engine/src",
        layers: &[
            &["model"],
            &["io"],
            &["pool"],
            &["fees"],
            &["load"],
            &["shares"],
            &["scenario"],
            &["stack"],
            &["output"],
        ],
    },
    Layering {
        src: "src",
        layers: &[
            &["browser"],
            &["i18n"],
            &["state"],
            &["components"],
            &["pages"],
        ],
    },
];

/// One `crate::` reference that goes upward: the file, its line, and both modules.
#[derive(Debug, PartialEq, Eq)]
pub struct Violation {
    pub file: PathBuf,
    pub line: usize,
    pub from: String,
    pub to: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: module `{}` uses `crate::{}`, a layer above it",
            self.file.display(),
            self.line,
            self.from,
            self.to
        )
    }
}

/// Every upward reference in the crates of `root`, and every layer folder that is missing
/// (a renamed layer must be renamed here too, or the check would pass on nothing).
pub fn check(root: &Path) -> Result<Vec<Violation>, String> {
    let mut found = Vec::new();
    for layering in LAYERINGS {
        let src = root.join(layering.src);
        for module in layering.layers.iter().flat_map(|l| l.iter()) {
            if !src.join(format!("{module}.rs")).is_file() {
                return Err(format!(
                    "{}: layer `{module}` has no {module}.rs",
                    src.display()
                ));
            }
        }
        for file in rust_files(&src)? {
            let Some(from) = top_module(&src, &file) else {
                continue;
            };
            let Some(from_rank) = rank(layering, &from) else {
                continue; // lib.rs, main.rs and other roots may use every layer
            };
            let text = fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            for (i, line) in text.lines().enumerate() {
                for to in crate_refs(line) {
                    if rank(layering, to).is_some_and(|r| r > from_rank) {
                        found.push(Violation {
                            file: file.clone(),
                            line: i + 1,
                            from: from.clone(),
                            to: to.to_owned(),
                        });
                    }
                }
            }
        }
    }
    Ok(found)
}

fn rank(layering: &Layering, module: &str) -> Option<usize> {
    layering.layers.iter().position(|l| l.contains(&module))
}

/// The top-level module a file belongs to: `fees` for `fees.rs` and `fees/income.rs`.
fn top_module(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    Some(first.strip_suffix(".rs").unwrap_or(first).to_owned())
}

/// The modules a line of code names as `crate::x`, comments left out.
fn crate_refs(line: &str) -> impl Iterator<Item = &str> {
    let code = line.split("//").next().unwrap_or("");
    code.match_indices("crate::").filter_map(move |(at, _)| {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            return None; // `poolcalc_engine::x` or `my_crate::x`, not this crate
        }
        let rest = &code[at + "crate::".len()..];
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        Some(&rest[..end])
    })
}

fn rust_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            out.extend(rust_files(&path)?);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_references_in_code_only() {
        let refs: Vec<&str> =
            crate_refs("use crate::fees::x; crate::pool::y(); // crate::shares").collect();
        assert_eq!(refs, ["fees", "pool"]);
        assert_eq!(crate_refs("use poolcalc_engine::fees;").count(), 0);
    }

    #[test]
    fn an_upward_use_is_reported_with_its_line() {
        let dir = std::env::temp_dir().join(format!("layers-{}", std::process::id()));
        let src = dir.join("crates/engine/src");
        fs::create_dir_all(src.join("model")).unwrap();
        for layering in LAYERINGS {
            let s = dir.join(layering.src);
            fs::create_dir_all(&s).unwrap();
            for m in layering.layers.iter().flat_map(|l| l.iter()) {
                fs::write(s.join(format!("{m}.rs")), "").unwrap();
            }
        }
        fs::write(src.join("model/money.rs"), "//! x\nuse crate::fees::Fee;\n").unwrap();
        fs::write(src.join("shares.rs"), "use crate::fees::Fee;\n").unwrap();
        let found = check(&dir).unwrap();
        fs::remove_dir_all(&dir).unwrap();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].line, found[0].from.as_str()), (2, "model"));
        assert_eq!(found[0].to, "fees");
    }

    #[test]
    fn the_repository_keeps_its_layers() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let found = check(&root).unwrap_or_else(|e| panic!("{e}"));
        let list: Vec<String> = found.iter().map(ToString::to_string).collect();
        assert!(list.is_empty(), "upward imports:\n{}", list.join("\n"));
    }
}
