//! Reading datasets and usage profiles from JSON: shapes, types and field-level checks. Rules
//! that relate several parts of a dataset are in `validate`. Rate lines are read in `rate`,
//! usage profiles and sales in `usage`.

mod rate;
mod usage;

pub(crate) use rate::read_rate;
pub(crate) use usage::read_usage_file;

use rust_decimal::Decimal;

use crate::io::json::{
    FromJson, Obj, Reader, Value, check_amount, check_country, check_fraction, check_id,
    needs_version_2,
};
use crate::model::applies_to::AppliesTo;
use crate::model::dataset::{
    DATASET_FORMAT, Dataset, Discount, Distribution, GroupCap, Licensee, ManagementFee, Member,
    Method, Patent, PatentStatus, PoolInfo, Product, RateLine, RateSchedule, Region, Source,
    Uncovered,
};
use crate::model::date::Date;
use crate::model::in_force::InForceRule;
use crate::model::issue::Path;
use crate::model::service::ProductKind;
use crate::model::version::LATEST_VERSION;

pub(crate) fn id(o: &mut Obj<'_, '_>, r: &mut Reader, key: &'static str) -> Option<String> {
    let v = o.req::<String>(r, key)?;
    check_id(r, &o.at(key), &v);
    Some(v)
}

pub(crate) fn country(o: &mut Obj<'_, '_>, r: &mut Reader, key: &'static str) -> Option<String> {
    let v = o.req::<String>(r, key)?;
    check_country(r, &o.at(key), &v);
    Some(v)
}

pub(crate) fn amount(o: &mut Obj<'_, '_>, r: &mut Reader, key: &'static str) -> Option<Decimal> {
    let v = o.req::<Decimal>(r, key)?;
    check_amount(r, &o.at(key), v);
    Some(v)
}

pub(crate) fn opt_amount(
    o: &mut Obj<'_, '_>,
    r: &mut Reader,
    key: &'static str,
) -> Option<Option<Decimal>> {
    let v = o.opt::<Decimal>(r, key)?;
    if let Some(d) = v {
        check_amount(r, &o.at(key), d);
    }
    Some(v)
}

pub(crate) fn fraction(o: &mut Obj<'_, '_>, r: &mut Reader, key: &'static str) -> Option<Decimal> {
    let v = o.req::<Decimal>(r, key)?;
    check_fraction(r, &o.at(key), v);
    Some(v)
}

/// A name from a fixed list of JSON names.
/// `currency` (an ISO 4217 code) and `currency_decimals` (at most 6) of a pool or a stack
/// product.
pub(crate) fn currency(
    o: &mut Obj<'_, '_>,
    r: &mut Reader,
) -> (Option<String>, Option<Option<u64>>) {
    let currency = o.req::<String>(r, "currency");
    if let Some(c) = &currency
        && !(c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))
    {
        r.issues.push(
            o.at("currency"),
            format!("\"{c}\" is not an ISO 4217 currency code such as \"USD\" or \"CNY\""),
        );
    }
    let decimals = o.opt::<u64>(r, "currency_decimals");
    if let Some(Some(d)) = decimals
        && d > 6
    {
        r.issues.push(
            o.at("currency_decimals"),
            "at most 6 decimals are supported",
        );
    }
    (currency, decimals)
}

