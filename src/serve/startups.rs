//! Who may be in the middle of logging in: sshd's MaxStartups, turned so
//! that a flood cannot keep real users out.
//!
//! sshd refuses newcomers once its table of unauthenticated connections
//! fills (randomly at first, then all of them): a stalled attacker then
//! holds every place and the real user is refused with the rest. Here a
//! newcomer is never refused for want of room; someone already waiting
//! makes room instead:
//!
//! - one address (an IPv6 /64) waiting at its cap: its own oldest goes;
//! - the table full: the oldest connection that has not *progressed*
//!   (reached its first authentication request, so its key exchange is
//!   done) goes, or the oldest of all when every one has;
//! - between the early-drop mark and full, with a chance that grows in a
//!   straight line towards certain, a random connection that has stalled
//!   for [`STALLED_AFTER`] goes (early random drop: a flood is shed
//!   before the table fills, and nobody can tell which connection is next).
//!
//! So a stalled connection cannot hold its place against newcomers, and a
//! real client, whose key exchange takes a few round trips, is the newest
//! (safe from "oldest first") and then has progressed (safe while any
//! stalled one is left). The policy is pure: the clock comes in as `now`,
//! chance as a [`Dice`], and what is pushed out goes back to the caller,
//! who closes it.

use super::limits::network_of;
use std::net::IpAddr;
use std::time::{Duration, Instant};

/// How long a connection waits without progress before early drop may
/// choose it: longer than a key exchange takes over a slow link.
pub const STALLED_AFTER: Duration = Duration::from_secs(2);

/// The caps, as sshd's `MaxStartups early:rate:full` and
/// `PerSourceMaxStartups` (the rate being the straight line from early to
/// full).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StartupLimits {
    /// Connections logging in at once, at most.
    pub full: usize,
    /// From this many on, a newcomer may push out a stalled one at random.
    pub early_drop_from: usize,
    /// Connections logging in from one address at once, at most.
    pub per_address: usize,
}

impl StartupLimits {
    /// `full` at once, early drop from half of it, `per_address` each.
    pub fn new(full: usize, per_address: usize) -> StartupLimits {
        let full = full.max(1);
        StartupLimits {
            full,
            early_drop_from: full / 2,
            per_address: per_address.clamp(1, full),
        }
    }
}

/// Chance, injected: a fair roll of `0..sides`.
pub trait Dice {
    fn roll(&mut self, sides: usize) -> usize;
}

/// Why a connection was pushed out (for the log and for its user).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PushedOut {
    /// Its address had too many connections logging in.
    Address,
    /// The table was full and it was the one to go.
    Full,
    /// Early random drop.
    Early,
}

impl PushedOut {
    pub fn reason(self) -> &'static str {
        match self {
            PushedOut::Address => "pushed out by a newer connection from its address",
            PushedOut::Full => "pushed out to make room (too many connections logging in)",
            PushedOut::Early => "dropped at random (many connections logging in)",
        }
    }
}

/// A connection's number in the table.
pub type StartupId = u64;

#[derive(Debug)]
struct Startup<T> {
    id: StartupId,
    network: IpAddr,
    since: Instant,
    progressed: bool,
    value: T,
}

/// The connections logging in, oldest first, each with the caller's
/// `T` (what closes it).
#[derive(Debug)]
pub struct Startups<T> {
    limits: StartupLimits,
    waiting: Vec<Startup<T>>,
    next: StartupId,
}

impl<T> Startups<T> {
    pub fn new(limits: StartupLimits) -> Startups<T> {
        Startups {
            limits,
            waiting: Vec::new(),
            next: 1,
        }
    }

    pub fn len(&self) -> usize {
        self.waiting.len()
    }

    pub fn is_empty(&self) -> bool {
        self.waiting.is_empty()
    }

    /// Lets a connection from `address` in; what it pushed out, and why.
    pub fn admit(
        &mut self,
        address: IpAddr,
        now: Instant,
        value: T,
        dice: &mut impl Dice,
    ) -> (StartupId, Vec<(T, PushedOut)>) {
        let network = network_of(address);
        let mut out = Vec::new();
        let same = |s: &Startup<T>| s.network == network;
        if self.waiting.iter().filter(|s| same(s)).count() >= self.limits.per_address {
            out.extend(self.remove_first(same, PushedOut::Address));
        }
        if self.waiting.len() >= self.limits.full {
            out.extend(self.remove_first(|_| true, PushedOut::Full));
        } else if let Some(at) = self.early_drop(now, dice) {
            out.push((self.waiting.remove(at).value, PushedOut::Early));
        }
        let id = self.next;
        self.next += 1;
        self.waiting.push(Startup {
            id,
            network,
            since: now,
            progressed: false,
            value,
        });
        (id, out)
    }

    /// The connection reached authentication: it goes last.
    pub fn progressed(&mut self, id: StartupId) {
        if let Some(startup) = self.waiting.iter_mut().find(|s| s.id == id) {
            startup.progressed = true;
        }
    }

    /// The connection logged in or closed: it leaves the table.
    pub fn leave(&mut self, id: StartupId) -> Option<T> {
        let at = self.waiting.iter().position(|s| s.id == id)?;
        Some(self.waiting.remove(at).value)
    }

    /// Removes the oldest of those `chosen` that has not progressed, or
    /// else the oldest of them.
    fn remove_first(
        &mut self,
        chosen: impl Fn(&Startup<T>) -> bool,
        why: PushedOut,
    ) -> Option<(T, PushedOut)> {
        let at = (self.waiting.iter())
            .position(|s| chosen(s) && !s.progressed)
            .or_else(|| self.waiting.iter().position(&chosen))?;
        Some((self.waiting.remove(at).value, why))
    }

