//! The door: what the server keeps about connections that have not
//! logged in. Each holds a place in the [`Startups`] table (a [`Ticket`])
//! until it logs in or closes; the connections a newcomer pushes out are
//! closed at once through their [`Cut`]; and the lines about all of
//! them go through one [`Tally`], so that a flood is summarised.

use super::cut::{Closing, Cut};
use super::log::Log;
use super::startups::{Dice, StartupId, StartupLimits, Startups};
use super::tally::{Seen, Tally};
use rand::RngExt;
use std::fmt::Display;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

pub struct Door {
    startups: Mutex<Startups<Arc<Cut>>>,
    tally: Mutex<Tally>,
    log: Log,
}

/// The thread's random generator, as the door's chance.
struct ThreadDice;

impl Dice for ThreadDice {
    fn roll(&mut self, sides: usize) -> usize {
        rand::rng().random_range(0..sides.max(1))
    }
}

fn locked<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}

impl Door {
    pub fn new(limits: StartupLimits, log: Log) -> Arc<Door> {
        Arc::new(Door {
            startups: Mutex::new(Startups::new(limits)),
            tally: Mutex::new(Tally::new()),
            log,
        })
    }

    /// Writes `line` about `peer` (not logged in), or only counts it when
    /// this interval's lines are spent.
    pub fn line(&self, seen: Seen, peer: IpAddr, line: impl Display) {
        if locked(&self.tally).note(seen, peer, Instant::now()) {
            self.log.line(line);
        }
    }

    /// Connections logging in now.
    pub fn waiting(&self) -> usize {
        locked(&self.startups).len()
    }

    /// A place for a new connection from `peer`, closed through `cut`;
    /// whoever it pushes out is closed now.
    pub fn admit(self: &Arc<Self>, peer: SocketAddr, cut: &Arc<Cut>) -> Ticket {
        let (id, pushed_out) = locked(&self.startups).admit(
            peer.ip(),
            Instant::now(),
            Arc::clone(cut),
            &mut ThreadDice,
        );
        for (cut, why) in pushed_out {
            cut.close(Closing::PushedOut(why.reason()));
        }
        Ticket {
            door: Arc::clone(self),
            id,
        }
    }

    /// Writes the summary of the interval just over, if there is one.
    pub fn tick(&self, now: Instant) {
        let summary = locked(&self.tally).summary(now);
        if let Some(summary) = summary {
            self.log.line(summary);
        }
    }
}

/// A connection's place among those logging in; given up when it logs in
/// or when the ticket is dropped (the connection closed).
pub struct Ticket {
    door: Arc<Door>,
    id: StartupId,
}

impl Ticket {
    /// The connection asked to authenticate: its key exchange is done.
    pub fn progressed(&self) {
        locked(&self.door.startups).progressed(self.id);
    }

    /// The connection logged in: its place is free for others.
    pub fn logged_in(&self) {
        locked(&self.door.startups).leave(self.id);
    }

    pub fn door(&self) -> &Door {
        &self.door
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        self.logged_in();
    }
}
