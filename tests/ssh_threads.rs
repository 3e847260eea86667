//! `hireterm serve`'s threads are bounded by the cores, not by the
//! sessions (issue 19): more sessions than that bound, each a real
//! OpenSSH client with a terminal, all drawn, and the server's thread
//! count stays under the bound; then every session still answers its keys
//! (each quits with `q`, and ssh exits 0). Before, every session was a
//! thread of its own.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ssh;

use ssh::*;
use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The server's threads at most: tokio's workers (one per core), its
/// blocking pool for the sessions' steps (four per core), and a fixed
/// few of our own and sled's.
fn thread_bound() -> usize {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    cores * 5 + 16
}

fn threads(pid: u32) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("Threads:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// `ssh -tt` with a pipe for its keys, its screen thrown away.
fn session(server: &Server, key: &str) -> Child {
    Command::new("ssh")
        .args(server.ssh_args(&[key]))
        .args(["-tt", "127.0.0.1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn started(log: &str) -> usize {
    log.matches("session started for").count()
}

#[test]
fn more_sessions_than_the_thread_bound_share_a_few_threads() {
    if !have_tools() {
        return;
    }
    let count = thread_bound() + 10;
    let cap = count.to_string();
    let server = Server::start(&[
        "--max-sessions",
        &cap,
        "--connections-per-minute",
        "1000",
        "--max-startups-per-address",
        &cap,
    ]);
    let mut clients: Vec<Child> = (0..count)
        .map(|i| session(&server, if i % 2 == 0 { "ana" } else { "bob" }))
        .collect();
    server.wait_log(&format!("{count} sessions to start"), |log| {
        started(log) >= count
    });
    // A moment for every first frame to be drawn and its step to end.
    std::thread::sleep(Duration::from_millis(500));
    let running = threads(server.pid());
    eprintln!("{running} threads for {count} sessions");
    assert!(
        running <= thread_bound(),
        "{running} threads for {count} sessions (bound {})",
        thread_bound()
    );

    for client in &mut clients {
        client.stdin.as_mut().unwrap().write_all(b"q").unwrap();
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    for (i, client) in clients.iter_mut().enumerate() {
        let status = loop {
            if let Some(status) = client.try_wait().unwrap() {
                break status;
            }
            assert!(Instant::now() < deadline, "session {i} did not quit on q");
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(status.success(), "session {i} ended {status}");
    }
}