    /// Early random drop: between the mark and full, with a chance rising
    /// in a straight line, the place of a random stalled connection.
    fn early_drop(&self, now: Instant, dice: &mut impl Dice) -> Option<usize> {
        let StartupLimits {
            full,
            early_drop_from: from,
            ..
        } = self.limits;
        let waiting = self.waiting.len();
        if waiting < from || from >= full {
            return None;
        }
        if dice.roll(full - from + 1) > waiting - from {
            return None;
        }
        let stalled: Vec<usize> = (0..waiting)
            .filter(|&at| {
                let s = &self.waiting[at];
                !s.progressed && now.duration_since(s.since) >= STALLED_AFTER
            })
            .collect();
        (!stalled.is_empty()).then(|| stalled[dice.roll(stalled.len())])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dice that roll what they are told, then 0.
    struct Loaded(Vec<usize>);

    impl Dice for Loaded {
        fn roll(&mut self, sides: usize) -> usize {
            let roll = if self.0.is_empty() {
                0
            } else {
                self.0.remove(0)
            };
            assert!(roll < sides, "rolled {roll} of {sides}");
            roll
        }
    }

    /// Dice that never drop early (the highest roll, always).
    struct High;

    impl Dice for High {
        fn roll(&mut self, sides: usize) -> usize {
            sides - 1
        }
    }

    fn ip(last: u8) -> IpAddr {
        [127, 0, 1, last].into()
    }

    fn limits(full: usize, early: usize, per_address: usize) -> StartupLimits {
        StartupLimits {
            full,
            early_drop_from: early,
            per_address,
        }
    }

    #[test]
    fn a_full_table_pushes_out_its_oldest_stalled_connection_never_the_newcomer() {
        let mut table = Startups::new(limits(3, 3, 3));
        let now = Instant::now();
        for n in 1..=3 {
            let (_, out) = table.admit(ip(n), now, n, &mut High);
            assert!(out.is_empty());
        }
        // The first has progressed (key exchange done): the second goes.
        table.progressed(1);
        let (_, out) = table.admit(ip(9), now, 9, &mut High);
        assert_eq!(out, vec![(2, PushedOut::Full)]);
        let (_, out) = table.admit(ip(10), now, 10, &mut High);
        assert_eq!(out, vec![(3, PushedOut::Full)]);
        // A newcomer always gets in: the table stays at its cap.
        assert_eq!(table.len(), 3);
    }

    #[test]
    fn when_every_one_has_progressed_the_oldest_goes() {
        let mut table = Startups::new(limits(2, 2, 2));
        let now = Instant::now();
        let (a, _) = table.admit(ip(1), now, "a", &mut High);
        let (b, _) = table.admit(ip(2), now, "b", &mut High);
        table.progressed(a);
        table.progressed(b);
        let (_, out) = table.admit(ip(3), now, "c", &mut High);
        assert_eq!(out, vec![("a", PushedOut::Full)]);
    }

    #[test]
    fn one_address_cannot_take_the_table_and_ipv6_counts_by_its_64() {
        let mut table = Startups::new(limits(10, 10, 2));
        let now = Instant::now();
        let host = |n: u16| IpAddr::from([0x2001, 0xdb8, 0, 1, 0, 0, 0, n]);
        table.admit(host(1), now, 1, &mut High);
        table.admit(ip(7), now, 7, &mut High);
        table.admit(host(2), now, 2, &mut High);
        let (_, out) = table.admit(host(3), now, 3, &mut High);
        assert_eq!(out, vec![(1, PushedOut::Address)]);
        assert_eq!(table.len(), 3, "the other address kept its place");
    }

    #[test]
    fn early_drop_takes_a_random_stalled_connection_with_a_rising_chance() {
        let mut table = Startups::new(limits(6, 2, 6));
        let start = Instant::now();
        for n in 1..=2 {
            table.admit(ip(n), start, n, &mut High);
        }
        // At the mark the chance is 1 in 5: a roll of 0 drops, if anyone
        // has stalled long enough. Nobody has yet.
        let soon = start + Duration::from_millis(500);
        let (_, out) = table.admit(ip(3), soon, 3, &mut Loaded(vec![0]));
        assert!(out.is_empty(), "nobody stalled for long enough");
        // Later, 3 waiting: rolls 0 and 1 of 5 drop; a 2 does not.
        let late = start + STALLED_AFTER;
        let (_, out) = table.admit(ip(4), late, 4, &mut Loaded(vec![2]));
        assert!(out.is_empty());
        // 4 waiting, roll 2 of 5 drops; the second roll picks the second
        // of those stalled (1 and 2; 3 came too late, 4 just now).
        let (_, out) = table.admit(ip(5), late, 5, &mut Loaded(vec![2, 1]));
        assert_eq!(out, vec![(2, PushedOut::Early)]);
        // A connection that progressed is never picked.
        table.progressed(1);
        let (_, out) = table.admit(ip(6), late, 6, &mut Loaded(vec![0, 0]));
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn leaving_frees_the_place_and_unknown_ids_are_ignored() {
        let mut table = Startups::new(StartupLimits::new(4, 2));
        let now = Instant::now();
        let (a, _) = table.admit(ip(1), now, "a", &mut High);
        assert_eq!(table.leave(a), Some("a"));
        assert_eq!(table.leave(a), None);
        table.progressed(a);
        assert!(table.is_empty());
        assert_eq!(StartupLimits::new(4, 9).per_address, 4);
        assert_eq!(StartupLimits::new(64, 10).early_drop_from, 32);
    }
}
