//! `restore`: replaces the database at a path with a backup, holding the
//! path's lock from the first look at it to the final rename, so that no
//! hireterm can open the database in between (and write into the folder
//! about to be moved aside).
//!
//! The backup is only read: it must be finished (its manifest present, its
//! name not an unfinished one), every database file must match the
//! manifest's checksums, and the copy made of it beside the target must
//! open, pass `check` and hold the counts the manifest lists. Only then is
//! the old database moved aside (never deleted) and the copy renamed into
//! its place. Any refusal leaves the database and the backup untouched.

use super::backup_error::{BackupError, Result};
use super::database_copy::{self, CopyError};
use super::error::StoreError;
use super::lock::PathLock;
use super::manifest::{Manifest, Unusable};
use super::staging::{self, Staged};
use super::{Store, open, pause, space};
use std::fs;
use std::path::{Path, PathBuf};

/// What a restore did.
#[derive(Debug, Clone)]
pub struct Restored {
    /// Where the replaced database was kept, if there was one.
    pub aside: Option<PathBuf>,
    /// On PostgreSQL, the schema the replaced records were set aside in.
    pub set_aside: Option<String>,
    /// The backup's manifest: where and when it was taken.
    pub source: String,
    pub taken: String,
}

/// The record trees: what "holds records" means for a database.
const RECORD_TREES: [&str; 7] = [
    "candidates",
    "engagements",
    "applications",
    "notes",
    "clients",
    "submittals",
    "placements",
];

/// Replaces the database in the folder `target` with the backup at
/// `backup`. A database with records is only replaced with `force`.
/// Whatever fails, the database is left as it was (or the error says
/// where it is).
pub(super) fn restore_folder(backup: &Path, target: &Path, force: bool) -> Result<Restored> {
    restore_locked(backup, target, force).map_err(|error| match error {
        BackupError::Store(error) => BackupError::NotRestored {
            path: target.to_path_buf(),
            error: told_against(error, target),
        },
        other => other,
    })
}

fn restore_locked(backup: &Path, target: &Path, force: bool) -> Result<Restored> {
    let lock = open::lock_path(target)?;
    let manifest = finished_backup(backup)?;
    let existing = Existing::at(target)?;
    let lock = match existing {
        Existing::Database if !force => refuse_records(target, lock)?,
        _ => lock,
    };
    let staged = Staged::beside(target, staging::RESTORING).map_err(|e| io_at(target, e))?;
    database_copy::copy_database(backup, staged.path())
        .map_err(|e| copy_error(backup, target, e))?;
    check_copy(backup, staged.path(), &manifest)?;
    pause::point("restore-swap");
    let aside = swap(target, staged, existing)?;
    drop(lock);
    Ok(Restored {
        aside,
        set_aside: None,
        source: manifest.source,
        taken: manifest.taken,
    })
}

/// The backup's manifest, once its name, its manifest and the checksums
/// of its files say it is finished and whole.
pub(super) fn finished_backup(backup: &Path) -> Result<Manifest> {
    let unfinished = |detail: &str| BackupError::Unfinished {
        path: backup.to_path_buf(),
        detail: detail.into(),
    };
    if !backup.is_dir() {
        return Err(unfinished("there is no folder there"));
    }
    if backup.file_name().is_some_and(staging::is_staged_name) {
        return Err(unfinished(
            "its name marks a backup or restore that never finished (a killed or failed \
             one leaves such a folder; it can be deleted)",
        ));
    }
    let manifest = Manifest::read(backup).map_err(|unusable| match unusable {
        Unusable::Missing => unfinished(
            "it has no manifest (`hireterm.backup`), which `hireterm backup` writes last, \
             once the copy is complete and checked",
        ),
        Unusable::Unreadable => damaged(
            backup,
            "its manifest `hireterm.backup` is unreadable".into(),
        ),
    })?;
    match manifest
        .files_differ(backup)
        .map_err(|e| io_at(backup, e))?
    {
        Some(difference) => Err(damaged(backup, difference)),
        None => Ok(manifest),
    }
}

/// What is at the target path now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Existing {
    Missing,
    Empty,
    Database,
}

impl Existing {
    fn at(target: &Path) -> Result<Existing> {
        let not_a_database = |detail: &str| StoreError::NotADatabase {
            path: target.to_path_buf(),
            detail: format!("{detail}; nothing was restored"),
        };
        let metadata = match fs::symlink_metadata(target) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Existing::Missing),
            Err(e) => return Err(io_at(target, e)),
            Ok(metadata) => metadata,
        };
        if !metadata.is_dir() {
            return Err(not_a_database("it is not a folder").into());
        }
        let mut entries = fs::read_dir(target).map_err(|e| io_at(target, e))?;
        if entries.next().is_none() {
            Ok(Existing::Empty)
        } else if target.join("conf").exists() || target.join("db").exists() {
            Ok(Existing::Database)
        } else {
            Err(not_a_database("the folder is not empty and holds no database").into())
        }
    }
}

