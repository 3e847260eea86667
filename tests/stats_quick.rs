//! `stats` without an open (issue 19): a clean close leaves the figures
//! beside the database, and `stats` reads them there while the folder is
//! as that close left it; anything else sends it through an open, and
//! both ways print the same.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::agency::{add_agency_records, day};
use common::*;
use hireterm::store::{Stats, quick_stats};
use std::os::unix::fs::MetadataExt;
use std::path::Path;

const ENDING_DAYS: i64 = 30;
const STATS_FILE: &str = "hireterm.stats";

/// Two days: one when a placement of the fixture runs, one long after.
struct Days([chrono::NaiveDate; 2]);

/// A demo database with placements, closed cleanly, and its stats on
/// each of the [`Days`], read before the close.
fn closed_database() -> (TempDb, Days, [Stats; 2]) {
    let db = TempDb::new();
    let store = demo_store(&db, 40, 3);
    let records = add_agency_records(&store);
    let days = Days([records.placements[0].terms().start, day(2031, 1, 1)]);
    let expected = days.0.map(|on| store.stats_on(on, ENDING_DAYS).unwrap());
    assert!(expected[0].placements_active > 0, "{expected:?}");
    assert_ne!(expected[0], expected[1]);
    drop(store);
    (db, days, expected)
}

#[test]
fn a_clean_close_leaves_figures_that_match_the_open_database() {
    let (db, days, expected) = closed_database();
    let quick = days.0.map(|on| quick_stats(&db.path(), on, ENDING_DAYS));
    assert_eq!(quick, expected.map(Some));
}

#[test]
fn an_open_a_crash_a_resized_file_or_a_stale_file_sends_stats_to_an_open() {
    let (db, _, _) = closed_database();
    let today = day(2026, 6, 1);
    assert!(quick_stats(&db.path(), today, ENDING_DAYS).is_some());

    // Open elsewhere: the open removed both the marker and the figures.
    let store = db.open();
    assert!(quick_stats(&db.path(), today, ENDING_DAYS).is_none());
    assert!(!db.path().join(STATS_FILE).exists());
    drop(store);

    // Figures of an earlier close, put back after a change.
    let earlier = std::fs::read(db.path().join(STATS_FILE)).unwrap();
    let store = db.open();
    store
        .add_candidate(candidate("Late Comer", "late@example.com"), &stamp())
        .unwrap();
    drop(store);
    let fresh = quick_stats(&db.path(), today, ENDING_DAYS).unwrap();
    std::fs::write(db.path().join(STATS_FILE), &earlier).unwrap();
    assert!(quick_stats(&db.path(), today, ENDING_DAYS).is_none());

    // A torn file, and a database file whose length changed.
    let stats_file = db.path().join(STATS_FILE);
    std::fs::write(&stats_file, b"hireterm stats 1\n{\"next_event\":").unwrap();
    assert!(quick_stats(&db.path(), today, ENDING_DAYS).is_none());
    drop(db.open());
    assert_eq!(quick_stats(&db.path(), today, ENDING_DAYS), Some(fresh));
    let conf = db.path().join("conf");
    let mut bytes = std::fs::read(&conf).unwrap();
    bytes.push(b'\n');
    std::fs::write(&conf, bytes).unwrap();
    assert!(quick_stats(&db.path(), today, ENDING_DAYS).is_none());
}

fn stats_output(path: &Path, json: bool) -> String {
    let args: &[&str] = if json {
        &["stats", "--json"]
    } else {
        &["stats"]
    };
    let out = hireterm_on(path, args);
    let (text, err) = output_text(&out);
    assert!(out.status.success(), "{err}");
    text
}

/// The marker file's identity: an open removes it and a close writes a
/// new one, so an unchanged identity means nothing opened the database.
fn marker_identity(path: &Path) -> (u64, i64, i64) {
    let meta = std::fs::metadata(path.join("hireterm.clean")).unwrap();
    (meta.ino(), meta.mtime(), meta.mtime_nsec())
}

#[test]
fn the_command_reads_the_figures_without_opening_and_prints_the_same() {
    let (db, _, expected) = closed_database();
    let before = marker_identity(&db.path());
    let quick = [
        stats_output(&db.path(), false),
        stats_output(&db.path(), true),
    ];
    assert_eq!(
        marker_identity(&db.path()),
        before,
        "stats opened the database"
    );
    assert!(
        quick[0].contains(&format!("candidates    {}", expected[0].candidates)),
        "{}",
        quick[0]
    );

    std::fs::remove_file(db.path().join(STATS_FILE)).unwrap();
    let opened = [
        stats_output(&db.path(), false),
        stats_output(&db.path(), true),
    ];
    assert_ne!(marker_identity(&db.path()), before, "the long way opens it");
    assert_eq!(quick, opened);
    assert!(db.path().join(STATS_FILE).exists(), "its close left them");
}
