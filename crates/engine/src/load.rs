//! Loading a dataset from its text: at once (`load_dataset`) or in steps (`Loader`), with one
//! result. Valid files take the fast path (`io::fast`: serde straight into the model); any
//! other file is read again by the path-collecting reader, so every problem has its path.

use crate::Issue;
use crate::io::fast::stream::{Status, Stream};
use crate::io::json::{Reader, parse_json};
use crate::model::dataset::Dataset;
use crate::model::issue::Issues;
use crate::pool::Pool;
use crate::pool::index::IndexBuild;

/// Parses and validates a dataset: every problem found, each with its JSON path.
///
/// # Errors
/// The full list of problems when the text is not a valid dataset (version 1 or 2).
pub fn load_dataset(json: &str) -> Result<Dataset, Vec<Issue>> {
    match crate::io::fast::read_dataset(json) {
        Some(d) => validated(d),
        None => read_carefully(json),
    }
}

/// A dataset whose every field read without a problem, with the rules relating its parts.
fn validated(d: Dataset) -> Result<Dataset, Vec<Issue>> {
    let mut issues = Issues::default();
    crate::fees::check_dataset(&d, &mut issues);
    if issues.is_empty() {
        Ok(d)
    } else {
        Err(issues.into_vec())
    }
}

/// The path-collecting reader, for a text the fast path refused: shape problems, field
/// problems and dangling references together, each with its path. Public for a
/// [`Loader::deferring`] caller, which runs it itself.
///
/// # Errors
/// The full list of problems when the text is not a valid dataset (version 1 or 2).
pub fn read_carefully(json: &str) -> Result<Dataset, Vec<Issue>> {
    let value = parse_json(json).map_err(Issues::into_vec)?;
    let mut r = Reader::default();
    let dataset = crate::io::read::read_dataset(&mut r, &value);
    if let Some(d) = &dataset
        && r.issues.is_empty()
    {
        crate::fees::check_dataset(d, &mut r.issues);
    } else {
        // Shape problems and dangling references are reported together.
        crate::io::validate::check_raw_references(&value, &mut r.issues);
    }
    match dataset {
        Some(d) if r.issues.is_empty() => Ok(d),
        _ => Err(r.issues.into_vec()),
    }
}

/// What a [`Loader`] is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Reading the text into the model.
    Reading,
    /// Checking the rules that relate parts of the dataset.
    Validating,
    /// Counting patent-days and building the lookups.
    Indexing,
    /// Finished: [`Loader::finish`] gives the pool or the problems.
    Done,
}

/// How far a [`Loader`] is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// What it is doing.
    pub phase: Phase,
    /// The share of the whole job done, from 0 to 1 (for a progress bar; reading is most of
    /// the work and takes the first [`READ_SHARE`] of it).
    pub fraction: f64,
}

/// The share of a load's time that reading takes (measured on the synthetic pools: reading
/// is about half of a load, validation a tenth, the index the rest).
pub const READ_SHARE: f64 = 0.5;

/// The share taken once validation is done.
const VALIDATED_SHARE: f64 = 0.6;

/// The careful reader's signature ([`read_carefully`]).
type CarefulReader = fn(&str) -> Result<Dataset, Vec<Issue>>;

/// After the careful reader: the index of a dataset it read, or its problems.
fn after_careful(read: Result<Dataset, Vec<Issue>>) -> Stage {
    match read {
        Ok(d) => indexing(d),
        Err(issues) => Stage::Done(Box::new(Err(issues))),
    }
}

/// The index of `d`, to be counted in the next steps.
fn indexing(d: Dataset) -> Stage {
    let build = IndexBuild::new(&d.members);
    Stage::Indexing(Box::new((d, build)))
}

/// Loads a dataset in steps, so a page can draw, show progress and offer Cancel between
/// them (dropping the loader cancels). Each [`Self::step`] reads at most `max_items`
/// patents, licensees or small parts, or counts the days of at most `max_items` patents,
/// or validates, or builds the lookups; the result is the one [`load_dataset`] then
/// [`Pool::new`] give for the same text. It holds the text and the
/// model being built, never a tree of the document, and lets go of the text once read.
#[derive(Debug)]
pub struct Loader {
    text: String,
    stage: Stage,
    /// The careful reader, for a text the fast path refuses ([`Self::new`]); `None` when the
    /// caller reads it ([`Self::deferring`]). A pointer rather than a flag: only `new` names
    /// the reader, so a program that calls `deferring` alone does not link it.
    careful: Option<CarefulReader>,
}

#[derive(Debug)]
enum Stage {
    Reading(Stream),
    /// The fast path refused the text: the careful reader reads it in the next step (or, for a
    /// deferring loader, the caller takes it).
    Careful,
    /// A deferring loader's caller took the text for the careful reader (`resume` goes on).
    AwaitingCareful,
    Validating(Dataset),
    /// Counting patent-days, a slice of patents a step.
    Indexing(Box<(Dataset, IndexBuild)>),
    /// The index counted: the lookups of terms and sales are built in the next step.
    Indexed(Box<(Dataset, crate::pool::index::PoolIndex)>),
    Done(Box<Result<Pool, Vec<Issue>>>),
    /// The result was taken.
    Taken,
}

