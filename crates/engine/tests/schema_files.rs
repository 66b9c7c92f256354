//! The JSON Schemas served by the app (public/schema/) are the ones generated from the types.
//! Run with `POOLCALC_WRITE_SCHEMA=1` to rewrite them after changing the types. The version 1
//! files are the version 2 ones less what version 2 added: they must not change.

use std::path::PathBuf;

use poolcalc_engine::io::schema::{dataset_schema, usage_schema};

fn check(file: &str, schema: &serde_json::Value) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../public/schema")
        .join(file);
    let text = serde_json::to_string_pretty(schema).unwrap_or_default() + "\n";
    if std::env::var_os("POOLCALC_WRITE_SCHEMA").is_some() {
        std::fs::create_dir_all(path.parent().unwrap_or(&path)).unwrap_or_default();
        std::fs::write(&path, &text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == text,
        "{} is out of date: run POOLCALC_WRITE_SCHEMA=1 cargo test -p poolcalc-engine --test schema_files",
        path.display()
    );
}

#[test]
fn dataset_schema_files_are_current() {
    check("pool-dataset-v1.schema.json", &dataset_schema(1));
    check("pool-dataset-v2.schema.json", &dataset_schema(2));
}

#[test]
fn usage_schema_files_are_current() {
    check("pool-usage-v1.schema.json", &usage_schema(1));
    check("pool-usage-v2.schema.json", &usage_schema(2));
}
