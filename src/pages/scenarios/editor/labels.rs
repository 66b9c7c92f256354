//! The words of the form: the options of each choice, and the labels of kinds, methods and
//! fields, in the UI language.

use poolcalc_engine::Method;

use super::kinds::Src;
use crate::i18n::t_string;
use crate::state::LoadedDataset;

/// Options of a choice: (value, label).
pub fn options(src: Src, ds: &LoadedDataset, lang: &str, i18n: I18n) -> Vec<(String, String)> {
    let d = ds.dataset();
    let ids = |list: Vec<String>| {
        let mut l = list;
        l.dedup();
        l.into_iter().map(|x| (x.clone(), x)).collect::<Vec<_>>()
    };
    match src {
        Src::Schedules => d
            .rate_schedules
            .iter()
            .map(|s| {
                let to = s.to_year.map(|y| y.to_string()).unwrap_or_default();
                (s.id.clone(), format!("{} ({}–{to})", s.id, s.from_year))
            })
            .collect(),
        Src::Products => d
            .products
            .iter()
            .map(|p| (p.id.clone(), p.name.get(lang).to_owned()))
            .collect(),
        Src::AnyRegion => {
            std::iter::once(("*".to_owned(), t_string!(i18n, scen_any_region).to_owned()))
                .chain(
                    d.regions
                        .iter()
                        .map(|r| (r.id.clone(), r.name.get(lang).to_owned())),
                )
                .collect()
        }
        Src::Members => d
            .members
            .iter()
            .map(|m| (m.id.clone(), m.name.get(lang).to_owned()))
            .collect(),
        Src::Discounts => {
            let mut l: Vec<String> = d
                .rate_schedules
                .iter()
                .flat_map(|s| s.discounts.iter().map(|x| x.id.clone()))
                .collect();
            l.sort();
            ids(l)
        }
        Src::Methods => Method::ALL
            .iter()
            .map(|(m, name)| ((*name).to_owned(), method_label(i18n, *m).to_owned()))
            .collect(),
        Src::Uncovered => vec![
            ("pro_rata".into(), t_string!(i18n, scen_u_pro_rata).into()),
            ("retained".into(), t_string!(i18n, scen_u_retained).into()),
        ],
        Src::RateKinds => vec![
            ("per_unit".into(), t_string!(i18n, scen_r_per_unit).into()),
            ("tiers".into(), t_string!(i18n, scen_r_tiers).into()),
            (
                "percent_of_price".into(),
                t_string!(i18n, scen_r_percent).into(),
            ),
        ],
        Src::TierModes => vec![
            ("marginal".into(), t_string!(i18n, scen_t_marginal).into()),
            ("all_units".into(), t_string!(i18n, scen_t_all_units).into()),
        ],
    }
}

pub type I18n = leptos_i18n::I18nContext<crate::i18n::Locale>;

pub fn method_label(i18n: I18n, m: Method) -> &'static str {
    match m {
        Method::PerPatent => t_string!(i18n, scen_m_per_patent),
        Method::PerFamily => t_string!(i18n, scen_m_per_family),
        Method::Weighted => t_string!(i18n, scen_m_weighted),
        Method::CountryOfSale => t_string!(i18n, scen_m_country_of_sale),
    }
}

pub fn kind_label(i18n: I18n, kind: &str) -> &'static str {
    match kind {
        "scale_rates" => t_string!(i18n, scen_k_scale_rates),
        "set_rate" => t_string!(i18n, scen_k_set_rate),
        "set_annual_cap" => t_string!(i18n, scen_k_set_annual_cap),
        "set_group_cap" => t_string!(i18n, scen_k_set_group_cap),
        "set_discount" => t_string!(i18n, scen_k_set_discount),
        "remove_discount" => t_string!(i18n, scen_k_remove_discount),
        "set_management_fee" => t_string!(i18n, scen_k_set_management_fee),
        "set_method" => t_string!(i18n, scen_k_set_method),
        "scale_volumes" => t_string!(i18n, scen_k_scale_volumes),
        "add_member" => t_string!(i18n, scen_k_add_member),
        _ => t_string!(i18n, scen_k_remove_member),
    }
}

pub fn field_label(i18n: I18n, kind: &str, path: &str) -> &'static str {
    let last = path.rsplit(['.', ']']).next().unwrap_or(path);
    if path.starts_with("patents[") {
        return match last {
            "id" => t_string!(i18n, scen_f_patent_id),
            "country" => t_string!(i18n, scen_f_patent_country),
            "number" => t_string!(i18n, scen_f_patent_number),
            "expires" => t_string!(i18n, scen_f_patent_expires),
            "family" => t_string!(i18n, scen_f_patent_family),
            _ => t_string!(i18n, scen_f_patent_weight),
        };
    }
    match (kind, path) {
        ("set_annual_cap", "amount") => t_string!(i18n, scen_f_annual_cap),
        ("set_group_cap", "amount") => t_string!(i18n, scen_f_group_cap),
        ("set_group_cap", "id") => t_string!(i18n, scen_f_group_cap_id),
        ("set_discount", "id") | ("remove_discount", "id") => t_string!(i18n, scen_f_discount_id),
        ("scale_volumes", "factor") => t_string!(i18n, scen_f_vol_factor),
        (_, "factor") => t_string!(i18n, scen_f_factor),
        (_, "schedule") => t_string!(i18n, scen_f_schedule),
        (_, "product") => t_string!(i18n, scen_f_product),
        (_, "products") => t_string!(i18n, scen_f_products),
        (_, "region") => t_string!(i18n, scen_f_region),
        (_, "rate_kind") => t_string!(i18n, scen_f_rate_kind),
        (_, "per_unit") => t_string!(i18n, scen_f_per_unit),
        (_, "tiers") => t_string!(i18n, scen_f_tiers),
        (_, "tier_mode") => t_string!(i18n, scen_f_tier_mode),
        (_, "percent_of_price") => t_string!(i18n, scen_f_percent_of_price),
        (_, "min_per_unit") => t_string!(i18n, scen_f_min_per_unit),
        (_, "max_per_unit") => t_string!(i18n, scen_f_max_per_unit),
        (_, "percent") => t_string!(i18n, scen_f_percent),
        (_, "signed_before") => t_string!(i18n, scen_f_signed_before),
        (_, "management_fee.percent") => t_string!(i18n, scen_f_fee_percent),
        (_, "management_fee.min") => t_string!(i18n, scen_f_fee_min),
        (_, "management_fee.max") => t_string!(i18n, scen_f_fee_max),
        (_, "method") => t_string!(i18n, scen_f_method),
        (_, "uncovered") => t_string!(i18n, scen_f_uncovered),
        (_, "growth") => t_string!(i18n, scen_f_growth),
        (_, "base_year") => t_string!(i18n, scen_f_base_year),
        (_, "member.id") => t_string!(i18n, scen_f_member_id),
        (_, "member.name") => t_string!(i18n, scen_f_member_name),
        (_, "member.country") => t_string!(i18n, scen_f_member_country),
        (_, "member.joined") => t_string!(i18n, scen_f_joined),
        (_, "member") => t_string!(i18n, scen_f_member),
        (_, "from") => t_string!(i18n, scen_f_from),
        _ => t_string!(i18n, scen_f_amount),
    }
}
