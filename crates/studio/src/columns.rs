//! The patent fields a column can hold and the English and Chinese header names that say so.

/// A patent field a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// Patent (publication or grant) number.
    Number,
    /// Country of grant.
    Country,
    /// Licensor (owner), becomes a member.
    Member,
    /// Patent family.
    Family,
    /// Grant date.
    Granted,
    /// Expiry date.
    Expires,
    /// Legal status.
    Status,
    /// Weight.
    Weight,
    /// Claim number, in lists with one row per claim.
    Claim,
}

impl Field {
    /// Every field, in the order a mapping is shown.
    pub const ALL: [Field; 9] = [
        Field::Number,
        Field::Country,
        Field::Member,
        Field::Family,
        Field::Granted,
        Field::Expires,
        Field::Status,
        Field::Weight,
        Field::Claim,
    ];

    /// The dataset field name (`claim` is not one: it counts claims).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Field::Number => "number",
            Field::Country => "country",
            Field::Member => "member",
            Field::Family => "family",
            Field::Granted => "granted",
            Field::Expires => "expires",
            Field::Status => "status",
            Field::Weight => "weight",
            Field::Claim => "claim",
        }
    }

    /// The field with this name.
    #[must_use]
    pub fn parse(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Header names (compared without case, spaces and punctuation).
    fn headers(self) -> &'static [&'static str] {
        match self {
            Field::Number => &[
                "patent number",
                "patent no",
                "patent #",
                "patent",
                "number",
                "patent nr",
                "publication number",
                "grant number",
                "patent/application number",
                "专利号",
                "专利号码",
                "专利编号",
                "公开号",
                "公告号",
                "授权公告号",
                "号码",
            ],
            Field::Country => &[
                "country",
                "country code",
                "jurisdiction",
                "country/region",
                "nation",
                "国家",
                "国家/地区",
                "国家或地区",
                "地区",
                "国别",
                "国家代码",
            ],
            Field::Member => &[
                "licensor",
                "licensors",
                "owner",
                "patent owner",
                "patent holder",
                "holder",
                "assignee",
                "current assignee",
                "proprietor",
                "licensor name",
                "member",
                "权利人",
                "专利权人",
                "许可方",
                "许可人",
                "所有人",
                "专利所有人",
                "申请人",
                "成员",
            ],
            Field::Family => &[
                "family",
                "family id",
                "patent family",
                "family number",
                "同族",
                "专利族",
                "同族号",
            ],
            Field::Granted => &[
                "granted",
                "grant date",
                "issue date",
                "date of grant",
                "issued",
                "授权日",
                "授权日期",
                "授权公告日",
            ],
            Field::Expires => &[
                "expires",
                "expiration",
                "expiration date",
                "expiry",
                "expiry date",
                "est exp date",
                "estimated expiration",
                "estimated expiration date",
                "expected expiration",
                "exp date",
                "到期日",
                "届满日",
                "失效日",
                "有效期至",
                "预计到期日",
                "到期日期",
                "专利到期日",
            ],
            Field::Status => &[
                "status",
                "legal status",
                "patent status",
                "状态",
                "法律状态",
            ],
            Field::Weight => &["weight", "权重"],
            Field::Claim => &[
                "claim number",
                "claim",
                "claim no",
                "claims",
                "权利要求",
                "权利要求号",
            ],
        }
    }
}

/// Headers compared without case, spaces and punctuation.
pub(crate) fn header_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric() || *c == '#')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The field a header names, if any.
#[must_use]
pub fn detect(header: &str) -> Option<Field> {
    let k = header_key(header);
    if k.is_empty() {
        return None;
    }
    Field::ALL
        .into_iter()
        .find(|f| f.headers().iter().any(|h| header_key(h) == k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_chinese_headers_are_detected() {
        for (h, f) in [
            ("Patent Number", Field::Number),
            ("Patent No.", Field::Number),
            ("专利号", Field::Number),
            ("Country", Field::Country),
            ("国家/地区", Field::Country),
            ("Licensor", Field::Member),
            ("Owner", Field::Member),
            ("专利权人", Field::Member),
            ("权利人", Field::Member),
            ("Expiration Date", Field::Expires),
            ("Est. Exp. Date", Field::Expires),
            ("到期日", Field::Expires),
            ("Grant Date", Field::Granted),
            ("授权日", Field::Granted),
            ("Family ID", Field::Family),
            ("法律状态", Field::Status),
            ("Claim Number", Field::Claim),
        ] {
            assert_eq!(detect(h), Some(f), "{h}");
        }
        assert_eq!(detect("Category"), None);
        assert_eq!(detect("Count (Claims)"), None);
    }
}
