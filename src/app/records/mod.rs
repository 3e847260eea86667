//! The records every session of one process draws from, and the one owner
//! of every write to them. A local terminal has one session; `hireterm
//! serve` has one per connected manager, all over one store.
//!
//! A write (`Records::write`, and the typed writes in `writes.rs`) runs
//! the store call and publishes the new snapshot under one lock, so the
//! snapshots follow the store's commits in order and every session sees
//! the same history. Each session adopts the new snapshot before its next
//! frame (`App::settle`); watchers (the SSH sessions' wake-ups) are told,
//! with the writing session named so that it is not woken by its own
//! write.

pub mod access;
pub mod agency;
mod catch_up;
mod close;
pub mod data;
mod foreign;
pub mod guard;
mod live;
mod loading;
mod opening;
mod publish;
mod redact;
mod redact_all;
pub mod reports;
mod search;
mod viewers;
pub mod writes;
mod writes_access;
mod writes_agency;
mod writes_consent;
pub mod writes_delete;
pub mod writes_import;

use super::attention::Item;
use super::shared_attention::SharedAttention;
use crate::catalog::Catalog;
use crate::domain::{Policy, Timestamp};
use crate::search::SearchIndex;
use crate::store::{Result, Store};
pub use close::Closed;
use data::Data;
use live::LiveStore;
pub use live::Recovery;
pub use loading::{LoadState, READ_BEHIND_FROM};
pub use search::OwnIndex;
use search::SearchState;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// The session a write came from (the local terminal is 0; `hireterm
/// serve` gives each session its own).
pub type Origin = u64;

type Watcher = Box<dyn Fn(Origin) + Send + Sync>;

/// A snapshot of the records and its version (the count of writes
/// published before it).
pub type Snapshot = (u64, Arc<Data>);

pub struct Records {
    store: LiveStore,
    catalog: &'static Catalog,
    /// The latest snapshot; its lock is held across each write.
    current: Mutex<Snapshot>,
    /// The latest version, readable without waiting for a write.
    version: AtomicU64,
    search: Mutex<SearchState>,
    watchers: Mutex<Vec<(u64, Watcher)>>,
    /// When the last backup from the app was taken: one a few minutes is
    /// plenty, and over SSH it keeps many managers (or one key held down)
    /// from filling the server's disk with copies.
    last_backup: Mutex<Option<std::time::Instant>>,
    /// The redacted copy every viewer session draws (`access.rs`).
    viewers: viewers::ViewerCopy,
    /// The background read of a large database's candidates
    /// (`loading.rs`), idle when they were read before the first frame.
    loader: loading::Loader,
    /// The attention list every session drawing the same snapshot shares.
    attention: SharedAttention,
    /// Hears other instances' writes on a shared database (`foreign.rs`).
    foreign: foreign::Foreign,
}

/// The least time between two backups taken from the app.
pub const BACKUP_COOLDOWN: std::time::Duration = std::time::Duration::from_secs(300);

/// Ends a watch when dropped.
pub struct WatchGuard {
    records: Arc<Records>,
    id: u64,
}

impl Drop for WatchGuard {
    fn drop(&mut self) {
        lock(&self.records.watchers).retain(|(id, _)| *id != self.id);
    }
}

