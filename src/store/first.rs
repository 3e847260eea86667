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
        // No limit, so never `None`.
        self.first_raw(usize::MAX)?.unwrap_or_default().decode()
    }

    /// The first screen's entries as stored, or `None` as soon as they
    /// take more than `most` bytes: a clean close does not read a
    /// million notes to find them too many to leave.
    pub(super) fn first_raw(&self, most: usize) -> Result<Option<RawFirst>> {
        match self.first_raw_within(&mut most.clone()) {
            Ok(raw) => Ok(Some(raw)),
            Err(Stop::TooLarge) => Ok(None),
            Err(Stop::Failed(error)) => Err(error),
        }
    }

    fn first_raw_within(&self, left: &mut usize) -> std::result::Result<RawFirst, Stop> {
        let mut take = |tree: &crate::store::kv::Tree| entries_within(tree.iter(), left);
        let mut raw = RawFirst {
            candidate_count: self.candidate_count() as u64,
            engagements: take(&self.engagements)?,
            applications: take(&self.applications)?,
            notes: take(&self.notes)?,
            clients: take(&self.clients)?,
            submittals: take(&self.submittals)?,
            placements: take(&self.placements)?,
            assignments: take(&self.assignments)?,
            candidates: Vec::new(),
        };
        let mut named = Vec::new();
        for id in raw.named_candidates()? {
            let key = id.to_key();
            if let Some(value) = self.candidates.get(key)? {
                named.push(Ok((sled::IVec::from(&key[..]), value)));
            }
        }
        raw.candidates = entries_within(named.into_iter(), left)?;
        Ok(raw)
    }
}

/// Why the first screen's entries were not all read.
enum Stop {
    TooLarge,
    Failed(super::StoreError),
}

impl<E: Into<super::StoreError>> From<E> for Stop {
    fn from(error: E) -> Stop {
        Stop::Failed(error.into())
    }
}

/// Every entry `entries` yields, unless together they take more than
/// `left` bytes; `left` is lowered by what they take.
fn entries_within(
    entries: impl Iterator<Item = Result<(sled::IVec, sled::IVec)>>,
    left: &mut usize,
) -> std::result::Result<Vec<Entry>, Stop> {
    let mut kept = Vec::new();
    for entry in entries {
        let (key, value) = entry?;
        *left = (left.checked_sub(key.len() + value.len())).ok_or(Stop::TooLarge)?;
        kept.push((key.to_vec(), value.to_vec()));
    }
    Ok(kept)
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
}

fn decode_all<R: Record>(entries: &[Entry]) -> Result<Vec<R>> {
    entries
        .iter()
        .map(|(key, value)| decode_entry(key, value))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_past_the_limit_stop_the_read() {
        let db = sled::Config::new().temporary(true).open().unwrap();
        let tree = crate::store::kv::Tree::open(&db, "t").unwrap();
        for i in 0u8..3 {
            tree.insert([i], vec![i; 9]).unwrap();
        }
        let mut left = 25;
        assert!(matches!(
            entries_within(tree.iter(), &mut left),
            Err(Stop::TooLarge)
        ));
        let mut left = 100;
        let all = entries_within(tree.iter(), &mut left).ok().unwrap();
        assert_eq!(all.len(), 3);
        assert_eq!(left, 70);
    }
}
