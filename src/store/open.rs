//! Opening a database without hanging, without fighting another process for
//! it, and without touching a damaged one.
//!
//! sled 0.34.7 has sharp edges here: a `db` file with damage in the middle
//! can make `sled::open` spin forever, or "recover" by cutting off every
//! change after the damage, or zero whole pages of the real file. So:
//!
//! 1. the caller holds the path's lock ([`super::lock`]), so no other
//!    hireterm is using the folder;
//! 2. a clean close leaves a marker with every database file's checksum;
//!    every open checksums the files again (file times are not trusted),
//!    and a folder that no longer matches is refused untouched;
//! 3. with no marker (the last session crashed, or sled wrote it), sled
//!    first opens a copy in scratch space and reads all of it under a
//!    deadline that grows with the folder (`open_wait.rs`), and the real
//!    folder is only opened once that worked;
//! 4. either way, the database must hold every change the watermark says
//!    was acknowledged.

use super::error::{Result, StoreError};
use super::lock::PathLock;
use super::marker::{self, Closing};
use super::open_wait::Allowance;
use super::scratch::Scratch;
use super::{space, tx, watermark};
use std::fs;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

const DEFAULT_DEADLINE_SECS: u64 = 20;
/// Overrides the fixed part of how long an open may take before the
/// database is called damaged (the time to read the folder is added).
pub const DEADLINE_ENV: &str = "HIRETERM_OPEN_TIMEOUT_SECS";

pub fn deadline() -> Duration {
    seconds_from_env(DEADLINE_ENV, DEFAULT_DEADLINE_SECS)
}

/// Whole seconds from the environment variable `name` (a positive
/// number), else `default`: the deadlines a test or an operator may set.
pub fn seconds_from_env(name: &str, default: u64) -> Duration {
    let secs = std::env::var(name)
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .filter(|s| *s > 0)
        .unwrap_or(default);
    Duration::from_secs(secs)
}

/// How far a folder without a clean-close marker is trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trust {
    /// Not at all: it is opened and read on a copy first.
    Verify,
    /// This process's own sled stopped on a failed write (a full disk)
    /// and is being reopened: sled's recovery of its own torn write is
    /// what it is made for.
    OwnFailure,
}

/// Takes the lock on the database path, creating the folder's parent if
/// needed (the lock file lives there).
pub fn lock_path(path: &Path) -> Result<PathLock> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|source| StoreError::io_at(parent, source))?;
    }
    PathLock::acquire(path)
}

