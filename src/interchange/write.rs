//! The second pass: the input read again and written as the first pass
//! planned, in chunks, each chunk one transaction.

use super::fields::{Problem, Row};
use super::plan::{Plan, Step};
use super::records::{ApplicationRecord, EngagementRecord, NoteRecord};
use super::report::{MAX_LISTED, Written};
use super::{Sink, convert, row};
use crate::catalog::Catalog;
use crate::domain::{Application, Candidate, CandidateId, Engagement, EventId, Note, Stamp};
use crate::store::{Store, StoreError};

/// Candidates written per store call.
pub const CHUNK: usize = 1000;

pub struct Writer<'a> {
    pub store: &'a Store,
    pub catalog: &'a Catalog,
    pub stamp: &'a Stamp,
    pub plan: &'a Plan,
    /// Ids from the file are kept (the database was empty).
    pub keep_ids: bool,
    pub written: Written,
    /// The first failure; everything after it is left alone.
    pub error: Option<StoreError>,
    /// The events of the first [`MAX_LISTED`] merges, in order, to undo
    /// them by.
    pub merge_events: Vec<EventId>,
    /// The id for the next candidate without one (ids kept); `None` once
    /// they have run out.
    next_id: Option<u64>,
    seen: [usize; 4],
    candidates: Vec<Candidate>,
    engagements: Vec<(Engagement, String)>,
    applications: Vec<Application>,
    notes: Vec<Note>,
}

