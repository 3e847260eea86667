//! `restore` checks its source and only reads it: an unfinished backup, one
//! with a damaged byte, one without its manifest, one whose counts
//! disagree with its manifest and one that fails `check` are each refused
//! with a message saying so, the database left byte for byte as it was;
//! and a read-only backup restores.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod backup_common;
mod common;

use backup_common::*;
use common::*;
use hireterm::domain::ClientId;
use std::path::{Path, PathBuf};

/// A database of 7 candidates to restore over, and a backup of another of
/// 40, in a folder named `db` of its own (so that it can be tampered with
/// through sled like any test database).
struct Setup {
    target: TempDb,
    backup: TempDb,
}

fn setup() -> Setup {
    let (source, target, backup) = (TempDb::new(), TempDb::new(), TempDb::new());
    drop(demo_store(&target, 7, 1));
    let store = demo_store(&source, 40, 2);
    store.backup_to(&backup.path()).unwrap();
    Setup { target, backup }
}

fn restore_from(target: &Path, backup: &Path) -> (bool, String) {
    let out = hireterm()
        .args(["restore", "--force"])
        .arg(backup)
        .arg("--db")
        .arg(target)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Restores `backup` over the setup's database, expecting a refusal that
/// says `words`; the database and everything beside it stay as they were.
fn assert_refused(setup: &Setup, backup: &Path, words: &[&str]) {
    let files = snapshot_files(&setup.target.path());
    let beside = names_in(setup.target.dir.path());
    let (ok, said) = restore_from(&setup.target.path(), backup);
    assert!(!ok, "restored from {}", backup.display());
    for word in words.iter().chain(&["Nothing was restored"]) {
        assert!(said.contains(word), "no {word:?} in: {said}");
    }
    assert!(
        !said.contains("Os {") && !said.contains("Error {"),
        "{said}"
    );
    assert_eq!(snapshot_files(&setup.target.path()), files, "{said}");
    assert_eq!(names_in(setup.target.dir.path()), beside, "{said}");
    assert_eq!(setup.target.open().candidate_count(), 7);
}

fn renamed(folder: &Path, name: &str) -> PathBuf {
    let to = folder.with_file_name(name);
    std::fs::rename(folder, &to).unwrap();
    to
}

#[test]
fn a_backup_under_an_unfinished_name_is_refused() {
    let setup = setup();
    let partial = renamed(&setup.backup.path(), ".db.partial-4242");
    assert_refused(
        &setup,
        &partial,
        &["is not a finished backup", "never finished"],
    );
}

#[test]
fn a_backup_without_its_manifest_is_refused() {
    let setup = setup();
    std::fs::remove_file(setup.backup.path().join("hireterm.backup")).unwrap();
    assert_refused(&setup, &setup.backup.path(), &["has no manifest"]);
}

#[test]
fn a_backup_with_a_damaged_byte_is_refused_even_without_its_marker() {
    let setup = setup();
    let db = setup.backup.path().join("db");
    let mut bytes = std::fs::read(&db).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x20;
    std::fs::write(&db, bytes).unwrap();
    assert_refused(
        &setup,
        &setup.backup.path(),
        &["is damaged", "`db`", "checksum"],
    );
    // Without the clean-close marker, sled itself would "recover" the
    // damage by cutting off what follows it; the manifest still knows.
    std::fs::remove_file(setup.backup.path().join("hireterm.clean")).unwrap();
    assert_refused(&setup, &setup.backup.path(), &["is damaged", "checksum"]);
}

#[test]
fn a_backup_whose_counts_disagree_with_its_manifest_is_refused() {
    let setup = setup();
    forge_manifest(&setup.backup.path(), |body| {
        body.replace("tree\tcandidates\t40\n", "tree\tcandidates\t41\n")
    });
    assert_refused(
        &setup,
        &setup.backup.path(),
        &[
            "is damaged",
            "`candidates` holds 40 entries where 41 were written",
        ],
    );
}

#[test]
fn a_backup_that_fails_check_is_refused() {
    let setup = setup();
    // An engagement naming a client that does not exist, written past the
    // store as a buggy writer would, under a manifest that agrees.
    let store = setup.backup.open();
    let mut orphan = store.engagements().unwrap()[0].clone();
    drop(store);
    orphan.client = ClientId(999);
    plant_raw(&setup.backup, &orphan.id.to_key(), &orphan);
    forge_manifest(&setup.backup.path(), |body| body);
    assert_refused(
        &setup,
        &setup.backup.path(),
        &["does not pass `check`", "client CL999 is missing"],
    );
}

#[test]
fn a_read_only_backup_restores_and_is_not_written() {
    let setup = setup();
    let backup = setup.backup.path();
    let files = snapshot_files(&backup);
    // As root, permissions do not stop a write: a read-only mount does.
    let root = std::process::Command::new("id").arg("-u").output().unwrap();
    let mount = if String::from_utf8_lossy(&root.stdout).trim() == "0" {
        Some(Mount::read_only(&backup))
    } else {
        chmod(&backup, "a-w");
        None
    };
    let (ok, said) = restore_from(&setup.target.path(), &backup);
    drop(mount);
    chmod(&backup, "u+w");
    assert!(ok, "{said}");
    assert_eq!(snapshot_files(&backup), files, "the backup was only read");
    let store = setup.target.open();
    assert_eq!(store.candidate_count(), 40);
    assert!(store.check().unwrap().problems.is_empty());
}

fn chmod(path: &Path, mode: &str) {
    let status = std::process::Command::new("chmod")
        .args(["-R", mode])
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}