pub(crate) fn choice<T: Copy>(
    o: &mut Obj<'_, '_>,
    r: &mut Reader,
    key: &'static str,
    all: &[(T, &'static str)],
    default: T,
) -> Option<T> {
    let name = o.opt::<String>(r, key)?;
    let Some(name) = name else {
        return Some(default);
    };
    let found = all.iter().find(|(_, n)| *n == name).map(|(v, _)| *v);
    if found.is_none() {
        let names: Vec<&str> = all.iter().map(|(_, n)| *n).collect();
        r.issues.push(
            o.at(key),
            format!("\"{name}\" is not one of: {}", names.join(", ")),
        );
    }
    found
}

/// Checks the `format` and `version` header of a file whose format has only version 1.
pub(crate) fn header(o: &mut Obj<'_, '_>, r: &mut Reader, format: &str) -> Option<()> {
    versioned_header(o, r, format, 1).map(|_| ())
}

/// Checks the `format` and `version` header of a dataset or usage profile (versions 1 and
/// 2) and reads the rest of the file as its version says.
pub(crate) fn dataset_header(o: &mut Obj<'_, '_>, r: &mut Reader, format: &str) -> Option<()> {
    let version = versioned_header(o, r, format, LATEST_VERSION)?;
    r.version = version;
    Some(())
}

/// Checks a header whose version is 1 to `latest`; returns the version.
fn versioned_header(o: &mut Obj<'_, '_>, r: &mut Reader, format: &str, latest: u64) -> Option<u64> {
    // Both read before either is required, so an empty object lists every missing field.
    let (f, v) = (o.req::<String>(r, "format"), o.req::<u64>(r, "version"));
    let (f, v) = (f?, v?);
    if f != format {
        r.issues.push(
            o.at("format"),
            format!("expected \"{format}\", found \"{f}\""),
        );
        return None;
    }
    if !(1..=latest).contains(&v) {
        // Version numbers as words: "version 1", "versions 1 and 2".
        let earlier: Vec<String> = (1..latest).map(|n| n.to_string()).collect();
        let reads = if earlier.is_empty() {
            "version 1".to_owned()
        } else {
            format!("versions {} and {latest}", earlier.join(", "))
        };
        r.issues.push(
            o.at("version"),
            format!("version {v} is not supported (this program reads {reads})"),
        );
        return None;
    }
    Some(v)
}

/// Reads a dataset document (shape and field checks only).
pub(crate) fn read_dataset(r: &mut Reader, v: &Value<'_>) -> Option<Dataset> {
    let mut o = r.object(v, &Path::Root)?;
    let head = dataset_header(&mut o, r, DATASET_FORMAT);
    let pool = o.req::<PoolInfo>(r, "pool");
    let regions = o.list::<Region>(r, "regions");
    let members = o.req::<Vec<Member>>(r, "members");
    let patents = o.req::<Vec<Patent>>(r, "patents");
    let products = o.req::<Vec<Product>>(r, "products");
    let rate_schedules = o.req::<Vec<RateSchedule>>(r, "rate_schedules");
    let distribution = o.req::<Distribution>(r, "distribution");
    let licensees = o.list::<Licensee>(r, "licensees");
    o.finish(r);
    head?;
    Some(Dataset {
        pool: pool?,
        regions: regions?,
        members: members?,
        patents: patents?,
        products: products?,
        rate_schedules: rate_schedules?,
        distribution: distribution?,
        licensees: licensees?,
    })
}

impl FromJson for PoolInfo {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let id = id(&mut o, r, "id");
        let name = o.req(r, "name");
        let administrator = o.opt(r, "administrator");
        let standards = o.list::<String>(r, "standards");
        let (currency, decimals) = currency(&mut o, r);
        let as_of = o.opt(r, "as_of");
        let sources = o.list::<Source>(r, "sources");
        let illustrative = o.opt::<bool>(r, "illustrative");
        let notes = o.opt(r, "notes");
        let max_rate_rise = o.opt_v2::<Decimal>(r, "max_rate_rise");
        if let Some(Some(m)) = max_rate_rise {
            check_amount(r, &o.at("max_rate_rise"), m);
        }
        o.finish(r);
        Some(PoolInfo {
            id: id?,
            name: name?,
            administrator: administrator?,
            standards: standards?,
            currency: currency?,
            currency_decimals: decimals?
                .and_then(|d| u32::try_from(d.min(6)).ok())
                .unwrap_or_else(crate::model::dataset::default_decimals),
            as_of: as_of?,
            sources: sources?,
            illustrative: illustrative?.unwrap_or(false),
            notes: notes?,
            max_rate_rise: max_rate_rise?,
        })
    }
}

impl FromJson for Source {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let title = o.req(r, "title");
        let url = o.opt(r, "url");
        o.finish(r);
        Some(Source {
            title: title?,
            url: url?,
        })
    }
}

