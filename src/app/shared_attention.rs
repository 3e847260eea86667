//! The attention list, worked out once for every session drawing the same
//! snapshot under the same policy, and shared.
//!
//! Working it out is a pass over every candidate (whose consent ends
//! soon?), and the list holds a line per such candidate: about 2,000 at
//! 1,000,000 candidates. Each session of `hireterm serve` used to make
//! and keep its own after every write, so a thousand sessions made a
//! thousand passes and kept a thousand copies (80 KB apiece). Now the
//! first session to need it makes it and the rest take the same `Arc`.

use super::attention::{self, Item};
use super::records::data::Data;
use crate::domain::{Policy, Timestamp};
use std::sync::{Arc, Mutex, PoisonError, Weak};

/// How long a list stays fresh: the views' own minute (`views.rs`), as
/// time in stage is counted in days.
const FRESH_FOR: chrono::Duration = chrono::Duration::minutes(1);

/// The last list made, and what it was made from.
#[derive(Default)]
pub struct SharedAttention {
    kept: Mutex<Option<Kept>>,
}

struct Kept {
    /// Held weakly: a newer snapshot frees the old one, and a live `Weak`
    /// keeps its address from being reused by another.
    data: Weak<Data>,
    policy: Policy,
    made_at: Timestamp,
    items: Arc<[Item]>,
}

impl Kept {
    fn fits(&self, data: &Arc<Data>, policy: &Policy, now: Timestamp) -> bool {
        std::ptr::eq(self.data.as_ptr(), Arc::as_ptr(data))
            && self.policy == *policy
            && now >= self.made_at
            && now - self.made_at < FRESH_FOR
    }
}

impl SharedAttention {
    /// The attention list of `data` under `policy` at `now`: the one kept
    /// when it fits, else made now (under the lock, so sessions waking
    /// together make it once) and kept.
    pub fn items(&self, data: &Arc<Data>, policy: &Policy, now: Timestamp) -> Arc<[Item]> {
        let mut kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(kept) = kept.as_ref().filter(|k| k.fits(data, policy, now)) {
            return Arc::clone(&kept.items);
        }
        let items: Arc<[Item]> = attention::items(data, policy, now).into();
        *kept = Some(Kept {
            data: Arc::downgrade(data),
            policy: policy.clone(),
            made_at: now,
            items: Arc::clone(&items),
        });
        items
    }
}
