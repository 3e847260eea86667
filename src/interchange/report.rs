//! What an import is asked to do and what it tells: the options, the
//! report of the checking pass and the counts the writing pass adds to
//! it. A leaf of `interchange`: `plan` fills the report, `write` counts
//! into it and `import` runs both, so all three import this one, and
//! `import` -> `write` -> `plan` runs one way.

use super::layout::Layout;
use super::summary::{Chosen, Mapped};

/// Problems listed in a report; the rest are only counted.
pub const MAX_LISTED: usize = 100;

/// What to do with a row that duplicates a candidate already stored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OnDuplicate {
    /// Refuse it like any invalid row: nothing is overwritten silently.
    #[default]
    Error,
    Skip,
    /// Fold it into the stored record (see `domain::duplicate::merge`).
    Merge,
}

/// How a file's columns are read: `--strict`, `--from`/`--map`,
/// `--drop`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnOptions {
    /// Only hireterm's own columns: any other refuses the file.
    pub strict: bool,
    /// The layout to read with, and how it was given; none: hireterm's
    /// own columns, else one recognised from the header.
    pub layout: Option<(Layout, Chosen)>,
    /// Columns to leave out, as headers (or JSON paths) name them.
    pub drop: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Import the good rows and report the others.
    pub skip_invalid: bool,
    /// Check and report only; write nothing.
    pub dry_run: bool,
    pub on_duplicate: OnDuplicate,
    /// Import a person who matches an erased one (see `store::tombstones`).
    pub allow_erased: bool,
    pub columns: ColumnOptions,
    /// An applications file's engagement titles that none on file has
    /// are engagements to create (see `pipeline_in::create`).
    pub create_engagements: bool,
}

/// What an import found and did. Counts are of records; `problems` and
/// `notices` list the first [`MAX_LISTED`] of each, the counts say
/// how many there were.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// What the file's rows are.
    pub rows_of: RowKind,
    pub problems: Vec<String>,
    pub problem_count: usize,
    /// Duplicates skipped or merged, one line each; a merge written names
    /// its event.
    pub notices: Vec<String>,
    pub notice_count: usize,
    /// Candidate rows read (application rows, for an applications file).
    pub rows: usize,
    /// Candidates (applications) that are, or before writing would be,
    /// added.
    pub added: usize,
    /// Records refused for their problems.
    pub invalid: usize,
    /// Duplicates left out (`--on-duplicate skip`); for a notes file,
    /// notes already there.
    pub skipped: usize,
    /// Duplicates merged (`--on-duplicate merge`).
    pub merged: usize,
    /// Rows whose external id names a stored candidate: that record is
    /// (or would be) updated from the row.
    pub updated: usize,
    /// Such rows that would change nothing.
    pub unchanged: usize,
    /// How the columns were read.
    pub mapped: Option<Mapped>,
    /// Problem that stopped the reading, if any (nothing is written then).
    pub stopped: Option<String>,
    /// Ids from the file were kept (the database was empty).
    pub kept_ids: bool,
    /// The file had ids, and they were not kept (the database was not
    /// empty, so they could clash): the candidates got fresh ones.
    pub ignored_ids: bool,
    /// What the second pass wrote; `None` when nothing was written.
    pub written: Option<Written>,
}

impl ImportReport {
    /// Whether the import may write: the reading finished, and nothing is
    /// wrong or the bad records are to be left out.
    pub fn may_write(&self, options: &ImportOptions) -> bool {
        self.stopped.is_none() && (self.problem_count == 0 || options.skip_invalid)
    }

    /// Counts a notice, and lists it while fewer than [`MAX_LISTED`] are.
    pub fn note_notice(&mut self, text: String) {
        self.notice_count += 1;
        if self.notices.len() < MAX_LISTED {
            self.notices.push(text);
        }
    }

    /// Counts a problem, and lists it while fewer than [`MAX_LISTED`] are.
    pub fn note_problem(&mut self, text: String) {
        self.problem_count += 1;
        if self.problems.len() < MAX_LISTED {
            self.problems.push(text);
        }
    }
}

/// What the rows of an imported file are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RowKind {
    /// Candidates (and, in a whole export, the records after them).
    #[default]
    Candidates,
    /// Applications from another system (see `pipeline_in`).
    Applications,
    /// Notes from another system (see `notes_in`).
    Notes,
}

/// How many records of each kind went in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub candidates: usize,
    pub merged: usize,
    /// Stored candidates updated from rows with their external ids.
    pub updated: usize,
    pub clients: usize,
    pub engagements: usize,
    pub applications: usize,
    pub submittals: usize,
    pub placements: usize,
    pub notes: usize,
}

impl Written {
    /// The kinds written, in words: "1000 candidates and 2 merges", or
    /// "nothing".
    pub fn describe(&self) -> String {
        let counts = [
            (self.candidates, "candidate"),
            (self.merged, "merge"),
            (self.updated, "update"),
            (self.clients, "client"),
            (self.engagements, "engagement"),
            (self.applications, "application"),
            (self.submittals, "submittal"),
            (self.placements, "placement"),
            (self.notes, "note"),
        ];
        let parts: Vec<String> = counts
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, what)| format!("{n} {what}{}", if *n == 1 { "" } else { "s" }))
            .collect();
        match parts.as_slice() {
            [] => "nothing".into(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }
}
