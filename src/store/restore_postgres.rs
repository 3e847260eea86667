//! `restore`, on whichever engine the target is: a folder's restore is
//! `restore.rs`; this one is into a database on PostgreSQL. The backup
//! is checked as for a folder (finished, its files' checksums, a copy of
//! it that opens, passes `check` and holds what the manifest lists), the
//! copy made in this machine's temporary folder so that the backup is
//! only read.
//! Then the copy's records go into PostgreSQL in one transaction
//! (`copy/to_postgres.rs`): at its commit the database is the backup, or
//! on any failure it is as it was.
//!
//! Records already there are refused without `--force`; with it they are
//! set aside in a schema of their own in the same transaction, never
//! deleted, as a folder is kept beside when replaced. Instances serving
//! the database hear the restored records arrive and read them again.

use super::backup_error::{BackupError, Result};
use super::copy::{self, CopyError, OnRecords};
use super::restore::{Restored, check_copy, copy_error, finished_backup, io_at};
use super::staging::{self, Staged};
use super::{database_copy, is_address, pause, shown};
use std::path::{Path, PathBuf};

/// Replaces the database at `target` (a folder or a PostgreSQL address)
/// with the backup at `backup`; records there are only replaced with
/// `force`, and kept.
pub fn restore(backup: &Path, target: &Path, force: bool) -> Result<Restored> {
    match is_address(target) {
        true => restore_postgres(backup, target, force),
        false => super::restore::restore_folder(backup, target, force),
    }
}

/// Replaces the records of the PostgreSQL database at `address` with the
/// backup at `backup`.
fn restore_postgres(backup: &Path, address: &Path, force: bool) -> Result<Restored> {
    let target = PathBuf::from(shown(address));
    let manifest = finished_backup(backup)?;
    let work = std::env::temp_dir().join("hireterm-restore");
    let staged = Staged::beside(&work, staging::RESTORING).map_err(|e| io_at(&work, e))?;
    database_copy::copy_database(backup, staged.path())
        .map_err(|e| copy_error(backup, &work, e))?;
    check_copy(backup, staged.path(), &manifest)?;
    pause::point("restore-swap");
    let on_records = match force {
        true => OnRecords::SetAside,
        false => OnRecords::Refuse,
    };
    let address = address.to_string_lossy();
    let (_, set_aside) = copy::folder_into_postgres(staged.path(), &address, on_records)
        .map_err(|error| not_restored(&target, error))?;
    Ok(Restored {
        aside: None,
        set_aside,
        source: manifest.source,
        taken: manifest.taken,
    })
}

/// Why nothing was restored: records there without `--force` say how to
/// replace them; any other failure says the database is as it was.
fn not_restored(target: &Path, error: CopyError) -> BackupError {
    match error {
        CopyError::TargetNotEmpty { what, .. } => BackupError::HoldsRecordsThere {
            address: target.display().to_string(),
            what,
        },
        CopyError::Store(error) => BackupError::NotRestored {
            path: target.to_path_buf(),
            error,
        },
        other => BackupError::NotCopied(other),
    }
}
