//! A large database's first screen before its open (`store/first.rs`,
//! `store/first_file.rs`, `app/records/opening.rs`): a clean close leaves
//! the first screen's records beside the database; the next start draws
//! My work from them while the open checks every file behind it, and
//! they are the records the open then reads. A stale, torn or resized
//! folder's are not used; a write meanwhile waits for the open; an open
//! that fails ends the app with nothing in the folder changed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::records::writes::Writer;
use hireterm::app::records::{LoadState, Records};
use hireterm::catalog::Catalog;
use hireterm::domain::access::Role;
use hireterm::store::Store;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

const FIRST_FILE: &str = "hireterm.first";
/// From this many candidates on, a clean close leaves the first screen.
const LARGE: usize = 10_000;

/// A demo database of `candidates`, closed cleanly.
fn closed_demo(candidates: usize) -> TempDb {
    let db = TempDb::new();
    drop(demo_store(&db, candidates, 3));
    db
}

fn first_of(path: &Path) -> Option<hireterm::store::FirstRecords> {
    Store::lock(path).unwrap().first_screen()
}

#[test]
fn a_clean_close_leaves_the_records_an_open_then_reads() {
    let db = closed_demo(LARGE);
    let locked = Store::lock(db.path()).unwrap();
    let left = locked
        .first_screen()
        .expect("a large database's first screen");
    let store = locked.open().unwrap();
    assert!(!db.path().join(FIRST_FILE).exists(), "an open removes it");
    let read = store.first_records().unwrap();
    assert_eq!(format!("{left:?}"), format!("{read:?}"));
    assert_eq!(left.candidate_count, LARGE);
    assert!(!left.applications.is_empty());
    assert!(
        (1..LARGE / 10).contains(&left.candidates.len()),
        "{}",
        left.candidates.len()
    );
    drop(store);
    assert!(
        db.path().join(FIRST_FILE).exists(),
        "the close leaves it again"
    );
}

#[test]
fn a_small_database_leaves_none() {
    let db = closed_demo(300);
    assert!(!db.path().join(FIRST_FILE).exists());
    assert!(first_of(&db.path()).is_none());
}

#[test]
fn a_stale_torn_or_resized_folder_is_not_read_from_the_file() {
    let db = closed_demo(LARGE);
    let file = db.path().join(FIRST_FILE);
    let old = std::fs::read(&file).unwrap();
    // Stale: the database changed after this file was left.
    let store = db.open();
    store
        .add_note(
            store.all_candidates(&mut |_| {}).unwrap()[0].id,
            None,
            "called",
            &stamp(),
        )
        .unwrap();
    drop(store);
    assert!(first_of(&db.path()).is_some());
    std::fs::write(&file, &old).unwrap();
    assert!(first_of(&db.path()).is_none(), "stale");
    // Torn and altered.
    let fresh = closed_demo(LARGE);
    let file = fresh.path().join(FIRST_FILE);
    let whole = std::fs::read(&file).unwrap();
    std::fs::write(&file, &whole[..whole.len() / 2]).unwrap();
    assert!(first_of(&fresh.path()).is_none(), "torn");
    let mut altered = whole.clone();
    altered[whole.len() / 2] ^= 1;
    std::fs::write(&file, &altered).unwrap();
    assert!(first_of(&fresh.path()).is_none(), "altered");
    std::fs::write(&file, &whole).unwrap();
    assert!(first_of(&fresh.path()).is_some());
    // A database file of another length than the marker says.
    let data = std::fs::OpenOptions::new()
        .append(true)
        .open(fresh.path().join("db"));
    std::io::Write::write_all(&mut data.unwrap(), &[0]).unwrap();
    assert!(first_of(&fresh.path()).is_none(), "resized");
}

/// My work on `records`, as a 120x40 screen, less its status line.
fn my_work(records: &Arc<Records>) -> String {
    let mut app = app_on_records(Arc::clone(records), "tester", Role::Admin, 120, 40);
    app.settle();
    let screen = screen_text(&draw(&app, 120, 40));
    let lines: Vec<&str> = screen.lines().collect();
    lines[..lines.len() - 1].join("\n")
}

fn wait_until_read(records: &Records) {
    let started = Instant::now();
    while records.load_state().is_some() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{:?}",
            records.load_state()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn my_work_draws_before_the_open_and_writes_wait_for_it() {
    let db = closed_demo(LARGE);
    let locked = Store::lock(db.path()).unwrap();
    let first = locked.first_screen().unwrap();
    let records = Records::opening(&db.path(), Catalog::builtin(), first);
    assert_eq!(records.load_state(), Some(LoadState::Opening));
    let before = my_work(&records);
    assert!(
        before.contains("My work") && before.contains("E1"),
        "{before}"
    );
    let by = Writer::admin(0, stamp());
    let someone = records.snapshot().1.candidates()[0].id;
    let Err(refused) = records.add_note(&by, someone, None, "called") else {
        panic!("a note written before the open");
    };
    assert!(
        refused.to_string().contains("still being opened"),
        "{refused}"
    );

    records.attach(locked.open()).unwrap();
    wait_until_read(&records);
    assert_eq!(
        my_work(&records),
        before,
        "the open's records draw the same"
    );
    assert_eq!(records.snapshot().1.candidates().len(), LARGE);
    records.add_note(&by, someone, None, "called").unwrap();
}

#[test]
fn an_open_that_fails_ends_the_app_and_changes_nothing() {
    let db = closed_demo(LARGE);
    // Damage the middle of the database file, keeping its length: the
    // first screen is read (lengths match), the open's checksums refuse.
    damage_middle(&db.path());
    let files = snapshot_files(&db.path());

    let locked = Store::lock(db.path()).unwrap();
    let records = Records::opening(
        &db.path(),
        Catalog::builtin(),
        locked.first_screen().unwrap(),
    );
    let mut app = app_on_records(Arc::clone(&records), "tester", Role::Admin, 120, 40);
    app.settle();
    assert!(!app.should_quit());
    let failed = records.attach(locked.open()).unwrap_err();
    assert!(failed.to_string().contains("damaged"), "{failed}");
    app.settle();
    assert!(app.should_quit(), "the app ends once the open failed");
    assert_eq!(records.open_failure(), Some(failed.to_string()));
    drop((app, records));
    assert_eq!(
        snapshot_files(&db.path()),
        files,
        "nothing in the folder changed"
    );
}
