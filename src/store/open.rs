//! Opening a database without hanging, without fighting another process for
//! it, and without touching a damaged one.
//!
//! sled 0.34.7 has sharp edges here: a second opener fails with an untyped
//! "could not acquire lock" I/O error, and a `db` file with random bytes in
//! the middle can make `sled::open` spin forever while writing new `snap.*`
//! files. So:
//!
//! 1. we take an advisory lock on the folder itself (no file is created), so
//!    a second hireterm is told at once who holds the database;
//! 2. a clean close leaves a marker listing every file's size and checksum;
//!    when the folder still matches it, the database is as we left it, and
//!    when it no longer does, something changed it behind our back (a bad
//!    disk, a truncated copy) and it is refused untouched;
//! 3. with no marker (the last session crashed, or sled wrote it), sled
//!    first opens a scratch copy and reads all of it under a deadline, and
//!    the real folder is only opened once that worked.

use super::error::{Result, StoreError};
use super::marker::{self, Closing};
use super::{tx, watermark};
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

const DEFAULT_DEADLINE_SECS: u64 = 20;
/// Overrides how long an open may take before the database is called damaged.
pub const DEADLINE_ENV: &str = "HIRETERM_OPEN_TIMEOUT_SECS";

pub fn deadline() -> Duration {
    let secs = std::env::var(DEADLINE_ENV)
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .filter(|s| *s > 0)
        .unwrap_or(DEFAULT_DEADLINE_SECS);
    Duration::from_secs(secs)
}

/// Creates the folder when missing and refuses one that holds other things.
pub fn prepare_dir(path: &Path) -> Result<()> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    if !path.exists() {
        return fs::create_dir_all(path).map_err(io);
    }
    if !path.is_dir() {
        return Err(not_a_database(path, "it is a file, not a folder"));
    }
    let empty = fs::read_dir(path).map_err(io)?.next().is_none();
    if !empty && !holds_sled_files(path) {
        return Err(not_a_database(
            path,
            "the folder is not empty and holds no database",
        ));
    }
    Ok(())
}

fn not_a_database(path: &Path, detail: &str) -> StoreError {
    StoreError::NotADatabase {
        path: path.to_path_buf(),
        detail: detail.into(),
    }
}

fn holds_sled_files(path: &Path) -> bool {
    path.join("conf").exists() || path.join("db").exists()
}

/// Takes the folder's advisory lock, held for as long as the file lives.
pub fn lock_dir(path: &Path) -> Result<File> {
    let dir = File::open(path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    match dir.try_lock() {
        Ok(()) => Ok(dir),
        Err(fs::TryLockError::WouldBlock) => Err(StoreError::Locked {
            path: path.to_path_buf(),
        }),
        Err(fs::TryLockError::Error(source)) => Err(StoreError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Opens the real database, unless it is new or was closed cleanly only
/// after a scratch copy of it opened within the deadline.
pub fn open_sled(path: &Path, deadline: Duration) -> Result<sled::Db> {
    match marker::closing_state(path) {
        Closing::Clean => {}
        Closing::Unknown if holds_sled_files(path) => trial_open(path, deadline)?,
        Closing::Unknown => {}
        Closing::ChangedSince => {
            return Err(StoreError::Damaged {
                path: path.to_path_buf(),
                detail: "its files changed after hireterm last closed it".into(),
            });
        }
    }
    marker::unmark_clean(path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    open_with_deadline(path, deadline)
}

fn trial_open(path: &Path, deadline: Duration) -> Result<()> {
    let scratch = tempfile::tempdir().map_err(|source| StoreError::Io {
        path: std::env::temp_dir(),
        source,
    })?;
    let copy = scratch.path().join("db");
    copy_dir(path, &copy).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let recovered = with_deadline(path, deadline, move || {
        let db = open_retrying_own_lock(&copy)?;
        read_everything(&db)?;
        let next_event = db.open_tree("meta")?.get(tx::EVENT_SEQ)?;
        Ok(tx::read_counter(next_event.as_deref()))
    })?;
    match watermark::read(path) {
        Some(acknowledged) if acknowledged > recovered => Err(StoreError::Damaged {
            path: path.to_path_buf(),
            detail: format!(
                "recovery found {} of the {} changes it had acknowledged",
                recovered.saturating_sub(1),
                acknowledged.saturating_sub(1)
            ),
        }),
        _ => Ok(()),
    }
}

/// Reads every entry of every tree, so that damage sled only notices
/// lazily shows up here, in the scratch copy.
fn read_everything(db: &sled::Db) -> sled::Result<()> {
    for name in db.tree_names() {
        for entry in db.open_tree(name)?.iter() {
            entry?;
        }
    }
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

fn open_with_deadline(path: &Path, deadline: Duration) -> Result<sled::Db> {
    let target: PathBuf = path.to_path_buf();
    with_deadline(path, deadline, move || open_retrying_own_lock(&target))
}

/// The name of the threads sled opens on; the panic hook stays quiet for
/// them, because their panics are reported as damage instead.
pub const OPENER_THREAD: &str = "hireterm-open";

/// Runs `work` on a thread of its own, abandoned if it does not answer in
/// time. Errors name `path`, the real folder even when `work` uses a copy.
fn with_deadline<T: Send + 'static>(
    path: &Path,
    deadline: Duration,
    work: impl FnOnce() -> sled::Result<T> + Send + 'static,
) -> Result<T> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name(OPENER_THREAD.into())
        .spawn(move || {
            let _ = tx.send(work());
        })
        .map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    let damaged = |detail: String| StoreError::Damaged {
        path: path.to_path_buf(),
        detail,
    };
    match rx.recv_timeout(deadline) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(error)) => Err(classify(path, error)),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(damaged("the storage engine failed while reading it".into()))
        }
        Err(mpsc::RecvTimeoutError::Timeout) => Err(damaged(format!(
            "the storage engine did not finish reading it within {}s",
            deadline.as_secs()
        ))),
    }
}

/// How long sled's own file lock may linger after this process closed it.
/// Generous: on a loaded machine a process that has just closed the
/// database can take seconds to let go, and only a stale lock gets here
/// (the folder's own lock turns a live second hireterm away at once).
const STALE_LOCK_GRACE: Duration = Duration::from_secs(10);

/// sled releases its file lock through deferred reclamation, some time after
/// the last handle is dropped, so reopening in the same process can briefly
/// fail with "could not acquire lock". We already hold the folder's lock, so
/// no other hireterm has it: wait for our own stale handle to go.
fn open_retrying_own_lock(path: &Path) -> sled::Result<sled::Db> {
    let started = std::time::Instant::now();
    loop {
        match sled::Config::new().path(path).open() {
            Err(error) if is_lock_error(&error) && started.elapsed() < STALE_LOCK_GRACE => {
                std::thread::sleep(Duration::from_millis(10));
            }
            outcome => return outcome,
        }
    }
}

fn is_lock_error(error: &sled::Error) -> bool {
    matches!(error, sled::Error::Io(io) if io.to_string().contains("could not acquire lock"))
}

fn classify(path: &Path, error: sled::Error) -> StoreError {
    let path = path.to_path_buf();
    match error {
        ref locked if is_lock_error(locked) => StoreError::Locked { path },
        sled::Error::Io(source) => StoreError::Io { path, source },
        other => StoreError::Damaged {
            path,
            detail: other.to_string(),
        },
    }
}
