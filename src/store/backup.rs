//! Backups: a consistent, self-contained copy of the database in a folder
//! of its own, taken through this process's open handle (only one process
//! can hold the database, so a copy of the files would not do).
//!
//! A backup is written under a name that says it is unfinished
//! (`.NAME.partial-PID`, see [`super::staging`]), then opened as a
//! database, checked, and counted tree by tree against what was copied;
//! only then is its manifest written ([`super::manifest`]), every file
//! synced, and the folder renamed to its real name. A killed or failed
//! backup (a full disk) leaves nothing at that name, and nothing `restore`
//! accepts.

use super::Store;
use super::backup_error::{BackupError, Result};
use super::backup_place::{Place, TreeCounts};
use super::error::StoreError;
use super::flusher::{Failed, Flusher};
use super::manifest::{self, Manifest};
use super::staging::{self, Staged};
use super::{close, marker, pause, space, tx, watermark};
use std::path::{Path, PathBuf};

/// Entries copied per batch: bounds the memory a large tree takes.
const BATCH_ENTRIES: u64 = 10_000;

/// A backup whose copy is written but not yet checked or named: see
/// [`Store::start_backup`].
pub struct CopiedBackup {
    staged: Staged,
    place: Place,
    source: PathBuf,
    trees: TreeCounts,
    next_event: u64,
}

impl Store {
    /// Writes a checked copy of every tree to `target`, which must not
    /// exist or be an empty folder. The copy opens like any database and
    /// carries a manifest that `restore` checks it against.
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        self.start_backup(target)?.finish()
    }

    /// The part of [`Store::backup_to`] that reads this database: copies
    /// every tree under the unfinished name. Writes made meanwhile by
    /// other threads must be held off for the copy to be consistent (the
    /// app does); [`CopiedBackup::finish`] then needs nothing from here.
    pub fn start_backup(&self, target: &Path) -> Result<CopiedBackup> {
        refuse_busy(target)?;
        let needed = match self.postgres() {
            Some(_) => 0,
            None => space::folder_size(&self.path),
        };
        let place = Place::new(target, needed);
        let staged = Staged::beside(target, staging::PARTIAL).map_err(|e| place.io(e))?;
        let (trees, next_event) = match self.postgres() {
            Some(pg) => super::backup_postgres::copy_postgres(pg, staged.path(), &place)?,
            None => {
                self.flush()?;
                self.copy_into(staged.path()).map_err(|e| place.store(e))?
            }
        };
        pause::point("backup-copied");
        Ok(CopiedBackup {
            staged,
            place,
            source: self.path.clone(),
            trees,
            next_event,
        })
    }

    /// Copies every tree into a new sled database in `folder`; returns
    /// what was copied per tree and the copy's next event id. The copy is
    /// flushed within a deadline (see `flusher.rs`) and closed on purpose
    /// (sled panics if its last sync fails).
    pub(super) fn copy_into(&self, folder: &Path) -> Result<(TreeCounts, u64), StoreError> {
        let copy = sled::Config::new()
            .path(folder)
            .open()
            .map_err(|e| written(folder, e))?;
        let copied = match Flusher::start(copy.clone()) {
            Ok(flusher) => self.copy_trees(&copy, &flusher, folder),
            Err(source) => Err(StoreError::Io {
                path: folder.to_path_buf(),
                source,
            }),
        };
        if !close::drop_quietly(copy) {
            copied?;
            return Err(close::failed_at_close(folder));
        }
        copied
    }

    fn copy_trees(
        &self,
        copy: &sled::Db,
        flusher: &Flusher,
        folder: &Path,
    ) -> Result<(TreeCounts, u64), StoreError> {
        let mut trees = TreeCounts::new();
        let db = self.sled_db("a backup")?;
        for name in db.tree_names() {
            let source = db.open_tree(&name)?;
            let destination = copy.open_tree(&name).map_err(|e| written(folder, e))?;
            let mut batch = sled::Batch::default();
            let mut count = 0u64;
            for entry in source.iter() {
                let (key, value) = entry?;
                if is_pending_mark(&name, &key) {
                    continue;
                }
                // Counters are copied but not counted: a backup made before
                // they existed gets them when it is opened (`counts.rs`).
                count += u64::from(!super::counts::is_counter(&name, &key));
                batch.insert(key, value);
                if count.is_multiple_of(BATCH_ENTRIES) {
                    destination
                        .apply_batch(std::mem::take(&mut batch))
                        .map_err(|e| written(folder, e))?;
                }
            }
            destination
                .apply_batch(batch)
                .map_err(|e| written(folder, e))?;
            trees.insert(String::from_utf8_lossy(&name).into_owned(), count);
        }
        flusher.flush().map_err(|failed| match failed {
            Failed::Sled(e) => written(folder, e),
            Failed::Stuck(waited) => StoreError::Io {
                path: folder.to_path_buf(),
                source: std::io::Error::other(format!(
                    "the storage engine did not finish writing the copy within {}s after a \
                     disk error",
                    waited.as_secs()
                )),
            },
        })?;
        let meta = copy.open_tree("meta").map_err(|e| written(folder, e))?;
        let next_event = tx::read_counter(meta.get(tx::EVENT_SEQ)?.as_deref());
        Ok((trees, next_event))
    }

    /// Entries per tree, as [`Store::backup_to`] counts them.
    pub(super) fn tree_counts(&self) -> Result<TreeCounts, StoreError> {
        let mut trees = TreeCounts::new();
        let db = self.sled_db("counting a backup's entries")?;
        for name in db.tree_names() {
            let mut count = 0u64;
            for entry in db.open_tree(&name)?.iter() {
                let (key, _) = entry?;
                count += u64::from(!super::counts::is_counter(&name, &key));
            }
            trees.insert(String::from_utf8_lossy(&name).into_owned(), count);
        }
        Ok(trees)
    }
}