impl FromJson for Region {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let id = id(&mut o, r, "id");
        if id.as_deref() == Some(crate::model::dataset::ANY_REGION) {
            r.issues.push(
                o.at("id"),
                "\"*\" is reserved for lines that apply everywhere",
            );
        }
        let name = o.req(r, "name");
        let default = o.opt::<bool>(r, "default");
        let has_countries = o.has("countries");
        let countries = o.list::<String>(r, "countries");
        if let Some(cs) = &countries {
            for (i, c) in cs.iter().enumerate() {
                check_country(r, &Path::Index(&o.at("countries"), i), c);
            }
        }
        let is_default = default?.unwrap_or(false);
        if is_default && countries.as_ref().is_some_and(|c| !c.is_empty()) {
            r.issues.push(
                o.at("countries"),
                "the default region takes every country no region lists; give it no country list",
            );
        }
        if !is_default && !has_countries {
            r.issues.push(
                o.path(),
                "a region needs a `countries` list, or `\"default\": true`",
            );
        }
        let user_weight = opt_amount_v2(&mut o, r, "user_weight");
        o.finish(r);
        Some(Region {
            id: id?,
            name: name?,
            countries: countries?,
            default: is_default,
            user_weight: user_weight?,
        })
    }
}

impl FromJson for Member {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let id = id(&mut o, r, "id");
        let name = o.req(r, "name");
        let country = country(&mut o, r, "country");
        let joined = o.req::<Date>(r, "joined");
        let exited = o.opt::<Date>(r, "exited");
        if let (Some(j), Some(Some(e))) = (joined, exited)
            && e <= j
        {
            r.issues.push(
                o.at("exited"),
                format!("exited {e} is not after joined {j}"),
            );
        }
        o.finish(r);
        Some(Member {
            id: id?,
            name: name?,
            country: country?,
            joined: joined?,
            exited: exited?,
        })
    }
}

impl FromJson for Patent {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let id = id(&mut o, r, "id");
        let member = o.req::<String>(r, "member");
        let family = o.opt::<String>(r, "family");
        let country = country(&mut o, r, "country");
        let number = o.req::<String>(r, "number");
        let granted = o.opt::<Date>(r, "granted");
        let expires = o.req::<Date>(r, "expires");
        if let (Some(Some(g)), Some(e)) = (granted, expires)
            && e <= g
        {
            r.issues.push(
                o.at("expires"),
                format!("expires {e} is not after granted {g}"),
            );
        }
        let status = choice(
            &mut o,
            r,
            "status",
            &PatentStatus::ALL,
            PatentStatus::InForce,
        );
        let weight = o.opt::<Decimal>(r, "weight");
        if let Some(Some(w)) = weight {
            check_amount(r, &o.at("weight"), w);
        }
        let standards = o.list::<String>(r, "standards");
        o.finish(r);
        Some(Patent {
            id: id?,
            member: member?,
            family: family?,
            country: country?,
            number: number?,
            granted: granted?,
            expires: expires?,
            status: status?,
            weight: weight?.unwrap_or_else(crate::model::dataset::default_weight),
            standards: standards?,
        })
    }
}

impl FromJson for Product {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let id = id(&mut o, r, "id");
        let name = o.req(r, "name");
        let unit = o.opt(r, "unit");
        let typical_price = opt_amount(&mut o, r, "typical_price");
        let margin = o.opt::<Decimal>(r, "industry_margin");
        if let Some(Some(m)) = margin {
            check_fraction(r, &o.at("industry_margin"), m);
        }
        let kind = if r.version < 2 && o.has("kind") {
            r.issues.push(o.at("kind"), needs_version_2("`kind`"));
            None
        } else {
            choice(&mut o, r, "kind", &ProductKind::ALL, ProductKind::Device)
        };
        o.finish(r);
        Some(Product {
            id: id?,
            name: name?,
            unit: unit?.unwrap_or_else(crate::model::dataset::default_unit),
            typical_price: typical_price?,
            industry_margin: margin?,
            kind: kind?,
        })
    }
}

impl FromJson for RateSchedule {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let id = id(&mut o, r, "id");
        let from_year = o.req::<i32>(r, "from_year");
        let to_year = o.opt::<i32>(r, "to_year");
        if let (Some(f), Some(Some(t))) = (from_year, to_year)
            && t < f
        {
            r.issues.push(
                o.at("to_year"),
                format!("to_year {t} is before from_year {f}"),
            );
        }
        let lines = o.req::<Vec<RateLine>>(r, "lines");
        let discounts = o.list::<Discount>(r, "discounts");
        let group_caps = o.list::<GroupCap>(r, "group_caps");
        let annual_cap = opt_amount(&mut o, r, "annual_cap");
        let requires = o.opt::<InForceRule>(r, "requires_patent_in_force");
        let applies_to = o.opt_v2::<AppliesTo>(r, "applies_to");
        o.finish(r);
        Some(RateSchedule {
            id: id?,
            from_year: from_year?,
            to_year: to_year?,
            lines: lines?,
            discounts: discounts?,
            group_caps: group_caps?,
            annual_cap: annual_cap?,
            requires_patent_in_force: requires?.unwrap_or_default(),
            applies_to: applies_to?,
        })
    }
}

