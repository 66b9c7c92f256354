//! A deterministic generator of large, realistic pools for trying scale and for benchmarks:
//! members with skewed portfolio sizes, families spanning countries, expiry dates spread over
//! twenty years, regions, 3–6 products, several schedules, licensees with skewed volumes.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use thiserror::Error;

use crate::model::dataset::{
    Dataset, Distribution, ManagementFee, Member, Method, Patent, PatentStatus, PoolInfo, Product,
    Region, Uncovered,
};
use crate::model::date::Date;
use crate::model::service::ProductKind;
use crate::model::text::Text;

mod terms;

use terms::{make_licensees, make_schedules};

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthOptions {
    /// Members (licensors).
    pub members: usize,
    /// Patents.
    pub patents: usize,
    /// Countries patents and sales are spread over.
    pub countries: usize,
    /// Licensees in the market estimate.
    pub licensees: usize,
    /// First year of schedules and sales.
    pub from: i32,
    /// Last year of sales.
    pub to: i32,
    /// Seed: same options, same dataset.
    pub seed: u64,
}

/// Options the generator cannot honour.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SynthError {
    /// Nothing to generate from.
    #[error("members, patents and countries must each be at least 1")]
    Empty,
    /// More countries than codes.
    #[error("at most {0} countries can be generated")]
    TooManyCountries(usize),
    /// Years reversed or out of range.
    #[error("years must satisfy 1990 <= from <= to <= {LAST_YEAR}")]
    Years,
    /// More than the generator makes (its output must fit in memory and load again).
    #[error("at most {max} {what} can be generated")]
    TooMany {
        /// What was asked for too much of.
        what: &'static str,
        /// The most there may be.
        max: usize,
    },
}

/// The last year of sales: patents filed up to `from − 1` expire up to twenty years later and
/// members leave up to three years after `to`, all inside the dates a dataset may hold
/// ([`crate::model::date::YEARS`]).
pub const LAST_YEAR: i32 = 2180;

/// The most members, patents and licensees, and licensee-years (licensees × years), a
/// synthetic pool may have: ten times the largest benchmark pool (100,000 patents, 2,000
/// licensees over 20 years), a few hundred megabytes of JSON.
pub const MAX_MEMBERS: usize = 10_000;
/// See [`MAX_MEMBERS`].
pub const MAX_PATENTS: usize = 1_000_000;
/// See [`MAX_MEMBERS`].
pub const MAX_LICENSEE_YEARS: usize = 400_000;

/// SplitMix64: a tiny generator whose sequence is fixed forever, so "same arguments, same
/// bytes" holds across versions of this program (a library RNG may change its stream). The
/// engine's fuzz runner draws its mutations from it too.
pub struct Rng(pub u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }

    /// Uniform in `0.0..1.0`, for shaping distributions only (never for money).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An index in `0..n` skewed towards 0 (Zipf-like with exponent ~1).
    fn skewed(&mut self, n: usize) -> usize {
        let x = self.unit();
        let i = ((n as f64 + 1.0).powf(x) - 1.0).floor();
        (i as usize).min(n.saturating_sub(1))
    }
}

/// ISO 3166-1 alpha-2 codes, the large markets first so skewed picks favour them.
const COUNTRIES: &str = "US CN DE JP KR GB FR IN BR IT CA ES MX RU AU NL SE CH PL TR ID SA TW BE AT NO DK FI IE SG IL AE TH MY VN PH ZA AR CL CO PE EG NG KE MA PK BD NZ PT GR CZ HU RO UA IR IQ KZ QA KW OM BH JO LB LK NP MM KH LA MN UZ AZ GE AM BY LT LV EE SK SI HR RS BA MK AL ME BG MD CY MT LU IS EC BO PY UY VE CR PA GT HN SV NI DO CU JM TT HT BS BB DZ TN LY SD ET GH CI SN CM UG TZ RW ZM ZW MZ AO NA BW MG MU SC ML NE BF TD GA CG CD BJ TG LR SL GN GM GW MR ER DJ SO SS CF GQ ST CV KM LS SZ MW BI FJ PG SB VU WS TO KI TV NR PW FM MH BN BT MV AF TM TJ KG SY YE PS MO HK AD MC SM LI VA GL FO GI";