/// Creates the folder when missing and refuses one that holds other things.
pub fn prepare_dir(path: &Path) -> Result<()> {
    let io = |source| StoreError::io_at(path, source);
    if !path.exists() {
        // Personal data: only its owner may read it.
        return fs::DirBuilder::new()
            .mode(0o700)
            .recursive(true)
            .create(path)
            .map_err(io);
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

/// Whether `path` is a database folder already: one that holds sled's
/// files (a missing or empty folder is not, and opening one creates it).
pub fn is_database(path: &Path) -> bool {
    path.is_dir() && holds_sled_files(path)
}

fn holds_sled_files(path: &Path) -> bool {
    path.join("conf").exists() || path.join("db").exists()
}

/// Opens the real database once its files are known to be as hireterm
/// left them (a clean close) or a copy of them opened and read within the
/// deadline (after a crash), and checks it holds every acknowledged change.
pub fn open_sled(path: &Path, base: Duration, trust: Trust) -> Result<sled::Db> {
    super::scratch::clear(path)?;
    let deadline = super::open_wait::allowance(path, base);
    let io = |source| StoreError::io_at(path, source);
    match marker::closing_state(path).map_err(io)? {
        Closing::Clean { next_event } => check_acknowledged(path, next_event)?,
        Closing::Unknown if trust == Trust::OwnFailure => {}
        Closing::Unknown if holds_sled_files(path) => trial_open(path, deadline)?,
        Closing::Unknown => {}
        Closing::Changed(what) => return Err(damaged(path, what)),
    }
    remove_unfinished_snapshots(path).map_err(io)?;
    marker::unmark_clean(path).map_err(io)?;
    let (db, next_event) = open_with_deadline(path, deadline)?;
    check_acknowledged(path, next_event)?;
    Ok(db)
}

fn damaged(path: &Path, detail: impl Into<String>) -> StoreError {
    StoreError::Damaged {
        path: path.to_path_buf(),
        detail: detail.into(),
    }
}

/// Refuses a database that has handed out fewer event ids than the
/// watermark says were acknowledged: changes are missing.
fn check_acknowledged(path: &Path, next_event: u64) -> Result<()> {
    match watermark::read(path) {
        Some(acknowledged) if acknowledged > next_event => Err(damaged(
            path,
            format!(
                "it holds {} of the {} changes hireterm acknowledged",
                next_event.saturating_sub(1),
                acknowledged.saturating_sub(1)
            ),
        )),
        _ => Ok(()),
    }
}

/// sled writes a snapshot as `snap.N.generating` and renames it when
/// complete; one left behind (a full disk, a kill) is unfinished, and sled
/// would read it as the newest snapshot and call the database corrupt.
/// Only called with the lock held, so no sled of ours is writing one.
fn remove_unfinished_snapshots(path: &Path) -> std::io::Result<()> {
    for entry in fs::read_dir(path)? {
        let name = entry?.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("snap.") && name.ends_with(".generating") {
            fs::remove_file(path.join(name.as_ref()))?;
        }
    }
    Ok(())
}

fn trial_open(path: &Path, deadline: Allowance) -> Result<()> {
    let scratch = Scratch::create(path)?;
    let copy = scratch.copy_database(path, "db")?;
    remove_unfinished_snapshots(&copy).map_err(|source| StoreError::io_at(&copy, source))?;
    let next_event = with_deadline(path, deadline, move || {
        let db = open_retrying_own_lock(&copy)?;
        read_everything(&db)?;
        next_event_id(&db)
    })?;
    check_acknowledged(path, next_event)
}

fn next_event_id(db: &sled::Db) -> sled::Result<u64> {
    let stored = db.open_tree("meta")?.get(tx::EVENT_SEQ)?;
    Ok(tx::read_counter(stored.as_deref()))
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

/// Every tree the store uses. Opening a tree that is not there yet writes
/// (and after a failed write sled can wait forever), so they are all
/// opened under the deadline, before the store takes them.
pub const TREES: [&str; 12] = [
    "candidates",
    "engagements",
    "applications",
    "events",
    "emails",
    "meta",
    "notes",
    "events_by_candidate",
    "clients",
    "submittals",
    "placements",
    "assignments",
];

/// Opens sled and its trees and reads its event counter, all under the
/// deadline.
fn open_with_deadline(path: &Path, deadline: Allowance) -> Result<(sled::Db, u64)> {
    let target: PathBuf = path.to_path_buf();
    with_deadline(path, deadline, move || {
        let db = open_retrying_own_lock(&target)?;
        for name in TREES {
            db.open_tree(name)?;
        }
        let next_event = next_event_id(&db)?;
        Ok((db, next_event))
    })
}

/// The name of the threads sled opens on; the panic hook stays quiet for
/// them, because their panics are reported as damage instead.
pub const OPENER_THREAD: &str = "hireterm-open";

/// Runs `work` on a thread of its own, abandoned if it does not answer in
/// time. Errors name `path`, the real folder even when `work` uses a copy.
fn with_deadline<T: Send + 'static>(
    path: &Path,
    deadline: Allowance,
    work: impl FnOnce() -> sled::Result<T> + Send + 'static,
) -> Result<T> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name(OPENER_THREAD.into())
        .spawn(move || {
            let _ = tx.send(work());
        })
        .map_err(|source| StoreError::io_at(path, source))?;
    let damaged = |detail: String| StoreError::Damaged {
        path: path.to_path_buf(),
        detail,
    };
    match super::open_wait::wait(&rx, path, &deadline) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(error)) => Err(classify(path, error)),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(damaged("the storage engine failed while reading it".into()))
        }
        Err(mpsc::RecvTimeoutError::Timeout) => Err(damaged(format!(
            "the storage engine did not finish reading it within {}s",
            deadline.time.as_secs()
        ))),
    }
}

/// How long sled's own file lock may linger after this process closed it.
/// Generous: on a loaded machine a process that has just closed the
/// database can take seconds to let go, and only a stale lock gets here
/// (the folder's own lock turns a live second hireterm away at once).
const STALE_LOCK_GRACE: Duration = Duration::from_secs(10);

/// sled's page cache, as sled counts it (the pages in memory take about
/// twice that). Its own default is 1 GiB, and a long write fills it: an
/// import of 600,000 rows grew past 800 MB. Pages it drops are read back
/// from the file (mostly from the system's file cache) when next used: a
/// full scan of 600,000 candidates (`stats`) took about as long with
/// 16 MiB as with 1 GiB.
const CACHE_BYTES: u64 = 32 * 1024 * 1024;

/// sled releases its file lock through deferred reclamation, some time after
/// the last handle is dropped, so reopening in the same process can briefly
/// fail with "could not acquire lock". We already hold the folder's lock, so
/// no other hireterm has it: wait for our own stale handle to go.
fn open_retrying_own_lock(path: &Path) -> sled::Result<sled::Db> {
    let started = std::time::Instant::now();
    loop {
        let config = sled::Config::new().path(path).cache_capacity(CACHE_BYTES);
        match config.open() {
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
        ref locked if is_lock_error(locked) => StoreError::locked(&path),
        sled::Error::Io(source) if space::is_disk_full(&source) => StoreError::DiskFull {
            path,
            needed: space::WRITE_HEADROOM,
        },
        sled::Error::Io(source) => StoreError::Io { path, source },
        sled::Error::Corruption { .. } => StoreError::Damaged {
            path,
            detail: "the storage engine found damaged data in its files".into(),
        },
        other => StoreError::Damaged {
            path,
            detail: format!("the storage engine could not read it ({other})"),
        },
    }
}
