//! A closed pipe (`hireterm import … | head -1`) ends the command quietly:
//! no panic, no abort, the exit status of the work itself, and the work
//! whole. Real processes, real pipes: a reader that has gone before the
//! first line (so every write meets EPIPE), and a shell pipeline into
//! `head -1`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A CSV of `good` new candidates and `bad` rows with a bad email each,
/// for a report of many lines.
fn rows_csv(db: &TempDb, good: usize, bad: usize) -> PathBuf {
    let mut text = String::from("name,email\n");
    for n in 0..good {
        text.push_str(&format!("Person {n},person{n}@example.com\n"));
    }
    for n in 0..bad {
        text.push_str(&format!("Broken {n},broken-{n}-at-example.com\n"));
    }
    let path = db.dir.path().join("rows.csv");
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs `args` with stdout (and stderr too, if `both`) a pipe whose
/// reader is closed before the process writes anything.
fn run_into_closed_pipe(db: &Path, args: &[&str], both: bool) -> (Option<i32>, String) {
    let mut command = hireterm();
    command.arg("--db").arg(db).args(args);
    command.stdout(Stdio::piped());
    command.stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    // `spawn` returns once the program is running; it writes nothing
    // before it has opened the database, long after this.
    drop(child.stdout.take());
    let stderr = if both {
        drop(child.stderr.take());
        String::new()
    } else {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut text).unwrap();
        text
    };
    (child.wait().unwrap().code(), stderr)
}

#[test]
fn an_import_whose_reader_has_gone_imports_everything_and_says_nothing() {
    let db = TempDb::new();
    let file = rows_csv(&db, 50, 150);
    let args = ["import", file.to_str().unwrap(), "--skip-invalid"];
    let (code, stderr) = run_into_closed_pipe(&db.path(), &args, false);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stderr, "");
    let store = db.open();
    assert_eq!(store.candidate_count(), 50);
    assert!(
        store
            .candidate_by_email("person49@example.com")
            .unwrap()
            .is_some()
    );
}

#[test]
fn a_failing_import_with_both_streams_closed_fails_without_aborting() {
    let db = TempDb::new();
    let file = rows_csv(&db, 5, 150);
    let (code, _) = run_into_closed_pipe(&db.path(), &["import", file.to_str().unwrap()], true);
    assert_eq!(code, Some(1), "a failure, not a signal");
    assert!(db.open().has_no_records().unwrap());
}

#[test]
fn export_and_stats_whose_reader_has_gone_end_quietly() {
    let db = TempDb::new();
    drop(demo_store(&db, 200, 4));
    for args in [&["export"][..], &["search", "developer"], &["stats"]] {
        let (code, stderr) = run_into_closed_pipe(&db.path(), args, false);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}

/// As a user types it: the first line is read, the rest of the output
/// meets a closed pipe. `pipefail` makes the shell's status hireterm's:
/// success, or the failure of the work itself (an import with bad rows,
/// its error sent into the closed pipe too), never a signal.
#[test]
fn piped_into_head_the_first_line_comes_and_the_status_is_the_works() {
    let db = TempDb::new();
    drop(demo_store(&db, 400, 4));
    let file = rows_csv(&db, 300, 150);
    let bin = env!("CARGO_BIN_EXE_hireterm");
    for (command, code) in [
        (
            "\"$0\" --db \"$1\" import --skip-invalid \"$2\" | head -1",
            0,
        ),
        ("\"$0\" --db \"$1\" export | head -1", 0),
        ("\"$0\" --db \"$1\" search developer | head -1", 0),
        ("\"$0\" --db \"$1\" import \"$2\" 2>&1 | head -1", 1),
    ] {
        let out = Command::new("bash")
            .arg("-c")
            .arg(format!("set -o pipefail; {command}"))
            .arg(bin)
            .arg(db.path())
            .arg(&file)
            .env_remove("HIRETERM_DB")
            .output()
            .unwrap();
        let (stdout, stderr) = output_text(&out);
        assert_eq!(out.status.code(), Some(code), "{command}: {stderr}");
        assert_eq!(stdout.lines().count(), 1, "{command}: {stdout}");
        assert_eq!(stderr, "", "{command}");
    }
    assert_eq!(db.open().candidate_count(), 400 + 300);
}
