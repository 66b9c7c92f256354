//! Country names in both UI languages for the ISO 3166-1 alpha-2 codes sales are entered
//! with. Small on purpose: the codes the bundled datasets use and the larger markets. A code
//! not listed is shown as the code itself (datasets may use any two capital letters).

/// (code, English, 简体中文), sorted by code.
pub const COUNTRIES: &[(&str, &str, &str)] = &[
    ("AE", "United Arab Emirates", "阿联酋"),
    ("AR", "Argentina", "阿根廷"),
    ("AT", "Austria", "奥地利"),
    ("AU", "Australia", "澳大利亚"),
    ("BD", "Bangladesh", "孟加拉国"),
    ("BE", "Belgium", "比利时"),
    ("BG", "Bulgaria", "保加利亚"),
    ("BR", "Brazil", "巴西"),
    ("CA", "Canada", "加拿大"),
    ("CH", "Switzerland", "瑞士"),
    ("CL", "Chile", "智利"),
    ("CN", "China", "中国"),
    ("CO", "Colombia", "哥伦比亚"),
    ("CY", "Cyprus", "塞浦路斯"),
    ("CZ", "Czechia", "捷克"),
    ("DE", "Germany", "德国"),
    ("DK", "Denmark", "丹麦"),
    ("EE", "Estonia", "爱沙尼亚"),
    ("EG", "Egypt", "埃及"),
    ("ES", "Spain", "西班牙"),
    ("FI", "Finland", "芬兰"),
    ("FR", "France", "法国"),
    ("GB", "United Kingdom", "英国"),
    ("GH", "Ghana", "加纳"),
    ("GR", "Greece", "希腊"),
    ("HK", "Hong Kong, China", "中国香港"),
    ("HR", "Croatia", "克罗地亚"),
    ("HU", "Hungary", "匈牙利"),
    ("ID", "Indonesia", "印度尼西亚"),
    ("IE", "Ireland", "爱尔兰"),
    ("IL", "Israel", "以色列"),
    ("IN", "India", "印度"),
    ("IS", "Iceland", "冰岛"),
    ("IT", "Italy", "意大利"),
    ("JP", "Japan", "日本"),
    ("KE", "Kenya", "肯尼亚"),
    ("KH", "Cambodia", "柬埔寨"),
    ("KR", "Korea, Republic of", "韩国"),
    ("LA", "Laos", "老挝"),
    ("LT", "Lithuania", "立陶宛"),
    ("LU", "Luxembourg", "卢森堡"),
    ("LV", "Latvia", "拉脱维亚"),
    ("MO", "Macao, China", "中国澳门"),
    ("MT", "Malta", "马耳他"),
    ("MX", "Mexico", "墨西哥"),
    ("MY", "Malaysia", "马来西亚"),
    ("NG", "Nigeria", "尼日利亚"),
    ("NL", "Netherlands", "荷兰"),
    ("NO", "Norway", "挪威"),
    ("NZ", "New Zealand", "新西兰"),
    ("PE", "Peru", "秘鲁"),
    ("PH", "Philippines", "菲律宾"),
    ("PK", "Pakistan", "巴基斯坦"),
    ("PL", "Poland", "波兰"),
    ("PT", "Portugal", "葡萄牙"),
    ("RO", "Romania", "罗马尼亚"),
    ("RU", "Russia", "俄罗斯"),
    ("SA", "Saudi Arabia", "沙特阿拉伯"),
    ("SE", "Sweden", "瑞典"),
    ("SG", "Singapore", "新加坡"),
    ("SI", "Slovenia", "斯洛文尼亚"),
    ("SK", "Slovakia", "斯洛伐克"),
    ("TH", "Thailand", "泰国"),
    ("TR", "Türkiye", "土耳其"),
    ("TW", "Taiwan, China", "中国台湾"),
    ("UA", "Ukraine", "乌克兰"),
    ("US", "United States", "美国"),
    ("VN", "Viet Nam", "越南"),
    ("ZA", "South Africa", "南非"),
];

/// The country's name in `lang` ("en", "zh"), or `None` for a code not listed.
pub fn name(code: &str, lang: &str) -> Option<&'static str> {
    COUNTRIES
        .binary_search_by(|(c, _, _)| (*c).cmp(code))
        .ok()
        .map(|i| {
            if lang == "zh" {
                COUNTRIES[i].2
            } else {
                COUNTRIES[i].1
            }
        })
}

/// "China (CN)", or the code alone when the name is unknown.
pub fn label(code: &str, lang: &str) -> String {
    match name(code, lang) {
        Some(n) => format!("{n} ({code})"),
        None => code.to_owned(),
    }
}

/// The code for what someone typed: a code in any case, or a name in either language.
pub fn code_for(typed: &str) -> Option<&'static str> {
    let t = typed.trim();
    COUNTRIES
        .iter()
        .find(|(c, en, zh)| c.eq_ignore_ascii_case(t) || en.eq_ignore_ascii_case(t) || *zh == t)
        .map(|(c, _, _)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_for_binary_search_and_found_both_ways() {
        assert!(COUNTRIES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(name("CN", "zh"), Some("中国"));
        assert_eq!(name("DE", "en"), Some("Germany"));
        assert_eq!(name("XX", "en"), None);
        assert_eq!(code_for("germany"), Some("DE"));
        assert_eq!(code_for("美国"), Some("US"));
        assert_eq!(code_for("kr"), Some("KR"));
        assert_eq!(label("XX", "en"), "XX");
    }
}
