//! The dataset studio: a pool's published patent list (CSV with any common delimiter, or an
//! XLSX sheet) turned into the `patents` and `members` of a pool-dataset v1 file, and with a
//! terms file into a complete dataset validated by the engine. Every file is untrusted: its
//! size, rows and columns are bounded, nothing panics, and every row that cannot be used is
//! reported with its line and reason while the good rows are kept. See docs/studio.md.

#![forbid(unsafe_code)]

pub mod build_page;
pub mod columns;
pub mod countries;
#[cfg(feature = "reader")]
mod csv_table;
pub mod dates;
pub mod draft;
pub mod header;
mod import;
mod members;
pub mod options;
pub mod output;
pub mod patents;
pub mod problems;
mod rows;
pub mod table;
pub mod values;
pub mod wire;
#[cfg(feature = "reader")]
mod xlsx_table;

pub use columns::Field;
pub use header::{Header, Layout};
pub use import::{Import, ImportError, header, import_table};
#[cfg(feature = "reader")]
pub use import::{import_file, read_table};
pub use options::ImportOptions;
pub use problems::{Choice, Problem, Problems, Reason};
pub use table::{FileError, Table};
#[cfg(feature = "reader")]
pub use xlsx_table::sheet_names;
