//! The fast path's leaf values: each deserializes only what the path-collecting reader takes
//! without a problem, through the same checks, and is a serde error otherwise (which sends
//! the whole file to that reader, for the problem and its path).

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

use crate::io::json::{
    Reader, check_amount, check_country, check_id, is_language_tag, parse_decimal,
};
use crate::model::dataset::PatentStatus;
use crate::model::date::{Date, YEARS};
use crate::model::issue::Path;
use crate::model::text::Text;

/// The error of every refusal: its words are never shown, the careful reader says why.
pub(super) fn refused<E: de::Error>() -> E {
    E::custom("not on the fast path")
}

/// Whether a check of the careful reader finds nothing.
fn passes(check: impl FnOnce(&mut Reader)) -> bool {
    let mut r = Reader::default();
    check(&mut r);
    r.issues.is_empty()
}

/// `Ok(value)` when `ok`, the refusal otherwise.
fn accept<T, E: de::Error>(ok: bool, value: T) -> Result<T, E> {
    if ok { Ok(value) } else { Err(refused()) }
}

/// `f` of a string value, without copying it; `None` from `f` refuses the value.
fn with_str<'de, D: Deserializer<'de>, T>(
    d: D,
    f: impl FnOnce(&str) -> Option<T>,
) -> Result<T, D::Error> {
    d.deserialize_str(StrWith(f))
}

struct StrWith<F>(F);

impl<'de, T, F: FnOnce(&str) -> Option<T>> Visitor<'de> for StrWith<F> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<T, E> {
        (self.0)(s).ok_or_else(refused)
    }
}

/// A string the careful reader's `id` takes.
pub(super) struct Id(pub String);

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        accept(passes(|r| check_id(r, &Path::Root, &s)), Id(s))
    }
}

/// A country code the careful reader's `country` takes.
pub(super) struct Country(pub String);

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        accept(passes(|r| check_country(r, &Path::Root, &s)), Country(s))
    }
}

/// A decimal string that is also a valid amount (0 up to the calculator's largest).
pub(super) struct Amount(pub Decimal);

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        with_str(d, |s| {
            let v = parse_decimal(s).ok()?;
            passes(|r| check_amount(r, &Path::Root, v)).then_some(Amount(v))
        })
    }
}

/// A `YYYY-MM-DD` date within the years the calculator takes.
#[derive(Clone, Copy)]
pub(super) struct Day(pub Date);

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        with_str(d, |s| {
            Date::parse(s)
                .filter(|date| YEARS.contains(&date.year()))
                .map(Day)
        })
    }
}

/// A year within the years the calculator takes.
pub(super) struct Year(pub i32);

impl<'de> Deserialize<'de> for Year {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let y = i32::deserialize(d)?;
        accept(YEARS.contains(&y), Year(y))
    }
}

/// A patent status by its JSON name.
pub(super) struct Status(pub PatentStatus);

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        with_str(d, |s| {
            PatentStatus::ALL
                .iter()
                .find(|(_, name)| *name == s)
                .map(|(status, _)| Status(*status))
        })
    }
}

/// A text: a string, or an object of language tags with at least one entry and each tag once
/// (a repeated tag is left to the careful reader, which keeps the last).
pub(super) struct Words(pub Text);

impl<'de> Deserialize<'de> for Words {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(WordsVisitor)
    }
}

struct WordsVisitor;

impl<'de> Visitor<'de> for WordsVisitor {
    type Value = Words;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a text")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Words, E> {
        Ok(Words(Text::Plain(s.to_owned())))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Words, A::Error> {
        let mut out = BTreeMap::new();
        while let Some((tag, text)) = map.next_entry::<String, String>()? {
            if !is_language_tag(&tag) || out.insert(tag, text).is_some() {
                return Err(refused());
            }
        }
        accept(!out.is_empty(), Words(Text::Lang(out)))
    }
}

/// `T` read from a JSON object only: serde's derived structs also take a list of their fields
/// in order, which the careful reader refuses ("expected an object").
pub(super) fn map_only<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<T, D::Error> {
    d.deserialize_map(MapOnly(std::marker::PhantomData))
}

struct MapOnly<T>(std::marker::PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for MapOnly<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::deserialize(de::value::MapAccessDeserializer::new(map))
    }
}

/// Any JSON value, read and dropped, at most [`IGNORED_DEPTH`] levels deep. Not serde's
/// `IgnoredAny`: serde_json skips that without its nesting limit, where the careful reader's
/// tree stops at 128 levels. Bounding the depth here also bounds every item's: the stepped
/// read parses items on their own, two levels below where the whole document has them, and
/// must refuse what the whole document's parse would.
pub(super) struct Ignored;

/// How deep an ignored value may nest.
const IGNORED_DEPTH: usize = 100;

impl<'de> Deserialize<'de> for Ignored {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        de::DeserializeSeed::deserialize(IgnoredSeed(IGNORED_DEPTH), d)
    }
}

/// An ignored value with the levels it may still nest.
#[derive(Clone, Copy)]
struct IgnoredSeed(usize);

impl<'de> de::DeserializeSeed<'de> for IgnoredSeed {
    type Value = Ignored;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Ignored, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for IgnoredSeed {
    type Value = Ignored;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Ignored, E> {
        Ok(Ignored)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Ignored, E> {
        Ok(Ignored)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Ignored, E> {
        Ok(Ignored)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Ignored, E> {
        Ok(Ignored)
    }

    fn visit_str<E>(self, _: &str) -> Result<Ignored, E> {
        Ok(Ignored)
    }

    fn visit_unit<E>(self) -> Result<Ignored, E> {
        Ok(Ignored)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Ignored, A::Error> {
        let inner = IgnoredSeed(self.0.checked_sub(1).ok_or_else(refused::<A::Error>)?);
        while seq.next_element_seed(inner)?.is_some() {}
        Ok(Ignored)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ignored, A::Error> {
        let inner = IgnoredSeed(self.0.checked_sub(1).ok_or_else(refused::<A::Error>)?);
        while map.next_entry_seed(inner, inner)?.is_some() {}
        Ok(Ignored)
    }
}