/// A panicked session must not take the others down with it: the data
/// behind these locks is only ever replaced whole, never left half-written.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Records {
    /// Loads the records and starts building the search index.
    pub fn load(store: Arc<Store>, catalog: &'static Catalog) -> Result<Arc<Records>> {
        Records::load_reporting(store, catalog, &mut |_, _| {})
    }

    /// [`Records::load`], telling `report` how many candidates of how many
    /// are read (see [`Data::load_reporting`]).
    pub fn load_reporting(
        store: Arc<Store>,
        catalog: &'static Catalog,
        report: &mut dyn FnMut(usize, usize),
    ) -> Result<Arc<Records>> {
        let newest = catch_up::starting_point(&store)?;
        let data = Data::load_reporting(&store, report)?;
        let records = Arc::new(Records::with_data(LiveStore::new(store), catalog, data));
        records.hear_others(newest);
        Ok(records)
    }

    /// Records drawn from `data`, the search index started if every
    /// candidate is there.
    fn with_data(store: LiveStore, catalog: &'static Catalog, data: Data) -> Records {
        let data = Arc::new(data);
        let records = Records {
            store,
            catalog,
            search: Mutex::new(SearchState::default()),
            current: Mutex::new((0, Arc::clone(&data))),
            version: AtomicU64::new(0),
            watchers: Mutex::new(Vec::new()),
            last_backup: Mutex::new(None),
            viewers: Default::default(),
            loader: Default::default(),
            attention: Default::default(),
            foreign: Default::default(),
        };
        if data.is_complete() {
            lock(&records.search).start(0, &data, catalog);
        }
        records
    }

    /// The store, for reading (the event log, a record as stored). A
    /// short-lived handle: after a full disk the store is reopened, which
    /// needs every handle back.
    pub fn store(&self) -> Result<Arc<Store>> {
        self.store.get()
    }

    /// Where the database is.
    pub fn path(&self) -> &std::path::Path {
        self.store.path()
    }

    /// Reopens the store if a full disk stopped it and the disk has room
    /// again (`hireterm serve` calls this on a timer; a write tries it too).
    pub fn recover(&self) -> Result<Recovery> {
        let _writes = lock(&self.current);
        self.store.recover()
    }

    /// Gives back the store when nothing else holds the records, to close
    /// it.
    pub fn into_store(self) -> Option<Arc<Store>> {
        self.store.into_store()
    }

    /// The latest records and their version.
    pub fn snapshot(&self) -> Snapshot {
        let current = lock(&self.current);
        (current.0, Arc::clone(&current.1))
    }

    /// The attention list of `data` (a snapshot of these records) under
    /// `policy` at `now`, made once for every session that needs it.
    pub fn attention(&self, data: &Arc<Data>, policy: &Policy, now: Timestamp) -> Arc<[Item]> {
        self.attention.items(data, policy, now)
    }

    pub fn version(&self) -> u64 {
        self.version.load(Ordering::Acquire)
    }

    /// Runs one store write and, if it commits, applies its result to the
    /// records and publishes them, all under the snapshot's lock: of two
    /// sessions' writes, the one the store committed later is the one
    /// every screen shows. Returns the write's result and the snapshot it
    /// made.
    ///
    /// First, under the same lock, the writer's access is checked against
    /// the records as they are (`guard.rs`): a refusal writes nothing.
    fn write<T>(
        &self,
        by: &writes::Writer,
        need: guard::Need,
        commit: impl FnOnce(&Store) -> Result<T>,
        apply: impl FnOnce(&mut Data, &T),
    ) -> Result<(T, Snapshot)> {
        let origin = by.origin;
        let (done, published, changed) = {
            let mut current = lock(&self.current);
            guard::check(&by.access, need, &current.1)?;
            let store = self.store.for_write()?;
            let done = commit(&store).map_err(|error| self.store.failed(error))?;
            let mut data = Data::clone(&current.1);
            apply(&mut data, &done);
            let changed = data.changed_since(&current.1);
            *current = (current.0 + 1, Arc::new(data));
            self.version.store(current.0, Ordering::Release);
            (done, (current.0, Arc::clone(&current.1)), changed)
        };
        self.announce(published.clone(), changed, origin);
        Ok((done, published))
    }

    /// Runs `read` with every write held off, so that what it reads is one
    /// moment of the records (a backup's copy of every tree).
    pub fn hold_writes<T>(&self, read: impl FnOnce(&Store) -> T) -> Result<T> {
        let _writes = lock(&self.current);
        let store = self.store.get()?;
        Ok(read(&store))
    }

    /// Calls `wake` with the writer after every change until the guard is
    /// dropped.
    pub fn watch(self: &Arc<Self>, wake: impl Fn(Origin) + Send + Sync + 'static) -> WatchGuard {
        let mut watchers = lock(&self.watchers);
        let id = watchers.iter().map(|(id, _)| id + 1).max().unwrap_or(0);
        watchers.push((id, Box::new(wake)));
        WatchGuard {
            records: Arc::clone(self),
            id,
        }
    }

    /// Claims the turn to take a backup now, or says how long until the
    /// next one may be taken.
    pub fn claim_backup(&self) -> std::result::Result<(), std::time::Duration> {
        let mut last = lock(&self.last_backup);
        let now = std::time::Instant::now();
        if let Some(at) = *last {
            let since = now.duration_since(at);
            if since < BACKUP_COOLDOWN {
                return Err(BACKUP_COOLDOWN - since);
            }
        }
        *last = Some(now);
        Ok(())
    }

    /// Gives back a claimed turn (the backup failed), so that the next
    /// try need not wait.
    pub fn release_backup(&self) {
        *lock(&self.last_backup) = None;
    }

    /// The index over the latest records, waiting for a build under way:
    /// a search must find the candidate that was just added.
    pub fn search_index(&self) -> Option<Arc<SearchIndex>> {
        if !self.snapshot().1.is_complete() {
            return None;
        }
        lock(&self.search).latest(|| self.snapshot(), self.catalog)
    }
}
