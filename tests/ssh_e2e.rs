//! End to end over SSH: the real `hireterm serve` on a free loopback port,
//! reached by the real OpenSSH client running in a private tmux server,
//! driven by keys and read back from the screen (the harness is in
//! `ssh/mod.rs`). `ssh_stall.rs` stalls a client's link; `ssh_protocol.rs`
//! goes where OpenSSH will not: forced methods, one key offered and
//! another signing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ssh;

use hireterm::store::Store;
use ssh::*;
use std::process::{Command, Stdio};

#[test]
fn two_sessions_a_move_ctrl_c_quit_and_sigterm() {
    if !have_tools() {
        return;
    }
    let mut server = Server::start(&[]);
    let tmux = Tmux::new(server.dir.path());
    tmux.open("ana", (180, 40), &server.ssh_script("ana"));
    tmux.open("bob", (180, 40), &server.ssh_script("bob"));
    // Each session acts as its own user: My work says whose it is.
    for name in ["ana", "bob"] {
        tmux.wait_for(name, "their first screen", |s| s.contains(&home_of(name)));
    }
    server.wait_log("both sessions", |log| {
        log.contains("session started for \"ana\"") && log.contains("session started for \"bob\"")
    });

    // Bob watches the board while ana moves a card: his screen shows the
    // move without a key pressed (live updates through the shared records).
    tmux.type_text("bob", "2");
    let before = tmux.wait_for("bob", "bob's board", |s| board_counts(s).is_some());
    let after_move = move_a_card(&tmux, "ana");
    assert_ne!(board_counts(&before), Some(after_move.clone()));
    tmux.wait_for("bob", "ana's move, live", |s| {
        board_counts(s) == Some(after_move.clone())
    });

    // Ctrl-C is a key in the session, not a signal to anything.
    tmux.press("ana", "C-c");
    tmux.type_text("ana", "1");
    tmux.wait_for("ana", "the app after ctrl-c", |s| {
        s.contains(CANDIDATES_PANE)
    });
    // A resize reaches the app: 70 columns is narrow enough for the list.
    tmux.run(&["resize-window", "-t", "bob", "-x", "70", "-y", "24"]);
    tmux.type_text("bob", "2");
    tmux.wait_for("bob", "the narrow pipeline list", |s| {
        s.contains("│Sourced (") && !s.contains("┐┌")
    });
    // A lone ESC byte is the Esc key once its short timer runs out.
    tmux.type_text("bob", "?");
    tmux.wait_for("bob", "the help", |s| s.contains("Help · esc or ? closes"));
    tmux.press("bob", "Escape");
    tmux.wait_for("bob", "the help closed by esc", |s| {
        !s.contains("Help · esc or ? closes") && s.contains("│Sourced (")
    });

    // q ends ana's session only, with status 0.
    tmux.type_text("ana", "q");
    tmux.wait_for("ana", "ssh's exit status 0", |s| s.contains("SSH-EXITED-0"));
    tmux.type_text("bob", "1");
    tmux.wait_for("bob", "bob's app, still there", |s| {
        s.contains(CANDIDATES_PANE)
    });
    server.wait_log("ana's summary line", |log| {
        log.lines()
            .any(|l| l.contains("user \"ana\"") && l.ends_with(": quit"))
    });

    // SIGTERM: bob is told, the server exits 0, the database is closed.
    assert!(server.terminate().success(), "{}", server.log());
    let screen = tmux.wait_for("bob", "the goodbye", |s| s.contains("SSH-EXITED-"));
    assert!(screen.contains("the server is shutting down"), "{screen}");
    let log = server.log();
    assert!(
        log.contains("server shutdown") && log.contains("database closed"),
        "{log}"
    );
    assert!(Store::closed_cleanly(server.path("db")), "{log}");
    assert_eq!(
        moves_by(server.path("db"), "ana"),
        1,
        "saved, under her name"
    );
    // The log never holds candidate data: no name or email of anyone.
    let store = Store::open(server.path("db")).unwrap();
    for candidate in store.candidates().unwrap() {
        assert!(
            !log.contains(&candidate.name) && !log.contains(&candidate.email),
            "{} is in the log:\n{log}",
            candidate.name
        );
    }
}

/// My work is each SSH user's own: an engagement ana adds in the form is
/// hers (the form's owner is the user acting), on her home screen at once,
/// while bob, who owns none, sees the team's, hers among them.
#[test]
fn my_work_is_each_users_own() {
    if !have_tools() {
        return;
    }
    let server = Server::start(&[]);
    let tmux = Tmux::new(server.dir.path());
    tmux.open("ana", (120, 30), &server.ssh_script("ana"));
    tmux.open("bob", (160, 30), &server.ssh_script("bob"));
    tmux.wait_for("ana", "her first screen", |s| {
        s.contains("My work · ana owns no engagement: the team's work")
    });
    tmux.wait_for("bob", "his first screen", |s| s.contains(&home_of("bob")));

    tmux.type_text("ana", "2A");
    tmux.wait_for("ana", "the engagement form", |s| {
        s.contains("New engagement")
    });
    // Past the client (E1's) and the owner (ana, as she acts) to the
    // title, the role and one must-have skill.
    let steps = [
        ("", "Tab"),
        ("", "Tab"),
        ("Ana's own platform", "Tab"),
        ("devops", "Enter"),
        ("", "Tab"),
        ("kube", "Enter"),
        ("2m", "C-s"),
    ];
    for (text, then) in steps {
        if !text.is_empty() {
            tmux.type_text("ana", text);
        }
        tmux.press("ana", then);
    }
    tmux.wait_for("ana", "the engagement saved", |s| {
        status_line(s).contains("Ana's own platform")
    });
    tmux.type_text("ana", "0");
    let screen = tmux.wait_for("ana", "her own work", |s| {
        s.contains("My work · ana · enter goes to the card") && s.contains("Your engagements (1)")
    });
    assert!(screen.contains("Ana's own platform"), "{screen}");
    tmux.wait_for("bob", "the team's work, hers among it, live", |s| {
        s.contains("Ana's own platform") && s.contains("owner ana")
    });
}

