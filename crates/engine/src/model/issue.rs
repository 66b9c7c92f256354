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

/// Every problem found, in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Issues(pub Vec<Issue>);

impl Issues {
    /// Records a problem.
    pub fn push(&mut self, path: impl fmt::Display, message: impl Into<String>) {
        self.0.push(Issue::new(path.to_string(), message));
    }

    /// Whether nothing was found.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
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
