//! The store: the only code that touches sled.
//!
//! One tree per record type, each value a versioned envelope
//! ([`codec`]); an email index; a `meta` tree with the schema version and id
//! counters. A change that touches several trees (a stage move and its event)
//! is one transaction, and every mutating call flushes before it returns, so
//! a change the user sees acknowledged survives a crash of the process.

pub mod codec;
mod durable;
mod engine;
mod error;
mod flusher;
mod kv;
mod lock;
mod locked;
mod marker;
pub mod migrate;
mod open;
mod open_postgres;
pub mod open_wait;
mod records;
mod scratch;
mod sealed;
mod sled_log;
mod sled_open;
mod sled_snapshot;
mod space;
mod sparse_copy;
mod trial_open;
mod tx;
mod watermark;

mod assignments;
mod audit;
mod backup;
mod backup_error;
mod backup_place;
mod backup_postgres;
pub mod backups;
mod bulk;
mod bulk_agency;
mod bulk_load;
mod candidates;
mod check;
mod check_agency;
mod check_erasure;
mod check_halves;
mod check_indexes;
mod check_sweep;
mod checksum;
mod clients;
mod close;
mod compact;
mod compact_postgres;
mod consent;
pub mod copy;
mod counts;
mod database_copy;
mod decoded;
mod delete;
mod engagements;
mod erase;
mod event_log;
mod export;
mod first;
mod first_file;
mod import;
mod import_agency;
pub mod journal;
mod manifest;
mod merge;
mod notes;
mod notes_bulk;
mod pause;
mod pipeline;
mod placements;
pub mod postgres;
mod restore;
mod restore_postgres;
mod staging;
mod stats;
mod stats_file;
mod submittals;
mod tombstones;

pub use backup::CopiedBackup;
pub use backup_error::BackupError;
pub use bulk::BulkReport;
pub use bulk_load::BulkLoad;
pub use check::CheckReport;
pub use close::{SLED_STOPPED, closing, is_sled_panic, sled_panicked, sled_stopped};
pub use delete::DeletedCandidate;
pub use error::{Result, StoreError};
pub use first::FirstRecords;
pub use import::application_problem;
pub use locked::Locked;
pub use merge::Merged;
pub use open::{DEADLINE_ENV, is_address, is_database, shown};
pub use pause::{PAUSE_ENV, RESUME_ENV};
pub use placements::{Placed, PlacementEdit, Unplaced};
pub use records::{Record, SCHEMA_VERSION, application_key, decode, encode};
pub use restore::Restored;
pub use restore_postgres::restore;
pub use sled_open::OPENER_THREAD;
pub use space::free_bytes;
pub use stats::Stats;
pub use stats_file::quick_stats;
pub use submittals::SubmittalDraft;
pub use tombstones::ErasedMatch;

use crate::store::kv::Tree;
use std::path::{Path, PathBuf};

/// Where the schema version lives in the `meta` tree.
const SCHEMA_KEY: &[u8] = b"schema";

/// An open database, on sled (a folder) or PostgreSQL (`engine.rs`).
/// Dropping one on sled flushes, closes sled and records a clean close.
pub struct Store {
    candidates: Tree,
    engagements: Tree,
    applications: Tree,
    events: Tree,
    /// Normalised email -> candidate id.
    emails: Tree,
    meta: Tree,
    /// Candidate id then note id -> note.
    notes: Tree,
    /// Candidate id then event id -> nothing: each candidate's activity.
    event_index: Tree,
    clients: Tree,
    submittals: Tree,
    placements: Tree,
    /// Engagement id -> the interviewers assigned to it.
    assignments: Tree,
    /// The folder, or the PostgreSQL address as shown (no password).
    path: PathBuf,
    /// Declared last: fields drop in order, so the trees' handles are let
    /// go before sled closes (inside it, see `engine.rs`).
    engine: engine::Engine,
}