/// `false`, `true` and (version 2) `"sale"` or `"made_or_sold"`.
impl FromJson for InForceRule {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let rule = match v {
            Value::Bool(false) => return Some(InForceRule::Off),
            Value::Bool(true) => return Some(InForceRule::Sale),
            Value::String(s) if s == "sale" => InForceRule::Sale,
            Value::String(s) if s == "made_or_sold" => InForceRule::MadeOrSold,
            Value::String(s) => {
                r.issues.push(
                    path,
                    format!("\"{s}\" is not one of: false, true, \"sale\", \"made_or_sold\""),
                );
                return None;
            }
            other => {
                r.expected(path, "true, false, \"sale\" or \"made_or_sold\"", other);
                return None;
            }
        };
        if r.version < 2 {
            let name = if rule == InForceRule::Sale {
                "sale"
            } else {
                "made_or_sold"
            };
            r.issues.push(path, needs_version_2(&format!("\"{name}\"")));
            return None;
        }
        Some(rule)
    }
}

impl FromJson for AppliesTo {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let before = o.opt::<Date>(r, "signed_before");
        let from = o.opt::<Date>(r, "signed_from");
        if let (Some(Some(f)), Some(Some(b))) = (from, before)
            && f >= b
        {
            r.issues.push(
                o.at("signed_from"),
                format!("signed_from {f} is not before signed_before {b}: no licensee could sign in between"),
            );
        }
        o.finish(r);
        Some(AppliesTo {
            signed_before: before?,
            signed_from: from?,
        })
    }
}

/// An optional amount that version 2 added.
pub(crate) fn opt_amount_v2(
    o: &mut Obj<'_, '_>,
    r: &mut Reader,
    key: &'static str,
) -> Option<Option<Decimal>> {
    let v = o.opt_v2::<Decimal>(r, key)?;
    if let Some(d) = v {
        check_amount(r, &o.at(key), d);
    }
    Some(v)
}

impl FromJson for Discount {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let id = id(&mut o, r, "id");
        let percent = fraction(&mut o, r, "percent");
        let signed_before = o.req(r, "signed_before");
        o.finish(r);
        Some(Discount {
            id: id?,
            percent: percent?,
            signed_before: signed_before?,
        })
    }
}

impl FromJson for GroupCap {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let id = id(&mut o, r, "id");
        let products = o.req(r, "products");
        let amount = amount(&mut o, r, "amount");
        o.finish(r);
        Some(GroupCap {
            id: id?,
            products: products?,
            amount: amount?,
        })
    }
}

impl FromJson for Distribution {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let fee = o.req::<ManagementFee>(r, "management_fee");
        let method = o.req::<String>(r, "method");
        let method = method.and_then(|m| {
            let parsed = Method::parse(&m);
            if parsed.is_none() {
                r.issues.push(
                    o.at("method"),
                    format!(
                        "\"{m}\" is not one of: per_patent, per_family, weighted, country_of_sale"
                    ),
                );
            }
            parsed
        });
        let uncovered = choice(
            &mut o,
            r,
            "uncovered",
            &[
                (Uncovered::ProRata, "pro_rata"),
                (Uncovered::Retained, "retained"),
            ],
            Uncovered::ProRata,
        );
        o.finish(r);
        Some(Distribution {
            management_fee: fee?,
            method: method?,
            uncovered: uncovered?,
        })
    }
}

impl FromJson for ManagementFee {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let percent = fraction(&mut o, r, "percent");
        let min = opt_amount(&mut o, r, "min");
        let max = opt_amount(&mut o, r, "max");
        if let (Some(Some(lo)), Some(Some(hi))) = (min, max)
            && hi < lo
        {
            r.issues
                .push(o.at("max"), format!("max {hi} is below min {lo}"));
        }
        o.finish(r);
        Some(ManagementFee {
            percent: percent?,
            min: min?,
            max: max?,
        })
    }
}
