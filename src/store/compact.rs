//! Compaction: sled keeps old versions of values in its log until it
//! rewrites a segment, so after an erasure the erased data is still in
//! the files. This rewrites every tree into a fresh folder beside the
//! database (as a backup is written, and checked the same way), then
//! swaps it in under the path's lock, as `restore` does, and removes the
//! old folder: like SQLite's VACUUM. It costs a copy of the database in
//! time and, for a moment, in disk space.

use super::Store;
use super::backup::{seal, verify_copy};
use super::backup_error::Result;
use super::restore::{io_at, put_back};
use super::staging::{self, Staged};
use super::{open, pause};
use std::fs;
use std::path::{Path, PathBuf};

impl Store {
    /// Rewrites the database into a fresh folder and puts it in this
    /// one's place; returns the store opened on it. On any failure before
    /// the swap, the database is left as it was (and is reopened).
    pub fn compact(mut self) -> Result<Store> {
        let path = self.path.clone();
        let staged = Staged::beside(&path, staging::COMPACTING).map_err(|e| io_at(&path, e))?;
        self.flush()?;
        let (copied, next_event) = self.copy_into(staged.path())?;
        seal(staged.path(), next_event).map_err(|e| io_at(&path, e))?;
        verify_copy(staged.path(), &copied)?;
        let lock = match self.closer.lock.take() {
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
