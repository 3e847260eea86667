//! Issue 19's crash test at scale: a process moves cards in a database of
//! a million candidates (100,000 with `HIRETERM_CRASH_CANDIDATES`) and
//! prints each move the store acknowledged; it is killed with SIGKILL
//! mid-stream; the database is opened again, timed beside a clean open of
//! the same folder, and every acknowledged move must be there.
//!
//! Run: `cargo bench --bench crash_scale`. The database is the one
//! `benches/scale.sh` caches (`target/scale/N/db`, a demo of seed 42),
//! built by this benchmark with the same command when missing (about a
//! minute at 1,000,000), and copied for the run (the cache is never
//! written). Bounded: the child is killed two seconds after its first
//! acknowledged move; the opens have the store's own allowance.
//!
//! The child is this same program run again with `CHILD_ENV` set.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use hireterm::domain::{CandidateId, EngagementId, Stage, Stamp};
use hireterm::store::Store;
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHILD_ENV: &str = "HIRETERM_CRASH_SCALE_CHILD_DB";
/// How long the child moves cards after its first acknowledged move.
const MOVING: Duration = Duration::from_secs(2);

/// An acknowledged move: the application, its history's length and the
/// stage it reached.
type Ack = ((EngagementId, CandidateId), (usize, Stage));

fn main() {
    if let Ok(path) = std::env::var(CHILD_ENV) {
        return move_until_killed(Path::new(&path));
    }
    let candidates: usize = std::env::var("HIRETERM_CRASH_CANDIDATES")
        .ok()
        .map_or(1_000_000, |v| {
            v.trim().parse().expect("a number of candidates")
        });
    let cached = cached_database(candidates);
    let scratch = cached.with_file_name("crash-scratch");
    copy_folder(&cached, &scratch);
    // A fresh copy's pages are still on their way to the disk, and the
    // first close's durable sync would pay for writing them all: one
    // open and close first, so that the clean open is timed alone.
    timed_open(&scratch);

    let clean = timed_open(&scratch);
    let acks = run_and_kill(&scratch);
    let crashed = timed_open(&scratch);
    let checked = verify(&scratch, &acks);
    std::fs::remove_dir_all(&scratch).unwrap();

    let ratio = crashed.as_secs_f64() / clean.as_secs_f64();
    println!("| {candidates} candidates | |\n|---|---:|");
    println!("| clean open | {:.2} s |", clean.as_secs_f64());
    println!(
        "| open after SIGKILL during moves | {:.2} s |",
        crashed.as_secs_f64()
    );
    println!("| ratio (goal <= 2x) | {ratio:.1}x |");
    println!("| acknowledged moves, all found | {checked} |");
}

/// The child: moves every active card back and forth (always a legal
/// move), printing each once the store has acknowledged it.
fn move_until_killed(path: &Path) {
    let store = Store::open(path).unwrap();
    let apps: Vec<_> = (store.applications().unwrap().into_iter())
        .filter(|a| a.stage.is_active())
        .collect();
    for turn in 0.. {
        let app = &apps[turn % apps.len()];
        let current = (store.application(app.engagement, app.candidate))
            .unwrap()
            .unwrap();
        let partner = (app.stage.previous().or(app.stage.next())).unwrap_or(app.stage);
        let to = if current.stage == app.stage {
            partner
        } else {
            app.stage
        };
        let stamp = Stamp::new(chrono::Utc::now(), "crash-scale");
        let moved = (store.move_stage(app.engagement, app.candidate, to, None, &stamp)).unwrap();
        println!(
            "ack {} {} {} {:?}",
            app.engagement.0,
            app.candidate.0,
            moved.history.len(),
            moved.stage
        );
    }
}

fn parse_ack(line: &str) -> Option<Ack> {
    let mut parts = line.strip_prefix("ack ")?.split(' ');
    let engagement = EngagementId(parts.next()?.parse().ok()?);
    let candidate = CandidateId(parts.next()?.parse().ok()?);
    let len = parts.next()?.parse().ok()?;
    let name = parts.next()?;
    let stage = Stage::ALL.into_iter().find(|s| format!("{s:?}") == name)?;
    Some(((engagement, candidate), (len, stage)))
}

/// Starts the child, lets it move cards for [`MOVING`] after its first
/// acknowledged move, kills it, and returns what it acknowledged.
fn run_and_kill(db: &Path) -> Vec<Ack> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .env(CHILD_ENV, db)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for ack in lines.map_while(Result::ok).filter_map(|l| parse_ack(&l)) {
            let _ = tx.send(ack);
        }
    });
    let first = rx
        .recv_timeout(Duration::from_secs(300))
        .expect("the child acknowledged no move in five minutes");
    std::thread::sleep(MOVING);
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    reader.join().unwrap();
    std::iter::once(first).chain(rx.try_iter()).collect()
}

/// How long `Store::open` takes on `path` (the close is not counted).
fn timed_open(path: &Path) -> Duration {
    let started = Instant::now();
    let store = Store::open(path).unwrap_or_else(|e| panic!("open: {e}"));
    let took = started.elapsed();
    drop(store);
    took
}

/// Every acknowledged move is in the reopened database; how many
/// applications were checked.
fn verify(path: &Path, acks: &[Ack]) -> usize {
    let last: HashMap<_, _> = acks.iter().copied().collect();
    let store = Store::open(path).unwrap();
    for (&(engagement, candidate), &(len, stage)) in &last {
        let app = store.application(engagement, candidate).unwrap().unwrap();
        assert!(
            app.history.len() >= len,
            "{engagement}/{candidate} lost acknowledged moves"
        );
        assert_eq!(app.history[len - 1].to, stage);
    }
    eprintln!(
        "crash_scale: {} acknowledged moves over {} applications, all there",
        acks.len(),
        last.len()
    );
    acks.len()
}

/// `target/scale/N/db`, as `benches/scale.py` builds and caches it.
fn cached_database(candidates: usize) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target"),
        PathBuf::from,
    );
    let db = target.join("scale").join(candidates.to_string()).join("db");
    if !db.join("hireterm.clean").exists() {
        eprintln!("crash_scale: building the {candidates}-candidate demo (once)");
        let _ = std::fs::remove_dir_all(db.parent().unwrap());
        std::fs::create_dir_all(db.parent().unwrap()).unwrap();
        let status = Command::new(env!("CARGO_BIN_EXE_hireterm"))
            .args(["demo", "--db"])
            .arg(&db)
            .args(["--candidates", &candidates.to_string(), "--seed", "42"])
            .args(["--now", "2026-06-01T00:00:00Z"])
            .env("HIRETERM_CONFIG_DIR", target.join("scale").join("config"))
            .status()
            .unwrap();
        assert!(status.success(), "demo failed");
    }
    db
}

fn copy_folder(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    let status = Command::new("cp")
        .arg("-a")
        .arg(from)
        .arg(to)
        .status()
        .unwrap();
    assert!(
        status.success(),
        "cp -a {} {}",
        from.display(),
        to.display()
    );
}
