//! A database an open app holds is refused to every other command, even
//! one that only reads (issue 16, defect 22): the message says so, and
//! offers `hireterm serve` and the latest backup to read instead.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;

#[test]
fn a_locked_database_says_why_even_reading_waits_and_what_to_do() {
    let db = TempDb::new();
    drop(demo_store(&db, 20, 2));
    let backups = hireterm::store::backups::folder_for(&db.path());
    std::fs::create_dir_all(&backups).unwrap();
    let backup = backups.join("20260601-080000");
    let out = hireterm()
        .args(["backup", backup.to_str().unwrap(), "--db"])
        .arg(db.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // An app holds it.
    let _held = db.open();
    for command in [&["stats"][..], &["export"], &["check"]] {
        let out = hireterm()
            .args(command)
            .arg("--db")
            .arg(db.path())
            .output()
            .unwrap();
        let error = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!out.status.success(), "{command:?}");
        for words in [
            "in use by another hireterm",
            "even to read",
            "hireterm serve",
            &format!("--db {}", backup.display()),
        ] {
            assert!(
                error.contains(words),
                "{command:?}: {words:?} missing from {error}"
            );
        }
    }
}
