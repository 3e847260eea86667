//! Starting sled on a folder: on a thread of its own, abandoned if it
//! does not answer within the allowance (a damaged `db` file can make
//! sled spin forever), past our own lingering file lock, and with its
//! errors said in words; and the watermark check every open ends with.

use super::error::{Result, StoreError};
use super::open_wait::Allowance;
use super::{space, tx, watermark};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

pub fn damaged(path: &Path, detail: impl Into<String>) -> StoreError {
    StoreError::Damaged {
        path: path.to_path_buf(),
        detail: detail.into(),
    }
}

/// Refuses a database that has handed out fewer event ids than the
/// watermark says were acknowledged: changes are missing.
pub fn check_acknowledged(path: &Path, next_event: u64) -> Result<()> {
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

/// The id the next event will get: one past every id handed out.
pub fn next_event_id(db: &sled::Db) -> sled::Result<u64> {
    let stored = db.open_tree("meta")?.get(tx::EVENT_SEQ)?;
    Ok(tx::read_counter(stored.as_deref()))
}

/// The name of the threads sled opens on; the panic hook stays quiet for
/// them, because their panics are reported as damage instead.
pub const OPENER_THREAD: &str = "hireterm-open";

/// Runs `work` on a thread of its own, abandoned if it does not answer in
/// time. Errors name `path`, the real folder even when `work` uses a copy.
pub fn with_deadline<T: Send + 'static>(
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
    match super::open_wait::wait(&rx, path, &deadline) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(error)) => Err(classify(path, error)),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(damaged(path, "the storage engine failed while reading it"))
        }
        Err(mpsc::RecvTimeoutError::Timeout) => Err(damaged(
            path,
            format!(
                "the storage engine did not finish reading it within {}s",
                deadline.time.as_secs()
            ),
        )),
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

/// sled on the folder at `path`, to use.
pub fn open_to_use(path: &Path) -> sled::Result<sled::Db> {
    retrying_own_lock(|| sled::Config::new().path(path).cache_capacity(CACHE_BYTES))
}

/// sled on the folder at `path`, only to read a little of it: without the
/// thread that flushes and cleans the log every half second, which would
/// read (and rewrite) pages nobody asked for.
pub fn open_to_read(path: &Path) -> sled::Result<sled::Db> {
    retrying_own_lock(|| {
        (sled::Config::new().path(path))
            .cache_capacity(CACHE_BYTES)
            .flush_every_ms(None)
    })
}

/// sled releases its file lock through deferred reclamation, some time after
/// the last handle is dropped, so reopening in the same process can briefly
/// fail with "could not acquire lock". We already hold the folder's lock, so
/// no other hireterm has it: wait for our own stale handle to go.
fn retrying_own_lock(config: impl Fn() -> sled::Config) -> sled::Result<sled::Db> {
    let started = std::time::Instant::now();
    loop {
        match config().open() {
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
