//! Problems found in a dataset or usage profile, each with its JSON path.

use std::fmt;

use serde::Serialize;

/// One problem in an input file: where it is (a JSON path such as `patents[1832].expires`, or
/// `line 3, column 7` for a syntax error) and what is wrong, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// JSON path of the offending value; empty for the whole document.
    pub path: String,
    /// What is wrong, for people.
    pub message: String,
}

impl Issue {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Issue {
        Issue {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "(document): {}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// The most problems a list keeps: a file with 200,000 broken patents gives this many, then
/// one "and N more" line, so the list (and the memory and screen it takes) stays bounded.
pub const MAX_ISSUES: usize = 1000;

/// Every problem found, in document order, at most [`MAX_ISSUES`] of them; the rest are only
/// counted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Issues {
    list: Vec<Issue>,
    more: usize,
}

impl Issues {
    /// Records a problem (or only counts it, once the list is full).
    pub fn push(&mut self, path: impl fmt::Display, message: impl Into<String>) {
        if self.list.len() < MAX_ISSUES {
            self.list.push(Issue::new(path.to_string(), message));
        } else {
            self.more += 1;
        }
    }

    /// Counts `n` problems that were found without being listed (a check that stopped
    /// listing once the list was full).
    pub fn count_more(&mut self, n: usize) {
        self.more = self.more.saturating_add(n);
    }

    /// Whether nothing was found.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Whether the list holds [`MAX_ISSUES`] problems: checks whose every step could add one
    /// (pairs of schedules) stop there, so their work stays bounded too.
    #[must_use]
    pub fn is_full(&self) -> bool {
        self.list.len() >= MAX_ISSUES
    }

    /// The problems, and when some were only counted a last line saying how many.
    #[must_use]
    pub fn into_vec(mut self) -> Vec<Issue> {
        if self.more > 0 {
            let message = format!("and {} more problems", self.more);
            self.list.push(Issue::new("", message));
        }
        self.list
    }
}

/// A JSON path built on the stack while reading and only turned into text for a problem:
/// `patents[1832].expires` is `Key(Index(Key(Root, "patents"), 1832), "expires")`.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    /// The document.
    Root,
    /// A field of an object.
    Key(&'a Path<'a>, &'a str),
    /// An item of a list.
    Index(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => write!(f, "{key}"),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}
