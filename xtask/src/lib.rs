//! Pieces of the project's task runner that the browser tests reuse.

pub mod static_server;

/// Where the browser tests leave the first-render time they measured, in milliseconds, for
/// `cargo xtask test` to report.
pub const FIRST_RENDER_FILE: &str = "target/e2e-metrics/first-render-ms.txt";
