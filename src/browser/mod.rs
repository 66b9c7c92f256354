//! What the app asks of the browser beyond the page itself.

pub mod download;
pub mod storage;
