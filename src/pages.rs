//! One module per route.

mod build;
mod data;
pub mod explorer;
mod fees;
mod members;
mod not_found;
mod overview;
mod patents;
mod report;
mod scenarios;
mod shares;
mod stack;

pub use build::BuildPage;
pub use data::DataPage;
pub use fees::FeesPage;
pub use members::{MemberPage, MembersPage};
pub use not_found::NotFound;
pub use overview::OverviewPage;
pub use patents::{PatentPage, PatentsPage};
pub use report::ReportPage;
pub use scenarios::ScenariosPage;
pub use shares::SharesPage;
pub use stack::StackPage;
