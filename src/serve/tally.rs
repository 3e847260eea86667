//! The log of connections that have not logged in, summarised.
//!
//! Each of them used to cost a line or two (connected, refused, closed),
//! so a flood wrote megabytes a minute. Now such lines are written in
//! full up to [`LINES_PER_INTERVAL`] every [`INTERVAL`]; past that they
//! are only counted, and once the interval is over one line says how many
//! there were, of which kind, from how many addresses. Lines about people
//! who logged in are not touched: they are few, and they are the record.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::net::IpAddr;
use std::time::{Duration, Instant};

pub const INTERVAL: Duration = Duration::from_secs(10);
/// Lines written in full per interval; a quiet server never reaches it.
pub const LINES_PER_INTERVAL: usize = 20;
/// Distinct addresses remembered per interval (past it the count is "at
/// least"), so that a flood from everywhere cannot grow the set.
const MAX_ADDRESSES: usize = 16_384;

/// What happened to a connection that had not logged in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    Connected,
    /// Refused at the door (its address's rate, or every slot taken).
    Refused,
    /// Pushed out to make room for newer ones.
    PushedOut,
    /// Closed at the login grace.
    TimedOut,
    /// A method other than public keys was tried.
    WrongMethod,
    /// Closed by the client, or after refused keys.
    Closed,
}

const KINDS: [(Seen, &str); 6] = [
    (Seen::Connected, "connected"),
    (Seen::Refused, "refused at the door"),
    (Seen::PushedOut, "pushed out or dropped while logging in"),
    (Seen::TimedOut, "closed at the login grace"),
    (Seen::WrongMethod, "tried a method other than public keys"),
    (Seen::Closed, "closed without logging in"),
];

#[derive(Debug, Default)]
pub struct Tally {
    started: Option<Instant>,
    written: usize,
    held: u64,
    counts: [u64; KINDS.len()],
    addresses: HashSet<IpAddr>,
}

impl Tally {
    pub fn new() -> Tally {
        Tally::default()
    }

    /// Counts `seen` from `peer`; true if its line may be written in full.
    pub fn note(&mut self, seen: Seen, peer: IpAddr, now: Instant) -> bool {
        self.started.get_or_insert(now);
        if let Some(at) = KINDS.iter().position(|(kind, _)| *kind == seen) {
            self.counts[at] += 1;
        }
        if self.addresses.len() < MAX_ADDRESSES {
            self.addresses.insert(peer);
        }
        if self.written < LINES_PER_INTERVAL {
            self.written += 1;
            return true;
        }
        self.held += 1;
        false
    }

    /// Once the interval is over, the summary line if lines were held
    /// back; counting starts again either way.
    pub fn summary(&mut self, now: Instant) -> Option<String> {
        let started = self.started?;
        if now.duration_since(started) < INTERVAL {
            return None;
        }
        let summary = (self.held > 0).then(|| self.describe(now.duration_since(started)));
        *self = Tally::new();
        summary
    }

    fn describe(&self, over: Duration) -> String {
        let addresses = self.addresses.len();
        let at_least = if addresses >= MAX_ADDRESSES {
            "at least "
        } else {
            ""
        };
        let mut text = format!(
            "in the last {} s, connections not logged in from {at_least}{addresses} address(es):",
            over.as_secs()
        );
        let counted = KINDS.iter().zip(self.counts).filter(|(_, n)| *n > 0);
        for (at, ((_, words), count)) in counted.enumerate() {
            let comma = if at == 0 { "" } else { "," };
            let _ = write!(text, "{comma} {count} {words}");
        }
        let _ = write!(text, "; {} such line(s) not written", self.held);
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flood_costs_a_bounded_number_of_lines_and_one_summary() {
        let mut tally = Tally::new();
        let start = Instant::now();
        let mut written = 0;
        for n in 0..1000u32 {
            let peer = IpAddr::from([127, 0, (n % 200 / 100) as u8, (n % 100) as u8]);
            let seen = if n % 2 == 0 {
                Seen::Connected
            } else {
                Seen::PushedOut
            };
            written += usize::from(tally.note(seen, peer, start));
        }
        assert_eq!(written, LINES_PER_INTERVAL);
        assert_eq!(tally.summary(start + INTERVAL / 2), None, "not yet");
        let line = tally.summary(start + INTERVAL).unwrap();
        assert_eq!(
            line,
            "in the last 10 s, connections not logged in from 200 address(es): \
             500 connected, 500 pushed out or dropped while logging in; \
             980 such line(s) not written"
        );
        // Counting starts again: the next lines are written in full.
        assert!(tally.note(Seen::Refused, [127, 0, 0, 1].into(), start + INTERVAL));
    }

    #[test]
    fn a_quiet_interval_needs_no_summary() {
        let mut tally = Tally::new();
        let start = Instant::now();
        assert!(tally.note(Seen::Closed, [10, 0, 0, 1].into(), start));
        assert_eq!(tally.summary(start + INTERVAL), None);
        assert_eq!(tally.summary(start + INTERVAL * 3), None);
    }
}
