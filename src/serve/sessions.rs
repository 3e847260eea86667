//! The live sessions: the cap on how many run at once, who each belongs
//! to, the way to end them (all, or those of some keys), and the one place
//! that wakes them when the shared records change.

use super::auth::Identity;
use super::inbox::{Ending, Inbox};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

pub struct Sessions {
    max: usize,
    live: Mutex<HashMap<u64, Live>>,
    next: AtomicU64,
}

struct Live {
    inbox: Arc<Inbox>,
    owner: Identity,
}

/// A place among the live sessions, given back when dropped (when the
/// session's task ends, however it ends).
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

    /// A place for a new session of `owner`, unless `max` already run.
    pub fn join(self: &Arc<Self>, inbox: Arc<Inbox>, owner: Identity) -> Option<Slot> {
        let mut live = self.lock();
        if live.len() >= self.max {
            return None;
        }
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        live.insert(id, Live { inbox, owner });
        Some(Slot {
            sessions: Arc::clone(self),
            id,
        })
    }

    /// Ends every session (each says why to its user, then closes).
    pub fn end_all(&self, why: &Ending) {
        for live in self.lock().values() {
            live.inbox.end(why.clone());
        }
    }

    /// Ends the sessions whose owner is `doomed`; the owners of those not
    /// already ending.
    pub fn end_where(&self, doomed: impl Fn(&Identity) -> bool, why: &Ending) -> Vec<Identity> {
        let live = self.lock();
        let doomed = live.values().filter(|live| doomed(&live.owner));
        doomed
            .filter(|live| live.inbox.end(why.clone()))
            .map(|live| live.owner.clone())
            .collect()
    }

    /// Live updates: wakes every session but `except` to redraw from the
    /// shared records. This is the single place a change is announced;
    /// each session's loop picks it up as `Pending::changed`.
    pub fn notify_changed(&self, except: Option<u64>) {
        for (id, live) in self.lock().iter() {
            if Some(*id) != except {
                live.inbox.changed();
            }
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<u64, Live>> {
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
    use russh::keys::{Algorithm, PrivateKey};

    fn owner(user: &str) -> Identity {
        let key = PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).unwrap();
        Identity {
            user: user.into(),
            fingerprint: format!("SHA256:{user}"),
            key: key.public_key().key_data().clone(),
            role: crate::domain::access::Role::Recruiter,
        }
    }

    #[test]
    fn the_sessions_of_a_key_end_once_and_the_others_go_on() {
        let sessions = Sessions::new(3);
        let (ana, bob) = (owner("ana"), owner("bob"));
        let inboxes: Vec<Arc<Inbox>> = (0..3).map(|_| Arc::new(Inbox::new())).collect();
        let _slots: Vec<Slot> = [&ana, &bob, &ana]
            .iter()
            .zip(&inboxes)
            .map(|(who, inbox)| sessions.join(Arc::clone(inbox), (*who).clone()).unwrap())
            .collect();
        let is_ana = |owner: &Identity| owner.key == ana.key;
        let ended = sessions.end_where(is_ana, &Ending::KeyRemoved);
        assert_eq!(ended, vec![ana.clone(), ana.clone()]);
        assert!(sessions.end_where(is_ana, &Ending::KeyRemoved).is_empty());
        let ends: Vec<_> = inboxes.iter().map(|i| i.take().end).collect();
        assert_eq!(
            ends,
            [Some(Ending::KeyRemoved), None, Some(Ending::KeyRemoved)]
        );
    }

    #[test]
    fn capped_released_on_drop_and_woken_on_change() {
        let sessions = Sessions::new(2);
        let who = owner("ana");
        let (a, b, c) = (
            Arc::new(Inbox::new()),
            Arc::new(Inbox::new()),
            Arc::new(Inbox::new()),
        );
        let slot_a = sessions.join(Arc::clone(&a), who.clone()).unwrap();
        let slot_b = sessions.join(Arc::clone(&b), who.clone()).unwrap();
        assert!(sessions.join(Arc::clone(&c), who.clone()).is_none());
        sessions.notify_changed(Some(slot_a.id()));
        assert!(b.take().changed);
        assert!(!a.take().changed);
        drop(slot_b);
        assert_eq!(sessions.count(), 1);
        assert!(sessions.join(c, who).is_some());
    }
}
