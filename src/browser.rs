//! What the app asks of the browser: fetching, files in and out, storage (every key,
//! versioned), and saving what was typed after edits settle. The layers above reach
//! `web_sys` through here.

pub mod fetch;
pub mod files;
pub mod focus;
pub mod persist;
pub mod share;
pub mod sheet_reader;
pub mod storage;
