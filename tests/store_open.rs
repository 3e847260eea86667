//! Opening: the lock between processes, damaged folders, newer schemas, and
//! folders that are not databases.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::rng::TestRng;
use common::under::raw_sled;
use common::*;
use hireterm::store::{Store, StoreError};
use std::time::{Duration, Instant};

/// A database with enough records to span several sled pages.
fn filled(db: &TempDb, count: usize) {
    let store = db.open();
    let batch: Vec<_> = (0..count)
        .map(|i| candidate(&format!("Person {i}"), &format!("p{i}@example.com")))
        .collect();
    store.add_candidates(&batch, &stamp()).unwrap();
}

#[test]
fn a_clean_close_is_recognised_and_the_folder_then_stays_still() {
    let db = TempDb::new();
    filled(&db, 50);
    assert!(Store::closed_cleanly(db.path()));
    let before = snapshot_files(&db.path());
    std::thread::sleep(Duration::from_millis(700));
    assert_eq!(snapshot_files(&db.path()), before, "sled wrote after close");
    let store = db.open();
    assert!(
        !Store::closed_cleanly(db.path()),
        "an open database is not clean"
    );
    assert_eq!(store.candidate_count(), 50);
}

#[test]
fn a_second_process_is_told_the_database_is_in_use() {
    let db = TempDb::new();
    let _held = db.open();
    let started = Instant::now();
    let out = hireterm()
        .args(["stats", "--db"])
        .arg(db.path())
        .output()
        .unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains(&db.path().display().to_string()),
        "{stderr}"
    );
    assert!(
        stderr.contains("in use by another hireterm process"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("panicked") && !stderr.contains("Backtrace"),
        "{stderr}"
    );
}

#[test]
fn the_lock_is_refused_in_process_too() {
    let db = TempDb::new();
    let _held = db.open();
    assert!(matches!(
        Store::open(db.path()),
        Err(StoreError::Locked { .. })
    ));
}

/// Runs `hireterm check` on a damaged folder: it must fail with a clear
/// message and leave every file as it was. (`stats` would not do: it
/// reads the figures the last clean close left, without an open.)
fn assert_refused_untouched(db: &TempDb) {
    let before = snapshot_files(&db.path());
    let out = hireterm()
        .env(hireterm::store::DEADLINE_ENV, "3")
        .args(["check", "--db"])
        .arg(db.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "opened a damaged database: {stderr}");
    assert!(stderr.contains("is damaged"), "{stderr}");
    assert!(stderr.contains("Nothing in it was changed"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        snapshot_files(&db.path()),
        before,
        "files under the database changed"
    );
}

/// Overwrites 4 KiB in the middle of sled's `db` file with random bytes.
fn scribble_over_the_middle(db: &TempDb) {
    let file = db.path().join("db");
    let mut bytes = std::fs::read(&file).unwrap();
    let middle = bytes.len() / 2;
    let mut rng = TestRng::new(0x2545_f491_4f6c_dd1d);
    for byte in &mut bytes[middle..middle + 4096] {
        *byte = rng.byte();
    }
    std::fs::write(&file, bytes).unwrap();
}

#[test]
fn random_bytes_in_the_middle_of_the_db_file_are_refused_without_changes() {
    let db = TempDb::new();
    filled(&db, 3000);
    scribble_over_the_middle(&db);
    assert_refused_untouched(&db);
}

#[test]
fn a_truncated_db_file_is_refused_without_changes() {
    let db = TempDb::new();
    filled(&db, 3000);
    let file = db.path().join("db");
    let len = std::fs::metadata(&file).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&file)
        .unwrap()
        .set_len(len / 3)
        .unwrap();
    assert_refused_untouched(&db);
}

/// The same scribble after a crash (no clean-close marker): sled's own
/// checksums decide. Either the scratch copy fails and the folder is refused
/// untouched, or the bytes hit space sled no longer uses and every record is
/// there, intact. Never a partial or garbled database.
#[test]
fn damage_after_a_crash_is_refused_or_harmless() {
    let db = TempDb::new();
    filled(&db, 3000);
    std::fs::remove_file(db.path().join("hireterm.clean")).unwrap();
    scribble_over_the_middle(&db);
    match Store::open(db.path()) {
        Err(error) => {
            assert!(error.to_string().contains("is damaged"), "{error}");
            drop(error);
            assert_refused_untouched(&db);
        }
        Ok(store) => {
            let report = store.check().unwrap();
            assert_eq!(
                (report.candidates, report.problems.len()),
                (3000, 0),
                "{:?}",
                report.problems
            );
        }
    }
}

