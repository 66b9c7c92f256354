//! The second layer: reading JSON and CSV into the model with every problem at its path, the
//! rules that relate parts of a dataset, the JSON Schemas, and the synthetic pool generator.

pub mod csv;
pub(crate) mod fast;
pub(crate) mod json;
pub(crate) mod read;
pub mod schema;
pub mod share_code;
pub mod synth;
pub mod usage_csv;
pub(crate) mod validate;
