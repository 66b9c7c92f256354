//! Country cells to ISO 3166-1 alpha-2 codes: a code (`us`, `UK` for GB), a three-letter code
//! of the countries in `countries.tsv`, or an English or Chinese name from it. Regional
//! offices (`EP`, `WO`, `EA`, `AP`, `OA`) are not countries, so they are reported, not passed.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Every ISO 3166-1 alpha-2 code, officially assigned.
const ISO_CODES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN \
BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE \
EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU \
ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY \
MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM \
PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS \
ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS \
YE YT ZA ZM ZW";

/// Names and codes (lowercased, punctuation dropped) to the alpha-2 code.
fn names() -> &'static HashMap<String, &'static str> {
    static NAMES: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut map = HashMap::new();
        for code in ISO_CODES.split_whitespace() {
            map.insert(key(code), code);
        }
        map.insert("uk".to_owned(), "GB");
        for line in include_str!("countries.tsv").lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(code), Some(alpha3), Some(en), Some(zh)) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            for name in std::iter::once(alpha3)
                .chain(en.split(';'))
                .chain(zh.split(';'))
            {
                map.insert(key(name), code);
            }
        }
        map
    })
}

fn key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The alpha-2 code of a country cell, when it names a country.
#[must_use]
pub fn country_code(text: &str) -> Option<&'static str> {
    let k = key(text);
    if k.is_empty() || k.len() > 120 {
        return None;
    }
    names().get(&k).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_in_both_languages() {
        for (text, code) in [
            ("US", "US"),
            ("us", "US"),
            (" USA ", "US"),
            ("United States of America", "US"),
            ("U.S.", "US"),
            ("UK", "GB"),
            ("Korea, Republic of", "KR"),
            ("韩国", "KR"),
            ("中国", "CN"),
            ("P.R. China", "CN"),
            ("DEU", "DE"),
            ("Deutschland ", "DE"),
            ("Türkiye", "TR"),
            ("ZW", "ZW"),
        ] {
            assert_eq!(country_code(text), Some(code), "{text}");
        }
    }

    #[test]
    fn offices_and_unknown_names_are_not_countries() {
        for text in ["EP", "WO", "EA", "", "Atlantis", "XX", "U", "中"] {
            assert_eq!(country_code(text), None, "{text}");
        }
    }
}
