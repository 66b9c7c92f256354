//! The fast path in steps: the top-level object is scanned by hand, its small values are kept
//! as ranges of the text and read at the end, and the items of the two large lists (patents,
//! licensees) are read by serde one at a time from where the scan stands, as many per step as
//! asked. What it accepts is what `read_dataset` accepts: every value is read by serde_json
//! with the same types, and the scan checks the punctuation between them; anything unusual
//! (a repeated or escaped key, an unknown field) fails, for the careful reader. Items are
//! parsed two levels below where the whole document has them, so serde_json's nesting limit
//! would fall two levels deeper: their only free-form values (`extensions`) are kept far
//! from it, and small values are skipped the same way before they are read as trees.

use std::ops::Range;

use serde::Deserialize;

use crate::io::fast::Small;
use crate::io::fast::items::Checked;
use crate::model::dataset::{Dataset, Licensee, Patent};

/// The top-level fields read at the end, in the order `Small` holds them.
const SMALL: [&str; 8] = [
    "format",
    "version",
    "pool",
    "regions",
    "members",
    "products",
    "rate_schedules",
    "distribution",
];

/// Where the scan of the top-level object stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    /// Before the opening brace.
    Start,
    /// Before a key (the first when `true`: a closing brace is not allowed after a comma).
    Key(bool),
    /// After a value: a comma or the closing brace.
    AfterValue,
    /// Before the next item of a large list (the first when `true`).
    Item(List, bool),
    /// The closing brace was read and only whitespace followed.
    End,
    /// Something the fast path does not take.
    Failed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    Patents,
    Licensees,
}

/// How a step ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    /// More to read.
    Reading,
    /// The whole text is scanned: [`Stream::finish`] assembles the dataset.
    Scanned,
    /// The fast path does not take this text: read it carefully.
    Refused,
}

/// A dataset being read in steps from a text the caller keeps and passes to every call.
#[derive(Debug)]
pub(crate) struct Stream {
    pos: usize,
    at: At,
    small: [Option<Range<usize>>; SMALL.len()],
    seen_patents: bool,
    seen_licensees: bool,
    patents: Vec<Patent>,
    licensees: Vec<Licensee>,
}

impl Stream {
    /// A read of `text` from its start (after a byte-order mark).
    pub(crate) fn new(text: &str) -> Stream {
        Stream {
            pos: text.len() - crate::io::json::without_bom(text).len(),
            at: At::Start,
            small: Default::default(),
            seen_patents: false,
            seen_licensees: false,
            patents: Vec::new(),
            licensees: Vec::new(),
        }
    }

    /// How far the scan is, in bytes of the text.
    pub(crate) fn position(&self) -> usize {
        self.pos
    }

    /// Reads on through `text` (the same text every call) for at most `max_items` items or
    /// values (at least one).
    pub(crate) fn step(&mut self, text: &str, max_items: usize) -> Status {
        let mut budget = max_items.max(1);
        while budget > 0 {
            self.at = self.advance(text.as_bytes(), text);
            match self.at {
                At::End => return Status::Scanned,
                At::Failed => return Status::Refused,
                At::Item(..) | At::AfterValue => budget -= 1,
                At::Start | At::Key(_) => {}
            }
        }
        Status::Reading
    }

    /// One move of the scan: the state after it.
    fn advance(&mut self, b: &[u8], text: &str) -> At {
        self.skip_whitespace(b);
        match self.at {
            At::Start => self.punct(b, b'{').map_or(At::Failed, |()| At::Key(true)),
            At::Key(first) => {
                if first && b.get(self.pos) == Some(&b'}') {
                    // An empty dataset lacks every required field: the careful reader says so.
                    return At::Failed;
                }
                self.field(b, text).unwrap_or(At::Failed)
            }
            At::AfterValue => match b.get(self.pos) {
                Some(b',') => {
                    self.pos += 1;
                    At::Key(false)
                }
                Some(b'}') => {
                    self.pos += 1;
                    self.skip_whitespace(b);
                    if self.pos == b.len() {
                        At::End
                    } else {
                        At::Failed
                    }
                }
                _ => At::Failed,
            },
            At::Item(list, first) => self.item(b, text, list, first).unwrap_or(At::Failed),
            At::End | At::Failed => self.at,
        }
    }

