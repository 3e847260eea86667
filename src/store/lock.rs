//! The database's lock: one process at a time may hold a database path.
//!
//! The lock is taken on the *path*, not on the folder: `restore` moves a
//! folder aside and puts another in its place, and a lock on the moved
//! folder would let a second process open the new one at the same time
//! (and its writes would land in the folder that was moved away). So the
//! lock is an advisory lock on a small file beside the folder,
//! `.NAME.hireterm-lock`, which never moves. A parent folder that refuses
//! the file (read-only, owned by someone else) cannot have the database
//! moved in it either, so there the folder's own lock does the same job.
//! The file is removed as the lock is let go; a newcomer that locked it
//! just before checks it is still the file at the path, and retries if not.

use super::error::{Result, StoreError};
use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

/// A held lock on a database path; released (and its file removed) when
/// dropped.
#[derive(Debug)]
pub struct PathLock {
    file: File,
    /// The lock file, removed on release; `None` for a folder's own lock.
    removes: Option<PathBuf>,
}

impl PathLock {
    /// Takes the lock of the database at `path` without waiting: another
    /// hireterm holding it is told at once.
    pub fn acquire(path: &Path) -> Result<PathLock> {
        let Some(lock_path) = lock_file(path) else {
            return lock_folder(path);
        };
        loop {
            let file = match open_lock_file(&lock_path) {
                Ok(file) => file,
                Err(e) if e.kind() == io::ErrorKind::PermissionDenied => return lock_folder(path),
                Err(source) => {
                    return Err(StoreError::Io {
                        path: lock_path,
                        source,
                    });
                }
            };
            try_lock(&file, path)?;
            // The holder before us removes the file as it lets go: a lock
            // on a file no longer at the path locks nothing, so try again.
            if still_at(&file, &lock_path) {
                return Ok(PathLock {
                    file,
                    removes: Some(lock_path),
                });
            }
        }
    }
}

impl Drop for PathLock {
    fn drop(&mut self) {
        if let Some(lock_path) = &self.removes {
            // Removed while still locked, so nobody can lock the old file
            // and believe they hold the path (see `still_at`).
            let _ = fs::remove_file(lock_path);
        }
        let _ = self.file.unlock();
    }
}

fn lock_folder(path: &Path) -> Result<PathLock> {
    let file = File::open(path).map_err(|source| StoreError::io_at(path, source))?;
    try_lock(&file, path)?;
    Ok(PathLock {
        file,
        removes: None,
    })
}

fn try_lock(file: &File, path: &Path) -> Result<()> {
    match file.try_lock() {
        Ok(()) => Ok(()),
        Err(fs::TryLockError::WouldBlock) => Err(StoreError::locked(path)),
        Err(fs::TryLockError::Error(source)) => Err(StoreError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

fn still_at(file: &File, lock_path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(lock_path)) {
        (Ok(held), Ok(there)) => held.dev() == there.dev() && held.ino() == there.ino(),
        _ => false,
    }
}

/// `.NAME.hireterm-lock` in the folder's parent, the parent resolved to
/// its real path so that `./db` and `/home/me/db` share one lock.
pub fn lock_file(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let parent = fs::canonicalize(&parent).unwrap_or(parent);
    let mut lock_name = std::ffi::OsString::from(".");
    lock_name.push(name);
    lock_name.push(".hireterm-lock");
    Some(parent.join(lock_name))
}

fn open_lock_file(lock_path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(lock_path)
}
