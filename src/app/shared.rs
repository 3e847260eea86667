//! What every session of one process shares: the records on screen and the
//! search index over them. A local terminal has one session; `hireterm
//! serve` has one per connected manager, all over one store.
//!
//! A write replaces the snapshot and bumps the version; each session
//! adopts the new snapshot before its next frame (`App::settle`), and
//! watchers (the SSH sessions' wake-ups) are told so they draw at once.

use super::data::Data;
use crate::catalog::Catalog;
use crate::search::SearchIndex;
use crate::store::{Result, Store};
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

type Watcher = Box<dyn Fn() + Send + Sync>;

pub struct Shared {
    current: Mutex<(u64, Arc<Data>)>,
    search: Mutex<SearchState>,
    watchers: Mutex<Vec<(u64, Watcher)>>,
    catalog: &'static Catalog,
    /// When the last backup from the app was taken: one a few minutes is
    /// plenty, and over SSH it keeps many managers (or one key held down)
    /// from filling the server's disk with copies.
    last_backup: Mutex<Option<std::time::Instant>>,
}

/// The least time between two backups taken from the app.
pub const BACKUP_COOLDOWN: std::time::Duration = std::time::Duration::from_secs(300);

/// The index as last built, and the build under way for newer records.
/// At most one build runs at a time: writes made meanwhile only mark the
/// index stale, and the next search builds once more from the latest
/// records (a bulk tag of 500 candidates is one more build, not 500).
#[derive(Default)]
struct SearchState {
    ready: Option<(u64, Arc<SearchIndex>)>,
    building: Option<(u64, Receiver<SearchIndex>)>,
    stale: bool,
}

/// Ends a watch when dropped.
pub struct WatchGuard {
    shared: Arc<Shared>,
    id: u64,
}

impl Drop for WatchGuard {
    fn drop(&mut self) {
        lock(&self.shared.watchers).retain(|(id, _)| *id != self.id);
    }
}

/// A panicked session must not take the others down with it: the data
/// behind these locks is only ever replaced whole, never left half-written.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    /// Loads the records and starts building the search index.
    pub fn load(store: &Store, catalog: &'static Catalog) -> Result<Arc<Shared>> {
        let data = Arc::new(Data::load(store)?);
        let shared = Shared {
            search: Mutex::new(SearchState::default()),
            current: Mutex::new((0, Arc::clone(&data))),
            watchers: Mutex::new(Vec::new()),
            catalog,
            last_backup: Mutex::new(None),
        };
        lock(&shared.search).building = shared.spawn_build(0, &data);
        Ok(Arc::new(shared))
    }

    /// The latest records and their version.
    pub fn snapshot(&self) -> (u64, Arc<Data>) {
        let current = lock(&self.current);
        (current.0, Arc::clone(&current.1))
    }

    pub fn version(&self) -> u64 {
        lock(&self.current).0
    }

    /// Applies a write the store has just made, and tells the watchers.
    pub fn change(&self, write: impl FnOnce(&mut Data)) -> (u64, Arc<Data>) {
        let (version, data, changed) = {
            let mut current = lock(&self.current);
            let mut data = Data::clone(&current.1);
            write(&mut data);
            let changed = data.changed_since(&current.1);
            let data = Arc::new(data);
            *current = (current.0 + 1, Arc::clone(&data));
            (current.0, data, changed)
        };
        if changed.candidates || changed.engagements {
            self.index_wanted();
        }
        for (_, wake) in lock(&self.watchers).iter() {
            wake();
        }
        (version, data)
    }

    /// Calls `wake` after every change until the guard is dropped.
    pub fn watch(self: &Arc<Self>, wake: impl Fn() + Send + Sync + 'static) -> WatchGuard {
        let mut watchers = lock(&self.watchers);
        let id = watchers.iter().map(|(id, _)| id + 1).max().unwrap_or(0);
        watchers.push((id, Box::new(wake)));
        WatchGuard {
            shared: Arc::clone(self),
            id,
        }
    }

    /// Claims the turn to take a backup now, or says how long until the
    /// next one may be taken.
    pub fn claim_backup(&self) -> Result<(), std::time::Duration> {
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

    /// The index over the latest records, waiting for a build under way:
    /// a search must find the candidate that was just added.
    pub fn search_index(&self) -> Option<Arc<SearchIndex>> {
        let mut search = lock(&self.search);
        loop {
            if let Some((version, rx)) = search.building.take()
                && let Ok(index) = rx.recv()
            {
                search.ready = Some((version, Arc::new(index)));
            }
            if !std::mem::take(&mut search.stale) {
                break;
            }
            let (version, data) = self.snapshot();
            search.building = self.spawn_build(version, &data);
        }
        search.ready.as_ref().map(|(_, index)| Arc::clone(index))
    }

    /// After a write: a build from the latest records, unless one is under
    /// way (then the index is marked stale, to be rebuilt once it is done).
    fn index_wanted(&self) {
        let mut search = lock(&self.search);
        if let Some((version, rx)) = search.building.take() {
            match rx.try_recv() {
                Ok(index) => search.ready = Some((version, Arc::new(index))),
                Err(std::sync::mpsc::TryRecvError::Empty) => {
                    search.building = Some((version, rx));
                    search.stale = true;
                    return;
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {}
            }
        }
        let (version, data) = self.snapshot();
        search.building = self.spawn_build(version, &data);
    }

    /// Builds the index on a thread of its own, so that neither the first
    /// frame nor typing waits for it.
    fn spawn_build(&self, version: u64, data: &Data) -> Option<(u64, Receiver<SearchIndex>)> {
        let candidates = data.shared_candidates();
        let engagements = data.engagements().to_vec();
        let catalog = self.catalog;
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .name("search-index".into())
            .spawn(move || {
                let _ = tx.send(SearchIndex::build(&candidates, &engagements, catalog));
            })
            .ok()
            .map(|_| (version, rx))
    }
}
