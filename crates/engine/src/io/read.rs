//! Reading datasets and usage profiles from JSON: shapes, types and field-level checks. Rules
//! that relate several parts of a dataset are in `validate`. Rate schedules are read in
//! `schedule`, their lines in `rate`, usage profiles and sales in `usage`.

mod fields;
mod rate;
mod schedule;
mod usage;

pub(crate) use fields::{
    amount, choice, country, currency, dataset_header, fraction, header, id, opt_amount,
    opt_amount_v2,
};
pub(crate) use rate::read_rate;
pub(crate) use usage::read_usage_file;

use rust_decimal::Decimal;

use crate::io::json::{
    FromJson, Reader, Value, check_amount, check_country, check_fraction, needs_version_2,
};
use crate::model::dataset::{
    DATASET_FORMAT, Dataset, Distribution, Licensee, ManagementFee, Member, Method, Patent,
    PatentStatus, PoolInfo, Product, RateSchedule, Region, Source, Uncovered,
};
use crate::model::date::Date;
use crate::model::issue::Path;
use crate::model::service::ProductKind;

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
