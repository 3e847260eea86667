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
    if store.compaction_pending().unwrap_or(false) {
        warn(REWRITING);
    }
    let rewrote = store.close_rewriting().wrap_err(NOT_REWRITTEN)?;
    say_rewritten(rewrote);
    Ok(())
}

/// Closes the app's records once it has ended.
pub fn close_records(records: Arc<Records>) -> Result<()> {
    let pending = records.rewrite_pending();
    if pending {
        warn(REWRITING);
    }
    match records.close().wrap_err(NOT_REWRITTEN)? {
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
