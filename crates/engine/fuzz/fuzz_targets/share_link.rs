//! Any bytes through the share link target of tests/fuzz/bodies.rs (shared with the stable
//! mutation run of `cargo test`). Nothing may panic.
#![no_main]

#[path = "../../../views/tests/fuzz/bodies.rs"]
mod bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| bodies::share_link(data));