impl CopiedBackup {
    /// Checks the copy (it must open, pass `check` and hold what was
    /// copied), writes its manifest, syncs it and gives it its name.
    pub fn finish(self) -> Result<()> {
        let CopiedBackup {
            staged,
            place,
            source,
            trees,
            next_event,
        } = self;
        seal(staged.path(), next_event).map_err(|e| place.io(e))?;
        verify_copy(staged.path(), &trees).map_err(|e| place.backup(e))?;
        Manifest::of(staged.path(), &source, next_event, trees)
            .and_then(|manifest| manifest.write(staged.path()))
            .map_err(|e| place.io(e))?;
        pause::point("backup-checked");
        staged.place(place.target()).map_err(|e| place.io(e))
    }
}

/// An erasure's pending rewrite (`compact.rs`): a copy holds no old
/// versions, so it is never copied; the rewrite itself is a copy, which
/// is how the mark goes.
fn is_pending_mark(tree: &[u8], key: &[u8]) -> bool {
    tree == b"meta" && key == super::tombstones::REWRITE_PENDING
}

/// An error sled met writing the copy in `folder`: an I/O error is told
/// against the folder (and so the backup's target, see [`Place`]).
fn written(folder: &Path, error: sled::Error) -> StoreError {
    match error {
        sled::Error::Io(source) if space::is_disk_full(&source) => StoreError::DiskFull {
            path: folder.to_path_buf(),
            needed: space::WRITE_HEADROOM,
        },
        // sled hands some errors back in Rust's debug form (`Os { code:
        // 5, … }`), which would be shown as the cause: keep the words.
        sled::Error::Io(source) => StoreError::Io {
            path: folder.to_path_buf(),
            source: std::io::Error::new(source.kind(), space::in_words(&source)),
        },
        other => other.into(),
    }
}

/// A backup goes into a new or empty folder, never over other files.
fn refuse_busy(target: &Path) -> Result<()> {
    let busy = match std::fs::read_dir(target) {
        Ok(mut entries) => entries.next().is_some(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(_) => target.exists(),
    };
    if busy {
        return Err(BackupError::TargetNotEmpty {
            path: target.to_path_buf(),
        });
    }
    Ok(())
}

/// The watermark and clean-close marker a closed database has, so that
/// the copy opens (and is checked) like one.
pub(super) fn seal(folder: &Path, next_event: u64) -> std::io::Result<()> {
    watermark::Watermark::open(folder)?.raise(next_event)?;
    marker::mark_clean(folder, next_event)
}

/// Opens the copy as a database: it must pass `check` and hold what was
/// copied into it, tree by tree. It is closed on purpose (see `close`).
pub(super) fn verify_copy(folder: &Path, copied: &TreeCounts) -> Result<()> {
    let copy = Store::open(folder)?;
    let verdict = judge_copy(&copy, folder, copied);
    let closed = copy.close();
    verdict?;
    Ok(closed?)
}

fn judge_copy(copy: &Store, folder: &Path, copied: &TreeCounts) -> Result<()> {
    let differs = |detail: String| BackupError::CopyDiffers {
        path: folder.to_path_buf(),
        detail,
    };
    if let Some(problem) = copy.check()?.problems.first() {
        return Err(differs(format!(
            "the copy does not pass `check`: {problem}"
        )));
    }
    match manifest::compare_counts(copied, &copy.tree_counts()?) {
        Some(difference) => Err(differs(format!("in the copy, {difference}"))),
        None => Ok(()),
    }
}
