//! After a crash, sled's recovery is tried on a copy before the real
//! folder is opened, and the copy holds only what the recovery reads (the
//! log written since sled's last snapshot), not the whole folder. A child
//! adds notes to a database of a few thousand candidates and is killed
//! with SIGKILL; `check` is paused once the copy is made (a test pause
//! point) and the disk space the copy takes is measured; then `check`
//! passes and every acknowledged note is there.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::domain::CandidateId;
use hireterm::store::{PAUSE_ENV, Store};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHILD_ENV: &str = "HIRETERM_CRASH_COPY_CHILD_DB";
const NOTES: usize = 30;

/// The child's side (see tests/crash.rs for why it is an ignored test):
/// adds notes to the first candidate, says each once acknowledged, then
/// waits to be killed.
#[test]
#[ignore = "the child process of the crash copy test, run by it"]
fn crash_copy_child() {
    let path = std::env::var(CHILD_ENV).expect("run only by the crash copy test");
    let store = Store::open(&path).unwrap();
    let first = store.candidates().unwrap()[0].id;
    println!("candidate {}", first.0);
    for i in 0..NOTES {
        store.add_note(first, None, &note(i), &stamp()).unwrap();
        println!("acked {i}");
    }
    println!("ready");
    std::thread::sleep(Duration::from_secs(600));
}

fn note(i: usize) -> String {
    format!("called back, round {i}")
}

/// Runs the child on `db` until it has acknowledged every note, kills it
/// with SIGKILL, and returns the candidate the notes are on.
fn add_notes_and_kill(db: &Path) -> CandidateId {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--ignored", "--exact", "crash_copy_child", "--nocapture"])
        .env(CHILD_ENV, db)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let (mut candidate, mut acked) = (None, 0);
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        if let Some(id) = line.strip_prefix("candidate ") {
            candidate = Some(CandidateId(id.parse().unwrap()));
        }
        acked += usize::from(line.starts_with("acked "));
        if line == "ready" {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(acked, NOTES, "the child stopped early");
    candidate.unwrap()
}

/// Bytes the files under `path` take on the disk (holes take none).
fn allocated(path: &Path) -> u64 {
    let mut total = 0;
    for entry in std::fs::read_dir(path).unwrap() {
        let entry = entry.unwrap();
        let meta = entry.metadata().unwrap();
        total += match meta.is_dir() {
            true => allocated(&entry.path()),
            false => meta.blocks() * 512,
        };
    }
    total
}

/// Runs `check` on `db`, paused once its recovery copy is made: the bytes
/// the copy takes, and whether `check` then passed.
fn check_measuring_the_copy(db: &Path) -> (u64, bool) {
    let mut check = hireterm()
        .args(["--db".as_ref(), db.as_os_str(), "check".as_ref()])
        .env(PAUSE_ENV, "recovery-copied")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(check.stderr.take().unwrap());
    let mut line = String::new();
    while !line.contains("paused at recovery-copied") {
        line.clear();
        assert!(
            stderr.read_line(&mut line).unwrap() > 0,
            "check ended unpaused"
        );
    }
    let copy = allocated(&db.join("hireterm.scratch"));
    writeln!(check.stdin.take().unwrap()).unwrap();
    let started = Instant::now();
    while check.try_wait().unwrap().is_none() {
        assert!(started.elapsed() < Duration::from_secs(120), "check hangs");
        std::thread::sleep(Duration::from_millis(20));
    }
    (copy, check.wait().unwrap().success())
}

#[test]
fn the_copy_after_a_kill_is_a_small_part_and_every_note_is_there() {
    let db = TempDb::new();
    drop(demo_store(&db, 5000, 20));
    let candidate = add_notes_and_kill(&db.path());
    let folder = allocated(&db.path());
    let (copy, passed) = check_measuring_the_copy(&db.path());
    assert!(passed, "check refused the database after the kill");
    eprintln!("the recovery copy took {copy} bytes of a {folder}-byte folder");
    assert!(copy > 0, "the copy was measured");
    assert!(copy * 4 < folder, "the copy took {copy} of {folder} bytes");
    assert!(!db.path().join("hireterm.scratch").exists());
    let notes: Vec<String> = (db.open().notes_of(candidate).unwrap())
        .into_iter()
        .map(|n| n.text)
        .collect();
    for i in 0..NOTES {
        assert!(notes.contains(&note(i)), "note {i} is gone");
    }
}
