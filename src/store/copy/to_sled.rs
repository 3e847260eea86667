//! Writing a copy into a folder: a new database made by the store's own
//! open in a staged folder beside the target (`staging.rs`), the records'
//! bytes written into their trees and `meta` as it was; then the indexes
//! and counters rebuilt from the records as the store builds them, the
//! copy opened again and checked, and only then renamed into place. The
//! target's lock is held throughout, so no hireterm creates a database
//! there meanwhile; a failure leaves nothing at the target.

use super::error::CopyError;
use super::tables::Table;
use super::{Copied, Result, Sink};
use crate::domain::Candidate;
use crate::domain::text::normalize_email;
use crate::store::bulk_load::emails::Emails;
use crate::store::kv::{Batch, Tree};
use crate::store::records::decode;
use crate::store::staging::{self, Staged};
use crate::store::{Store, counts, open};
use std::path::Path;

/// Entries written to sled at once.
const BATCH_ENTRIES: usize = 10_000;

/// The `meta` flags that say an index or the counters are built: taken
/// out after the copy, so that the next open builds them from the
/// records (`Store::settle_event_index`, `Store::settle_counts`).
const BUILT_FLAGS: [&[u8]; 2] = [b"index:events_by_candidate", counts::BUILT];

/// Makes a database at `target` (a missing or empty folder) with what
/// `fill` puts into the sink it is given.
pub fn copy_into(
    target: &Path,
    fill: impl FnOnce(Box<dyn Sink + '_>) -> Result<Copied>,
) -> Result<Copied> {
    let lock = open::lock_path(target)?;
    refuse_busy(target)?;
    let io = |source| CopyError::Io {
        path: target.to_path_buf(),
        source,
    };
    let staged = Staged::beside(target, staging::COPYING).map_err(io)?;
    let store = Store::open(staged.path())?;
    store.meta.clear()?;
    let copied = fill(Box::new(SledSink::new(&store)))?;
    store.close()?;
    verify(staged.path())?;
    staged.place(target).map_err(io)?;
    drop(lock);
    Ok(copied)
}

/// A folder that exists must be empty.
fn refuse_busy(target: &Path) -> Result<()> {
    let entries = match std::fs::read_dir(target) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => None,
        Err(source) => {
            let path = target.to_path_buf();
            return Err(CopyError::Io { path, source });
        }
        Ok(mut entries) => Some(entries.next().is_none()),
    };
    let what = match entries {
        Some(true) => return Ok(()),
        Some(false) if open::is_database(target) => "a database",
        Some(false) => "other files",
        None => "a file, not a folder",
    };
    Err(CopyError::TargetNotEmpty {
        target: target.display().to_string(),
        what: what.into(),
        kind: "folder",
    })
}

/// Opens the copy as any command would (which builds its indexes and
/// counters) and refuses it unless `check` finds nothing wrong.
fn verify(folder: &Path) -> Result<()> {
    let store = Store::open(folder)?;
    let report = store.check();
    store.close()?;
    match report?.problems.first() {
        None => Ok(()),
        Some(problem) => Err(CopyError::entry(
            "database",
            b"copy",
            format!("the copy does not pass `check`: {problem}"),
        )),
    }
}

struct SledSink<'a> {
    store: &'a Store,
    /// The table being written and its entries not yet applied.
    pending: Option<(Table, Batch, usize)>,
    /// The candidates' emails as they pass, for the email index.
    emails: Emails,
}

impl<'a> SledSink<'a> {
    fn new(store: &'a Store) -> SledSink<'a> {
        SledSink {
            store,
            pending: None,
            emails: Emails::default(),
        }
    }

    fn tree(&self, table: Table) -> Result<Tree> {
        Ok(table.tree_in(self.store)?)
    }

    /// Applies the entries not yet written.
    fn apply(&mut self) -> Result<()> {
        if let Some((table, batch, _)) = self.pending.take() {
            self.tree(table)?.apply_batch(batch)?;
        }
        Ok(())
    }

    /// Keeps a candidate's normalised email for the email index, which
    /// is written once at the end, sorted, as a bulk load writes it.
    fn note_email(&mut self, key: &[u8], value: &[u8]) -> Result<()> {
        let candidate: Candidate =
            decode(value).map_err(|e| CopyError::entry("candidates", key, e.to_string()))?;
        let email = normalize_email(&candidate.email);
        self.emails.push(&email, candidate.id);
        Ok(())
    }
}

impl Sink for SledSink<'_> {
    fn put(&mut self, table: Table, key: &[u8], value: &[u8]) -> Result<()> {
        let full = matches!(&self.pending, Some((t, _, n)) if *t != table || *n >= BATCH_ENTRIES);
        if full {
            self.apply()?;
        }
        let (_, batch, count) = self
            .pending
            .get_or_insert_with(|| (table, Batch::default(), 0));
        batch.insert(key, value);
        *count += 1;
        if table == Table::Candidates {
            self.note_email(key, value)?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<()> {
        self.apply()?;
        std::mem::take(&mut self.emails).write(&self.store.emails)?;
        for flag in BUILT_FLAGS {
            self.store.meta.remove(flag)?;
        }
        Ok(self.store.flush()?)
    }
}
