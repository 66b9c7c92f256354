//! The patent list: its filter (text, member, country, status, years) and positions.

use poolcalc_engine::model::dataset::Dataset;
use poolcalc_engine::model::dataset::PatentStatus;

/// A patent search: every field that is set must match.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PatentFilter {
    /// Text found (any case) in the patent's id, number or family.
    pub text: String,
    /// Owning member's id.
    pub member: Option<String>,
    /// Country of grant.
    pub country: Option<String>,
    /// Legal status.
    pub status: Option<PatentStatus>,
    /// Family id, exactly.
    pub family: Option<String>,
    /// Expiring in this year or later.
    pub expires_from: Option<i32>,
    /// Expiring in this year or earlier.
    pub expires_to: Option<i32>,
}

impl PatentFilter {
    /// Reads a filter from URL query pairs (`q`, `member`, `country`, `status`, `family`,
    /// `expires_from`, `expires_to`). Empty or unreadable values are left unset, so a
    /// hand-edited link still opens.
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> PatentFilter {
        let mut f = PatentFilter::default();
        let text = |v: &str| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
        for (k, v) in pairs {
            match k {
                "q" => v.trim().clone_into(&mut f.text),
                "member" => f.member = text(v),
                "country" => f.country = text(v).map(|c| c.to_uppercase()),
                "status" => {
                    f.status = PatentStatus::ALL
                        .iter()
                        .find(|(_, n)| *n == v.trim())
                        .map(|(s, _)| *s);
                }
                "family" => f.family = text(v),
                "expires_from" => f.expires_from = v.trim().parse().ok(),
                "expires_to" => f.expires_to = v.trim().parse().ok(),
                _ => {}
            }
        }
        f
    }

    /// The query pairs that [`Self::from_query`] reads back, unset fields left out.
    #[must_use]
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut q = Vec::new();
        if !self.text.is_empty() {
            q.push(("q", self.text.clone()));
        }
        if let Some(m) = &self.member {
            q.push(("member", m.clone()));
        }
        if let Some(c) = &self.country {
            q.push(("country", c.clone()));
        }
        if let Some(s) = self.status {
            q.push(("status", s.as_str().to_owned()));
        }
        if let Some(f) = &self.family {
            q.push(("family", f.clone()));
        }
        if let Some(y) = self.expires_from {
            q.push(("expires_from", y.to_string()));
        }
        if let Some(y) = self.expires_to {
            q.push(("expires_to", y.to_string()));
        }
        q
    }

    /// Whether nothing is filtered.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == PatentFilter::default()
    }
}

/// Positions (in dataset order) of the patents of `d` that match `f`.
#[must_use]
pub fn filter_patents(d: &Dataset, f: &PatentFilter) -> Vec<u32> {
    let needle = Needle::new(&f.text);
    d.patents
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            f.member.as_ref().is_none_or(|m| p.member == *m)
                && f.country.as_ref().is_none_or(|c| p.country == *c)
                && f.status.is_none_or(|s| p.status == s)
                && f.family
                    .as_ref()
                    .is_none_or(|fam| p.family.as_ref() == Some(fam))
                && f.expires_from.is_none_or(|y| p.expires.year() >= y)
                && f.expires_to.is_none_or(|y| p.expires.year() <= y)
                && (needle.is_empty()
                    || needle.found_in(&p.id)
                    || needle.found_in(&p.number)
                    || p.family.as_deref().is_some_and(|fam| needle.found_in(fam)))
        })
        .filter_map(|(i, _)| u32::try_from(i).ok())
        .collect()
}

/// The position of the patent with id `id`.
#[must_use]
pub fn patent_position(d: &Dataset, id: &str) -> Option<usize> {
    d.patents.iter().position(|p| p.id == id)
}

/// Case-insensitive substring search that allocates nothing per candidate for ASCII queries,
/// which is what keeps a search of 100,000 patents within a frame.
pub(super) struct Needle {
    lower: String,
    ascii: bool,
}

impl Needle {
    pub(super) fn new(query: &str) -> Needle {
        let lower = query.trim().to_lowercase();
        Needle {
            ascii: lower.is_ascii(),
            lower,
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.lower.is_empty()
    }

    pub(super) fn found_in(&self, hay: &str) -> bool {
        if self.lower.is_empty() {
            return true;
        }
        if self.ascii {
            let n = self.lower.as_bytes();
            hay.as_bytes()
                .windows(n.len())
                .any(|w| w.eq_ignore_ascii_case(n))
        } else {
            hay.to_lowercase().contains(&self.lower)
        }
    }
}
