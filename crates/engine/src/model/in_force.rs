//! Where a royalty is due (pool-dataset-v1 4.2, v2 section 1): a schedule's
//! `requires_patent_in_force`, `false`, `true` or `"sale"` (the country of sale must be
//! covered) or, in version 2, `"made_or_sold"` (the country of sale or of manufacture).

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Serialize, Serializer};

/// A schedule's in-force rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InForceRule {
    /// Royalty on every sale (`false`, the default).
    #[default]
    Off,
    /// Only where a pool patent counts in the country of sale (`true` or `"sale"`).
    Sale,
    /// Only where a pool patent counts in the country of sale or of manufacture
    /// (`"made_or_sold"`, version 2).
    MadeOrSold,
}

impl InForceRule {
    /// Whether sales can be exempt as not in force.
    #[must_use]
    pub fn is_required(self) -> bool {
        self != InForceRule::Off
    }

    /// Whether this is the default, left out when a schedule is written.
    #[must_use]
    pub fn is_off(&self) -> bool {
        *self == InForceRule::Off
    }
}

/// Written as version 1 writes it where it can (`true`), so a v1 dataset stays a v1 file.
impl Serialize for InForceRule {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            InForceRule::Off => s.serialize_bool(false),
            InForceRule::Sale => s.serialize_bool(true),
            InForceRule::MadeOrSold => s.serialize_str("made_or_sold"),
        }
    }
}

impl JsonSchema for InForceRule {
    fn schema_name() -> Cow<'static, str> {
        "InForceRule".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                {"type": "boolean"},
                {"enum": ["sale", "made_or_sold"]}
            ]
        })
    }
}
