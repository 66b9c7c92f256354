//! One module per route.

mod data;
mod fees;
mod not_found;
mod overview;
mod scenarios;
mod shares;

pub use data::DataPage;
pub use fees::FeesPage;
pub use not_found::NotFound;
pub use overview::OverviewPage;
pub use scenarios::ScenariosPage;
pub use shares::SharesPage;
