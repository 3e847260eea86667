//! The second pass: the input read again and written as the first pass
//! planned, in chunks, each chunk one transaction.

use super::agency::{ClientRecord, PlacementRecord, SubmittalRecord};
use super::fields::{Problem, Row};
use super::journal::Chunks;
use super::plan::{Plan, Step};
use super::records::{ApplicationRecord, EngagementRecord, NoteRecord};
use super::report::{MAX_LISTED, Written};
use super::{Converted, Sink, convert, external, row};
use crate::catalog::Catalog;
use crate::domain::ids::MAX_ID;
use crate::domain::{
    Application, Candidate, CandidateId, Client, Engagement, EventId, Note, Placement, Stamp,
    Submittal, Timestamp,
};
use crate::store::{Store, StoreError};

/// The kinds of record, in the order they are written: each after those
/// it refers to (and the order of an export's sections and files).
const CANDIDATES: usize = 0;
const CLIENTS: usize = 1;
const ENGAGEMENTS: usize = 2;
const APPLICATIONS: usize = 3;
const SUBMITTALS: usize = 4;
const PLACEMENTS: usize = 5;
const NOTES: usize = 6;
const KINDS: usize = 7;

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
    chunks: Chunks,
    seen: [usize; KINDS],
    candidates: Vec<Candidate>,
    clients: Vec<Client>,
    /// Each with its client's name; an engagement whose `client` is
    /// `ClientId(0)` is for the client of that name (found or made).
    engagements: Vec<(Engagement, String)>,
    applications: Vec<Application>,
    submittals: Vec<Submittal>,
    placements: Vec<Placement>,
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
            next_id: next_id(plan.max_candidate_id),
            chunks: Chunks::default(),
            seen: [0; KINDS],
            candidates: Vec::with_capacity(CHUNK),
            clients: Vec::new(),
            engagements: Vec::new(),
            applications: Vec::new(),
            submittals: Vec::new(),
            placements: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Writes what is still pending, in dependency order, and flushes.
    pub fn finish(&mut self) {
        self.flush_up_to(KINDS);
        if self.error.is_none()
            && let Err(error) = self.store.flush()
        {
            self.error = Some(error);
        }
    }

    /// Writes the pending chunks of the first `kinds` kinds (in the
    /// order of [`CANDIDATES`] to [`NOTES`]): a record may only be
    /// written once those it refers to are. Nothing more is written after
    /// a failure.
    /// A candidate's row, written as the plan says: `convert` makes the
    /// candidate of it, and only for a row the plan writes.
    fn take_candidate(
        &mut self,
        row: Row,
        convert: impl FnOnce(&Row, &Catalog, Timestamp) -> Converted,
    ) {
        let index = self.seen[CANDIDATES];
        self.seen[CANDIDATES] += 1;
        let step = self.plan.candidates.get(index).copied();
        if self.error.is_some() || matches!(step, None | Some(Step::Leave)) {
            return;
        }
        let Ok(candidate) = convert(&row, self.catalog, self.stamp.at) else {
            return self.changed(row.line);
        };
        match step {
            Some(Step::Merge(existing)) => self.merge(existing, &candidate),
            Some(Step::Update(known)) => self.update(known, &candidate, &row),
            _ => self.add(candidate),
        }
    }

    fn flush_up_to(&mut self, kinds: usize) {
        if self.error.is_some() {
            return;
        }
        let (store, stamp) = (self.store, self.stamp);
        let outcome = (|| -> Result<(), StoreError> {
            if !self.candidates.is_empty() {
                store.import_candidates(&self.candidates, stamp)?;
                self.written.candidates += std::mem::take(&mut self.candidates).len();
                self.chunks.written();
            }
            if kinds > CLIENTS && !self.clients.is_empty() {
                store.import_clients(&self.clients, stamp)?;
                self.written.clients += std::mem::take(&mut self.clients).len();
                self.chunks.written();
            }
            if kinds > ENGAGEMENTS && !self.engagements.is_empty() {
                self.write_engagements()?;
                self.chunks.written();
            }
            if kinds > APPLICATIONS && !self.applications.is_empty() {
                store.add_applications(&self.applications)?;
                self.written.applications += std::mem::take(&mut self.applications).len();
                self.chunks.written();
            }
            if kinds > SUBMITTALS && !self.submittals.is_empty() {
                store.add_submittals(&self.submittals)?;
                self.written.submittals += std::mem::take(&mut self.submittals).len();
                self.chunks.written();
            }
            if kinds > PLACEMENTS && !self.placements.is_empty() {
                store.add_placements(&self.placements)?;
                self.written.placements += std::mem::take(&mut self.placements).len();
                self.chunks.written();
            }
            if kinds > NOTES && !self.notes.is_empty() {
                store.import_notes(&self.notes)?;
                self.written.notes += std::mem::take(&mut self.notes).len();
                self.chunks.written();
            }
            Ok(())
        })();
        if let Err(error) = outcome {
            self.error.get_or_insert(error);
        }
    }

    /// Writes the pending engagements, in file order: each run of those
    /// linked to a client by id, and of those for a client named.
    fn write_engagements(&mut self) -> Result<(), StoreError> {
        let pending = std::mem::take(&mut self.engagements);
        let by_id = |e: &(Engagement, String)| e.0.client.0 != 0;
        for run in pending.chunk_by(|a, b| by_id(a) == by_id(b)) {
            if by_id(&run[0]) {
                let linked: Vec<Engagement> = run.iter().map(|(e, _)| e.clone()).collect();
                self.store
                    .import_engagements_of_clients(&linked, self.stamp)?;
            } else {
                self.store.import_engagements(run, self.stamp)?;
            }
            self.written.engagements += run.len();
        }
        Ok(())
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
                let kind = "candidate".into();
                self.error = Some(StoreError::IdsUsedUp { kind });
                return;
            };
            candidate.id = CandidateId(id);
            self.next_id = next_id(id);
        }
        self.candidates.push(candidate);
        if self.candidates.len() >= CHUNK {
            self.flush_up_to(CANDIDATES + 1);
        }
    }

    fn merge(&mut self, existing: CandidateId, candidate: &Candidate) {
        match self.store.merge_candidate(existing, candidate, self.stamp) {
            Ok(merged) => {
                self.written.merged += 1;
                self.chunks.written();
                if self.merge_events.len() < MAX_LISTED {
                    self.merge_events.push(merged.event);
                }
            }
            Err(error) => self.error = Some(error),
        }
    }
}

