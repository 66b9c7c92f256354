//! Pieces of the shell shared by every page.

mod coverage_chart;
mod header;
mod main_nav;
pub mod panic_panel;
mod render_error;
mod skip_link;
mod storage_notice;
mod update_banner;

pub use coverage_chart::CoverageChart;
pub use header::Header;
pub use main_nav::MainNav;
pub use render_error::RenderError;
pub use skip_link::SkipLink;
pub use storage_notice::StorageNotice;
pub use update_banner::UpdateBanner;
