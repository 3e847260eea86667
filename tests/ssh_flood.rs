//! A pre-authentication flood on loopback (issue 13, item 3): hundreds of
//! connections from many 127.x.y.z addresses send the SSH banner and
//! stall, and go on arriving, while the real OpenSSH client with a listed
//! key logs in, within a second each time. The server's descriptors and
//! memory stay bounded, the login grace (cut to 3 s here with
//! `--login-grace`) closes the stalled sockets for real, and the log
//! summarises the flood instead of a line per connection. Bounded: it
//! stops by itself in about ten seconds.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ssh;

use ssh::flood::Flood;
use ssh::*;
use std::time::{Duration, Instant};

/// Connections logging in at once (the default, said out loud).
const MAX_STARTUPS: usize = 64;
const GRACE: Duration = Duration::from_secs(3);
/// Stalled connections opened at once, then more each second, from this
/// many addresses (each address well under its 20 connections a minute).
const BURST: usize = 400;
const PER_SECOND: usize = 100;
const ADDRESSES: usize = 500;

/// Logs in with ana's key, as `ssh -T` (no terminal: the server answers
/// "needs a terminal" after the login); how long that took.
fn log_in(server: &Server) -> Duration {
    let started = Instant::now();
    let out = server.ssh(&["ana"], &["-T"]);
    let took = started.elapsed();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("hireterm needs a terminal"),
        "not logged in after {took:?}: {out:?}\n{}",
        server.log()
    );
    took
}

#[test]
fn a_listed_key_logs_in_within_a_second_during_a_flood_of_stalled_logins() {
    if !(have("ssh", "-V") && have("ssh-keygen", "-?")) {
        return;
    }
    let server = Server::start(&[
        "--login-grace",
        &GRACE.as_secs().to_string(),
        "--max-startups",
        &MAX_STARTUPS.to_string(),
    ]);
    let pid = server.pid();
    // One login first: whatever the server opens or allocates once for
    // its first client is in the figures before the flood.
    log_in(&server);
    let (fds_before, rss_before) = (open_fds(pid), proc_kib(pid, "VmRSS"));

    let flood = Flood::start(server.port, BURST, PER_SECOND, ADDRESSES);
    wait_until(
        "the burst to arrive",
        || (flood.opened() >= BURST).then_some(()),
        || format!("{} opened", flood.opened()),
    );
    let (mut most_fds, mut most_rss) = (0, 0);
    let mut sample = || {
        most_fds = most_fds.max(open_fds(pid));
        most_rss = most_rss.max(proc_kib(pid, "VmRSS"));
    };
    for _ in 0..3 {
        sample();
        let took = log_in(&server);
        assert!(
            took < Duration::from_secs(1),
            "a login during the flood took {took:?} ({} stalled connections open)",
            flood.open()
        );
        sample();
    }
    // The flood goes on for a moment; the server never holds more than
    // its cap of them (give or take those the client has counted and the
    // server not yet accepted or closed: a few, at this rate).
    let until = Instant::now() + Duration::from_secs(1);
    while Instant::now() < until {
        sample();
        assert!(
            flood.open() <= MAX_STARTUPS + 10,
            "{} stalled open",
            flood.open()
        );
        std::thread::sleep(POLL);
    }
    flood.pause();
    assert!(
        flood.opened() >= BURST + PER_SECOND,
        "only {} opened",
        flood.opened()
    );

    // Descriptors: the server's own, one per stalled connection it holds
    // (at most the cap), the logins' sockets, and a few the runtime opens
    // as it grows. Memory: each connection logging in costs russh's
    // buffers and a task (tens of KiB); 32 MiB is ample for the cap and
    // far below what keeping every flooded socket costs.
    assert!(
        most_fds <= fds_before + MAX_STARTUPS + 16,
        "{most_fds} descriptors open (was {fds_before})"
    );
    let grown_mib = most_rss.saturating_sub(rss_before) / 1024;
    assert!(
        grown_mib <= 32,
        "VmRSS grew by {grown_mib} MiB ({rss_before} KiB before)"
    );

    // The grace closes what is left, sockets and all: every connection
    // the flood opened has been closed by the server, and the
    // descriptors are back where they were.
    wait_until(
        "every stalled connection to be closed",
        || (flood.open() == 0).then_some(()),
        || format!("{} of {} closed", flood.closed(), flood.opened()),
    );
    let opened = flood.opened();
    wait_until(
        "the descriptors to come back",
        || (open_fds(pid) <= fds_before).then_some(()),
        || format!("{} open, {fds_before} before", open_fds(pid)),
    );

    // The log: a bounded number of lines and a summary, not a line or
    // two for each of the hundreds of connections.
    let log = server.wait_log("the flood's summary", |log| {
        log.contains("such line(s) not written")
    });
    let lines = log.lines().count();
    assert!(
        lines < opened / 4,
        "{lines} log lines for {opened} connections:\n{log}"
    );
    eprintln!(
        "flood: {opened} stalled connections; descriptors {fds_before} -> at most {most_fds}; \
         VmRSS {rss_before} KiB -> at most {most_rss} KiB; {lines} log lines"
    );
}
