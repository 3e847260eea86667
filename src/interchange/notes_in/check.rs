//! The first pass: every row checked, and whether each is to be written.
//! A note the database already holds (same candidate, time, author and
//! text), or that an earlier row of the file holds, is left out and
//! counted: importing the same file twice adds nothing the second time.
//!
//! What finds them is a 128-bit fingerprint per note, as
//! `external::ExternalIndex` keeps ids: of each row's note, and of the
//! stored notes of the candidates the file names, read the first time a
//! row names them; never the notes themselves.

use super::rows::{Reading, read};
use crate::domain::{CandidateId, Note};
use crate::interchange::fields::Problem;
use crate::interchange::report::{ImportReport, MAX_LISTED, RowKind};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, RandomState};
use std::io::Read;

/// Where a note was seen first: in the database, or on a line of the file.
#[derive(Clone, Copy)]
enum Seen {
    Stored,
    Line(u64),
}

pub(super) struct Check<'r> {
    pub(super) report: ImportReport,
    /// Per row, in file order: whether it is written.
    pub(super) plan: Vec<bool>,
    reading: &'r Reading<'r>,
    keys: (RandomState, RandomState),
    seen: HashMap<(u64, u64), Seen>,
    /// Candidates whose stored notes are in `seen`.
    loaded: HashSet<CandidateId>,
}

impl<'r> Check<'r> {
    pub(super) fn new(reading: &'r Reading<'r>) -> Check<'r> {
        Check {
            report: ImportReport {
                rows_of: RowKind::Notes,
                ..ImportReport::default()
            },
            plan: Vec::new(),
            reading,
            keys: (RandomState::new(), RandomState::new()),
            seen: HashMap::new(),
            loaded: HashSet::new(),
        }
    }

    /// Reads the whole input; a problem that stopped the reading is the
    /// report's `stopped`.
    pub(super) fn run(&mut self, input: impl Read) {
        let mut header_problems = Vec::new();
        let reading = self.reading;
        let outcome = read(
            input,
            reading,
            &mut |line, outcome| self.row(line, outcome),
            &mut |problem| header_problems.push(problem),
        );
        for problem in header_problems {
            self.report.note_problem(problem.to_string());
        }
        if let Err(problem) = outcome {
            self.report.note_problem(problem.to_string());
            self.report.stopped = Some(problem.to_string());
        }
    }

    fn row(&mut self, line: u64, outcome: Result<Note, Vec<Problem>>) {
        self.report.rows += 1;
        let seen = outcome.and_then(|note| self.first_seen(line, &note));
        let write = match seen {
            Ok(None) => {
                self.report.added += 1;
                true
            }
            Ok(Some(Seen::Stored)) => {
                self.report.skipped += 1;
                false
            }
            Ok(Some(Seen::Line(earlier))) => {
                self.report.skipped += 1;
                self.notice(format!(
                    "line {line}: the same note as line {earlier} (candidate, time, author \
                     and text); left out"
                ));
                false
            }
            Err(problems) => {
                self.report.invalid += 1;
                for problem in problems {
                    self.report.note_problem(problem.to_string());
                }
                false
            }
        };
        self.plan.push(write);
    }

    /// Where the note was seen before, if it was; else it is now, here.
    fn first_seen(&mut self, line: u64, note: &Note) -> Result<Option<Seen>, Vec<Problem>> {
        if !self.loaded.contains(&note.candidate) {
            let stored = self.reading.lookup.notes_of(note.candidate);
            for held in stored.map_err(|message| vec![Problem::line(line, message)])? {
                let key = self.key(&held);
                self.seen.insert(key, Seen::Stored);
            }
            self.loaded.insert(note.candidate);
        }
        let key = self.key(note);
        match self.seen.get(&key) {
            Some(seen) => Ok(Some(*seen)),
            None => {
                self.seen.insert(key, Seen::Line(line));
                Ok(None)
            }
        }
    }

    /// The note's fingerprint: what makes two notes the same.
    fn key(&self, note: &Note) -> (u64, u64) {
        let what = (
            note.candidate.0,
            note.at.timestamp_millis(),
            &note.author,
            &note.text,
        );
        (self.keys.0.hash_one(what), self.keys.1.hash_one(what))
    }

    fn notice(&mut self, text: String) {
        self.report.notice_count += 1;
        if self.report.notices.len() < MAX_LISTED {
            self.report.notices.push(text);
        }
    }
}