#[test]
fn strangers_passwords_and_pty_less_sessions_are_refused() {
    if !have_tools() {
        return;
    }
    let server = Server::start(&[]);
    let eve = fingerprint(&server.path("eve.pub"));

    let out = server.ssh(&["eve"], &["-t"]);
    assert_ne!(out.status.code(), Some(0), "{out:?}");
    server.wait_log("eve's key refused", |log| {
        log.contains(&format!("refused: key {eve} is not authorized"))
    });

    let out = server.ssh(
        &[],
        &[
            "-o",
            "PreferredAuthentications=password",
            "-o",
            "PubkeyAuthentication=no",
        ],
    );
    assert_ne!(out.status.code(), Some(0), "{out:?}");
    server.wait_log("both refusals", |log| {
        log.matches("not authenticated (refused").count() == 2
    });

    // Without a terminal: a clear message and status 1. Eve's key comes
    // first and is refused; ana's is then offered and signs.
    let out = server.ssh(&["eve", "ana"], &["-T"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("hireterm needs a terminal: ssh -t"),
        "{out:?}"
    );
    assert_eq!(out.status.code(), Some(1));
    let log = server.wait_log("the turned-away line", |log| log.contains("turned away"));
    assert!(log.contains("as \"ana\""), "{log}");
    assert!(!log.contains("as \"eve\""), "{log}");
}

#[test]
fn an_idle_session_times_out_with_a_message() {
    if !have_tools() {
        return;
    }
    let server = Server::start(&["--idle-timeout", "2"]);
    let tmux = Tmux::new(server.dir.path());
    tmux.open("ana", (100, 30), &server.ssh_script("ana"));
    tmux.wait_for("ana", "the first screen", |s| s.contains(&home_of("ana")));
    let screen = tmux.wait_for("ana", "the time-out", |s| s.contains("SSH-EXITED-"));
    assert!(
        screen.contains("no keys for 2 s; session closed"),
        "{screen}"
    );
    assert!(screen.contains("SSH-EXITED-1"), "{screen}");
    server.wait_log("the idle line", |log| log.contains("idle timeout (2 s)"));
}

#[test]
fn limits_the_session_cap_and_connections_per_minute() {
    if !have_tools() {
        return;
    }
    let server = Server::start(&["--max-sessions", "1", "--connections-per-minute", "3"]);
    let tmux = Tmux::new(server.dir.path());
    tmux.open("ana", (100, 30), &server.ssh_script("ana"));
    tmux.wait_for("ana", "the first screen", |s| s.contains(&home_of("ana")));

    // A second session (with a terminal: -tt) is told to come back later.
    let out = server.ssh(&["bob"], &["-tt"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("maximum of 1 sessions"), "{out:?}");
    assert_eq!(out.status.code(), Some(1));

    // Third connection from this address this minute: still let in.
    let out = server.ssh(&["bob"], &["-T"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    // The fourth is cut off at the door, before any handshake.
    let out = server.ssh(&["bob"], &["-T"]);
    assert_eq!(out.status.code(), Some(255), "{out:?}");
    server.wait_log("the refusal", |log| log.contains("too many connections"));

    // None of this disturbed ana's session.
    tmux.type_text("ana", "2");
    tmux.wait_for("ana", "the pipeline", |s| s.contains("Sourced ("));
}

#[test]
fn a_host_key_others_can_read_is_refused() {
    if !have_tools() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    keygen(dir.path(), "host_key", "");
    keygen(dir.path(), "ana", "ana@laptop");
    std::fs::copy(
        dir.path().join("ana.pub"),
        dir.path().join("authorized_keys"),
    )
    .unwrap();
    let chmod = Command::new("chmod")
        .arg("644")
        .arg(dir.path().join("host_key"))
        .status()
        .unwrap();
    assert!(chmod.success());
    let out = hireterm(dir.path())
        .arg("serve")
        .arg("--db")
        .arg(dir.path().join("db"))
        .args(["--listen", "127.0.0.1:0", "--host-key"])
        .arg(dir.path().join("host_key"))
        .arg("--authorized-keys")
        .arg(dir.path().join("authorized_keys"))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("can be read by others (mode 644)"),
        "{stderr}"
    );
    assert!(stderr.contains("chmod 600"), "{stderr}");
}