impl Writer<'_> {
    /// Updates a stored record from a row naming it by its id in another
    /// system, as the first pass planned (see `external::update`).
    fn update(&mut self, known: CandidateId, candidate: &Candidate, row: &Row) {
        let stored = match self.store.candidate(known) {
            Ok(Some(stored)) => stored,
            Ok(None) => return self.error = Some(StoreError::NoCandidate(known)),
            Err(error) => return self.error = Some(error),
        };
        let after = external::update(&stored, candidate, row);
        match self.store.update_from_import(&after, candidate, self.stamp) {
            Ok(_) => {
                self.written.updated += 1;
                self.chunks.written();
            }
            Err(error) => self.error = Some(error),
        }
    }
}

/// The id after `id`, if ids go that far.
fn next_id(id: u64) -> Option<u64> {
    id.checked_add(1).filter(|&next| next <= MAX_ID)
}

impl Sink for Writer<'_> {
    fn candidate(&mut self, row: Row) {
        self.take_candidate(row, row::candidate);
    }

    fn converted(&mut self, row: Row, converted: Converted) {
        self.take_candidate(row, |_, _, _| converted);
    }

    fn client(&mut self, line: u64, record: ClientRecord) {
        let plan = self.plan;
        if self.take(CLIENTS, &plan.clients) {
            let Ok(client) = convert::client(record) else {
                return self.changed(line);
            };
            self.flush_up_to(CLIENTS);
            self.clients.push(client);
            if self.clients.len() >= CHUNK {
                self.flush_up_to(CLIENTS + 1);
            }
        }
    }

    fn engagement(&mut self, line: u64, record: EngagementRecord) {
        let plan = self.plan;
        if self.take(ENGAGEMENTS, &plan.engagements) {
            let Ok(engagement) = convert::engagement(record, self.catalog) else {
                return self.changed(line);
            };
            self.flush_up_to(ENGAGEMENTS);
            self.engagements.push(engagement);
            if self.engagements.len() >= CHUNK {
                self.flush_up_to(ENGAGEMENTS + 1);
            }
        }
    }

    fn application(&mut self, line: u64, record: ApplicationRecord) {
        let plan = self.plan;
        if self.take(APPLICATIONS, &plan.applications) {
            let Ok(application) = convert::application(record, self.catalog) else {
                return self.changed(line);
            };
            self.flush_up_to(APPLICATIONS);
            self.applications.push(application);
            if self.applications.len() >= CHUNK {
                self.flush_up_to(APPLICATIONS + 1);
            }
        }
    }

    fn submittal(&mut self, line: u64, record: SubmittalRecord) {
        let plan = self.plan;
        if self.take(SUBMITTALS, &plan.submittals) {
            let Ok(submittal) = convert::submittal(record) else {
                return self.changed(line);
            };
            self.flush_up_to(SUBMITTALS);
            self.submittals.push(submittal);
            if self.submittals.len() >= CHUNK {
                self.flush_up_to(SUBMITTALS + 1);
            }
        }
    }

    fn placement(&mut self, line: u64, record: PlacementRecord) {
        let plan = self.plan;
        if self.take(PLACEMENTS, &plan.placements) {
            let Ok(placement) = convert::placement(record) else {
                return self.changed(line);
            };
            self.flush_up_to(PLACEMENTS);
            self.placements.push(placement);
            if self.placements.len() >= CHUNK {
                self.flush_up_to(PLACEMENTS + 1);
            }
        }
    }

    fn note(&mut self, line: u64, record: NoteRecord) {
        let plan = self.plan;
        if self.take(NOTES, &plan.notes) {
            let Ok(note) = convert::note(record) else {
                return self.changed(line);
            };
            self.flush_up_to(NOTES);
            self.notes.push(note);
            if self.notes.len() >= CHUNK {
                self.flush_up_to(NOTES + 1);
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
            ..Row::default()
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
