//! Where a backup goes, for the errors met on the way there, and what a
//! backup counts: kept apart from `backup.rs` so that each engine's copy
//! (`backup_postgres.rs` for PostgreSQL) can use them without importing
//! the backup that calls it.

use super::backup_error::BackupError;
use super::error::StoreError;
use super::{space, staging};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Entries per tree, by tree name.
pub type TreeCounts = BTreeMap<String, u64>;

/// Where a backup goes, for errors: a full disk is the target's disk, and
/// an error met in the unfinished folder is told against the target.
pub(super) struct Place {
    target: PathBuf,
    /// Roughly the room the copy takes.
    needed: u64,
}

impl Place {
    pub(super) fn new(target: &Path, needed: u64) -> Place {
        Place {
            target: target.to_path_buf(),
            needed: needed.max(space::WRITE_HEADROOM),
        }
    }

    fn disk_full(&self) -> BackupError {
        BackupError::Store(StoreError::DiskFull {
            path: self.target.clone(),
            needed: self.needed,
        })
    }

    /// The folder the backup is asked for.
    pub(super) fn target(&self) -> &Path {
        &self.target
    }

    pub(super) fn io(&self, source: std::io::Error) -> BackupError {
        if space::is_disk_full(&source) {
            return self.disk_full();
        }
        BackupError::Store(StoreError::Io {
            path: self.target.clone(),
            source,
        })
    }

    pub(super) fn store(&self, error: StoreError) -> BackupError {
        match error {
            error if error.is_disk_full() => self.disk_full(),
            StoreError::Io { path, source } if in_unfinished(&path) => self.io(source),
            error => BackupError::Store(error),
        }
    }

    pub(super) fn backup(&self, error: BackupError) -> BackupError {
        match error {
            BackupError::Store(error) => self.store(error),
            BackupError::CopyDiffers { detail, .. } => self.differs(detail),
            other => other,
        }
    }

    /// The copy did not come out whole, told against the target.
    pub(super) fn differs(&self, detail: String) -> BackupError {
        BackupError::CopyDiffers {
            path: self.target.clone(),
            detail,
        }
    }
}

/// True for a path in a folder named as unfinished: the name means
/// nothing to the person who asked for the backup.
fn in_unfinished(path: &Path) -> bool {
    path.components()
        .any(|part| staging::is_staged_name(part.as_os_str()))
}
