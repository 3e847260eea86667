//! `hireterm serve` under injected I/O errors and full disks (issue 13),
//! as `fault_injection.rs` does for the one-shot commands: a real server,
//! a real OpenSSH client in tmux moving a card with `>`, and the Nth
//! write, sync, rename or open of the database failing, counted from the
//! key press on (the shim's `FAULT_ARM`), so every run fails the server's
//! write path and not its start. Each run: the session says the move
//! happened or says in words that it did not, the server still ends on
//! SIGTERM, and afterwards the database passes `check` and holds the
//! move whenever the session showed it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod fault;
mod ssh;

use fault::{Armed, Fault};
use hireterm::domain::Stage;
use hireterm::store::Store;
use ssh::*;
use std::path::Path;
use std::process::Command;

/// Applications per pipeline stage, over the whole database.
fn stage_counts(db: &Path) -> Vec<usize> {
    let store = Store::open(db).unwrap();
    let applications = store.applications().unwrap();
    Stage::PIPELINE
        .iter()
        .map(|stage| applications.iter().filter(|a| a.stage == *stage).count())
        .collect()
}

/// What one run of the server under a fault showed and left.
struct Run {
    /// The session said the card moved.
    acknowledged: bool,
    /// What the session's status line said.
    said: String,
    /// The stage counts before, and what they are with the move made.
    before: Vec<usize>,
    moved: Vec<usize>,
    /// The server's shim counted this many calls from the key press on.
    calls: usize,
    server: Server,
}

/// Starts the server with `fault` armed, moves a card in a session, and
/// ends the server: what happened.
fn run_server(shim: &Path, call: &str, nth: usize, fault: Fault) -> Run {
    let mut before = Vec::new();
    let server = Server::start_with(
        Path::new(env!("CARGO_BIN_EXE_hireterm")),
        &[],
        |dir, command| {
            before = stage_counts(&dir.join("db"));
            let armed = Armed {
                shim,
                under: &dir.join("db"),
                call,
                nth,
                fault,
            };
            armed.arm(command, &dir.join("calls"));
            command.env("FAULT_ARM", dir.join("armed"));
        },
    );
    let tmux = Tmux::new(server.dir.path());
    tmux.open("ana", (160, 40), &server.ssh_script("ana"));
    tmux.wait_for("ana", "the first screen", |s| s.contains(&home_of("ana")));
    tmux.type_text("ana", "2");
    let board = tmux.wait_for("ana", "the board", |s| board_counts(s).is_some());
    let counts = board_counts(&board).unwrap();
    let from = (0..STAGES.len() - 2).find(|&c| counts[c] > 0).unwrap();
    tmux.type_text("ana", &"l".repeat(from));
    let quiet = status_line(&tmux.screen("ana")).to_string();
    std::fs::write(server.path("armed"), "").unwrap();
    tmux.type_text("ana", ">");
    let moved_text = format!("{} → {}", STAGES[from], STAGES[from + 1]);
    let said = tmux.wait_for("ana", "the move's outcome", |s| status_line(s) != quiet);
    let said = status_line(&said).to_string();
    let acknowledged = said.contains(&moved_text);
    if !acknowledged {
        let case = format!("the session, {call} #{nth} ({fault:?})");
        fault::assert_clear_text(&said, &case);
        assert!(
            fault == Fault::Once || said.contains("is full"),
            "{case}: a full disk not named as one: {said}"
        );
    }
    let mut moved = before.clone();
    moved[from] -= 1;
    moved[from + 1] += 1;
    let mut server = server;
    server.terminate();
    let calls = fault::calls_in(&server.path("calls"));
    Run {
        acknowledged,
        said,
        before,
        moved,
        calls,
        server,
    }
}

/// After a run: the database passes `check`, and holds the move if the
/// session showed it (if it did not, the move may or may not be there).
fn verify(run: &Run, label: &str) {
    let db = run.server.path("db");
    let check = hireterm(run.server.dir.path())
        .arg("check")
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success() && report.contains("no problems found"),
        "{label}: the database does not pass check:\n{report}\n{}\nserver log:\n{}",
        String::from_utf8_lossy(&check.stderr),
        run.server.log()
    );
    let after = stage_counts(&db);
    assert!(
        after == run.moved || (!run.acknowledged && after == run.before),
        "{label}: acknowledged {}, counts {after:?}, before {:?}",
        run.acknowledged,
        run.before
    );
}

/// Sweeps one kind of call: counts the calls of a clean run, then fails
/// a sample of them, as each fault allows.
fn sweep_serve(call: &str) {
    let Some(shim) = fault::shim() else {
        return;
    };
    if !have_tools() {
        return;
    }
    let faults: &[Fault] = match call {
        "write" | "sync" => &[Fault::Once, Fault::Full],
        _ => &[Fault::Once],
    };
    let clean = run_server(shim, call, 0, Fault::Once);
    assert!(clean.acknowledged, "the move without a fault");
    verify(&clean, "no fault");
    for fault in faults {
        let (mut refused, mut told) = (0, String::new());
        let sampled = fault::sample_few(clean.calls);
        for &nth in &sampled {
            let run = run_server(shim, call, nth, *fault);
            let label = format!(
                "serve, {call} #{nth} of {} failing ({fault:?})",
                clean.calls
            );
            if !run.acknowledged {
                refused += 1;
                told = run.said.trim().to_string();
            }
            verify(&run, &label);
        }
        eprintln!(
            "serve: {call} ({fault:?}): {} calls, {} runs, {refused} refused: {told}",
            clean.calls,
            sampled.len()
        );
    }
}

#[test]
fn serve_keeps_an_acknowledged_move_whatever_write_fails() {
    sweep_serve("write");
}

#[test]
fn serve_keeps_an_acknowledged_move_whatever_sync_fails() {
    sweep_serve("sync");
}

#[test]
fn serve_keeps_an_acknowledged_move_whatever_rename_or_open_fails() {
    sweep_serve("rename");
    sweep_serve("open");
}

/// The hireterm binary as the harness runs it (kept here: the check runs
/// without the shim).
fn hireterm(dir: &Path) -> Command {
    ssh::hireterm(dir)
}
