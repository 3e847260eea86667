//! Limits that keep one client from costing the others: terminal sizes,
//! connections per address per minute.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::time::{Duration, Instant};

/// Largest screen a session draws: beyond this a client is lying or broken,
/// and every frame would cost megabytes.
pub const MAX_COLUMNS: u16 = 500;
pub const MAX_ROWS: u16 = 200;

/// A client's terminal size, clamped to `1..=500` × `1..=200`. Zero (which
/// some clients send for "unknown") becomes 1: the app then shows its
/// too-small screen until the first real size arrives.
pub fn clamp_size(columns: u32, rows: u32) -> (u16, u16) {
    let clamp = |value: u32, max: u16| value.clamp(1, u32::from(max)) as u16;
    (clamp(columns, MAX_COLUMNS), clamp(rows, MAX_ROWS))
}

const WINDOW: Duration = Duration::from_secs(60);
/// Addresses remembered at most; past this the quiet ones are forgotten
/// first, so that a scan of many addresses cannot grow the table forever.
const MAX_ADDRESSES: usize = 4096;

/// The address a limit counts: an IPv6 address by its /64, since one
/// host usually holds a whole /64 and could otherwise pick a new address
/// for every connection.
pub(super) fn network_of(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) if v6.to_ipv4_mapped().is_none() => {
            let mut octets = v6.octets();
            octets[8..].fill(0);
            IpAddr::V6(octets.into())
        }
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(address, IpAddr::V4),
        v4 => v4,
    }
}

/// At most `per_minute` connections from one address in any 60 seconds.
#[derive(Debug)]
pub struct RateLimiter {
    per_minute: usize,
    recent: HashMap<IpAddr, VecDeque<Instant>>,
}

impl RateLimiter {
    pub fn new(per_minute: u32) -> RateLimiter {
        RateLimiter {
            per_minute: per_minute as usize,
            recent: HashMap::new(),
        }
    }

    /// Counts a connection from `address` at `now`; false if it is one too
    /// many (refused connections do not count, so waiting always helps).
    pub fn allow(&mut self, address: IpAddr, now: Instant) -> bool {
        if self.recent.len() >= MAX_ADDRESSES {
            self.forget_before(now);
        }
        let times = self.recent.entry(network_of(address)).or_default();
        while times
            .front()
            .is_some_and(|t| now.duration_since(*t) >= WINDOW)
        {
            times.pop_front();
        }
        if times.len() >= self.per_minute {
            return false;
        }
        times.push_back(now);
        true
    }

    fn forget_before(&mut self, now: Instant) {
        self.recent.retain(|_, times| {
            times
                .back()
                .is_some_and(|t| now.duration_since(*t) < WINDOW)
        });
        if self.recent.len() >= MAX_ADDRESSES {
            self.recent.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ipv6_host_is_limited_by_its_64_not_each_address() {
        let mut limiter = RateLimiter::new(2);
        let now = Instant::now();
        let a: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert!(limiter.allow(a, now) && limiter.allow(b, now));
        assert!(!limiter.allow("2001:db8:1:2::7".parse().unwrap(), now));
        assert!(limiter.allow(other, now));
    }

    #[test]
    fn sizes_are_clamped() {
        assert_eq!(clamp_size(0, 0), (1, 1));
        assert_eq!(clamp_size(80, 24), (80, 24));
        assert_eq!(clamp_size(u32::MAX, 100_000), (MAX_COLUMNS, MAX_ROWS));
    }

    #[test]
    fn connections_per_address_per_minute() {
        let mut limiter = RateLimiter::new(2);
        let start = Instant::now();
        let a: IpAddr = [127, 0, 0, 1].into();
        let b: IpAddr = [127, 0, 0, 2].into();
        assert!(limiter.allow(a, start));
        assert!(limiter.allow(a, start));
        assert!(!limiter.allow(a, start + Duration::from_secs(30)));
        assert!(limiter.allow(b, start), "another address has its own count");
        assert!(limiter.allow(a, start + WINDOW));
    }
}
