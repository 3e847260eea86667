//! Writes that survive a crash: a child process moves cards through the
//! store as fast as it can and reports each acknowledged move; the parent
//! kills it with SIGKILL at a random moment, reopens the database, runs
//! `check`, and finds every acknowledged move. Fifty rounds.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::rng::TestRng;
use common::*;
use hireterm::domain::{CandidateId, EngagementId, Stage, Stamp};
use hireterm::store::Store;
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

const ROUNDS: u64 = 50;
const CHILD_ENV: &str = "HIRETERM_CRASH_CHILD_DB";

/// An acknowledged move: this application had this many history entries,
/// the last one reaching this stage.
type Ack = ((EngagementId, CandidateId), (usize, Stage));

/// The child's side: not a test of its own. The parent re-runs this test
/// binary as `--ignored --exact crash_child` with `CHILD_ENV` set, and the
/// child moves cards until it is killed. It is a `#[test]` only so that the
/// parent can start it from the same binary (`current_exe`) with no other
/// target to build; `#[ignore]` keeps a plain `cargo test` from running it
/// and counting a test that did nothing as passed. Run by hand without the
/// parent (`--ignored`, `--include-ignored`), it fails rather than pass.
#[test]
#[ignore = "the child process of acknowledged_moves_survive_sigkill, run by it"]
fn crash_child() {
    let path = std::env::var(CHILD_ENV)
        .expect("crash_child runs only as the child of acknowledged_moves_survive_sigkill");
    let store = Store::open(&path).unwrap();
    let apps: Vec<_> = store
        .applications()
        .unwrap()
        .into_iter()
        .filter(|a| a.stage.is_active())
        .collect();
    let mut turn = 0usize;
    loop {
        let app = &apps[turn % apps.len()];
        let current = store
            .application(app.engagement, app.candidate)
            .unwrap()
            .unwrap();
        // Back and forth between a stage and the one before it (or after
        // it, from Sourced): always legal, and never off the board, so the
        // work stays spread over every application, round after round.
        let partner = app
            .stage
            .previous()
            .or(app.stage.next())
            .unwrap_or(app.stage);
        let to = if current.stage == app.stage {
            partner
        } else {
            app.stage
        };
        let stamp = Stamp::new(now(), "crash-child");
        let moved = store
            .move_stage(app.engagement, app.candidate, to, None, &stamp)
            .unwrap();
        // Printed only once the store has acknowledged (flushed) the move.
        println!(
            "ack {} {} {} {:?}",
            app.engagement.0,
            app.candidate.0,
            moved.history.len(),
            moved.stage
        );
        turn += 1;
    }
}

fn parse_ack(line: &str) -> Option<Ack> {
    // The harness may print "test crash_child ... " before the first ack.
    let mut parts = line[line.find("ack ")? + 4..].split(' ');
    let engagement = EngagementId(parts.next()?.parse().ok()?);
    let candidate = CandidateId(parts.next()?.parse().ok()?);
    let len = parts.next()?.parse().ok()?;
    let stage = Stage::ALL
        .into_iter()
        .find(|s| format!("{s:?}") == parts.next().unwrap_or(""))?;
    Some(((engagement, candidate), (len, stage)))
}

/// Starts the child, waits for its first acknowledged move, lets it run
/// `millis` more, kills it, and returns everything it acknowledged.
fn run_and_kill(db: &std::path::Path, millis: u64) -> Vec<Ack> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            "crash_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, db)
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(db.with_extension("child-stderr")).unwrap())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for ack in BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .filter_map(|l| parse_ack(&l))
        {
            let _ = tx.send(ack);
        }
    });
    let Ok(first) = rx.recv_timeout(Duration::from_secs(30)) else {
        let _ = child.kill();
        let _ = child.wait();
        let stderr = std::fs::read_to_string(db.with_extension("child-stderr")).unwrap_or_default();
        panic!("the child acknowledged no move in 30 s; its stderr:\n{stderr}");
    };
    std::thread::sleep(Duration::from_millis(millis));
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    reader.join().unwrap();
    std::iter::once(first).chain(rx.try_iter()).collect()
}

#[test]
fn acknowledged_moves_survive_sigkill() {
    let db = TempDb::new();
    drop(demo_store(&db, 200, 6));
    let mut rng = TestRng::new(0x9E37_79B9_7F4A_7C15);
    let mut total_acks = 0;
    for round in 0..ROUNDS {
        let acks = run_and_kill(&db.path(), rng.below(120) as u64);
        total_acks += acks.len();
        let mut last: HashMap<(EngagementId, CandidateId), (usize, Stage)> = HashMap::new();
        for (app, seen) in acks {
            last.insert(app, seen);
        }
        let store = Store::open(db.path()).unwrap_or_else(|e| panic!("round {round}: {e}"));
        let report = store.check().unwrap();
        assert!(
            report.problems.is_empty(),
            "round {round}: {:?}",
            report.problems
        );
        for ((engagement, candidate), (len, stage)) in last {
            let app = store.application(engagement, candidate).unwrap().unwrap();
            assert!(
                app.history.len() >= len,
                "round {round}: {engagement}/{candidate} lost acknowledged moves"
            );
            assert_eq!(app.history[len - 1].to, stage, "round {round}");
        }
    }
    eprintln!("{ROUNDS} rounds, {total_acks} acknowledged moves checked after SIGKILL");
    assert!(
        total_acks > ROUNDS as usize,
        "the child made too few moves to test anything: {total_acks}"
    );
}