/// Marks the folder clean and releases its lock, after sled has let go.
pub(super) struct CleanClose {
    path: PathBuf,
    /// The next event id, known once the last flush succeeded.
    flushed_at: Option<u64>,
    /// The figures of `stats` at that flush, left beside the marker.
    figures: Option<stats::Figures>,
    /// The first screen's records at that flush, left beside it too.
    first: Option<first::RawFirst>,
    /// Taken out by [`Store::reopen`], which keeps holding it.
    lock: Option<lock::PathLock>,
    /// The folder opened (device, inode): if something moved it away and
    /// put another at the path, the marker must not describe that one.
    folder: Option<(u64, u64)>,
}

fn folder_identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

impl Drop for CleanClose {
    fn drop(&mut self) {
        if self.folder.is_none() || folder_identity(&self.path) != self.folder {
            return;
        }
        if let Some(next_event) = self.flushed_at {
            // Best effort: without the figures `stats` opens the database,
            // and without the marker the next open is only slower.
            if let Some(figures) = self.figures.take()
                && stats_file::write(&self.path, next_event, figures).is_err()
            {
                let _ = stats_file::remove(&self.path);
            }
            if let Some(first) = self.first.take()
                && first_file::write(&self.path, next_event, first).is_err()
            {
                let _ = first_file::remove(&self.path);
            }
            let _ = marker::mark_clean(&self.path, next_event);
        }
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        if self.engine.is_sled() && self.flush().is_ok() {
            let flushed_at = self.next_event_id().ok();
            let figures = self.figures().ok();
            let first = (self.candidate_count() >= first_file::WRITTEN_FROM)
                .then(|| self.first_raw(first_file::MOST_BYTES).ok().flatten())
                .flatten();
            if let Some(closer) = self.engine.closer() {
                (closer.flushed_at, closer.figures, closer.first) = (flushed_at, figures, first);
            }
        }
    }
}

