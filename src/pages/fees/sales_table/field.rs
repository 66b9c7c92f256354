//! The typed fields of a sales row: their DOM names, labels, values and problems, and which
//! of them a row of a device or of a service uses.

use crate::i18n::{Locale, t_string};
use leptos_i18n::I18nContext;
use poolcalc_views::fee_form::{FieldProblem, FormColumns, RowMarks, SaleRowText};

/// A text field of a sales row (the product is a select, see `row`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Year,
    Country,
    MadeIn,
    Units,
    Price,
    Upstream,
    Users,
    Subscribers,
    Revenue,
}

/// Which kind of sale a field belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Applies {
    Every,
    Device,
    Service,
}

impl Field {
    /// The fields after the product, in table order.
    pub const AFTER_PRODUCT: [Field; 8] = [
        Field::Country,
        Field::MadeIn,
        Field::Units,
        Field::Price,
        Field::Upstream,
        Field::Users,
        Field::Subscribers,
        Field::Revenue,
    ];

    /// The name in DOM ids and test ids.
    pub fn name(self) -> &'static str {
        match self {
            Field::Year => "year",
            Field::Country => "country",
            Field::MadeIn => "made-in",
            Field::Units => "units",
            Field::Price => "price",
            Field::Upstream => "upstream",
            Field::Users => "users",
            Field::Subscribers => "subscribers",
            Field::Revenue => "revenue",
        }
    }

    /// The column heading.
    pub fn label(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            Field::Year => t_string!(i18n, fees_col_year),
            Field::Country => t_string!(i18n, fees_col_country),
            Field::MadeIn => t_string!(i18n, fees_col_made_in),
            Field::Units => t_string!(i18n, fees_col_units),
            Field::Price => t_string!(i18n, fees_col_price),
            Field::Upstream => t_string!(i18n, fees_col_upstream),
            Field::Users => t_string!(i18n, fees_col_users),
            Field::Subscribers => t_string!(i18n, fees_col_subscribers),
            Field::Revenue => t_string!(i18n, fees_col_revenue),
        }
    }

    pub fn inputmode(self) -> &'static str {
        match self {
            Field::Country | Field::MadeIn => "text",
            Field::Price | Field::Revenue => "decimal",
            _ => "numeric",
        }
    }

    /// Typed as a country code, with the country list and its name beside it.
    pub fn is_country(self) -> bool {
        matches!(self, Field::Country | Field::MadeIn)
    }

    pub fn applies(self) -> Applies {
        match self {
            Field::Units | Field::Price | Field::Upstream => Applies::Device,
            Field::Users | Field::Subscribers | Field::Revenue => Applies::Service,
            Field::Year | Field::Country | Field::MadeIn => Applies::Every,
        }
    }

    /// Whether the table has this column for the dataset's form.
    pub fn shown(self, c: FormColumns) -> bool {
        match self {
            Field::MadeIn => c.needs_made_in,
            Field::Upstream => c.needs_upstream,
            Field::Users | Field::Subscribers | Field::Revenue => c.has_service_products,
            _ => true,
        }
    }

    pub fn get(self, r: &SaleRowText) -> String {
        self.slot(r).clone()
    }

    pub fn set(self, r: &mut SaleRowText, v: String) {
        *self.slot_mut(r) = v;
    }

    fn slot(self, r: &SaleRowText) -> &String {
        match self {
            Field::Year => &r.year,
            Field::Country => &r.country,
            Field::MadeIn => &r.made_in,
            Field::Units => &r.units,
            Field::Price => &r.price,
            Field::Upstream => &r.upstream_paid_units,
            Field::Users => &r.users,
            Field::Subscribers => &r.subscribers,
            Field::Revenue => &r.revenue,
        }
    }

    fn slot_mut(self, r: &mut SaleRowText) -> &mut String {
        match self {
            Field::Year => &mut r.year,
            Field::Country => &mut r.country,
            Field::MadeIn => &mut r.made_in,
            Field::Units => &mut r.units,
            Field::Price => &mut r.price,
            Field::Upstream => &mut r.upstream_paid_units,
            Field::Users => &mut r.users,
            Field::Subscribers => &mut r.subscribers,
            Field::Revenue => &mut r.revenue,
        }
    }

    pub fn problem(self, m: &RowMarks) -> Option<FieldProblem> {
        match self {
            Field::Year => m.year,
            Field::Country => m.country,
            Field::MadeIn => m.made_in,
            Field::Units => m.units,
            Field::Price => m.price,
            Field::Upstream => m.upstream_paid_units,
            Field::Users => m.users,
            Field::Subscribers => m.subscribers,
            Field::Revenue => m.revenue,
        }
    }
}

/// The DOM field of a flagged row to put the cursor in: the first one with a problem.
pub fn first_problem_field(m: &RowMarks) -> &'static str {
    if m.year.is_some() {
        return "year";
    }
    if m.product.is_some() {
        return "product";
    }
    Field::AFTER_PRODUCT
        .into_iter()
        .find(|f| f.problem(m).is_some())
        .map_or("year", Field::name)
}
