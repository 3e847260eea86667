//! The records a large database's first screen draws: every engagement,
//! pipeline, note and agency record, and the candidates they name (a few
//! hundred of a million). They are read from the store's trees, or from
//! the copy of those entries a clean close leaves beside the database
//! (`first_file.rs`), so that the screen is up before the open's check of
//! every file is done; both go through the one decoding here.

use super::{Record, Result, Store, decode_entry};
use crate::domain::scope::Assignment;
use crate::domain::{
    Application, Candidate, CandidateId, Client, Engagement, Note, Placement, Submittal,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One stored entry: key and value, as sled holds them.
type Entry = (Vec<u8>, Vec<u8>);

/// The first screen's entries, undecoded.
#[derive(Serialize, Deserialize, Default)]
pub(super) struct RawFirst {
    pub(super) candidate_count: u64,
    candidates: Vec<Entry>,
    engagements: Vec<Entry>,
    applications: Vec<Entry>,
    notes: Vec<Entry>,
    clients: Vec<Entry>,
    submittals: Vec<Entry>,
    placements: Vec<Entry>,
    assignments: Vec<Entry>,
}

/// The first screen's records, decoded; candidates in id order.
#[derive(Debug, Default)]
pub struct FirstRecords {
    /// How many candidates the database holds in all.
    pub candidate_count: usize,
    pub candidates: Vec<Candidate>,
    pub engagements: Vec<Engagement>,
    pub applications: Vec<Application>,
    pub notes: Vec<Note>,
    pub clients: Vec<Client>,
    pub submittals: Vec<Submittal>,
    pub placements: Vec<Placement>,
    pub assignments: Vec<Assignment>,
}

impl Store {
    /// The first screen's records, read from the trees.
    pub fn first_records(&self) -> Result<FirstRecords> {
        self.first_raw()?.decode()
    }

    /// The first screen's entries as stored.
    pub(super) fn first_raw(&self) -> Result<RawFirst> {
        let all = |tree: &sled::Tree| -> Result<Vec<Entry>> {
            let entries = tree
                .iter()
                .map(|item| item.map(|(k, v)| (k.to_vec(), v.to_vec())));
            Ok(entries.collect::<sled::Result<_>>()?)
        };
        let mut raw = RawFirst {
            candidate_count: self.candidate_count() as u64,
            engagements: all(&self.engagements)?,
            applications: all(&self.applications)?,
            notes: all(&self.notes)?,
            clients: all(&self.clients)?,
            submittals: all(&self.submittals)?,
            placements: all(&self.placements)?,
            assignments: all(&self.assignments)?,
            candidates: Vec::new(),
        };
        for id in raw.named_candidates()? {
            let key = id.to_key();
            if let Some(value) = self.candidates.get(key)? {
                raw.candidates.push((key.to_vec(), value.to_vec()));
            }
        }
        Ok(raw)
    }
}

impl RawFirst {
    /// Every candidate a pipeline, submittal or placement names.
    fn named_candidates(&self) -> Result<BTreeSet<CandidateId>> {
        let applications: Vec<Application> = decode_all(&self.applications)?;
        let submittals: Vec<Submittal> = decode_all(&self.submittals)?;
        let placements: Vec<Placement> = decode_all(&self.placements)?;
        Ok((applications.iter().map(|a| a.candidate))
            .chain(submittals.iter().map(|s| s.candidate))
            .chain(placements.iter().map(|p| p.candidate))
            .collect())
    }

    /// The records these entries hold (older schemas migrated as on any
    /// read).
    pub(super) fn decode(&self) -> Result<FirstRecords> {
        Ok(FirstRecords {
            candidate_count: usize::try_from(self.candidate_count).unwrap_or(usize::MAX),
            candidates: decode_all(&self.candidates)?,
            engagements: decode_all(&self.engagements)?,
            applications: decode_all(&self.applications)?,
            notes: decode_all(&self.notes)?,
            clients: decode_all(&self.clients)?,
            submittals: decode_all(&self.submittals)?,
            placements: decode_all(&self.placements)?,
            assignments: decode_all(&self.assignments)?,
        })
    }

    /// The bytes the entries take (what a clean close weighs before
    /// leaving them beside the database).
    pub(super) fn bytes(&self) -> usize {
        [
            &self.candidates,
            &self.engagements,
            &self.applications,
            &self.notes,
            &self.clients,
            &self.submittals,
            &self.placements,
            &self.assignments,
        ]
        .iter()
        .flat_map(|entries| entries.iter())
        .map(|(key, value)| key.len() + value.len())
        .sum()
    }
}

fn decode_all<R: Record>(entries: &[Entry]) -> Result<Vec<R>> {
    entries
        .iter()
        .map(|(key, value)| decode_entry(key, value))
        .collect()
}
