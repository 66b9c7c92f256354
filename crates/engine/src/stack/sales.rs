//! The stack's sales year by year (the growth fill included) and the usage profile each pool
//! licence is charged on.

use rust_decimal::Decimal;

use super::{Stack, Terms};
use crate::model::dataset::{Sale, Usage, UsageYear};
use crate::model::text::Text;

impl Stack {
    /// Every year of sales, ascending, the filled years included: units per country. The fill
    /// is the Fees page's (`Usage::extended`): the last year given, units growing by `growth`
    /// a year, rounded half away from zero.
    #[must_use]
    pub fn yearly_sales(&self) -> Vec<UsageYear> {
        let mut base = self.sales_usage();
        if let Some(to) = self.sales.fill_to {
            base = base.extended(to, self.sales.growth);
        }
        base.years.sort_by_key(|y| y.year);
        base.years
    }

    /// Units sold in each year, ascending.
    #[must_use]
    pub fn units_per_year(&self) -> Vec<(i32, u64)> {
        self.yearly_sales()
            .iter()
            .map(|y| (y.year, y.sales.iter().map(|s| s.units).sum()))
            .collect()
    }

    /// The usage profile licence `index` is charged on when it is a pool licence: the
    /// stack's sales in the licence's years, as the pool's `product` at the stack's price,
    /// with the licence's signing date. `None` for other licences.
    #[must_use]
    pub fn usage_for(&self, index: usize) -> Option<Usage> {
        let licence = self.licences.get(index)?;
        let Terms::Pool {
            product, signed, ..
        } = &licence.terms
        else {
            return None;
        };
        let mut years = self.yearly_sales();
        years.retain(|y| licence.in_force(y.year));
        for y in &mut years {
            for s in &mut y.sales {
                s.product.clone_from(product);
            }
        }
        Some(Usage {
            licensee: self.product.name.clone(),
            signed: *signed,
            years,
        })
    }

    /// The sales as given, one sale per country at the stack's price (no product yet).
    fn sales_usage(&self) -> Usage {
        let price: Option<Decimal> = Some(self.product.price);
        Usage {
            licensee: Text::Plain(String::new()),
            signed: None,
            years: self
                .sales
                .years
                .iter()
                .map(|y| UsageYear {
                    year: y.year,
                    sales: y
                        .countries
                        .iter()
                        .map(|c| Sale {
                            product: String::new(),
                            country: c.country.clone(),
                            units: c.units,
                            price,
                            ..Sale::default()
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}
