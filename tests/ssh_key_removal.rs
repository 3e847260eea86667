//! Taking a key out of `authorized_keys` ends that key's open sessions
//! within seconds (issue 13, item 7): its user reads why on their screen
//! and ssh exits with status 1, the log says so, the other sessions go on,
//! and the key cannot log in again. The real OpenSSH client, in tmux.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ssh;

use ssh::*;
use std::time::{Duration, Instant};

#[test]
fn removing_a_key_ends_its_session_within_seconds_and_no_other() {
    if !have_tools() {
        return;
    }
    let server = Server::start(&[]);
    let tmux = Tmux::new(server.dir.path());
    tmux.open("ana", (100, 30), &server.ssh_script("ana"));
    tmux.open("bob", (100, 30), &server.ssh_script("bob"));
    for name in ["ana", "bob"] {
        tmux.wait_for(name, "the first screen", |s| s.contains(&home_of(name)));
    }

    // The file is written in place (emptied, then filled), as `cat >`
    // or an editor without a temporary file would: bob's line stays.
    let keys = server.path("authorized_keys");
    let bob_only: String = std::fs::read_to_string(&keys)
        .unwrap()
        .lines()
        .filter(|line| !line.ends_with("ana@laptop"))
        .map(|line| format!("{line}\n"))
        .collect();
    assert_eq!(bob_only.lines().count(), 1);
    let removed = Instant::now();
    std::fs::write(&keys, bob_only).unwrap();

    let screen = tmux.wait_for("ana", "the session's end", |s| s.contains("SSH-EXITED-"));
    let took = removed.elapsed();
    assert!(took < Duration::from_secs(5), "ended after {took:?}");
    assert!(
        screen.contains("your key was removed from this server's authorized keys"),
        "{screen}"
    );
    assert!(screen.contains("SSH-EXITED-1"), "{screen}");
    let ana = fingerprint(&server.path("ana.pub"));
    let log = server.wait_log("ana's closing line", |log| {
        log.contains("user \"ana\"") && log.contains("key removed from the authorized keys")
    });
    assert!(
        log.contains(&format!(
            "key {ana} of \"ana\" is no longer in the authorized keys"
        )),
        "{log}"
    );

    // Bob goes on, and ana's key no longer gets in.
    tmux.type_text("bob", "2");
    tmux.wait_for("bob", "his pipeline", |s| s.contains("Sourced ("));
    let out = server.ssh(&["ana"], &["-T"]);
    assert_eq!(out.status.code(), Some(255), "{out:?}");
    assert!(!log.contains("user \"bob\""), "bob's session ended:\n{log}");
}
