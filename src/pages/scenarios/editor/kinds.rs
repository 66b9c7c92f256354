//! The kinds of change the form offers and the fields of each, by their path inside the
//! change as the engine names them in its problems.

/// Where a choice's options come from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Src {
    Schedules,
    Products,
    AnyRegion,
    Members,
    Discounts,
    Methods,
    Uncovered,
    RateKinds,
    TierModes,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Input {
    Decimal,
    Text,
    Date,
    Whole,
    Pick(Src),
    Many(Src),
    Tiers,
}

/// One field of a form: its path inside the change (as the engine names it in problems).
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub path: &'static str,
    pub input: Input,
    pub required: bool,
    /// Shown only while another field has this value (the kind of rate).
    pub when: Option<(&'static str, &'static str)>,
}

pub const fn f(path: &'static str, input: Input, required: bool) -> Field {
    Field {
        path,
        input,
        required,
        when: None,
    }
}

pub const fn w(path: &'static str, input: Input, required: bool, on: &'static str) -> Field {
    Field {
        path,
        input,
        required,
        when: Some((RATE_KIND, on)),
    }
}

/// A form-only field: which of the three kinds of rate `set_rate` gives.
pub const RATE_KIND: &str = "rate_kind";
pub const SCHEDULE: Field = f("schedule", Input::Pick(Src::Schedules), false);

pub const KINDS: [&str; 11] = [
    "scale_rates",
    "set_rate",
    "set_annual_cap",
    "set_group_cap",
    "set_discount",
    "remove_discount",
    "set_management_fee",
    "set_method",
    "scale_volumes",
    "add_member",
    "remove_member",
];

pub fn fields(kind: &str) -> Vec<Field> {
    use Input::*;
    match kind {
        "scale_rates" => vec![
            f("factor", Decimal, true),
            SCHEDULE,
            f("product", Pick(Src::Products), false),
            f("region", Pick(Src::AnyRegion), false),
        ],
        "set_rate" => vec![
            SCHEDULE,
            f("product", Pick(Src::Products), true),
            f("region", Pick(Src::AnyRegion), true),
            f(RATE_KIND, Pick(Src::RateKinds), true),
            w("per_unit", Decimal, true, "per_unit"),
            w("tiers", Tiers, true, "tiers"),
            w("tier_mode", Pick(Src::TierModes), false, "tiers"),
            w("percent_of_price", Decimal, true, "percent_of_price"),
            w("min_per_unit", Decimal, false, "percent_of_price"),
            w("max_per_unit", Decimal, false, "percent_of_price"),
        ],
        "set_annual_cap" => vec![SCHEDULE, f("amount", Decimal, false)],
        "set_group_cap" => vec![
            SCHEDULE,
            f("id", Text, true),
            f("products", Many(Src::Products), false),
            f("amount", Decimal, true),
        ],
        "set_discount" => vec![
            SCHEDULE,
            f("id", Text, true),
            f("percent", Decimal, true),
            f("signed_before", Date, true),
        ],
        "remove_discount" => vec![SCHEDULE, f("id", Pick(Src::Discounts), true)],
        "set_management_fee" => vec![
            f("management_fee.percent", Decimal, true),
            f("management_fee.min", Decimal, false),
            f("management_fee.max", Decimal, false),
        ],
        "set_method" => vec![
            f("method", Pick(Src::Methods), true),
            f("uncovered", Pick(Src::Uncovered), false),
        ],
        "scale_volumes" => vec![
            f("factor", Decimal, false),
            f("growth", Decimal, false),
            f("base_year", Whole, false),
        ],
        "add_member" => vec![
            f("member.id", Text, true),
            f("member.name", Text, true),
            f("member.country", Text, true),
            f("member.joined", Date, true),
        ],
        "remove_member" => vec![f("member", Pick(Src::Members), true), f("from", Date, true)],
        _ => Vec::new(),
    }
}

/// The fields of one patent row of `add_member`.
pub const PATENT_FIELDS: [(&str, Input, bool); 6] = [
    ("id", Input::Text, true),
    ("country", Input::Text, true),
    ("number", Input::Text, true),
    ("expires", Input::Date, true),
    ("family", Input::Text, false),
    ("weight", Input::Decimal, false),
];
