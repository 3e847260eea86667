//! Taking back an import that never committed: every record past the
//! counters its journal names (every record, if the database was empty),
//! the index entries pointing at them, and its events; the merges it made
//! are undone from the images their events keep.
//!
//! Each step removes what it finds and can run again: a rollback killed
//! half-way is done again, from the same journal, on the next open. The
//! events go last, after a flush, because the merges and the applications
//! to undo are found through them.

use super::Journal;
use crate::domain::{Event, EventKind};
use crate::store::Store;
use crate::store::error::{Result, StoreError};
use crate::store::kv::Tree;
use crate::store::records::{self, application_key, id_from_key};

/// Entries removed per batch: a rollback of a million records never
/// holds more than this many keys.
const BATCH: usize = 10_000;

/// What a rollback took back, record by record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RolledBack {
    /// The file the import read, as the user named it.
    pub file: String,
    pub candidates: usize,
    /// Stored candidates given back the values they had before a merge.
    pub merges: usize,
    pub clients: usize,
    pub engagements: usize,
    pub applications: usize,
    pub submittals: usize,
    pub placements: usize,
    pub notes: usize,
}

impl RolledBack {
    /// How many records were taken back, all kinds together.
    pub fn records(&self) -> usize {
        self.counts().iter().map(|(n, _)| n).sum()
    }

    /// "its 1000 candidates and 2 merges were rolled back", or that it
    /// was, when an earlier try already took its records out.
    pub fn describe(&self) -> String {
        let parts: Vec<String> = self
            .counts()
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, what)| format!("{n} {what}{}", if *n == 1 { "" } else { "s" }))
            .collect();
        match parts.as_slice() {
            [] => "what it had written was rolled back".into(),
            [one] => format!("its {one} {} rolled back", were(self.records())),
            [rest @ .., last] => format!("its {} and {last} were rolled back", rest.join(", ")),
        }
    }

    fn counts(&self) -> [(usize, &'static str); 8] {
        [
            (self.candidates, "candidate"),
            (self.merges, "merge"),
            (self.clients, "client"),
            (self.engagements, "engagement"),
            (self.applications, "application"),
            (self.submittals, "submittal"),
            (self.placements, "placement"),
            (self.notes, "note"),
        ]
    }
}

fn were(count: usize) -> &'static str {
    if count == 1 { "was" } else { "were" }
}

impl Store {
    /// Takes back everything the journal's import wrote (see the module's
    /// note); the journal itself is left for the caller to remove.
    pub(super) fn undo_import(&self, journal: &Journal) -> Result<RolledBack> {
        let s = &journal.starts;
        // Records the import added: past the counters, or all of them.
        let floor = |start: u64| if journal.was_empty { 0 } else { start };
        let mut undone = RolledBack {
            file: journal.file.clone(),
            ..RolledBack::default()
        };
        // Batches bypass the counters: they are rebuilt once all is gone
        // (by the next open, if this one is cut short).
        self.mark_counts_stale()?;
        self.undo_through_events(journal, &mut undone)?;
        let (candidate, note) = (floor(s.candidate), floor(s.note));
        remove_where(&self.emails, &[], |_, id| past(id, 0, candidate))?;
        remove_where(&self.event_index, &[], |key, _| past(key, 8, s.event))?;
        undone.notes = remove_where(&self.notes, &[], |key, _| past(key, 8, note))?;
        let (engagement, every) = (floor(s.engagement), journal.was_empty);
        undone.applications += remove_where(&self.applications, &[], |key, _| {
            every || past(key, 0, engagement) || past(key, 8, candidate)
        })?;
        undone.candidates = remove_from(&self.candidates, candidate)?;
        undone.engagements = remove_from(&self.engagements, engagement)?;
        undone.clients = remove_from(&self.clients, floor(s.client))?;
        undone.submittals = remove_from(&self.submittals, floor(s.submittal))?;
        undone.placements = remove_from(&self.placements, floor(s.placement))?;
        self.flush()?;
        super::pause_for_tests("rollback");
        remove_from(&self.events, s.event)?;
        self.rebuild_counts()?;
        Ok(undone)
    }

    /// Walks the import's events, newest first: each merge's candidate
    /// gets its image from before the merge back (the oldest image last,
    /// so it is the one that stays), and each application the import
    /// opened goes.
    fn undo_through_events(&self, journal: &Journal, undone: &mut RolledBack) -> Result<()> {
        self.ensure_writable()?;
        let s = &journal.starts;
        let mut restored = crate::store::kv::Batch::default();
        let mut opened = crate::store::kv::Batch::default();
        let mut pending = 0;
        for item in self.events.range(s.event.to_be_bytes()..).rev() {
            let (_, bytes) = item?;
            // An unreadable event is the import's own all the same: it
            // goes with the others.
            let Ok(event) = records::decode::<Event>(&bytes) else {
                continue;
            };
            match event.kind {
                EventKind::CandidateMerged {
                    candidate, before, ..
                }
                | EventKind::CandidateUpdatedFromFile {
                    candidate, before, ..
                } if candidate.0 < s.candidate && !journal.was_empty => {
                    let bytes = records::encode(&*before).map_err(StoreError::Encode)?;
                    restored.insert(&candidate.to_key(), bytes);
                    undone.merges += 1;
                }
                EventKind::ApplicationOpened {
                    engagement,
                    candidate,
                    ..
                } => {
                    let key = application_key(engagement, candidate);
                    if self.applications.contains_key(key)? {
                        opened.remove(&key);
                        undone.applications += 1;
                    }
                }
                _ => continue,
            }
            pending += 1;
            if pending % BATCH == 0 {
                self.candidates.apply_batch(std::mem::take(&mut restored))?;
                self.applications.apply_batch(std::mem::take(&mut opened))?;
            }
        }
        self.candidates.apply_batch(restored)?;
        self.applications.apply_batch(opened)?;
        Ok(())
    }
}

/// Whether the id in the 8 bytes at `at` of `bytes` is `start` or past it.
fn past(bytes: &[u8], at: usize, start: u64) -> bool {
    bytes
        .get(at..at + 8)
        .and_then(id_from_key)
        .is_some_and(|id| id >= start)
}

/// Removes every entry keyed by an id from `start` on; how many.
fn remove_from(tree: &Tree, start: u64) -> Result<usize> {
    remove_where(tree, &start.to_be_bytes(), |_, _| true)
}

/// Removes the entries of `tree` from key `start` on that `doomed` picks,
/// a batch at a time; how many.
fn remove_where(tree: &Tree, start: &[u8], doomed: impl Fn(&[u8], &[u8]) -> bool) -> Result<usize> {
    let mut batch = crate::store::kv::Batch::default();
    let (mut pending, mut removed) = (0, 0);
    for item in tree.range(start..) {
        let (key, value) = item?;
        if !doomed(&key, &value) {
            continue;
        }
        batch.remove(key);
        (pending, removed) = (pending + 1, removed + 1);
        if pending == BATCH {
            tree.apply_batch(std::mem::take(&mut batch))?;
            pending = 0;
        }
    }
    tree.apply_batch(batch)?;
    Ok(removed)
}
