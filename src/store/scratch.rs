//! Scratch space for checking a database before it is trusted: a folder
//! inside the database's own (`hireterm.scratch`), so that it is on the
//! same disk, under the same permissions, and never in a shared `$TMPDIR`
//! where copies of personal data could outlive a killed process. It is
//! created owner-only (0700), removed when done, and any left behind by a
//! killed process is removed on the next open (which holds the lock, so
//! nobody else is using it).

use super::error::{Result, StoreError};
use super::space;
use super::sparse_copy::{self, SparseCopy};
use std::fs;
use std::io;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

pub const NAME: &str = "hireterm.scratch";

/// A scratch folder, removed when dropped.
pub struct Scratch {
    path: PathBuf,
}

impl Scratch {
    /// A fresh, empty scratch folder inside `database`.
    pub fn create(database: &Path) -> Result<Scratch> {
        clear(database)?;
        let path = database.join(NAME);
        fs::DirBuilder::new()
            .mode(0o700)
            .create(&path)
            .map_err(|source| error_at(&path, source, 0))?;
        Ok(Scratch { path })
    }

    /// Copies what sled's recovery of `database` reads into `name` under
    /// the scratch folder (see `sparse_copy.rs`).
    pub fn copy_for_recovery(&self, database: &Path, name: &str) -> Result<SparseCopy> {
        let target = self.path.join(name);
        SparseCopy::make(database, &target)
            .map_err(|source| error_at(&self.path, source, sparse_copy::bytes_needed(database)))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // Best effort; the next open removes what is left.
        let _ = fs::remove_dir_all(&self.path);
    }
}

/// Removes a scratch folder left by a killed process.
pub fn clear(database: &Path) -> Result<()> {
    let path = database.join(NAME);
    match fs::remove_dir_all(&path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(error_at(&path, e, 0)),
        _ => Ok(()),
    }
}

fn error_at(path: &Path, source: io::Error, needed: u64) -> StoreError {
    if space::is_disk_full(&source) {
        StoreError::DiskFull {
            path: path.to_path_buf(),
            needed: needed.max(space::WRITE_HEADROOM),
        }
    } else {
        StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn scratch_is_private_and_gone_when_done() {
        let db = tempfile::tempdir().unwrap();
        fs::write(db.path().join("db"), b"records").unwrap();
        fs::write(db.path().join("notes.txt"), b"not ours").unwrap();
        let scratch = Scratch::create(db.path()).unwrap();
        let path = db.path().join(NAME);
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
        let copy = scratch.copy_for_recovery(db.path(), "copy").unwrap();
        assert_eq!(fs::read(copy.path().join("db")).unwrap(), b"records");
        assert!(!copy.path().join("notes.txt").exists());
        drop(scratch);
        assert!(!path.exists());
    }

    #[test]
    fn a_left_over_scratch_folder_is_removed() {
        let db = tempfile::tempdir().unwrap();
        let stale = db.path().join(NAME).join("copy");
        fs::create_dir_all(&stale).unwrap();
        fs::write(stale.join("db"), b"personal data").unwrap();
        clear(db.path()).unwrap();
        assert!(!db.path().join(NAME).exists());
    }
}