/// Generates a valid dataset.
///
/// # Errors
/// Options out of range.
pub fn synthesize(o: &SynthOptions) -> Result<Dataset, SynthError> {
    let all: Vec<&str> = COUNTRIES.split_whitespace().collect();
    if o.members == 0 || o.patents == 0 || o.countries == 0 {
        return Err(SynthError::Empty);
    }
    if o.countries > all.len() {
        return Err(SynthError::TooManyCountries(all.len()));
    }
    if !(1990..=LAST_YEAR).contains(&o.from) || o.to < o.from || o.to > LAST_YEAR {
        return Err(SynthError::Years);
    }
    let years = usize::try_from(o.to - o.from + 1).unwrap_or(usize::MAX);
    let limits = [
        ("members", o.members, MAX_MEMBERS),
        ("patents", o.patents, MAX_PATENTS),
        (
            "licensee-years (licensees × years)",
            o.licensees.saturating_mul(years),
            MAX_LICENSEE_YEARS,
        ),
    ];
    if let Some(&(what, _, max)) = limits.iter().find(|(_, n, max)| n > max) {
        return Err(SynthError::TooMany { what, max });
    }
    let mut rng = Rng(o.seed);
    let countries = &all[..o.countries];
    let r1_len = (o.countries * 3 / 10).max(1);
    let regions = vec![
        Region {
            id: "r1".into(),
            name: lang("Region 1", "一类地区"),
            countries: countries[..r1_len]
                .iter()
                .map(|c| (*c).to_owned())
                .collect(),
            default: false,
            user_weight: None,
        },
        Region {
            id: "r2".into(),
            name: lang("Region 2 (emerging markets)", "二类地区（新兴市场）"),
            countries: Vec::new(),
            default: true,
            user_weight: None,
        },
    ];
    let members = make_members(o, &mut rng, countries);
    let patents = make_patents(o, &mut rng, countries, &members);
    let products = make_products(&mut rng);
    let rate_schedules = make_schedules(o, &products);
    let licensees = make_licensees(o, &mut rng, countries, &products);
    Ok(Dataset {
        pool: PoolInfo {
            id: format!("synth-{}", o.seed),
            name: lang(
                &format!("Synthetic pool ({} patents)", o.patents),
                &format!("合成专利池（{} 件专利）", o.patents),
            ),
            administrator: Some(lang("Synthetic Administrator", "合成管理机构")),
            standards: vec!["SYN-1".into()],
            currency: "USD".into(),
            currency_decimals: 2,
            as_of: Date::from_ymd(o.from, 1, 1),
            sources: Vec::new(),
            illustrative: true,
            notes: Some(lang(
                &format!(
                    "Generated by `poolcalc synth --members {} --patents {} --countries {} --licensees {} --from {} --to {} --seed {}`. Everything is made up.",
                    o.members, o.patents, o.countries, o.licensees, o.from, o.to, o.seed
                ),
                "由 poolcalc synth 生成，全部为虚构数据。",
            )),
            max_rate_rise: None,
        },
        regions,
        members,
        patents,
        products,
        rate_schedules,
        distribution: Distribution {
            management_fee: ManagementFee {
                percent: Decimal::new(10, 2),
                min: Some(Decimal::from(10_000)),
                max: None,
            },
            method: Method::PerPatent,
            uncovered: Uncovered::ProRata,
        },
        licensees,
    })
}

fn lang(en: &str, zh: &str) -> Text {
    Text::Lang(BTreeMap::from([
        ("en".to_owned(), en.to_owned()),
        ("zh".to_owned(), zh.to_owned()),
    ]))
}

fn date(year: i32, day_of_year: usize) -> Date {
    Date::year_start(year).plus_days(i32::try_from(day_of_year % 365).unwrap_or(0))
}

