//! A database locked before it is opened: the app takes the folder's lock
//! first, draws its first screen from what the last clean close left
//! beside the database (`first_file.rs`), and opens it behind that screen,
//! the lock held throughout, so no other hireterm can change the folder
//! between the screen's read and the open's check of every file.

use super::first::FirstRecords;
use super::{Result, Store, close, first_file, lock, open, pause};
use std::path::{Path, PathBuf};

/// A folder this process holds the lock of, not yet opened.
pub struct Locked {
    path: PathBuf,
    lock: lock::PathLock,
}

impl Store {
    /// Takes the lock of the database at `path`: refused at once (with
    /// the usual message) if another hireterm has it.
    pub fn lock(path: impl AsRef<Path>) -> Result<Locked> {
        let path = path.as_ref().to_path_buf();
        close::opening(&path);
        let lock = open::lock_path(&path)?;
        Ok(Locked { path, lock })
    }
}

impl Locked {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The first screen's records as the last clean close left them, if
    /// it left them and nothing has opened the database since. The open
    /// still checks every file: a folder damaged since is refused then.
    pub fn first_screen(&self) -> Option<FirstRecords> {
        first_file::read(&self.path)
    }

    /// Opens (or creates) the database, migrating older records.
    pub fn open(self) -> Result<Store> {
        pause::point("open");
        open::prepare_dir(&self.path)?;
        Store::open_locked(self.path, self.lock, open::Trust::Verify)
    }
}
