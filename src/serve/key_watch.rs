//! A key taken out of the authorized keys (or given another role there)
//! ends its open sessions within seconds: each second the file is looked at (one `stat`; read again
//! when it changed), and every session whose key it no longer lists is
//! told why and closed.
//!
//! Only keys as the file has been for a whole tick are acted on: an
//! editor that empties the file before writing it again (`cat >`) must
//! not end everyone's session for the moment it was empty. A file that
//! has gone lists nobody (how an operator locks everyone out).

use super::auth::{AuthorizedKeys, Identity};
use super::inbox::Ending;
use super::log::{Log, quoted};
use super::sessions::Sessions;
use std::sync::Mutex;

#[derive(Debug, Default)]
pub struct KeyWatch {
    /// The file's reading (generation) at the last check.
    last: Option<u64>,
}

impl KeyWatch {
    pub fn new() -> KeyWatch {
        KeyWatch::default()
    }

    /// Reads the file if it changed; once it has held still since the
    /// last check, ends the sessions of the keys it does not list.
    pub fn check(&mut self, keys: &Mutex<AuthorizedKeys>, sessions: &Sessions, log: &Log) {
        let mut keys = keys.lock().unwrap_or_else(|p| p.into_inner());
        keys.refresh();
        let generation = keys.generation();
        let settled = self.last == Some(generation);
        self.last = Some(generation);
        if !settled {
            return;
        }
        let doomed = |owner: &Identity| !keys.grants(&owner.key, &owner.role);
        let ended = sessions.end_where(doomed, &Ending::KeyRemoved);
        for owner in ended {
            log.line(format_args!(
                "key {} of {} is no longer in the authorized keys with its role: its session ends",
                owner.fingerprint,
                quoted(&owner.user)
            ));
        }
    }
}