fn make_members(o: &SynthOptions, rng: &mut Rng, countries: &[&str]) -> Vec<Member> {
    (0..o.members)
        .map(|i| {
            let joined_year = if rng.below(10) < 8 {
                o.from - 12 + i32::try_from(rng.below(8)).unwrap_or(0)
            } else {
                o.from
                    + i32::try_from(rng.below(usize::try_from(o.to - o.from + 1).unwrap_or(1)))
                        .unwrap_or(0)
            };
            let joined = date(joined_year, rng.below(365));
            let exited = (rng.below(20) == 0).then(|| {
                let span = usize::try_from(o.to - joined_year + 2).unwrap_or(2);
                joined.plus_days(i32::try_from(365 + rng.below(span * 365)).unwrap_or(365))
            });
            Member {
                id: format!("m{:04}", i + 1),
                name: lang(
                    &format!("Member {} Corp", i + 1),
                    &format!("成员 {} 公司", i + 1),
                ),
                country: countries[rng.skewed(countries.len().min(12))].to_owned(),
                joined,
                exited,
            }
        })
        .collect()
}

fn make_patents(
    o: &SynthOptions,
    rng: &mut Rng,
    countries: &[&str],
    members: &[Member],
) -> Vec<Patent> {
    let mut patents = Vec::with_capacity(o.patents);
    let mut family = 0usize;
    while patents.len() < o.patents {
        family += 1;
        let member = &members[rng.skewed(members.len())];
        let size = (1 + rng.skewed(8)).min(o.patents - patents.len());
        // Priority years spread so expiries fall over twenty years from `from`.
        let filed = o.from - 20 + i32::try_from(rng.below(20)).unwrap_or(0);
        let weight = [
            Decimal::ONE,
            Decimal::ONE,
            Decimal::new(15, 1),
            Decimal::TWO,
        ][rng.below(4)];
        let mut used = Vec::with_capacity(size);
        for _ in 0..size {
            let mut c = rng.skewed(countries.len());
            let mut tries = 0;
            while used.contains(&c) && tries < 8 {
                c = rng.below(countries.len());
                tries += 1;
            }
            used.push(c);
            let granted = date(
                filed + 2 + i32::try_from(rng.below(4)).unwrap_or(0),
                rng.below(365),
            );
            let expires = date(filed + 20, rng.below(365)).max(granted.plus_days(1));
            let status = match rng.below(100) {
                0 | 1 => PatentStatus::Pending,
                2 | 3 => PatentStatus::Invalidated,
                4 => PatentStatus::Withdrawn,
                _ => PatentStatus::InForce,
            };
            let n = patents.len() + 1;
            patents.push(Patent {
                id: format!("p{n:06}"),
                member: member.id.clone(),
                family: Some(format!("f{family:06}")),
                country: countries[c].to_owned(),
                number: format!("{}{}", countries[c], 1_000_000 + n),
                granted: Some(granted),
                expires,
                status,
                weight,
                standards: Vec::new(),
            });
        }
    }
    patents
}

/// (id, English, Chinese, unit, typical price in cents, margin in thousandths)
const PRODUCTS: [(&str, &str, &str, &str, i64, i64); 6] = [
    ("decoder", "Decoder", "解码器", "unit", 2_500, 60),
    ("encoder", "Encoder", "编码器", "unit", 12_000, 90),
    ("tv", "Television", "电视机", "set", 35_000, 50),
    ("phone", "Smartphone", "智能手机", "handset", 28_000, 110),
    (
        "vehicle",
        "Connected vehicle",
        "联网汽车",
        "vehicle",
        3_000_000,
        70,
    ),
    ("pc", "Personal computer", "个人电脑", "unit", 70_000, 40),
];

fn make_products(rng: &mut Rng) -> Vec<Product> {
    let n = 3 + rng.below(4);
    PRODUCTS[..n]
        .iter()
        .map(|(id, en, zh, unit, price, margin)| Product {
            id: (*id).to_owned(),
            name: lang(en, zh),
            unit: Text::Plain((*unit).to_owned()),
            typical_price: Some(Decimal::new(*price, 2)),
            industry_margin: Some(Decimal::new(*margin, 3)),
            kind: ProductKind::Device,
        })
        .collect()
}
