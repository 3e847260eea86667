//! `restore` and `serve` cannot both have a database: restore holds the
//! path's lock from its first look at the database to the final rename.
//! A restore is refused while `serve` holds the database; a `serve` (or
//! any other hireterm) started while a restore is under way is refused;
//! and nothing lands in the folder moved aside.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod backup_common;
mod common;

use backup_common::*;
use common::*;
use hireterm::store::{Store, StoreError};
use std::path::{Path, PathBuf};

/// A database of 7 candidates and a backup of another of 40, beside it.
fn setup() -> (TempDb, PathBuf) {
    let (source, target) = (TempDb::new(), TempDb::new());
    drop(demo_store(&target, 7, 1));
    let backup = target.dir.path().join("backup");
    demo_store(&source, 40, 2).backup_to(&backup).unwrap();
    (target, backup)
}

fn restore_command(db: &Path, backup: &Path) -> std::process::Command {
    let mut command = hireterm();
    command
        .args(["restore", "--force"])
        .arg(backup)
        .arg("--db")
        .arg(db);
    command
}

fn asides(db: &TempDb) -> Vec<PathBuf> {
    names_in(db.dir.path())
        .into_iter()
        .filter(|name| name.starts_with("db.before-restore-"))
        .map(|name| db.dir.path().join(name))
        .collect()
}

/// Files by their name relative to `root`, for comparing two folders.
fn relative_files(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    snapshot_files(root)
        .into_iter()
        .map(|(path, bytes)| (path.strip_prefix(root).unwrap().to_path_buf(), bytes))
        .collect()
}

#[test]
fn restore_is_refused_while_serve_holds_the_database() {
    let (db, backup) = setup();
    let serving = Serving::start(&db.path(), db.dir.path());
    let out = restore_command(&db.path(), &backup).output().unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "restored under a running serve");
    assert!(
        said.contains("in use by another hireterm process"),
        "{said}"
    );
    assert!(asides(&db).is_empty(), "nothing was moved aside");
    assert!(serving.terminate().success());
    assert_eq!(db.open().candidate_count(), 7);
}

#[test]
fn serve_started_during_a_restore_is_refused_and_nothing_lands_aside() {
    let (db, backup) = setup();
    let before = relative_files(&db.path());
    let restore = Paused::start(restore_command(&db.path(), &backup), "restore-swap");

    // serve, the app, any command: each is turned away at once.
    let out = serve_command(&db.path(), db.dir.path()).output().unwrap();
    let log = std::fs::read_to_string(db.dir.path().join("serve.log")).unwrap();
    assert!(!out.status.success(), "serve started during a restore");
    assert!(log.contains("in use by another hireterm process"), "{log}");
    let out = hireterm()
        .args([
            "note",
            "--candidate",
            "C1",
            "written during the restore",
            "--db",
        ])
        .arg(db.path())
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "a note was written during the restore"
    );
    assert!(matches!(
        Store::open(db.path()),
        Err(StoreError::Locked { .. })
    ));

    let (status, said) = restore.resume();
    assert!(status.success(), "{said}");
    let aside = asides(&db);
    assert_eq!(aside.len(), 1, "{said}");
    assert_eq!(relative_files(&aside[0]), before, "nothing landed aside");
    // Once the restore is done, the lock is free: serve opens the
    // restored database.
    let serving = Serving::start(&db.path(), db.dir.path());
    assert!(serving.terminate().success());
    let store = db.open();
    assert_eq!(store.candidate_count(), 40);
    assert!(store.check().unwrap().problems.is_empty());
}
