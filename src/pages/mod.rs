//! One module per route.

mod data;
pub mod explorer;
mod members;
mod patents;
mod fees;
mod not_found;
mod overview;
mod scenarios;
mod shares;

pub use data::DataPage;
pub use members::{MemberPage, MembersPage};
pub use patents::{PatentPage, PatentsPage};
pub use fees::FeesPage;
pub use not_found::NotFound;
pub use overview::OverviewPage;
pub use scenarios::ScenariosPage;
pub use shares::SharesPage;
