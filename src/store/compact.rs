//! Compaction: sled keeps old versions of values in its log until it
//! rewrites a segment, so after an erasure the erased data is still in
//! the files. This rewrites every tree into a fresh folder beside the
//! database (as a backup is written, and checked the same way), then
//! swaps it in under the path's lock, as `restore` does, and removes the
//! old folder: like SQLite's VACUUM. It costs a copy of the database in
//! time and, for a moment, in disk space.
//!
//! The rewrite needs the only handle on the database, which the app and
//! `hireterm serve` keep for as long as they run. So an erasure leaves a
//! mark in `meta` (`tombstones::REWRITE_PENDING`, in the erasure's own
//! transaction), and
//! whoever holds the database rewrites it when they close it
//! ([`Store::close_rewriting`]). A copy is never written with the mark
//! (`backup.rs` leaves it out: a fresh copy holds no old versions), so
//! the rewritten database is unmarked by construction, and a rewrite that
//! failed leaves the mark for the next close.

use super::Store;
use super::backup::{seal, verify_copy};
use super::backup_error::Result;
use super::restore::{io_at, put_back};
use super::staging::{self, Staged};
use super::tombstones::REWRITE_PENDING;
use super::{open, pause};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

impl Store {
    /// Whether an erasure's rewrite is still to be done (see the module's
    /// header).
    pub fn compaction_pending(&self) -> super::Result<bool> {
        self.meta.contains_key(REWRITE_PENDING)
    }

    /// Closes the database, rewriting it first if an erasure asked for it;
    /// how long the rewrite took, if there was one. Every holder closes
    /// through this (the app, `hireterm serve`, the commands), so that a
    /// rewrite an app could not make while it ran, or one that a crash
    /// interrupted, is made by the next one to close the database.
    pub fn close_rewriting(self) -> Result<Option<Duration>> {
        if !self.compaction_pending()? {
            self.close()?;
            return Ok(None);
        }
        let started = Instant::now();
        self.compact()?.close()?;
        Ok(Some(started.elapsed()))
    }

    /// Rewrites the database into a fresh folder and puts it in this
    /// one's place; returns the store opened on it. On any failure before
    /// the swap, the database is left as it was (and is reopened).
    pub fn compact(mut self) -> Result<Store> {
        if let Some(pg) = self.postgres() {
            self.compact_postgres(&std::sync::Arc::clone(pg))?;
            return Ok(self);
        }
        let path = self.path.clone();
        let staged = Staged::beside(&path, staging::COMPACTING).map_err(|e| io_at(&path, e))?;
        self.flush()?;
        let (copied, next_event) = self.copy_into(staged.path())?;
        seal(staged.path(), next_event).map_err(|e| io_at(&path, e))?;
        verify_copy(staged.path(), &copied)?;
        let lock = match self.engine.closer().and_then(|closer| closer.lock.take()) {
            Some(lock) => lock,
            None => open::lock_path(&path)?,
        };
        self.close()?;
        pause::point("compact-swap");
        swap_and_remove(&path, staged)?;
        Ok(Store::open_locked(path, lock, open::Trust::Verify)?)
    }
}

/// Moves the database aside, the copy into its place, and removes the
/// old folder (it still holds what was erased).
fn swap_and_remove(target: &Path, mut staged: Staged) -> Result<()> {
    staged.sync().map_err(|e| io_at(target, e))?;
    let aside = aside_path(target);
    fs::rename(target, &aside).map_err(|e| io_at(target, e))?;
    if let Err(error) = staged.place(target) {
        return put_back(target, aside, io_at(target, error)).map(|_| ());
    }
    fs::remove_dir_all(&aside).map_err(|e| io_at(&aside, e))
}

/// `.NAME.erasing-PID` beside the database: hidden, and never swept
/// (were the process killed between the two renames, it is the database).
fn aside_path(target: &Path) -> PathBuf {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    staging::parent_of(target).join(format!(".{name}.erasing-{}", std::process::id()))
}
