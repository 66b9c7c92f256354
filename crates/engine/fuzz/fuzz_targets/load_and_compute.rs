//! Any bytes: parse + validate a dataset (and a usage profile); when valid, index it and
//! compute every licensee's fees and the shares of its years under each method (the dataset
//! target of tests/fuzz/bodies.rs, shared with `cargo test`). Nothing may panic.
#![no_main]

#[path = "../../../views/tests/fuzz/bodies.rs"]
mod bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| bodies::dataset(data));
