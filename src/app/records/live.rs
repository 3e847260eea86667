//! The store behind the records, and getting it back after a full disk.
//!
//! When a write meets a full disk, sled refuses every later write until it
//! is reopened (its log is left with a torn tail it only repairs on open);
//! reads go on working. So a write that fails that way stops the store:
//! reads still use it, and the next write, or [`LiveStore::recover`] called
//! on a timer by `hireterm serve`, reopens it once the disk has room again.
//! Reopening needs the only handle, so handles given out are short-lived
//! clones, never kept.

use crate::store::{Result, Store, StoreError};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};

/// Room a disk must have again before a stopped store is reopened.
const ROOM_TO_REOPEN: u64 = 16 << 20;
/// How many times (2 ms apart) a reopen waits for a reader to finish.
const READER_WAITS: usize = 100;

pub struct LiveStore {
    /// `None` only if a reopen failed after the old handle was closed.
    slot: RwLock<Option<Arc<Store>>>,
    stopped: AtomicBool,
    /// The database is still being opened behind the first screen
    /// (`opening.rs`): until it is, there is no store to read or write.
    opening: AtomicBool,
    /// Why that open failed, once it has.
    open_failure: Mutex<Option<String>>,
    path: PathBuf,
}

/// What `LiveStore::recover` (through `Records::recover`) did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recovery {
    /// Nothing was stopped.
    Running,
    /// Stopped, and the disk is still too full (or a reader holds it).
    Waiting,
    /// Reopened: writes go through again.
    Reopened,
}

impl LiveStore {
    pub fn new(store: Arc<Store>) -> LiveStore {
        LiveStore {
            path: store.path().to_path_buf(),
            slot: RwLock::new(Some(store)),
            stopped: AtomicBool::new(false),
            opening: AtomicBool::new(false),
            open_failure: Mutex::new(None),
        }
    }

    /// The store of the database at `path`, still being opened: every
    /// read and write is refused, saying so, until [`LiveStore::attach`].
    pub fn opening(path: &Path) -> LiveStore {
        LiveStore {
            path: path.to_path_buf(),
            slot: RwLock::new(None),
            stopped: AtomicBool::new(false),
            opening: AtomicBool::new(true),
            open_failure: Mutex::new(None),
        }
    }

    /// The store the open behind the first screen has opened.
    pub fn attach(&self, store: Arc<Store>) {
        *self.slot.write().unwrap_or_else(PoisonError::into_inner) = Some(store);
        self.opening.store(false, Ordering::Release);
    }

    /// The open behind the first screen failed: the store never comes.
    pub fn fail_open(&self, why: String) {
        *self
            .open_failure
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(why);
    }

    pub fn open_failure(&self) -> Option<String> {
        (self
            .open_failure
            .lock()
            .unwrap_or_else(PoisonError::into_inner))
        .clone()
    }

    /// True until the open behind the first screen has given its store
    /// (for ever, if it failed).
    pub fn is_opening(&self) -> bool {
        self.opening.load(Ordering::Acquire)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The store, for reading (and, under the records' write lock, for
    /// writing once [`LiveStore::for_write`] has said it is running).
    pub fn get(&self) -> Result<Arc<Store>> {
        let slot = self.slot.read().unwrap_or_else(PoisonError::into_inner);
        slot.clone().ok_or_else(|| self.unavailable())
    }

    /// The store for a write: reopened first if a full disk stopped it,
    /// and refused (with the full disk's message) while it cannot be.
    pub fn for_write(&self) -> Result<Arc<Store>> {
        if self.is_stopped() && self.recover()? != Recovery::Reopened {
            return Err(self.disk_full());
        }
        self.get()
    }

    /// Takes note of a failed write: a full disk stops the store.
    pub fn failed(&self, error: StoreError) -> StoreError {
        if error.is_disk_full() {
            self.stopped.store(true, Ordering::Release);
        }
        error.at(&self.path)
    }

    pub fn is_stopped(&self) -> bool {
        self.stopped.load(Ordering::Acquire)
    }

    /// Reopens a stopped store once its disk has room again.
    pub fn recover(&self) -> Result<Recovery> {
        if !self.is_stopped() {
            return Ok(Recovery::Running);
        }
        let room = crate::store::free_bytes(&self.path).unwrap_or(0);
        if room < ROOM_TO_REOPEN {
            return Ok(Recovery::Waiting);
        }
        for _ in 0..READER_WAITS {
            let mut slot = self.slot.write().unwrap_or_else(PoisonError::into_inner);
            let reopened = match slot.take().map(Arc::try_unwrap) {
                Some(Ok(store)) => store.reopen(),
                Some(Err(shared)) => {
                    // A reader is using it this moment: wait for it.
                    *slot = Some(shared);
                    drop(slot);
                    std::thread::sleep(std::time::Duration::from_millis(2));
                    continue;
                }
                None => Store::open(&self.path),
            }?;
            *slot = Some(Arc::new(reopened));
            self.stopped.store(false, Ordering::Release);
            return Ok(Recovery::Reopened);
        }
        Ok(Recovery::Waiting)
    }

    /// Gives the store back (closing the records), if no one else holds it.
    pub fn into_store(self) -> Option<Arc<Store>> {
        self.slot
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
    }

    fn disk_full(&self) -> StoreError {
        StoreError::DiskFull {
            path: self.path.clone(),
            needed: ROOM_TO_REOPEN,
        }
    }

    fn unavailable(&self) -> StoreError {
        let why = match self.is_opening() {
            true => {
                "the database is still being opened (every file is checked); try again in a moment"
            }
            false => "the database is being reopened after a full disk; try again in a moment",
        };
        StoreError::Io {
            path: self.path.clone(),
            source: std::io::Error::other(why),
        }
    }
}