#[test]
fn a_garbled_conf_after_a_crash_is_refused_without_changes() {
    let db = TempDb::new();
    filled(&db, 10);
    std::fs::remove_file(db.path().join("hireterm.clean")).unwrap();
    std::fs::write(db.path().join("conf"), b"segment_size: banana").unwrap();
    assert_refused_untouched(&db);
}

#[test]
fn a_garbled_conf_file_is_refused_without_changes() {
    let db = TempDb::new();
    filled(&db, 10);
    std::fs::write(db.path().join("conf"), b"\x00\xffnot a sled config\x01").unwrap();
    assert_refused_untouched(&db);
}

#[test]
fn an_unreadable_record_is_named_and_check_lists_it() {
    let db = TempDb::new();
    filled(&db, 5);
    {
        let raw = raw_sled(&db.path());
        let tree = raw.open_tree("candidates").unwrap();
        let key = 3u64.to_be_bytes();
        let mut bytes = tree.get(key).unwrap().unwrap().to_vec();
        let last = bytes.len() - 1;
        bytes[last] ^= 0xff;
        tree.insert(key, bytes).unwrap();
        raw.flush().unwrap();
    }
    let store = db.open();
    let error = store.candidates().unwrap_err().to_string();
    assert!(
        error.contains("candidates record 3 is unreadable"),
        "{error}"
    );
    assert!(error.contains("checksum"), "{error}");
    let report = store.check().unwrap();
    let expected = [
        "candidates 3: record checksum mismatch",
        "email index: p2@example.com points to missing candidate C3",
        "email index has 5 entries for 4 candidates",
    ];
    assert_eq!(
        report.problems.len(),
        expected.len(),
        "{:?}",
        report.problems
    );
    for (problem, expected) in report.problems.iter().zip(expected) {
        assert!(problem.starts_with(expected), "{problem}");
    }
    drop(store);
    let out = hireterm()
        .args(["check", "--db"])
        .arg(db.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success());
    assert!(stdout.contains("3 problems found"), "{stdout}");
}

#[test]
fn a_database_from_a_newer_hireterm_is_refused() {
    let db = TempDb::new();
    filled(&db, 1);
    {
        let raw = raw_sled(&db.path());
        raw.open_tree("meta")
            .unwrap()
            .insert("schema", &99u16.to_be_bytes())
            .unwrap();
        raw.flush().unwrap();
    }
    let error = Store::open(db.path()).err().unwrap().to_string();
    assert!(
        error.contains("written by a newer hireterm (schema 99"),
        "{error}"
    );
}

#[test]
fn folders_that_are_not_databases_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let error = Store::open(dir.path()).err().unwrap().to_string();
    assert!(error.contains("not empty and holds no database"), "{error}");
    let error = Store::open(dir.path().join("notes.txt"))
        .err()
        .unwrap()
        .to_string();
    assert!(error.contains("is a file, not a folder"), "{error}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_faithful_copy_of_a_cleanly_closed_database_is_still_clean() {
    let db = TempDb::new();
    filled(&db, 100);
    let copy = db.dir.path().join("copy");
    std::fs::create_dir(&copy).unwrap();
    for entry in std::fs::read_dir(db.path()).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            // Written anew: same bytes, new modification times.
            std::fs::write(
                copy.join(entry.file_name()),
                std::fs::read(entry.path()).unwrap(),
            )
            .unwrap();
        }
    }
    assert!(Store::closed_cleanly(&copy));
    let mut bytes = std::fs::read(copy.join("conf")).unwrap();
    bytes[0] ^= 1;
    std::fs::write(copy.join("conf"), bytes).unwrap();
    assert!(!Store::closed_cleanly(&copy), "same size, different bytes");
}
