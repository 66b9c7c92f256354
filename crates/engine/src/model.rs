//! The first layer: the dataset and usage profile as typed values, dates, money arithmetic,
//! texts people read and the problems found in inputs. Depends on nothing else in the crate.

pub mod applies_to;
pub mod dataset;
pub mod date;
pub mod in_force;
pub mod issue;
pub mod money;
pub mod schedule;
pub mod service;
pub mod text;
pub mod usage;
pub mod version;
