//! Closing a database and saying so when the disk fails at the last
//! moment.
//!
//! sled 0.34.7 syncs its log once more when its last handle drops, and
//! panics (`unwrap`) if the disk reports an error there. Every change was
//! already flushed and synced by then, so nothing is lost; but a panic is
//! no way to say it. [`Store::close`] flushes first (an error there is
//! returned as usual), then drops sled with the panic caught and told in
//! words. While it does, [`closing`] is true on that thread, so the panic
//! hook stays quiet.

use super::Store;
use super::error::{Result, StoreError};
use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

thread_local! {
    static CLOSING: Cell<bool> = const { Cell::new(false) };
}

static SLED_PANICKED: AtomicBool = AtomicBool::new(false);

/// What to tell the user when sled stopped the process on a disk error
/// (a handle dropped on an error path, where [`Store::close`] could not
/// catch it).
pub const SLED_STOPPED: &str = "the disk reported an error and the storage engine stopped; \
     every change acknowledged before was saved. Check the disk, then run `hireterm check`";

/// True while this thread is closing a database (see the module docs).
pub fn closing() -> bool {
    CLOSING.with(Cell::get)
}

/// The database a panic inside sled concerns (the last one opened in
/// this process), and whether its message was a full disk.
static SLED_PANIC: Mutex<Option<PathBuf>> = Mutex::new(None);
static SLED_PANIC_FULL: AtomicBool = AtomicBool::new(false);

/// Remembers the database being opened, for [`sled_stopped`].
pub(super) fn opening(path: &Path) {
    *SLED_PANIC.lock().unwrap_or_else(|p| p.into_inner()) = Some(path.to_path_buf());
}

/// For the panic hook: a panic raised inside sled (its `unwrap` of a
/// failed disk call), whose `message` is sled's. It is remembered, and
/// the hook stays quiet: the store or `main` says it in words.
pub fn is_sled_panic(file: &str, message: &str) -> bool {
    let inside = file.contains("/sled-0.34");
    if inside {
        // sled unwraps an `io::Error`: its debug form names the code.
        let full = ["code: 28,", "code: 122,", "StorageFull", "QuotaExceeded"]
            .iter()
            .any(|sign| message.contains(sign));
        SLED_PANIC_FULL.fetch_or(full, Ordering::AcqRel);
        SLED_PANICKED.store(true, Ordering::Release);
    }
    inside
}

/// True once a panic inside sled was seen.
pub fn sled_panicked() -> bool {
    SLED_PANICKED.load(Ordering::Acquire)
}

/// What to tell the user after a panic inside sled: a full disk named as
/// one (with the database's disk and the room to free), else
/// [`SLED_STOPPED`].
pub fn sled_stopped() -> String {
    let path = SLED_PANIC.lock().unwrap_or_else(|p| p.into_inner()).clone();
    match (SLED_PANIC_FULL.load(Ordering::Acquire), path) {
        (true, Some(path)) => format!(
            "{}. The storage engine stopped; every change acknowledged before was saved",
            StoreError::DiskFull {
                path,
                needed: super::space::WRITE_HEADROOM,
            }
        ),
        _ => SLED_STOPPED.to_string(),
    }
}

impl Store {
    /// Flushes and closes the database, marking it closed cleanly.
    pub fn close(self) -> Result<()> {
        // A failed flush is the error to report, but the store is still
        // dropped quietly: its last sync fails on the same disk.
        let flushed = self.flush();
        let path = self.path.clone();
        let dropped = self.drop_quietly();
        flushed?;
        if dropped {
            return Ok(());
        }
        Err(failed_at_close(&path))
    }

    /// Drops the store, catching sled's panic on a failed last sync; false
    /// if it panicked.
    pub(super) fn drop_quietly(self) -> bool {
        drop_quietly(self)
    }
}

/// The disk failed sled's last sync as the database at `path` closed.
/// A full disk (as sled's panic said, see [`is_sled_panic`]) is named as
/// one.
pub(super) fn failed_at_close(path: &std::path::Path) -> StoreError {
    if SLED_PANIC_FULL.load(Ordering::Acquire) {
        return StoreError::DiskFull {
            path: path.to_path_buf(),
            needed: super::space::WRITE_HEADROOM,
        };
    }
    StoreError::Io {
        path: path.to_path_buf(),
        source: std::io::Error::other(
            "the disk reported an error as the database was closed; every change \
             acknowledged was saved before, and the next open checks the rest",
        ),
    }
}

/// Drops `handle` (a store, or a sled database of its own such as a
/// backup's copy), catching sled's panic on a failed last sync; false if
/// it panicked, here or in a [`LastHandle`] the handle held.
pub(super) fn drop_quietly<T>(handle: T) -> bool {
    let caught_before = CAUGHT.with(Cell::get);
    let was_closing = CLOSING.with(|c| c.replace(true));
    let dropped = catch_unwind(AssertUnwindSafe(move || drop(handle)));
    CLOSING.with(|c| c.set(was_closing));
    dropped.is_ok() && CAUGHT.with(Cell::get) == caught_before
}

thread_local! {
    /// sled panics caught by [`LastHandle`]s on this thread.
    static CAUGHT: Cell<u64> = const { Cell::new(0) };
}

/// The last handle a [`Store`] holds on its sled database: sled closes
/// (and makes its last sync) when this one goes, and its panic there is
/// caught, however the store is dropped. An uncaught one is worse than a
/// crash: on an error path the stack unwinds through other open
/// databases, whose own failed sync then panics again during that
/// unwinding, which aborts the process without a word.
pub(super) struct LastHandle(Option<sled::Db>);

impl LastHandle {
    pub(super) fn new(db: sled::Db) -> LastHandle {
        LastHandle(Some(db))
    }

    /// Another handle on the same database.
    #[allow(clippy::expect_used)] // `None` only inside `drop`.
    pub(super) fn share(&self) -> sled::Db {
        self.0.clone().expect("held until dropped")
    }
}

impl Drop for LastHandle {
    fn drop(&mut self) {
        if let Some(db) = self.0.take()
            && !drop_quietly(db)
        {
            CAUGHT.with(|c| c.set(c.get() + 1));
        }
    }
}
