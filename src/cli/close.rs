//! Closing the database when a command or the app is done with it. An
//! erasure made in the app (which cannot rewrite the database while it
//! holds it) leaves the rewrite to the close (`store/compact.rs`), and so
//! does one whose rewrite a crash cut short: whoever closes the database
//! next rewrites it, whatever the command. The user is told on stderr,
//! since stdout may be a command's JSON.

use super::output::warn;
use crate::app::records::{Closed, Records};
use crate::store::Store;
use color_eyre::eyre::{Result, WrapErr};
use std::sync::Arc;
use std::time::Duration;

const REWRITING: &str = "an erasure's rewrite is pending: rewriting the database so that no \
     earlier version of the erased data remains in its files";

/// What a failed rewrite leaves, and what happens next.
const NOT_REWRITTEN: &str = "the database could not be rewritten after an erasure, so earlier \
     versions of the erased data may remain in its files; the next close tries again";

/// Closes a command's store.
pub fn close_store(store: Store) -> Result<()> {
    let pending = store.compaction_pending().unwrap_or(false);
    if pending {
        warn(REWRITING);
    }
    let rewrote = explained(store.close_rewriting(), pending)?;
    say_rewritten(rewrote);
    Ok(())
}

/// A close's error, said to have left the erasure's rewrite undone only
/// when one was pending: a plain close that fails (a full disk) is told
/// as itself.
fn explained<T, E>(closed: std::result::Result<T, E>, pending: bool) -> Result<T>
where
    E: std::error::Error + Send + Sync + 'static,
{
    match pending {
        true => closed.wrap_err(NOT_REWRITTEN),
        false => Ok(closed?),
    }
}

/// Closes the app's records once it has ended.
pub fn close_records(records: Arc<Records>) -> Result<()> {
    let pending = records.rewrite_pending();
    if pending {
        warn(REWRITING);
    }
    match explained(records.close(), pending)? {
        Closed::Clean { rewrote } => say_rewritten(rewrote),
        Closed::SessionsRunning { .. } | Closed::NotClosed => {
            let waits = match pending {
                true => "; the erasure's rewrite waits for the next close",
                false => "",
            };
            warn(format!(
                "the database was not closed cleanly: the next open checks it{waits}"
            ));
        }
    }
    Ok(())
}

fn say_rewritten(rewrote: Option<Duration>) {
    if let Some(took) = rewrote {
        warn(format!(
            "rewrote the database in {:.1}s: no earlier version of the erased data remains",
            took.as_secs_f64()
        ));
    }
}
