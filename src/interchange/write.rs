//! The second pass: the input read again and written as the first pass
//! planned, in chunks, each chunk one transaction.

use super::fields::{Problem, Row};
use super::plan::{Plan, Step};
use super::records::{ApplicationRecord, EngagementRecord, NoteRecord};
use super::{CHUNK, Sink, row};
use crate::catalog::Catalog;
use crate::domain::{Application, Candidate, CandidateId, Engagement, EventId, Note, Stamp};
use crate::store::{Store, StoreError};

/// How many records of each kind went in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub candidates: usize,
    pub merged: usize,
    /// The events of the first and the last merge, to undo them by.
    pub merge_events: Option<(EventId, EventId)>,
    pub engagements: usize,
    pub applications: usize,
    pub notes: usize,
}

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
    next_id: u64,
    seen: [usize; 4],
    candidates: Vec<Candidate>,
    engagements: Vec<Engagement>,
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
            next_id: plan.max_candidate_id + 1,
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
    /// once those it refers to are.
    fn flush_up_to(&mut self, kinds: usize) {
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
            candidate.id = CandidateId(self.next_id);
            self.next_id += 1;
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
                let first = self
                    .written
                    .merge_events
                    .map_or(merged.event, |(first, _)| first);
                self.written.merge_events = Some((first, merged.event));
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

    fn engagement(&mut self, _line: u64, record: EngagementRecord) {
        let plan = self.plan;
        if self.take(1, &plan.engagements) {
            self.flush_up_to(1);
            self.engagements.push(record.into_domain());
            if self.engagements.len() >= CHUNK {
                self.flush_up_to(2);
            }
        }
    }

    fn application(&mut self, _line: u64, record: ApplicationRecord) {
        let plan = self.plan;
        if self.take(2, &plan.applications) {
            self.flush_up_to(2);
            self.applications.push(record.into_domain());
            if self.applications.len() >= CHUNK {
                self.flush_up_to(3);
            }
        }
    }

    fn note(&mut self, _line: u64, record: NoteRecord) {
        let plan = self.plan;
        if self.take(3, &plan.notes) {
            self.flush_up_to(3);
            self.notes.push(record.into_domain());
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
