//! An acknowledged write survives a power cut: traced with strace, every
//! write of sled's log that a command makes is followed by an `fdatasync`
//! (or `fsync`) of that log before the command reports the change.
//! (`sync_file_range`, which sled uses, survives a killed process but not
//! a power cut.) Needs strace: skipped with a message without it, except
//! under CI.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::domain::Stage;
use std::path::Path;
use std::process::Command;

fn strace_available() -> bool {
    let found = Command::new("strace").arg("-V").output().is_ok();
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "strace is needed under CI (.ci/run installs it)"
        );
        eprintln!("skipped: strace is not installed");
    }
    found
}

/// Runs hireterm under strace; the trace's lines (`-y` names each fd's
/// file, `-f` follows sled's threads).
fn traced(db: &Path, args: &[&str]) -> (std::process::Output, Vec<String>) {
    let trace = tempfile::NamedTempFile::new().unwrap();
    let out = Command::new("strace")
        .args(["-f", "-y", "-qq", "-o"])
        .arg(trace.path())
        .args(["-e", "trace=pwrite64,write,fdatasync,fsync,sync_file_range"])
        .arg(env!("CARGO_BIN_EXE_hireterm"))
        .args(args)
        .arg("--db")
        .arg(db)
        .output()
        .unwrap();
    let text = std::fs::read_to_string(trace.path()).unwrap();
    (out, text.lines().map(str::to_owned).collect())
}

/// The position of the last line of `trace` before `end` that matches.
fn last_before(trace: &[String], end: usize, wanted: impl Fn(&str) -> bool) -> Option<usize> {
    trace[..end].iter().rposition(|line| wanted(line))
}

#[test]
fn a_move_reaches_fdatasync_of_the_log_before_it_is_reported() {
    if !strace_available() {
        return;
    }
    let db = TempDb::new();
    let out = hireterm_on(&db.path(), &["demo", "--candidates", "30", "--seed", "3"]);
    assert!(out.status.success(), "{:?}", output_text(&out));
    let (engagement, candidate) = {
        let store = db.open();
        let app = store
            .applications()
            .unwrap()
            .into_iter()
            .find(|a| a.stage == Stage::Screening)
            .unwrap();
        (app.engagement.to_string(), app.candidate.to_string())
    };
    let log = format!("{}/db>", db.path().display());
    let (out, trace) = traced(
        &db.path(),
        &[
            "move",
            "--engagement",
            &engagement,
            "--candidate",
            &candidate,
            "--to",
            "next",
        ],
    );
    assert!(out.status.success(), "{:?}", output_text(&out));
    let reported = trace
        .iter()
        .position(|line| line.contains("write(1<") && line.contains(&engagement))
        .unwrap_or_else(|| panic!("no report on stdout in the trace:\n{}", trace.join("\n")));
    let last_log_write = last_before(&trace, reported, |l| {
        l.contains("pwrite64(") && l.contains(&log)
    })
    .expect("the move wrote sled's log");
    let synced = trace[last_log_write..reported]
        .iter()
        .any(|l| (l.contains("fdatasync(") || l.contains("fsync(")) && l.contains(&log));
    assert!(
        synced,
        "the log was not fdatasynced between its last write and the report:\n{}",
        trace[last_log_write..=reported].join("\n")
    );
}