impl Loader {
    /// A load of `text`; nothing is done until [`Self::step`].
    #[must_use]
    pub fn new(text: String) -> Loader {
        Self::with(text, Some(read_carefully))
    }

    /// Like [`Self::new`], except that a text the fast path refuses is not read here: the
    /// steps stop at [`Phase::Reading`] until the caller takes it ([`Self::take_refused`]),
    /// reads it with [`read_carefully`] and hands the result to [`Self::resume`]. A program
    /// built with this alone does not hold the careful reader, which a browser app can then
    /// fetch only for a file that has problems.
    #[must_use]
    pub fn deferring(text: String) -> Loader {
        Self::with(text, None)
    }

    fn with(text: String, careful: Option<CarefulReader>) -> Loader {
        let stream = Stream::new(&text);
        Loader {
            text,
            stage: Stage::Reading(stream),
            careful,
        }
    }

    /// The text the fast path refused, once, for a deferring loader's careful read; `None`
    /// otherwise.
    pub fn take_refused(&mut self) -> Option<String> {
        if self.careful.is_some() || !matches!(self.stage, Stage::Careful) {
            return None;
        }
        self.stage = Stage::AwaitingCareful;
        Some(std::mem::take(&mut self.text))
    }

    /// Goes on with what [`read_carefully`] gave for the text [`Self::take_refused`] handed
    /// out; does nothing at any other time.
    pub fn resume(&mut self, read: Result<Dataset, Vec<Issue>>) {
        if matches!(self.stage, Stage::AwaitingCareful) {
            self.stage = after_careful(read);
        }
    }

    /// Does the next slice of work: reads or counts at most `max_items` items (at least
    /// one), or validates, or builds the lookups. Returns the progress after it; once the phase is
    /// [`Phase::Done`], further steps do nothing.
    pub fn step(&mut self, max_items: usize) -> Progress {
        let stage = std::mem::replace(&mut self.stage, Stage::Taken);
        self.stage = match stage {
            Stage::Reading(mut stream) => match stream.step(&self.text, max_items) {
                Status::Reading => Stage::Reading(stream),
                Status::Scanned => match stream.finish(&self.text) {
                    Some(d) => {
                        self.release_text();
                        Stage::Validating(d)
                    }
                    None => Stage::Careful,
                },
                Status::Refused => Stage::Careful,
            },
            Stage::Careful => match self.careful {
                Some(read_carefully) => {
                    let read = read_carefully(&self.text);
                    self.release_text();
                    after_careful(read)
                }
                // A deferring loader waits for its caller (`take_refused`).
                None => Stage::Careful,
            },
            Stage::AwaitingCareful => Stage::AwaitingCareful,
            Stage::Validating(d) => match validated(d) {
                Ok(d) => indexing(d),
                Err(issues) => Stage::Done(Box::new(Err(issues))),
            },
            Stage::Indexing(mut work) => {
                let (d, build) = &mut *work;
                if build.step(&d.members, &d.patents, max_items) {
                    let (d, build) = *work;
                    let index = build.finish(d.members.len());
                    Stage::Indexed(Box::new((d, index)))
                } else {
                    Stage::Indexing(work)
                }
            }
            Stage::Indexed(work) => {
                let (d, index) = *work;
                Stage::Done(Box::new(Ok(Pool::with_index(d, index))))
            }
            done @ (Stage::Done(_) | Stage::Taken) => done,
        };
        self.progress()
    }

    /// The text is not needed once the model holds it: the memory goes back at once.
    fn release_text(&mut self) {
        self.text = String::new();
    }

    /// How far the load is.
    #[must_use]
    pub fn progress(&self) -> Progress {
        let (phase, fraction) = match &self.stage {
            Stage::Reading(stream) => {
                let read = stream.position() as f64 / self.text.len().max(1) as f64;
                (Phase::Reading, read * READ_SHARE)
            }
            Stage::Careful | Stage::AwaitingCareful => (Phase::Reading, READ_SHARE),
            Stage::Validating(_) => (Phase::Validating, READ_SHARE),
            Stage::Indexing(work) => {
                let (d, build) = &**work;
                let counted = build.done(&d.patents) as f64 / (2 * d.patents.len()).max(1) as f64;
                (
                    Phase::Indexing,
                    VALIDATED_SHARE + counted * (1.0 - VALIDATED_SHARE),
                )
            }
            Stage::Indexed(_) => (Phase::Indexing, 1.0),
            Stage::Done(_) | Stage::Taken => (Phase::Done, 1.0),
        };
        Progress { phase, fraction }
    }

    /// The pool, or every problem with its path, once the phase is [`Phase::Done`]; `None`
    /// before (and after the result was taken).
    pub fn finish(&mut self) -> Option<Result<Pool, Vec<Issue>>> {
        match std::mem::replace(&mut self.stage, Stage::Taken) {
            Stage::Done(result) => Some(*result),
            other => {
                self.stage = other;
                None
            }
        }
    }
}

#[cfg(test)]
mod tests;
