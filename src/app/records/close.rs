//! Closing the records' database when the app or the server is done with
//! it: flushed, marked closed cleanly, and first rewritten if an erasure
//! made in a session asked for it (`store/compact.rs`: the rewrite needs
//! the only handle, which these records held while sessions ran).

use super::Records;
use crate::store::BackupError;
use std::sync::Arc;
use std::time::Duration;

/// How the records' database was closed.
#[derive(Debug)]
pub enum Closed {
    /// Closed cleanly; rewritten first (taking this long) if an erasure
    /// had asked for it.
    Clean { rewrote: Option<Duration> },
    /// A session still holds the records: the database was only flushed
    /// (or not even that); a pending rewrite waits for the next close.
    SessionsRunning { flushed: bool },
    /// The store is held elsewhere, or was lost to a failed reopen after a
    /// full disk: not closed cleanly, so the next open checks it.
    NotClosed,
}

impl Records {
    /// Whether an erasure waits for the database to be rewritten when it
    /// is closed (false when that cannot be read: the close finds out).
    pub fn rewrite_pending(&self) -> bool {
        let store = self.store();
        store.is_ok_and(|store| store.compaction_pending().unwrap_or(false))
    }

    /// Closes the database once nothing else holds the records, rewriting
    /// it first if an erasure asked for it.
    pub fn close(self: Arc<Self>) -> Result<Closed, BackupError> {
        self.stop_loading();
        let records = match Arc::try_unwrap(self) {
            Ok(records) => records,
            Err(records) => {
                let flushed = records.store().and_then(|store| store.flush()).is_ok();
                return Ok(Closed::SessionsRunning { flushed });
            }
        };
        match records.into_store().map(Arc::try_unwrap) {
            Some(Ok(store)) => Ok(Closed::Clean {
                rewrote: store.close_rewriting()?,
            }),
            Some(Err(_)) | None => Ok(Closed::NotClosed),
        }
    }
}
