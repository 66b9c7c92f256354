//! The guideline passages the indicators speak to: the wording of the official interpretation
//! (2025-06-10) of the *Patent Pool Construction and Operation Guidelines*, quoted verbatim,
//! with an English rendering.

use serde::Serialize;

/// A passage of the guidelines' interpretation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PassageId {
    /// The market-based principle: stable income, self-sustaining.
    MarketBased,
    /// The interest-balance principle: no excessive rates squeezing average margins.
    InterestBalance,
    /// External licensing: what the royalty rate should weigh.
    RateSetting,
    /// The openness principle.
    Openness,
    /// The non-discrimination principle.
    NonDiscrimination,
    /// Revenue distribution by patents and contribution.
    Distribution,
    /// The management fee.
    ManagementFee,
    /// Information disclosure.
    Disclosure,
}

/// A quoted passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Passage {
    /// Which passage.
    pub id: PassageId,
    /// Where it stands in the interpretation.
    pub place_zh: &'static str,
    /// The same place in English.
    pub place_en: &'static str,
    /// The Chinese wording, verbatim.
    pub zh: &'static str,
    /// An English rendering.
    pub en: &'static str,
}

/// Every passage quoted.
pub const PASSAGES: [Passage; 8] = [
    Passage {
        id: PassageId::MarketBased,
        place_zh: "三、重点内容 · 建设原则 · 市场化原则",
        place_en: "III. Key content · principles · market-based",
        zh: "探索构建能够实现稳定收益、具有“自我造血”能力的商业化运营模式",
        en: "explore a commercial operating model that achieves stable income and can sustain itself",
    },
    Passage {
        id: PassageId::InterestBalance,
        place_zh: "三、重点内容 · 建设原则 · 利益平衡原则",
        place_en: "III. Key content · principles · interest balance",
        zh: "避免不合理的许可规则和过高的许可费率，过分压缩被许可企业的行业平均利润空间",
        en: "avoid unreasonable licensing rules and excessive royalty rates that unduly squeeze licensed enterprises' industry-average profit margin",
    },
    Passage {
        id: PassageId::RateSetting,
        place_zh: "三、重点内容 · 运营管理机制 · 许可收费机制",
        place_en: "III. Key content · mechanisms · licence fees",
        zh: "结合专利数量、专利价值、行业平均利润率、技术发展阶段等重要因素，确定专利许可费率",
        en: "set the royalty rate weighing patent count, patent value, the industry's average profit margin, the technology's stage and other important factors",
    },
    Passage {
        id: PassageId::Openness,
        place_zh: "三、重点内容 · 建设原则 · 开放性原则",
        place_en: "III. Key content · principles · openness",
        zh: "专利池应当面向国内外所有符合条件的专利权人平等开放",
        en: "the pool should be open on equal terms to every qualified patent holder, domestic or foreign",
    },
    Passage {
        id: PassageId::NonDiscrimination,
        place_zh: "三、重点内容 · 建设原则 · 无歧视原则",
        place_en: "III. Key content · principles · non-discrimination",
        zh: "确保所有专利实施者享有均等机会，按照公平合理无歧视的规则获得专利许可",
        en: "ensure every implementer has an equal opportunity to obtain a licence under fair, reasonable and non-discriminatory rules",
    },
    Passage {
        id: PassageId::Distribution,
        place_zh: "三、重点内容 · 运营管理机制 · 收益分配机制",
        place_en: "III. Key content · mechanisms · revenue distribution",
        zh: "确保权利人获取的许可收益与价值贡献度相匹配",
        en: "ensure the licence income a right holder receives matches the value it contributes",
    },
    Passage {
        id: PassageId::ManagementFee,
        place_zh: "三、重点内容 · 运营管理机制 · 收益分配机制",
        place_en: "III. Key content · mechanisms · revenue distribution",
        zh: "专利运营管理机构可从专利许可收入中提取管理费或者收取服务费",
        en: "the administrator may take a management fee out of licence income or charge a service fee",
    },
    Passage {
        id: PassageId::Disclosure,
        place_zh: "三、重点内容 · 运营管理机制 · 信息披露机制",
        place_en: "III. Key content · mechanisms · information disclosure",
        zh: "鼓励专利池适当公开相关信息，或者根据相关方的合理要求提供必要信息",
        en: "pools are encouraged to publish relevant information as appropriate, or to provide necessary information on a party's reasonable request",
    },
];

impl PassageId {
    /// The passage quoted.
    #[must_use]
    pub fn passage(self) -> &'static Passage {
        // Every id has its entry; the first stands in should the table ever miss one.
        PASSAGES
            .iter()
            .find(|p| p.id == self)
            .unwrap_or(&PASSAGES[0])
    }
}
