//! Licensor names into members: spellings that differ only in case, spaces or punctuation are
//! one member, and a merge table joins other spellings ("Dolby Labs" → "Dolby Laboratories").
//! Member ids are made from the name (`dolby-laboratories`), numbered where a name has no
//! Latin letters or two names give the same id.

use std::collections::HashMap;

/// Longest member id made from a name.
const MAX_ID_LEN: usize = 48;

/// Names compared without case, spaces and punctuation.
fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The members named so far.
#[derive(Debug, Default)]
pub struct Members {
    /// Spelling key → the canonical name it is merged into.
    merge: HashMap<String, String>,
    /// Canonical key → index in `list`.
    index: HashMap<String, usize>,
    /// (id, display name), in order of first appearance.
    list: Vec<(String, String)>,
}

impl Members {
    /// Members with a merge table of (spelling, name to use) pairs.
    #[must_use]
    pub fn new(merge: &[(String, String)]) -> Members {
        Members {
            merge: merge
                .iter()
                .map(|(from, to)| (name_key(from), to.trim().to_owned()))
                .filter(|(k, to)| !k.is_empty() && !to.is_empty())
                .collect(),
            ..Members::default()
        }
    }

    /// The canonical key of a licensor name (after the merge table).
    #[must_use]
    pub fn key(&self, name: &str) -> String {
        let k = name_key(name);
        match self.merge.get(&k) {
            Some(to) => name_key(to),
            None => k,
        }
    }

    /// The member id for a licensor name, adding the member on first sight.
    pub fn id(&mut self, name: &str) -> String {
        let key = self.key(name);
        if let Some(&i) = self.index.get(&key) {
            return self.list[i].0.clone();
        }
        let shown = self
            .merge
            .get(&name_key(name))
            .cloned()
            .unwrap_or_else(|| name.split_whitespace().collect::<Vec<_>>().join(" "));
        let id = self.unique_id(&slug(&shown));
        self.index.insert(key, self.list.len());
        self.list.push((id.clone(), shown));
        id
    }

    fn unique_id(&self, base: &str) -> String {
        let taken = |id: &str| self.list.iter().any(|(i, _)| i == id);
        let base = if base.is_empty() { "member" } else { base };
        if !taken(base) && base != "member" {
            return base.to_owned();
        }
        (1..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !taken(id))
            .unwrap_or_default()
    }

    /// (id, name) of every member, in order of first appearance.
    #[must_use]
    pub fn list(&self) -> &[(String, String)] {
        &self.list
    }
}

/// Lower-case ASCII letters and digits of a name, runs joined by `-`.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for word in name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + word.len() + 1 > MAX_ID_LEN {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_merge_and_ids_stay_unique() {
        let mut m = Members::new(&[("Dolby Labs".into(), "Dolby Laboratories, Inc.".into())]);
        let a = m.id("Dolby Laboratories, Inc.");
        assert_eq!(a, "dolby-laboratories-inc");
        assert_eq!(m.id("DOLBY LABORATORIES INC"), a);
        assert_eq!(m.id("  Dolby  Labs "), a);
        assert_eq!(m.id("华为技术有限公司"), "member-1");
        assert_eq!(m.id("中兴通讯"), "member-2");
        assert_eq!(m.id("Dolby-Laboratories Inc"), a);
        assert_eq!(m.id("Dolby Laboratories (Inc)"), a);
        assert_eq!(m.list().len(), 3);
        assert_eq!(m.list()[0].1, "Dolby Laboratories, Inc.");
    }
}
