//! Backups are consistent, self-contained copies; restoring never loses
//! the database it replaces.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::store::Store;

fn contents(store: &Store) -> (usize, usize, usize, usize) {
    (
        store.candidates().unwrap().len(),
        store.engagements().unwrap().len(),
        store.applications().unwrap().len(),
        store.events().unwrap().len(),
    )
}

#[test]
fn a_backup_opens_as_a_database_with_everything_in_it() {
    let db = TempDb::new();
    let store = demo_store(&db, 80, 3);
    let someone = store.candidates().unwrap()[0].id;
    store
        .add_note(someone, None, "kept in the backup", &stamp())
        .unwrap();
    let copy = db.dir.path().join("backup");
    store.backup_to(&copy).unwrap();
    let expected = contents(&store);
    drop(store);
    let restored = Store::open(&copy).unwrap();
    assert_eq!(contents(&restored), expected);
    assert_eq!(
        restored.notes_of(someone).unwrap()[0].text,
        "kept in the backup"
    );
    assert!(restored.check().unwrap().problems.is_empty());
}

#[test]
fn a_backup_never_writes_into_a_folder_with_files() {
    let db = TempDb::new();
    let store = demo_store(&db, 10, 1);
    let busy = db.dir.path().join("busy");
    std::fs::create_dir(&busy).unwrap();
    std::fs::write(busy.join("mine.txt"), "keep").unwrap();
    let error = store.backup_to(&busy).unwrap_err().to_string();
    assert!(error.contains("new or empty folder"), "{error}");
    assert_eq!(std::fs::read_dir(&busy).unwrap().count(), 1);
}

#[test]
fn restore_refuses_a_database_with_records_unless_forced_and_keeps_it_aside() {
    let (source, target) = (TempDb::new(), TempDb::new());
    drop(demo_store(&source, 40, 2));
    drop(demo_store(&target, 7, 1));
    let backup = source.dir.path().join("backup");
    let out = hireterm()
        .args(["backup"])
        .arg(&backup)
        .arg("--db")
        .arg(source.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = hireterm()
        .args(["restore"])
        .arg(&backup)
        .arg("--db")
        .arg(target.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("pass --force"));
    assert_eq!(target.open().candidate_count(), 7, "nothing was replaced");

    let out = hireterm()
        .args(["restore", "--force"])
        .arg(&backup)
        .arg("--db")
        .arg(target.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(target.open().candidate_count(), 40);
    let aside: Vec<_> = std::fs::read_dir(target.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("db.before-restore-"))
        .collect();
    assert_eq!(aside.len(), 1, "the replaced database is kept");
    assert_eq!(
        Store::open(target.dir.path().join(&aside[0]))
            .unwrap()
            .candidate_count(),
        7
    );
}

#[test]
fn a_damaged_database_is_replaced_by_the_restore_its_message_names() {
    let db = TempDb::new();
    drop(demo_store(&db, 30, 2));
    let backup = hireterm::store::backups::folder_for(&db.path()).join("20260601-090000");
    let out = hireterm()
        .arg("backup")
        .arg(&backup)
        .arg("--db")
        .arg(db.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let file = db.path().join("db");
    let mut bytes = std::fs::read(&file).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x10;
    std::fs::write(&file, bytes).unwrap();
    let damaged = snapshot_files(&db.path());

    // `check` (every open) reads every byte; `stats` reads the figures the
    // last clean close left and does not open the database.
    let out = hireterm()
        .arg("check")
        .arg("--db")
        .arg(db.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    let advice = format!("restore {} --force", backup.display());
    assert!(
        said.contains("is damaged") && said.contains(&advice),
        "{said}"
    );

    // What the message says to run: the damaged database is not opened,
    // only moved aside, byte for byte.
    let out = hireterm()
        .arg("--db")
        .arg(db.path())
        .args(["restore", "--force"])
        .arg(&backup)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(db.open().candidate_count(), 30);
    let aside = std::fs::read_dir(db.dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("db.before-restore-"))
        .unwrap();
    let moved: Vec<_> = snapshot_files(&aside)
        .into_iter()
        .map(|(path, bytes)| (path.strip_prefix(&aside).unwrap().to_path_buf(), bytes))
        .collect();
    let before: Vec<_> = damaged
        .into_iter()
        .map(|(path, bytes)| (path.strip_prefix(db.path()).unwrap().to_path_buf(), bytes))
        .collect();
    assert_eq!(moved, before);
}