impl Store {
    /// Opens (or creates) the database at `path`, migrating older records:
    /// a folder, or a PostgreSQL database given by its `postgres://`
    /// address.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        match path
            .to_str()
            .filter(|text| postgres::address::is_postgres(text))
        {
            Some(address) => Store::open_postgres(address),
            None => Store::lock(path)?.open(),
        }
    }

    /// Closes sled and opens it again, keeping the lock: after a full disk,
    /// sled refuses every write until it is reopened. The folder is not
    /// checked on a copy first, since this process knows why its last
    /// write failed; the watermark is still checked.
    pub fn reopen(mut self) -> Result<Store> {
        let path = self.path.clone();
        let lock = self.engine.closer().and_then(|closer| closer.lock.take());
        // A disk still failing may make sled panic here; the open below
        // then says what is wrong.
        self.drop_quietly();
        let lock = match lock {
            Some(lock) => lock,
            None => open::lock_path(&path)?,
        };
        Store::open_locked(path, lock, open::Trust::OwnFailure)
    }

    fn open_locked(path: PathBuf, lock: lock::PathLock, trust: open::Trust) -> Result<Store> {
        // Dropped last on every path, this one included (see `close.rs`).
        let last_handle = close::LastHandle::new(open::open_sled(&path, open::deadline(), trust)?);
        let db = last_handle.share();
        let io = |source| StoreError::io_at(&path, source);
        let sled = engine::SledParts {
            watermark: watermark::Watermark::open(&path).map_err(io)?,
            durable: durable::Durable::open(&path).map_err(io)?,
            flusher: flusher::Flusher::start(db.clone()).map_err(io)?,
            db: db.clone(),
            _last_handle: last_handle,
            closer: CleanClose {
                path: path.clone(),
                flushed_at: None,
                figures: None,
                first: None,
                lock: Some(lock),
                folder: folder_identity(&path),
            },
        };
        let engine = engine::Engine::Sled(Box::new(sled));
        let store = Store::on_trees(|name| Tree::open(&db, name), path, engine)?;
        drop(db);
        store.settle()?;
        Ok(store)
    }

    /// The store over the trees `tree` opens by name, on `engine`.
    fn on_trees(
        tree: impl Fn(&str) -> Result<Tree>,
        path: PathBuf,
        engine: engine::Engine,
    ) -> Result<Store> {
        Ok(Store {
            candidates: tree("candidates")?,
            engagements: tree("engagements")?,
            applications: tree("applications")?,
            events: tree("events")?,
            emails: tree("emails")?,
            meta: tree("meta")?,
            notes: tree("notes")?,
            event_index: tree("events_by_candidate")?,
            clients: tree("clients")?,
            submittals: tree("submittals")?,
            placements: tree("placements")?,
            assignments: tree("assignments")?,
            path,
            engine,
        })
    }

    /// What every open does once the trees are there: the schema brought
    /// up to date, indexes and counters built, an interrupted import
    /// taken back.
    fn settle(&self) -> Result<()> {
        self.settle_schema()?;
        self.settle_event_index()?;
        self.settle_import()?;
        self.settle_counts()
    }

    /// A records tree with the trees every change's event goes into, in
    /// the order transactions take them: (records, meta, events, events by
    /// candidate).
    fn with_log<'a>(&'a self, records: &'a Tree) -> (&'a Tree, &'a Tree, &'a Tree, &'a Tree) {
        (records, &self.meta, &self.events, &self.event_index)
    }

    /// The candidates and their email index, with the log's trees:
    /// (candidates, emails, meta, events, events by candidate).
    fn candidate_trees(&self) -> (&Tree, &Tree, &Tree, &Tree, &Tree) {
        (
            &self.candidates,
            &self.emails,
            &self.meta,
            &self.events,
            &self.event_index,
        )
    }

    /// True when the folder is exactly as a clean close of hireterm left it
    /// (so the next open skips the scratch-copy trial).
    pub fn closed_cleanly(path: impl AsRef<Path>) -> bool {
        matches!(
            marker::closing_state(path.as_ref()),
            Ok(marker::Closing::Clean { .. })
        )
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Makes every write so far durable (surviving a power cut, see
    /// the `durable` module), then raises the watermark. On PostgreSQL
    /// there is nothing to do: a write is acknowledged once committed.
    pub fn flush(&self) -> Result<()> {
        let Some(sled) = self.engine.sled() else {
            return Ok(());
        };
        sled.flusher.flush().map_err(|failed| match failed {
            flusher::Failed::Sled(e) => StoreError::from(e).at(&self.path),
            flusher::Failed::Stuck(waited) => self.stopped(waited, "may not be"),
        })?;
        sled.durable
            .sync()
            .map_err(|source| self.io_error(source, "db"))?;
        let next_event = self.next_event_id()?;
        sled.watermark
            .raise(next_event)
            .map_err(|source| self.io_error(source, watermark::FILE_NAME))
    }

    /// Refuses every write once sled has been given up on (see
    /// `flusher.rs`). The flush that never returned still holds sled's
    /// concurrency lock for reading, so a transaction or a batch (which
    /// take it for writing) would wait for ever; and once a writer waits,
    /// so would every read.
    fn ensure_writable(&self) -> Result<()> {
        match self.engine.sled() {
            Some(sled) if sled.flusher.is_stuck() => {
                Err(self.stopped(sled.flusher.deadline(), "was not"))
            }
            _ => Ok(()),
        }
    }

    /// The error once sled is given up on; `this_one` says what became
    /// of the change at hand.
    fn stopped(&self, waited: std::time::Duration, this_one: &str) -> StoreError {
        if self
            .engine
            .sled()
            .is_some_and(|sled| sled.flusher.met_full_disk())
        {
            return self.io_error(std::io::ErrorKind::StorageFull.into(), "db");
        }
        StoreError::Io {
            path: self.path.clone(),
            source: std::io::Error::other(format!(
                "the storage engine stopped after a disk error (or did not finish \
                 writing within {}s); changes acknowledged before were saved, this one \
                 {this_one}",
                waited.as_secs()
            )),
        }
    }

    fn next_event_id(&self) -> Result<u64> {
        Ok(tx::read_counter(self.meta.get(tx::EVENT_SEQ)?.as_deref()))
    }

    /// An I/O error on one of the database's files, a full disk told as one.
    fn io_error(&self, source: std::io::Error, file: &str) -> StoreError {
        if space::is_disk_full(&source) {
            return StoreError::DiskFull {
                path: self.path.clone(),
                needed: space::WRITE_HEADROOM,
            };
        }
        StoreError::Io {
            path: self.path.join(file),
            source,
        }
    }

    /// The schema version recorded in the database.
    pub fn schema_version(&self) -> Result<u16> {
        let stored = self.meta.get(SCHEMA_KEY)?;
        Ok(stored
            .and_then(|v| <[u8; 2]>::try_from(v.as_ref()).ok())
            .map_or(SCHEMA_VERSION, u16::from_be_bytes))
    }

    /// Records the current version in a new database, refuses a newer one,
    /// and rewrites an older one.
    fn settle_schema(&self) -> Result<()> {
        if self.meta.get(SCHEMA_KEY)?.is_none() {
            self.meta
                .insert(SCHEMA_KEY, &SCHEMA_VERSION.to_be_bytes())?;
            return self.flush();
        }
        let found = self.schema_version()?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path: self.path.clone(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if found < SCHEMA_VERSION {
            self.migrate()?;
        }
        Ok(())
    }

    /// Builds the per-candidate event index of a database written before
    /// it existed; a no-op once built.
    fn settle_event_index(&self) -> Result<()> {
        const BUILT: &[u8] = b"index:events_by_candidate";
        if self.meta.get(BUILT)?.is_some() {
            return Ok(());
        }
        let mut batch = crate::store::kv::Batch::default();
        for event in self.events()? {
            if let Some(candidate) = event.kind.candidate() {
                batch.insert(&records::candidate_event_key(candidate, event.id), &[]);
            }
        }
        self.event_index.apply_batch(batch)?;
        self.meta.insert(BUILT, &[1])?;
        self.flush()
    }

    /// Rewrites every record at the current version. Everything is decoded
    /// before anything is written, so a database with an unreadable record is
    /// left as it was.
    fn migrate(&self) -> Result<()> {
        // The counters are rebuilt from the rewritten records on this open.
        self.mark_counts_stale()?;
        let candidates = self.rewrite_batch::<crate::domain::Candidate>(&self.candidates)?;
        let (clients, engagements) = self.migrate_engagements()?;
        let applications = self.rewrite_batch::<crate::domain::Application>(&self.applications)?;
        let events = self.rewrite_batch::<crate::domain::Event>(&self.events)?;
        let notes = self.rewrite_batch::<crate::domain::Note>(&self.notes)?;
        self.candidates.apply_batch(candidates)?;
        self.clients.apply_batch(clients)?;
        self.engagements.apply_batch(engagements)?;
        self.applications.apply_batch(applications)?;
        self.events.apply_batch(events)?;
        self.notes.apply_batch(notes)?;
        // The version goes last: until it is written, records of both
        // versions decode, so an interrupted migration simply runs again.
        self.meta
            .insert(SCHEMA_KEY, &SCHEMA_VERSION.to_be_bytes())?;
        self.flush()
    }

    /// Engagements written before schema 3 name their client by text; each
    /// distinct name becomes a client record (see
    /// [`migrate::engagements_from_v2`]), and the client counter moves past
    /// them. Engagements already at v3 (an interrupted migration that
    /// wrote them) are only rewritten.
    fn migrate_engagements(&self) -> Result<(crate::store::kv::Batch, crate::store::kv::Batch)> {
        let mut old = Vec::new();
        let mut current = Vec::new();
        for entry in self.engagements.iter() {
            let (key, bytes) = entry?;
            let bad = |error| corrupt::<crate::domain::Engagement>(&key, error);
            let opened = codec::open(codec::RecordKind::Engagement, &bytes).map_err(bad)?;
            if opened.version >= records::ENGAGEMENTS_AS_NOW {
                current.push(decode_entry::<crate::domain::Engagement>(&key, &bytes)?);
            } else {
                old.push(
                    codec::decode_payload::<migrate::EngagementV2>(opened.payload).map_err(bad)?,
                );
            }
        }
        let existing: Vec<crate::domain::Client> = self.load_all(&self.clients)?;
        let first = tx::read_counter(self.meta.get(tx::CLIENT_SEQ)?.as_deref());
        let (clients, mut engagements) = migrate::engagements_from_v2(old, &existing, first);
        engagements.extend(current);
        let mut client_batch = crate::store::kv::Batch::default();
        for client in &clients {
            client_batch.insert(
                &client.id.to_key(),
                encode(client).map_err(StoreError::Encode)?,
            );
        }
        let next = first + clients.len() as u64;
        self.meta.insert(tx::CLIENT_SEQ, &next.to_be_bytes())?;
        let mut batch = crate::store::kv::Batch::default();
        for engagement in &engagements {
            batch.insert(
                &engagement.id.to_key(),
                encode(engagement).map_err(StoreError::Encode)?,
            );
        }
        Ok((client_batch, batch))
    }

    fn rewrite_batch<R: Record>(&self, tree: &Tree) -> Result<crate::store::kv::Batch> {
        let mut batch = crate::store::kv::Batch::default();
        for entry in tree.iter() {
            let (key, bytes) = entry?;
            let record: R = decode(&bytes).map_err(|error| corrupt::<R>(&key, error))?;
            batch.insert(key, encode(&record).map_err(StoreError::Encode)?);
        }
        Ok(batch)
    }

    /// Every record of one tree in key order. The raw values are collected
    /// first (sled's iterator is cheap next to decoding), then decoded on
    /// both cores when there are many. Measured on 100,000 candidates, this
    /// beats scanning two key ranges in parallel, which contend in sled.
    fn load_all<R: Record + Send>(&self, tree: &Tree) -> Result<Vec<R>> {
        let raw: Vec<(sled::IVec, sled::IVec)> = tree.iter().collect::<Result<_, _>>()?;
        let decode_part = |part: &[(sled::IVec, sled::IVec)]| -> Result<Vec<R>> {
            part.iter()
                .map(|(key, bytes)| decode_entry(key, bytes))
                .collect()
        };
        if raw.len() < PARALLEL_DECODE_MIN {
            return decode_part(&raw);
        }
        let (first, second) = raw.split_at(raw.len() / 2);
        let (low, high) = std::thread::scope(|scope| {
            let high = scope.spawn(|| decode_part(second));
            (decode_part(first), high.join())
        });
        let mut records = low?;
        records.extend(high.unwrap_or_else(|panic| std::panic::resume_unwind(panic))?);
        Ok(records)
    }

    fn get_record<R: Record>(&self, tree: &Tree, key: &[u8]) -> Result<Option<R>> {
        match tree.get(key)? {
            None => Ok(None),
            Some(bytes) => decode_entry(key, &bytes).map(Some),
        }
    }
}

/// Below this many records a second thread costs more than it saves.
const PARALLEL_DECODE_MIN: usize = 4096;

/// Decodes one stored value, naming its tree and key if it is unreadable.
fn decode_entry<R: Record>(key: &[u8], bytes: &[u8]) -> Result<R> {
    decode(bytes).map_err(|error| corrupt::<R>(key, error))
}

/// [`decode_entry`] for an entry straight from a sled iterator.
fn decode_item<R: Record>(item: Result<(sled::IVec, sled::IVec)>) -> Result<R> {
    let (key, bytes) = item?;
    decode_entry(&key, &bytes)
}

fn corrupt<R: Record>(key: &[u8], error: codec::CodecError) -> StoreError {
    StoreError::Corrupt {
        tree: R::TREE,
        key: records::describe_key(key),
        error,
    }
}
