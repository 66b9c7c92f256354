//! The readable form of the rate terms (tier bands) and what the dataset discloses.

use rust_decimal::Decimal;

use poolcalc_engine::model::dataset::Dataset;
use poolcalc_engine::model::dataset::Tier;

/// One volume band of a tiered rate, with its first unit spelled out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Band {
    /// First unit of the band (1 for the first).
    pub from: u64,
    /// Last unit of the band; `None` for the open last band.
    pub to: Option<u64>,
    /// Money per unit in the band.
    pub per_unit: Decimal,
}

/// The bands of `tiers`: each starts one unit above the previous band's `up_to`.
#[must_use]
pub fn tier_bands(tiers: &[Tier]) -> Vec<Band> {
    let mut from = 1u64;
    tiers
        .iter()
        .map(|t| {
            let band = Band {
                from,
                to: t.up_to,
                per_unit: t.per_unit,
            };
            from = t.up_to.map_or(from, |u| u.saturating_add(1));
            band
        })
        .collect()
}

/// The parts of a pool's disclosure the transparency checklist looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DisclosureItem {
    /// The list of patents.
    PatentList,
    /// Expiry dates of the patents.
    ExpiryDates,
    /// Grant dates of the patents.
    GrantDates,
    /// Patent families.
    Families,
    /// Essentiality: which standard each patent is declared to.
    Essentiality,
    /// Royalty rates.
    Rates,
    /// Caps (per licensee per year, or per product group).
    Caps,
    /// Early-signing discounts.
    Discounts,
    /// The distribution rule.
    DistributionRule,
    /// The administrator's management fee.
    ManagementFee,
    /// Licensees (the market estimate).
    Licensees,
    /// Sources for the facts.
    Sources,
}

impl DisclosureItem {
    /// A stable name (for test ids and translation keys).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            DisclosureItem::PatentList => "patent_list",
            DisclosureItem::ExpiryDates => "expiry_dates",
            DisclosureItem::GrantDates => "grant_dates",
            DisclosureItem::Families => "families",
            DisclosureItem::Essentiality => "essentiality",
            DisclosureItem::Rates => "rates",
            DisclosureItem::Caps => "caps",
            DisclosureItem::Discounts => "discounts",
            DisclosureItem::DistributionRule => "distribution_rule",
            DisclosureItem::ManagementFee => "management_fee",
            DisclosureItem::Licensees => "licensees",
            DisclosureItem::Sources => "sources",
        }
    }
}

/// How much of an item a dataset discloses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disclosed {
    /// Fully.
    Yes,
    /// For `with` of `of` patents (or schedules).
    Partly {
        /// How many carry it.
        with: usize,
        /// How many there are.
        of: usize,
    },
    /// Not at all.
    No,
}

/// One line of the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Disclosure {
    /// What is looked at.
    pub item: DisclosureItem,
    /// How much is disclosed.
    pub status: Disclosed,
}

/// What `d` discloses and leaves out, in checklist order.
#[must_use]
pub fn disclosure(d: &Dataset) -> Vec<Disclosure> {
    let patents = d.patents.len();
    let share = |with: usize, of: usize| match (with, of) {
        (_, 0) | (0, _) => Disclosed::No,
        (w, o) if w >= o => Disclosed::Yes,
        (with, of) => Disclosed::Partly { with, of },
    };
    let present = |yes: bool| if yes { Disclosed::Yes } else { Disclosed::No };
    let granted = d.patents.iter().filter(|p| p.granted.is_some()).count();
    let families = d.patents.iter().filter(|p| p.family.is_some()).count();
    let declared = d.patents.iter().filter(|p| !p.standards.is_empty()).count();
    // Standards named for the pool but for no patent: the reader learns the field, not which
    // patent is essential to what.
    let essentiality = match share(declared, patents) {
        Disclosed::No if !d.pool.standards.is_empty() && patents > 0 => Disclosed::Partly {
            with: 0,
            of: patents,
        },
        other => other,
    };
    let schedules = d.rate_schedules.len();
    let capped = d
        .rate_schedules
        .iter()
        .filter(|s| s.annual_cap.is_some() || !s.group_caps.is_empty())
        .count();
    let discounted = d
        .rate_schedules
        .iter()
        .filter(|s| !s.discounts.is_empty())
        .count();
    let with_lines = d
        .rate_schedules
        .iter()
        .filter(|s| !s.lines.is_empty())
        .count();
    vec![
        Disclosure {
            item: DisclosureItem::PatentList,
            status: present(patents > 0),
        },
        Disclosure {
            item: DisclosureItem::ExpiryDates,
            // Required of every patent by the format.
            status: present(patents > 0),
        },
        Disclosure {
            item: DisclosureItem::GrantDates,
            status: share(granted, patents),
        },
        Disclosure {
            item: DisclosureItem::Families,
            status: share(families, patents),
        },
        Disclosure {
            item: DisclosureItem::Essentiality,
            status: essentiality,
        },
        Disclosure {
            item: DisclosureItem::Rates,
            status: share(with_lines, schedules),
        },
        Disclosure {
            item: DisclosureItem::Caps,
            status: share(capped, schedules),
        },
        Disclosure {
            item: DisclosureItem::Discounts,
            status: share(discounted, schedules),
        },
        Disclosure {
            item: DisclosureItem::DistributionRule,
            // Required by the format: a valid dataset always states its method.
            status: Disclosed::Yes,
        },
        Disclosure {
            item: DisclosureItem::ManagementFee,
            status: Disclosed::Yes,
        },
        Disclosure {
            item: DisclosureItem::Licensees,
            status: present(!d.licensees.is_empty()),
        },
        Disclosure {
            item: DisclosureItem::Sources,
            status: present(!d.pool.sources.is_empty()),
        },
    ]
}
