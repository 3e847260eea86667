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
//!    first recovers a copy in scratch space of only what its recovery
//!    reads and writes, and must find every acknowledged change there
//!    (`trial_open.rs`); the real folder is only opened once that worked;
//! 4. either way, the database must hold every change the watermark says
//!    was acknowledged; every wait on sled has a deadline that grows with
//!    the folder (`open_wait.rs`), so no healthy database is too large.

use super::error::{Result, StoreError};
use super::lock::PathLock;
use super::marker::{self, Closing};
use super::open_wait::Allowance;
use super::sled_open::{self, check_acknowledged, damaged};
use super::trial_open::{self, Cleanup};
use std::fs;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};
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
    // A PostgreSQL database is made by its administrator, never by
    // hireterm: the open tells one missing or out of reach in words.
    is_address(path) || (path.is_dir() && holds_sled_files(path))
}

/// Whether `path` is a PostgreSQL address rather than a folder.
pub fn is_address(path: &Path) -> bool {
    path.to_str()
        .is_some_and(super::postgres::address::is_postgres)
}

/// `path` as it may be shown: a folder as it is, a PostgreSQL address
/// without its password.
pub fn shown(path: &Path) -> String {
    match path.to_str().filter(|_| is_address(path)) {
        Some(address) => super::postgres::address::shown(address),
        None => path.display().to_string(),
    }
}

fn holds_sled_files(path: &Path) -> bool {
    path.join("conf").exists() || path.join("db").exists()
}

/// Opens the real database once its files are known to be as hireterm
/// left them (a clean close) or sled's recovery of them worked on a copy
/// (after a crash), and checks it holds every acknowledged change.
pub fn open_sled(path: &Path, base: Duration, trust: Trust) -> Result<sled::Db> {
    super::scratch::clear(path)?;
    let deadline = super::open_wait::allowance(path, base);
    let io = |source| StoreError::io_at(path, source);
    // The copy is cleared away while the real folder opens.
    let _trial = verify(path, deadline, trust)?;
    remove_unfinished_snapshots(path).map_err(io)?;
    marker::unmark_clean(path).map_err(io)?;
    super::stats_file::remove(path).map_err(io)?;
    super::first_file::remove(path).map_err(io)?;
    let (db, next_event) = open_with_deadline(path, deadline)?;
    check_acknowledged(path, next_event)?;
    Ok(db)
}

/// Refuses a folder changed since a clean close, and tries one that was
/// not closed cleanly on a copy first.
fn verify(path: &Path, deadline: Allowance, trust: Trust) -> Result<Option<Cleanup>> {
    let io = |source| StoreError::io_at(path, source);
    match marker::closing_state(path).map_err(io)? {
        Closing::Clean { next_event } => check_acknowledged(path, next_event)?,
        Closing::Unknown if trust == Trust::OwnFailure => {}
        Closing::Unknown if holds_sled_files(path) => {
            return trial_open::run(path, deadline).map(Some);
        }
        Closing::Unknown => {}
        Closing::Changed(what) => return Err(damaged(path, what)),
    }
    Ok(None)
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
    sled_open::with_deadline(path, deadline, move || {
        let db = sled_open::open_to_use(&target)?;
        for name in TREES {
            db.open_tree(name)?;
        }
        let next_event = sled_open::next_event_id(&db)?;
        Ok((db, next_event))
    })
}
