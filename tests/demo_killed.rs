//! A `hireterm demo` killed half-way (SIGKILL, a real process) leaves
//! nothing that opens as a finished demo: the next open takes back what
//! it wrote and says so, the database is empty and checks clean, and the
//! demo runs again. The process is stopped at a chosen point
//! (`HIRETERM_TEST_PAUSE`: `demo:1` once its first chunk of candidates is
//! written, `demo:end` once everything is, before the commit), then killed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::under::kill_at;
use common::*;

const DEMO: [&str; 7] = [
    "demo",
    "--candidates",
    "3000",
    "--seed",
    "42",
    "--now",
    "2026-06-01T00:00:00Z",
];

fn killed_then_reopened(point: &str) {
    let db = TempDb::new();
    kill_at(&db.path(), point, &DEMO);
    // How much had reached the disk depends on sled's last flush: the
    // notice names what was taken back, whatever it was.
    let out = hireterm_on(&db.path(), &["stats"]);
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(
        stderr.contains("the import of the demo data was interrupted;"),
        "{stderr}"
    );
    assert!(stderr.contains("; run it again"), "{stderr}");
    assert!(stdout.contains("candidates    0\n"), "{stdout}");
    {
        let store = db.open();
        assert!(store.has_no_records().unwrap());
        assert!(store.events().unwrap().is_empty());
        assert_eq!(store.check().unwrap().problems, Vec::<String>::new());
    }
    let again = hireterm_on(&db.path(), &DEMO);
    let (stdout, stderr) = output_text(&again);
    assert!(again.status.success(), "{stdout}{stderr}");
    assert!(!stderr.contains("interrupted"), "{stderr}");
    let store = db.open();
    assert_eq!(store.candidate_count(), 3000);
    assert_eq!(store.check().unwrap().problems, Vec::<String>::new());
}

#[test]
fn a_demo_killed_after_its_first_chunk_is_taken_back() {
    killed_then_reopened("demo:1");
}

#[test]
fn a_demo_killed_before_its_commit_is_taken_back() {
    killed_then_reopened("demo:end");
}
