//! What the app asks of the browser: fetching, files in and out, and saving what was typed.
//! The layers above reach `web_sys` through here.

pub mod fetch;
pub mod files;
pub mod persist;
