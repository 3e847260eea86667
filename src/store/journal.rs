//! The import journal: an import killed half-way leaves nothing behind.
//!
//! An import writes in many transactions, a chunk each, so a crash
//! between two leaves some of it written. So before its first chunk an
//! import writes one entry in the `meta` tree naming its file and where
//! every id counter stood (flushed), and once its last chunk is durable it
//! removes the entry (one removal, flushed): that removal is the import's
//! commit. An entry still there when the database is opened is an import
//! that never committed, and `Store::open` takes it back (see `rollback`)
//! before anything else can write: the records it added go, the merges it
//! made are undone, and the database holds what it held before.
//!
//! Nobody else writes while an import runs: it holds the folder's lock
//! from its first chunk to its last, so every record past the counters it
//! found is its own. The counters are left where the import took them: an
//! id handed out once is never handed out again, and the watermark (which
//! counts events) never has to go down.

mod rollback;

pub use rollback::RolledBack;

use super::Store;
use super::codec;
use super::error::{Result, StoreError};
use super::tx;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::sync::Mutex;

/// Where the journal lives in the `meta` tree.
const KEY: &[u8] = b"import:journal";

/// Names a point at which a test's process stops (see
/// [`pause_for_tests`]): `import:0` once the journal is written,
/// `import:N` after the Nth chunk, `import:end` after the last chunk and
/// before the commit, `rollback` half-way through a rollback.
pub const PAUSE_ENV: &str = "HIRETERM_TEST_PAUSE";

/// What an import under way leaves in the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Journal {
    /// The file, as the user named it, for the message after a rollback.
    file: String,
    /// The database held no record: the import kept its file's ids (which
    /// may lie below the counters), so every record is its own.
    was_empty: bool,
    starts: Starts,
}

/// The next id of each counter when the import began: every record of
/// that kind from there on is the import's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Starts {
    candidate: u64,
    engagement: u64,
    event: u64,
    note: u64,
    client: u64,
    submittal: u64,
    placement: u64,
}

/// Rollbacks done by `Store::open` in this process, for the command line
/// to tell (see [`take_notices`]).
static NOTICES: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// What opening a database rolled back, in words, once each: "the import
/// of FILE was interrupted; its 1000 candidates were rolled back; run it
/// again".
pub fn take_notices() -> Vec<String> {
    let mut notices = NOTICES.lock().unwrap_or_else(|p| p.into_inner());
    std::mem::take(&mut *notices)
}

/// Stops here when a test asked to (see [`PAUSE_ENV`]): the test sees
/// the line on stderr, and kills the process or, by writing a line to
/// its stdin, lets it go on. Without a stdin to read, it stays until it
/// is killed.
pub fn pause_for_tests(point: &str) {
    if std::env::var(PAUSE_ENV).is_ok_and(|wanted| wanted == point) {
        let _ = writeln!(std::io::stderr(), "hireterm: paused at {point}");
        let mut line = String::new();
        if std::io::stdin().read_line(&mut line).unwrap_or(0) > 0 {
            return;
        }
        loop {
            std::thread::sleep(std::time::Duration::from_secs(60));
        }
    }
}

impl Store {
    /// Opens the journal of an import of `file`; flushed before it returns,
    /// so no chunk can be on disk without it. Refused while another
    /// import's journal is open.
    pub fn begin_import(&self, file: &str) -> Result<()> {
        if self.meta.contains_key(KEY)? {
            return Err(StoreError::Invalid(vec![
                "another import into this database has not finished".into(),
            ]));
        }
        let journal = Journal {
            file: file.to_string(),
            was_empty: self.has_no_records()?,
            starts: self.starts()?,
        };
        let bytes = codec::encode_payload(&journal).map_err(StoreError::Encode)?;
        self.meta.insert(KEY, bytes)?;
        self.flush()
    }

    /// Commits the import: flushes its last chunks, then removes the
    /// journal and flushes that. If the removal cannot be made durable,
    /// the journal is put back, so that the import can still be rolled
    /// back.
    pub fn finish_import(&self) -> Result<()> {
        self.flush()?;
        let Some(entry) = self.meta.remove(KEY)? else {
            return Ok(());
        };
        self.flush().inspect_err(|_| {
            let _ = self.meta.insert(KEY, entry);
        })
    }

    /// Takes back the import whose journal is open, if there is one (see
    /// the module's note): what it took back.
    pub fn roll_back_import(&self) -> Result<Option<RolledBack>> {
        let Some(bytes) = self.meta.get(KEY)? else {
            return Ok(None);
        };
        let journal: Journal =
            codec::decode_payload(&bytes).map_err(|error| StoreError::Corrupt {
                tree: "meta",
                key: String::from_utf8_lossy(KEY).into_owned(),
                error,
            })?;
        let undone = self.undo_import(&journal)?;
        self.meta.remove(KEY)?;
        self.flush()?;
        Ok(Some(undone))
    }

    /// Rolls back an import that never finished, on opening; the notice
    /// is kept for [`take_notices`].
    pub(super) fn settle_import(&self) -> Result<()> {
        if let Some(undone) = self.roll_back_import()? {
            let notice = format!(
                "the import of {} was interrupted; {}; run it again",
                undone.file,
                undone.describe()
            );
            NOTICES
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(notice);
        }
        Ok(())
    }

    fn starts(&self) -> Result<Starts> {
        let next =
            |key: &[u8]| -> Result<u64> { Ok(tx::read_counter(self.meta.get(key)?.as_deref())) };
        Ok(Starts {
            candidate: next(tx::CANDIDATE_SEQ)?,
            engagement: next(tx::ENGAGEMENT_SEQ)?,
            event: next(tx::EVENT_SEQ)?,
            note: next(tx::NOTE_SEQ)?,
            client: next(tx::CLIENT_SEQ)?,
            submittal: next(tx::SUBMITTAL_SEQ)?,
            placement: next(tx::PLACEMENT_SEQ)?,
        })
    }
}