impl<'a> Writer<'a> {
    pub fn new(store: &'a Store, catalog: &'a Catalog, stamp: &'a Stamp, plan: &'a Plan) -> Self {
        Writer {
            store,
            catalog,
            stamp,
            plan,
            keep_ids: false,
            written: Written::default(),
            error: None,
            merge_events: Vec::new(),
            next_id: plan.max_candidate_id.checked_add(1),
            seen: [0; 4],
            candidates: Vec::with_capacity(CHUNK),
            engagements: Vec::new(),
            applications: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Writes what is still pending, in dependency order, and flushes.
    pub fn finish(&mut self) {
        self.flush_up_to(4);
        if self.error.is_none()
            && let Err(error) = self.store.flush()
        {
            self.error = Some(error);
        }
    }

    /// Writes the pending chunks of the first `kinds` kinds (candidates,
    /// engagements, applications, notes): a record may only be written
    /// once those it refers to are. Nothing more is written after a
    /// failure.
    fn flush_up_to(&mut self, kinds: usize) {
        if self.error.is_some() {
            return;
        }
        let store = self.store;
        let outcome = (|| -> Result<(), StoreError> {
            if !self.candidates.is_empty() {
                store.import_candidates(&self.candidates, self.stamp)?;
                self.written.candidates += std::mem::take(&mut self.candidates).len();
            }
            if kinds > 1 && !self.engagements.is_empty() {
                store.import_engagements(&self.engagements, self.stamp)?;
                self.written.engagements += std::mem::take(&mut self.engagements).len();
            }
            if kinds > 2 && !self.applications.is_empty() {
                store.add_applications(&self.applications)?;
                self.written.applications += std::mem::take(&mut self.applications).len();
            }
            if kinds > 3 && !self.notes.is_empty() {
                store.import_notes(&self.notes)?;
                self.written.notes += std::mem::take(&mut self.notes).len();
            }
            Ok(())
        })();
        if let Err(error) = outcome {
            self.error.get_or_insert(error);
        }
    }

    /// Whether the next record of `kind` is to be written.
    fn take(&mut self, kind: usize, planned: &[bool]) -> bool {
        let index = self.seen[kind];
        self.seen[kind] += 1;
        self.error.is_none() && planned.get(index).copied().unwrap_or(false)
    }

    fn changed(&mut self, line: u64) {
        self.error.get_or_insert(StoreError::Invalid(vec![format!(
            "line {line} reads differently than it did a moment ago: the file changed during the import"
        )]));
    }

    fn add(&mut self, mut candidate: Candidate) {
        if !self.keep_ids {
            candidate.id = CandidateId(0);
        } else if candidate.id.0 == 0 {
            let Some(id) = self.next_id else {
                self.error = Some(StoreError::Invalid(vec![
                    "no candidate id is left to give".into(),
                ]));
                return;
            };
            candidate.id = CandidateId(id);
            self.next_id = id.checked_add(1);
        }
        self.candidates.push(candidate);
        if self.candidates.len() >= CHUNK {
            self.flush_up_to(1);
        }
    }

    fn merge(&mut self, existing: CandidateId, candidate: &Candidate) {
        match self.store.merge_candidate(existing, candidate, self.stamp) {
            Ok(merged) => {
                self.written.merged += 1;
                if self.merge_events.len() < MAX_LISTED {
                    self.merge_events.push(merged.event);
                }
            }
            Err(error) => self.error = Some(error),
        }
    }
}

impl Sink for Writer<'_> {
    fn candidate(&mut self, row: Row) {
        let index = self.seen[0];
        self.seen[0] += 1;
        let step = self.plan.candidates.get(index).copied();
        if self.error.is_some() || matches!(step, None | Some(Step::Leave)) {
            return;
        }
        let Ok(candidate) = row::candidate(&row, self.catalog, self.stamp.at) else {
            return self.changed(row.line);
        };
        match step {
            Some(Step::Merge(existing)) => self.merge(existing, &candidate),
            _ => self.add(candidate),
        }
    }

    fn engagement(&mut self, line: u64, record: EngagementRecord) {
        let plan = self.plan;
        if self.take(1, &plan.engagements) {
            let Ok(engagement) = convert::engagement(record, self.catalog) else {
                return self.changed(line);
            };
            self.flush_up_to(1);
            self.engagements.push(engagement);
            if self.engagements.len() >= CHUNK {
                self.flush_up_to(2);
            }
        }
    }

    fn application(&mut self, line: u64, record: ApplicationRecord) {
        let plan = self.plan;
        if self.take(2, &plan.applications) {
            let Ok(application) = convert::application(record, self.catalog) else {
                return self.changed(line);
            };
            self.flush_up_to(2);
            self.applications.push(application);
            if self.applications.len() >= CHUNK {
                self.flush_up_to(3);
            }
        }
    }

    fn note(&mut self, line: u64, record: NoteRecord) {
        let plan = self.plan;
        if self.take(3, &plan.notes) {
            let Ok(note) = convert::note(record) else {
                return self.changed(line);
            };
            self.flush_up_to(3);
            self.notes.push(note);
            if self.notes.len() >= CHUNK {
                self.flush_up_to(4);
            }
        }
    }

    fn problem(&mut self, _problem: Problem) {}

    fn stop(&mut self, problem: Problem) {
        self.error.get_or_insert(StoreError::Invalid(vec![format!(
            "the file could not be read again ({problem}): it changed during the import"
        )]));
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::domain::testing::at;
    use crate::interchange::columns::Column;
    use crate::interchange::fields::{Field, Place, Raw};

    fn row(line: u64, name: &str, email: &str) -> Row {
        let field = |column, value: &str| Field {
            column,
            place: Place {
                line,
                column: 1,
                name: "x".into(),
            },
            value: Raw::Text(value.into()),
        };
        Row {
            line,
            fields: vec![field(Column::Name, name), field(Column::Email, email)],
            problems: Vec::new(),
        }
    }

    #[test]
    fn nothing_pending_is_written_after_a_failure() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("db")).unwrap();
        // A row to add (pending in its chunk), then a merge into a record
        // that is not there, which fails.
        let plan = Plan {
            candidates: vec![Step::Add, Step::Merge(CandidateId(99))],
            ..Plan::default()
        };
        let stamp = Stamp::new(at(1), "tester");
        let mut writer = Writer::new(&store, Catalog::builtin(), &stamp, &plan);
        writer.candidate(row(2, "Ana Silva", "ana@example.com"));
        writer.candidate(row(3, "Bo Chen", "bo@example.com"));
        writer.finish();
        assert!(writer.error.is_some());
        assert_eq!(writer.written.candidates, 0);
        assert_eq!(store.candidate_count(), 0);
    }
}