/// Opens the database under the lock already held and refuses to replace
/// it if it holds records; gives the lock back otherwise.
fn refuse_records(target: &Path, lock: PathLock) -> Result<PathLock> {
    let unreadable = |error| BackupError::ExistingUnreadable {
        path: target.to_path_buf(),
        error,
    };
    let mut store =
        Store::open_locked(target.to_path_buf(), lock, open::Trust::Verify).map_err(unreadable)?;
    let counts = store.tree_counts();
    let lock = store.engine.closer().and_then(|closer| closer.lock.take());
    store.close().map_err(unreadable)?;
    let counts = counts.map_err(unreadable)?;
    let records: u64 = RECORD_TREES.iter().filter_map(|t| counts.get(*t)).sum();
    match lock {
        _ if records > 0 => Err(BackupError::HoldsRecords {
            path: target.to_path_buf(),
            records: records as usize,
        }),
        Some(lock) => Ok(lock),
        None => Ok(open::lock_path(target)?),
    }
}

/// The copy beside the target must be the backup, byte for byte, and
/// open as a sound database holding what the manifest lists.
pub(super) fn check_copy(backup: &Path, copy: &Path, manifest: &Manifest) -> Result<()> {
    if let Some(difference) = manifest.files_differ(copy).map_err(|e| io_at(copy, e))? {
        return Err(damaged(
            backup,
            format!("while it was copied, {difference}"),
        ));
    }
    let store = Store::open(copy).map_err(|error| match error {
        StoreError::Damaged { detail, .. } => damaged(backup, detail),
        other => other.into(),
    })?;
    let verdict = judge_copy(&store, backup, manifest);
    let closed = store.close();
    verdict?;
    Ok(closed?)
}

fn judge_copy(store: &Store, backup: &Path, manifest: &Manifest) -> Result<()> {
    let problems = store.check()?.problems;
    if !problems.is_empty() {
        return Err(BackupError::FailsCheck {
            path: backup.to_path_buf(),
            problems,
        });
    }
    match manifest.counts_differ(&store.tree_counts()?) {
        Some(difference) => Err(damaged(backup, difference)),
        None => Ok(()),
    }
}

fn damaged(backup: &Path, detail: String) -> BackupError {
    BackupError::Damaged {
        path: backup.to_path_buf(),
        detail,
    }
}

/// Moves the database aside (if there is one) and the checked copy into
/// its place; puts the database back if the copy cannot be placed.
fn swap(target: &Path, mut staged: Staged, existing: Existing) -> Result<Option<PathBuf>> {
    // Synced before anything moves, so that little can fail between the
    // two renames.
    staged.sync().map_err(|e| io_at(target, e))?;
    let aside = match existing {
        Existing::Database => {
            let aside = aside_path(target);
            fs::rename(target, &aside).map_err(|e| io_at(target, e))?;
            Some(aside)
        }
        // An empty folder is replaced by the rename itself.
        Existing::Empty | Existing::Missing => None,
    };
    if let Err(error) = staged.place(target) {
        let error = io_at(target, error);
        return match aside {
            Some(aside) => put_back(target, aside, error),
            None => Err(error),
        };
    }
    Ok(aside)
}

/// Moves the database back from where it was moved aside, after the copy
/// could not be put in its place; if even that fails, says where it is.
pub(super) fn put_back(
    target: &Path,
    aside: PathBuf,
    error: BackupError,
) -> Result<Option<PathBuf>> {
    match fs::rename(&aside, target) {
        Ok(()) => Err(error),
        Err(_) => Err(BackupError::Stranded {
            path: target.to_path_buf(),
            aside,
            error: Box::new(error),
        }),
    }
}

/// `NAME.before-restore-<time>` beside the database, not yet taken.
fn aside_path(target: &Path) -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let parent = staging::parent_of(target);
    let mut aside = parent.join(format!("{name}.before-restore-{stamp}"));
    let mut n = 2;
    while aside.exists() {
        aside = parent.join(format!("{name}.before-restore-{stamp}-{n}"));
        n += 1;
    }
    aside
}

pub(super) fn io_at(path: &Path, source: std::io::Error) -> BackupError {
    if space::is_disk_full(&source) {
        return StoreError::DiskFull {
            path: path.to_path_buf(),
            needed: space::WRITE_HEADROOM,
        }
        .into();
    }
    StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
    .into()
}

/// A copy that fails writing is told against the target (a full disk
/// with the room the copy needs), one that fails reading against the
/// backup.
pub(super) fn copy_error(backup: &Path, target: &Path, error: CopyError) -> BackupError {
    match error {
        CopyError::Writing(source) if space::is_disk_full(&source) => StoreError::DiskFull {
            path: target.to_path_buf(),
            needed: space::folder_size(backup).max(space::WRITE_HEADROOM),
        }
        .into(),
        CopyError::Writing(source) => io_at(target, source),
        CopyError::Reading(source) => io_at(backup, source),
    }
}

/// An error met in the unfinished copy beside the target is told against
/// the target: the copy's name means nothing to the person restoring.
fn told_against(error: StoreError, target: &Path) -> StoreError {
    let in_copy = |path: &Path| {
        path.components()
            .any(|part| staging::is_staged_name(part.as_os_str()))
    };
    match error {
        StoreError::Io { path, source } if in_copy(&path) => StoreError::Io {
            path: target.to_path_buf(),
            source,
        },
        StoreError::DiskFull { path, needed } if in_copy(&path) => StoreError::DiskFull {
            path: target.to_path_buf(),
            needed,
        },
        other => other,
    }
}
