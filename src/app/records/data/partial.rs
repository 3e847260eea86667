//! A large database's first screen before all of it is read: the
//! snapshot holds every engagement, pipeline, note and agency record, but
//! only the candidates those name (a few hundred of a million), so that
//! My work and the boards draw in moments. The rest are read on a thread
//! (`records/loading.rs`) and joined in by [`Data::completed`]; until then
//! what needs every candidate (the table, search, filter, the matrix, the
//! bench, the reports) says how far the read has come (`app/loading.rs`).

use super::Data;
use crate::app::records::agency::{Agency, AgencyParts};
use crate::domain::{Candidate, CandidateId};
use crate::store::{FirstRecords, Result, Store};
use std::sync::Arc;

impl Data {
    /// The first snapshot of a large database: everything but the
    /// candidates no record names, which are read by point lookups.
    pub fn load_first(store: &Store) -> Result<Data> {
        Ok(Data::from_first(store.first_records()?))
    }

    /// [`Data::load_first`] from records read elsewhere (what the last
    /// clean close left beside the database: `store/first_file.rs`).
    pub fn from_first(first: FirstRecords) -> Data {
        let agency = Agency::from_parts(AgencyParts {
            clients: Arc::new(first.clients),
            submittals: Arc::new(first.submittals),
            placements: Arc::new(first.placements),
            assignments: Arc::new(first.assignments),
        });
        let mut data = Data::from_records(
            first.candidates,
            first.engagements,
            first.applications,
            first.notes,
            agency,
        );
        data.partial = Some(Arc::default());
        data
    }

    /// Whether every candidate is here (see `partial`).
    pub fn is_complete(&self) -> bool {
        self.partial.is_none()
    }

    /// Notes that `id` was written while this snapshot is partial.
    pub(super) fn touch(&mut self, id: CandidateId) {
        if let Some(touched) = self.partial.as_mut() {
            Arc::make_mut(touched).insert(id);
        }
    }

    /// This partial snapshot with every candidate: `all`, read while the
    /// first screen was up, with the candidates written since taken from
    /// here (added, edited, or gone), the rest of the records as they are.
    pub fn completed(&self, mut all: Vec<Candidate>) -> Data {
        for &id in self.partial.iter().flat_map(|touched| touched.iter()) {
            let at = all.binary_search_by_key(&id, |c| c.id);
            match (self.candidate(id), at) {
                (Some(now), Ok(i)) => all[i] = now.clone(),
                (Some(now), Err(i)) => all.insert(i, now.clone()),
                (None, Ok(i)) => drop(all.remove(i)),
                (None, Err(_)) => {}
            }
        }
        let mut data = Data {
            latest: Arc::new(vec![None; all.len()]),
            candidates: Arc::new(all),
            partial: None,
            ..self.clone()
        };
        data.rank_names();
        let moves: Vec<_> = (data.pipelines.values())
            .flat_map(|apps| apps.iter().map(super::moved))
            .collect();
        for (candidate, stage, at) in moves {
            data.note_move(candidate, stage, at);
        }
        data
    }

    /// The candidates, taken out (copied only if shared).
    pub fn into_candidates(self) -> Vec<Candidate> {
        Arc::try_unwrap(self.candidates).unwrap_or_else(|shared| shared.as_ref().clone())
    }
}
