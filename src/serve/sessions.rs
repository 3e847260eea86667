//! The live sessions: the cap on how many run at once, the way to end them
//! all, and the one place that wakes them when the shared records change.

use super::inbox::{Ending, Inbox};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

pub struct Sessions {
    max: usize,
    live: Mutex<HashMap<u64, Arc<Inbox>>>,
    next: AtomicU64,
}

/// A place among the live sessions, given back when dropped (when the
/// session's thread ends, however it ends).
pub struct Slot {
    sessions: Arc<Sessions>,
    id: u64,
}

impl Sessions {
    pub fn new(max: usize) -> Arc<Sessions> {
        Arc::new(Sessions {
            max,
            live: Mutex::new(HashMap::new()),
            next: AtomicU64::new(1),
        })
    }

    pub fn max(&self) -> usize {
        self.max
    }

    pub fn count(&self) -> usize {
        self.lock().len()
    }

    /// A place for a new session, unless `max` already run.
    pub fn join(self: &Arc<Self>, inbox: Arc<Inbox>) -> Option<Slot> {
        let mut live = self.lock();
        if live.len() >= self.max {
            return None;
        }
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        live.insert(id, inbox);
        Some(Slot {
            sessions: Arc::clone(self),
            id,
        })
    }

    /// Ends every session (each says why to its user, then closes).
    pub fn end_all(&self, why: &Ending) {
        for inbox in self.lock().values() {
            inbox.end(why.clone());
        }
    }

    /// Live updates: wakes every session but `except` to redraw from the
    /// shared records. This is the single place a change is announced;
    /// each session's loop picks it up as `Pending::changed`.
    pub fn notify_changed(&self, except: Option<u64>) {
        for (id, inbox) in self.lock().iter() {
            if Some(*id) != except {
                inbox.changed();
            }
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<u64, Arc<Inbox>>> {
        self.live.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Slot {
    pub fn id(&self) -> u64 {
        self.id
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.sessions.lock().remove(&self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn capped_released_on_drop_and_woken_on_change() {
        let sessions = Sessions::new(2);
        let (a, b, c) = (
            Arc::new(Inbox::new()),
            Arc::new(Inbox::new()),
            Arc::new(Inbox::new()),
        );
        let slot_a = sessions.join(Arc::clone(&a)).unwrap();
        let slot_b = sessions.join(Arc::clone(&b)).unwrap();
        assert!(sessions.join(Arc::clone(&c)).is_none());
        sessions.notify_changed(Some(slot_a.id()));
        assert!(b.wait(Some(Duration::ZERO)).changed);
        assert!(!a.wait(Some(Duration::ZERO)).changed);
        drop(slot_b);
        assert_eq!(sessions.count(), 1);
        assert!(sessions.join(c).is_some());
    }
}
