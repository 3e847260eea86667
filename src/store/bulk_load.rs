//! A bulk load: candidates by the hundred thousand (the demo's), written
//! in sled batches rather than a transaction per chunk.
//!
//! A transaction per chunk of a thousand candidates spent most of a
//! demo's time in sled's transaction machinery (its write sets, its
//! conflict checks, its reads of the email index through them). A batch
//! per tree writes the same entries at a fraction of the cost, but
//! atomically within its tree only, so the load holds the import journal
//! open from its first chunk to its last (see `journal.rs`): a load cut
//! short, by an error or a kill, is taken back whole, by
//! [`BulkLoad`]'s drop or by the next open. The records, the email index,
//! the events, the events by candidate, the id counters and the `count:`
//! counters come out exactly as [`Store::add_candidates_as_created`]
//! writes them.
//!
//! Nobody else may write while a load runs: the ids of a chunk are
//! reserved before it is written, but its email checks read the index
//! outside any transaction. The command line holds the folder's lock, and
//! the demo is its only writer.

pub(super) mod emails;

use super::Store;
use super::bulk::at_row;
use super::candidates::validate;
use super::counts::Tally;
use super::error::{Result, StoreError};
use super::journal::RolledBack;
use super::kv::Transactional;
use super::records::{self, candidate_event_key};
use super::tx;
use crate::domain::text::normalize_email;
use crate::domain::{Candidate, CandidateId, Event, EventId, EventKind};
use emails::Emails;

/// A load under way; see the module's note. Dropped before
/// [`BulkLoad::finish`], it takes back what it wrote.
pub struct BulkLoad<'a> {
    store: &'a Store,
    done: bool,
    /// The store held no email when the load began: the load's emails
    /// can only clash with each other, which [`Emails::write`] finds.
    fresh: bool,
    emails: Emails,
    /// Candidates loaded so far, for the position an error names.
    loaded: usize,
}

impl Store {
    /// Opens a bulk load, `what` naming it in the notice a rollback
    /// leaves ("the import of WHAT was interrupted"). Refused while an
    /// import is under way.
    pub fn begin_bulk_load(&self, what: &str) -> Result<BulkLoad<'_>> {
        self.begin_import(what)?;
        Ok(BulkLoad {
            store: self,
            done: false,
            fresh: self.emails.is_empty()?,
            emails: Emails::default(),
            loaded: 0,
        })
    }
}

impl BulkLoad<'_> {
    /// The store loaded into, for the writes that go through its usual
    /// transactions (they are taken back with the rest).
    pub fn store(&self) -> &Store {
        self.store
    }

    /// [`Store::add_candidates_as_created`] for one chunk: each checked
    /// (its rules, its email against the store's) before any is written,
    /// then written in a batch per tree; their emails are indexed, and
    /// checked against each other, by [`BulkLoad::finish`]. An error names
    /// the candidate by its position in the whole load.
    pub fn add_candidates_as_created(
        &mut self,
        chunk: Vec<Candidate>,
        actor: &str,
    ) -> Result<Vec<CandidateId>> {
        let store = self.store;
        store.ensure_writable()?;
        let emails: Vec<String> = chunk.iter().map(|c| normalize_email(&c.email)).collect();
        for (offset, (candidate, email)) in chunk.iter().zip(&emails).enumerate() {
            self.check(candidate, email)
                .map_err(|e| at_row(self.loaded + offset, e))?;
        }
        let (first, first_event) = self.reserve(chunk.len() as u64)?;
        let mut writes = Writes::default();
        let mut ids = Vec::with_capacity(chunk.len());
        for (offset, (candidate, email)) in chunk.into_iter().zip(&emails).enumerate() {
            let id = CandidateId(first + offset as u64);
            let event = EventId(first_event + offset as u64);
            writes.candidate(Candidate { id, ..candidate }, event, actor)?;
            self.emails.push(email, id);
            ids.push(id);
        }
        self.loaded += ids.len();
        writes.apply(store)?;
        Ok(ids)
    }

    /// One candidate's own rules, and its email free in the store.
    fn check(&self, candidate: &Candidate, email: &str) -> Result<()> {
        validate(candidate)?;
        if self.fresh {
            return Ok(());
        }
        match self.store.candidate_by_email(email)? {
            Some(existing) => Err(StoreError::DuplicateEmail {
                email: email.to_string(),
                existing: existing.id,
            }),
            None => Ok(()),
        }
    }

    /// Reserves a chunk's candidate ids and its events' ids, one each:
    /// (first candidate id, first event id).
    fn reserve(&self, count: u64) -> Result<(u64, u64)> {
        self.store.meta.transaction(|meta| {
            let first = tx::reserve_ids(meta, tx::CANDIDATE_SEQ, count)?;
            let first_event = tx::reserve_ids(meta, tx::EVENT_SEQ, count)?;
            Ok((first, first_event))
        })
    }

    /// Indexes the loaded candidates' emails (refusing the load if one
    /// came twice), then commits the load (see [`Store::finish_import`]).
    pub fn finish(mut self) -> Result<()> {
        std::mem::take(&mut self.emails).write(&self.store.emails)?;
        self.done = true;
        self.store.finish_import()
    }

    /// Takes back everything the load wrote, now: what it took back.
    pub fn abandon(mut self) -> Result<Option<RolledBack>> {
        self.done = true;
        self.store.roll_back_import()
    }
}

