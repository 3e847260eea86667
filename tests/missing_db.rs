//! A mistyped `--db` creates nothing: the commands that only read (or that
//! change records a new database cannot hold) refuse a missing database,
//! naming its path; only the app, `demo`, `add`, `import`, `restore` (and
//! `client add`, the first step of a new agency) create one.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use std::path::Path;

/// Every command that must not create a database, with arguments that
/// would otherwise get it as far as opening one.
const READERS: &[&[&str]] = &[
    &["stats"],
    &["check"],
    &["export"],
    &["list"],
    &["search", "devops"],
    &["report", "funnel"],
    &["bench"],
    &["backup", "/tmp/hireterm-missing-db-backup-never"],
    &[
        "move",
        "--engagement",
        "E1",
        "--candidate",
        "C1",
        "--to",
        "next",
    ],
    &[
        "reject",
        "--engagement",
        "E1",
        "--candidate",
        "C1",
        "--reason",
        "x",
    ],
    &["note", "--candidate", "C1", "hello"],
    &["unmerge", "V1"],
    &["client", "list"],
    &["engagement", "list"],
    &["submittals"],
    &["placement", "list"],
];

#[test]
fn commands_that_read_refuse_a_missing_database_and_create_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let parent = dir.path().join("nonexistent");
    let db = parent.join("x");
    for args in READERS {
        let out = hireterm_on(&db, args);
        let (stdout, stderr) = output_text(&out);
        assert!(!out.status.success(), "{args:?} succeeded: {stdout}");
        assert!(
            stderr.contains(&format!("no database at {}", db.display())),
            "{args:?}: {stderr}"
        );
        assert!(
            stderr.contains("--db"),
            "{args:?} says how to choose one: {stderr}"
        );
        assert!(!parent.exists(), "{args:?} created {}", parent.display());
    }
}

#[test]
fn an_empty_folder_is_not_a_database_either() {
    let dir = tempfile::tempdir().unwrap();
    let out = hireterm_on(dir.path(), &["stats"]);
    let (_, stderr) = output_text(&out);
    assert!(!out.status.success());
    assert!(stderr.contains("no database at"), "{stderr}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

fn creates(args: &[&str], dir: &Path) {
    let db = dir.join("new").join("db");
    let out = hireterm_on(&db, args);
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{args:?}: {stdout}{stderr}");
    assert!(
        db.join("conf").exists() || db.join("db").exists(),
        "{args:?}"
    );
    let out = hireterm_on(&db, &["stats"]);
    assert!(out.status.success(), "{}", output_text(&out).1);
}

#[test]
fn commands_that_create_still_do() {
    let dir = tempfile::tempdir().unwrap();
    creates(
        &["add", "--name", "Ana Silva", "--email", "ana@example.com"],
        &dir.path().join("add"),
    );
    creates(
        &["demo", "--candidates", "5", "--engagements", "1"],
        &dir.path().join("demo"),
    );
    let csv = dir.path().join("people.csv");
    std::fs::write(&csv, "name,email\nAna Silva,ana@example.com\n").unwrap();
    creates(
        &["import", csv.to_str().unwrap()],
        &dir.path().join("import"),
    );
    creates(&["client", "add", "Acme Corp"], &dir.path().join("client"));
}

#[test]
fn the_app_off_a_terminal_creates_and_says_so() {
    // Without a terminal the app prints the summary; it still creates the
    // database it was pointed at, and says that it did.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fresh").join("db");
    let out = hireterm().arg("--db").arg(&db).output().unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(db.exists());
    assert!(
        stderr.contains(&format!("created a new database at {}", db.display())),
        "{stdout}{stderr}"
    );
    let out = hireterm().arg("--db").arg(&db).output().unwrap();
    assert!(
        !output_text(&out).1.contains("created"),
        "only the first time"
    );
}