    /// A key, its colon and the start of its value: a large list is opened, a small value
    /// skipped and kept as a range.
    fn field(&mut self, b: &[u8], text: &str) -> Option<At> {
        self.punct(b, b'"')?;
        let start = self.pos;
        let len = b.get(start..)?.iter().position(|&c| c == b'"')?;
        let key = b.get(start..start + len)?;
        self.pos = start + len + 1;
        self.skip_whitespace(b);
        self.punct(b, b':')?;
        self.skip_whitespace(b);
        let list = match key {
            b"patents" if !self.seen_patents => {
                self.seen_patents = true;
                List::Patents
            }
            b"licensees" if !self.seen_licensees => {
                self.seen_licensees = true;
                List::Licensees
            }
            // Any value: it is read (and checked) only as part of the whole document.
            b"extensions" => {
                self.pos = self.value_end::<crate::io::fast::scalars::Ignored>(text)?;
                return Some(At::AfterValue);
            }
            _ => {
                // An escaped key, a repeated or an unknown one is left to the careful reader.
                let slot = SMALL.iter().position(|k| k.as_bytes() == key)?;
                if self.small[slot].is_some() {
                    return None;
                }
                let value_start = self.pos;
                self.pos = self.value_end::<crate::io::fast::scalars::Ignored>(text)?;
                self.small[slot] = Some(value_start..self.pos);
                return Some(At::AfterValue);
            }
        };
        if b.get(self.pos) == Some(&b'n') {
            // `null` stands for an empty list of licensees; patents are required.
            self.pos = self.value_end::<()>(text)?;
            return (list == List::Licensees).then_some(At::AfterValue);
        }
        self.punct(b, b'[')?;
        Some(At::Item(list, true))
    }

    /// The next item of a large list, read by serde, and the comma or bracket after it.
    fn item(&mut self, b: &[u8], text: &str, list: List, first: bool) -> Option<At> {
        if first && b.get(self.pos) == Some(&b']') {
            self.pos += 1;
            return Some(At::AfterValue);
        }
        let end = match list {
            List::Patents => {
                let (p, end) = read_at::<Checked<Patent>>(text, self.pos)?;
                self.patents.push(p.0);
                end
            }
            List::Licensees => {
                let (l, end) = read_at::<Checked<Licensee>>(text, self.pos)?;
                self.licensees.push(l.0);
                end
            }
        };
        self.pos = end;
        self.skip_whitespace(b);
        match b.get(self.pos) {
            Some(b',') => {
                self.pos += 1;
                Some(At::Item(list, false))
            }
            Some(b']') => {
                self.pos += 1;
                Some(At::AfterValue)
            }
            _ => None,
        }
    }

    /// The end of the JSON value at the scan's position, read as `T` (to check it).
    fn value_end<'a, T: Deserialize<'a>>(&self, text: &'a str) -> Option<usize> {
        read_at::<T>(text, self.pos).map(|(_, end)| end)
    }

    fn skip_whitespace(&mut self, b: &[u8]) {
        while b
            .get(self.pos)
            .is_some_and(|c| matches!(c, b' ' | b'\n' | b'\r' | b'\t'))
        {
            self.pos += 1;
        }
    }

    fn punct(&mut self, b: &[u8], c: u8) -> Option<()> {
        (b.get(self.pos) == Some(&c)).then(|| self.pos += 1)
    }

    /// The dataset, once [`Self::step`] said `Scanned`; `None` when the careful reader must
    /// read it (a small part with a problem, a required part missing).
    pub(crate) fn finish(self, text: &str) -> Option<Dataset> {
        if self.at != At::End || !self.seen_patents {
            return None;
        }
        let part = |i: usize| text.get(self.small.get(i)?.clone()?);
        let tree = |i: usize| serde_json::from_str(part(i)?).ok();
        let small = Small {
            format: serde_json::from_str(part(0)?).ok()?,
            version: serde_json::from_str(part(1)?).ok()?,
            pool: tree(2)?,
            regions: part(3)
                .map(|t| serde_json::from_str(t).ok())
                .unwrap_or(Some(None))?,
            members: tree(4)?,
            products: tree(5)?,
            rate_schedules: tree(6)?,
            distribution: tree(7)?,
        };
        small.assemble(self.patents, self.licensees)
    }
}

/// The JSON value at byte `pos` of `text`, read by serde, and where it ends.
fn read_at<'a, T: Deserialize<'a>>(text: &'a str, pos: usize) -> Option<(T, usize)> {
    let mut values = serde_json::Deserializer::from_str(text.get(pos..)?).into_iter::<T>();
    let value = values.next()?.ok()?;
    Some((value, pos + values.byte_offset()))
}