impl Drop for BulkLoad<'_> {
    fn drop(&mut self) {
        if !self.done {
            // Left for the next open to take back when this fails.
            let _ = self.store.roll_back_import();
        }
    }
}

/// One chunk's entries, tree by tree, and its counters.
#[derive(Default)]
struct Writes {
    candidates: Entries,
    events: Entries,
    event_index: Entries,
    counted: Tally,
    appended: u64,
}

/// Keys and values for one tree, in key order.
type Entries = Vec<(Vec<u8>, Vec<u8>)>;

impl Writes {
    /// A candidate as `add_candidates_as_created` stores it (its email
    /// aside): the record under its id, and its event, stamped at
    /// `created_at`.
    fn candidate(&mut self, stored: Candidate, event: EventId, actor: &str) -> Result<()> {
        let id = stored.id;
        self.candidates.push((id.to_key().into(), encode(&stored)?));
        self.counted.change(None, Some(&stored));
        let index_key = candidate_event_key(id, event);
        self.event_index.push((index_key.into(), Vec::new()));
        let event = Event {
            id: event,
            at: stored.created_at,
            actor: actor.to_string(),
            kind: EventKind::CandidateAdded { candidate: id },
        };
        self.events
            .push((event.id.to_key().into(), encode(&event)?));
        self.appended += 1;
        Ok(())
    }

    /// Writes the entries, the records and the events by candidate on a
    /// thread of their own beside the events (about even halves), then
    /// the counters in one transaction of `meta`.
    fn apply(mut self, store: &Store) -> Result<()> {
        let (candidates, events, event_index) = (self.candidates, self.events, self.event_index);
        std::thread::scope(|scope| {
            let records = scope.spawn(|| {
                insert_all(&store.candidates, candidates)
                    .and_then(|()| insert_all(&store.event_index, event_index))
            });
            let log = insert_all(&store.events, events);
            let records = records
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            records.and(log)
        })?;
        self.counted.events(self.appended);
        store.meta.transaction(|meta| self.counted.apply(meta))
    }
}

/// Inserts one at a time, not in a `crate::store::kv::Batch`: a batch takes sled's
/// lock for transactions, so two trees cannot be written at once, and
/// holds one epoch for all its entries, so the copies of nodes that each
/// insert leaves are freed only once it ends (a batch of ten thousand
/// candidates held a few hundred megabytes).
fn insert_all(tree: &crate::store::kv::Tree, entries: Entries) -> Result<()> {
    for (key, value) in entries {
        tree.insert(key, value)?;
    }
    Ok(())
}

fn encode<R: records::Record>(record: &R) -> Result<Vec<u8>> {
    records::encode(record).map_err(StoreError::Encode)
}
