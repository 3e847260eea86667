//! What an open trusts: not file times (a flipped byte under a restored
//! time is found), not a marker it cannot read (an empty one is no
//! damage), not sled's unfinished snapshots (a full disk's leftovers), and
//! never a lock on a folder that can be moved away.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::store::{Store, StoreError};
use std::fs::{self, File};
use std::path::Path;

/// A database whose last session wrote a note, closed cleanly.
fn with_a_note(db: &TempDb) -> hireterm::domain::CandidateId {
    let store = db.open();
    let added = store
        .add_candidate(candidate("Ada", "ada@example.com"), &stamp())
        .unwrap();
    store
        .add_note(added.id, None, "call back on Monday", &stamp())
        .unwrap();
    added.id
}

/// Flips one byte of `file` and puts its modification time back, as a
/// `cp -a` of a damaged copy or bit rot would leave it.
fn flip_keeping_time(file: &Path, offset: usize) {
    let modified = fs::metadata(file).unwrap().modified().unwrap();
    let mut bytes = fs::read(file).unwrap();
    let at = offset.min(bytes.len() - 1);
    bytes[at] ^= 0x20;
    fs::write(file, bytes).unwrap();
    File::options()
        .write(true)
        .open(file)
        .unwrap()
        .set_modified(modified)
        .unwrap();
}

#[test]
fn a_flipped_byte_under_a_restored_file_time_is_refused_untouched() {
    let db = TempDb::new();
    with_a_note(&db);
    let db_file = db.path().join("db");
    let len = fs::metadata(&db_file).unwrap().len() as usize;
    for offset in [len / 3, len - 100] {
        let db = TempDb::new();
        let id = with_a_note(&db);
        flip_keeping_time(&db.path().join("db"), offset);
        let before = snapshot_files(&db.path());
        match Store::open(db.path()) {
            Err(StoreError::Damaged { detail, .. }) => {
                assert!(detail.contains("`db`"), "{detail}")
            }
            Ok(store) => panic!(
                "a changed file was trusted (notes now: {:?})",
                store.notes_of(id).map(|n| n.len())
            ),
            Err(other) => panic!("{other}"),
        }
        assert_eq!(snapshot_files(&db.path()), before, "offset {offset}");
    }
}

#[test]
fn the_damage_message_names_the_latest_backup() {
    let db = TempDb::new();
    with_a_note(&db);
    {
        let store = db.open();
        let backups = hireterm::store::backups::folder_for(&db.path());
        store.backup_to(&backups.join("20261201-090000")).unwrap();
        store.backup_to(&backups.join("20261205-090000")).unwrap();
    }
    flip_keeping_time(&db.path().join("db"), 200);
    let message = Store::open(db.path()).err().unwrap().to_string();
    assert!(message.contains("20261205-090000"), "{message}");
    assert!(message.contains("hireterm --db"), "{message}");
}

#[test]
fn an_empty_marker_or_a_stray_file_is_no_damage() {
    let db = TempDb::new();
    let id = with_a_note(&db);
    fs::write(db.path().join("hireterm.clean"), b"").unwrap();
    fs::write(db.path().join("README.txt"), b"my notes about this folder").unwrap();
    let store = db.open();
    assert_eq!(store.notes_of(id).unwrap().len(), 1);
    drop(store);
    fs::write(db.path().join(".DS_Store"), b"\0\0\0\x01Bud1").unwrap();
    assert_eq!(db.open().notes_of(id).unwrap().len(), 1);
}

#[test]
fn an_unfinished_snapshot_left_by_a_full_disk_does_not_make_it_damaged() {
    let db = TempDb::new();
    let id = with_a_note(&db);
    // What sled leaves when a snapshot write meets a full disk: the next
    // snapshot's file, half written, under its temporary name.
    fs::remove_file(db.path().join("hireterm.clean")).unwrap();
    fs::write(
        db.path().join("snap.FFFFFFFFFFFFFFF0.generating"),
        vec![0xAB; 700],
    )
    .unwrap();
    let store = db.open();
    assert_eq!(store.notes_of(id).unwrap().len(), 1);
}

#[test]
fn scratch_space_is_private_and_removed_on_the_next_open() {
    let db = TempDb::new();
    with_a_note(&db);
    // A recovery killed half way leaves its copy behind.
    let scratch = db.path().join("hireterm.scratch").join("db");
    fs::create_dir_all(&scratch).unwrap();
    fs::write(scratch.join("db"), b"a copy of personal data").unwrap();
    fs::remove_file(db.path().join("hireterm.clean")).unwrap();
    let store = db.open();
    assert!(!db.path().join("hireterm.scratch").exists());
    drop(store);
    use std::os::unix::fs::PermissionsExt;
    let fresh = tempfile::tempdir().unwrap();
    let path = fresh.path().join("new-db");
    drop(Store::open(&path).unwrap());
    let mode = fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700, "a new database is its owner's only");
}

#[test]
fn the_lock_holds_the_path_even_when_the_folder_is_moved_away() {
    let db = TempDb::new();
    with_a_note(&db);
    let held = db.open();
    let aside = db.dir.path().join("moved-aside");
    fs::rename(db.path(), &aside).unwrap();
    fs::create_dir(db.path()).unwrap();
    assert!(
        matches!(Store::open(db.path()), Err(StoreError::Locked { .. })),
        "a new folder at a held path must not open"
    );
    drop(held);
    drop(Store::open(db.path()).unwrap());
}
