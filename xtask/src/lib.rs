//! Pieces of the project's task runner that the browser tests reuse.

pub mod csp;
pub mod layers;
pub mod static_server;

/// Where the browser tests leave the first-render time they measured, in milliseconds, for
/// `cargo xtask test` to report.
pub const FIRST_RENDER_FILE: &str = "target/e2e-metrics/first-render-ms.txt";

/// Where the browser tests append their timings against budgets, a line each, for
/// `cargo xtask test` to print (cargo test hides what passing tests print).
pub const BUDGETS_FILE: &str = "target/e2e-metrics/budgets.txt";
