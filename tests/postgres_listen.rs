//! Hearing another instance's writes on PostgreSQL
//! (`store/postgres/listen.rs`): told of others' writes, not of its own
//! store's, and told again after its connection is cut and comes back,
//! so that what was committed meanwhile is read.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::postgres::{PgDb, admin};
use common::{candidate, stamp};
use hireterm::store::Store;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Waits (up to 10 s) for `told` to reach `at_least`.
fn told_at_least(told: &AtomicUsize, at_least: usize) -> bool {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if told.load(Ordering::SeqCst) >= at_least {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

#[test]
fn others_writes_are_told_own_are_not_and_a_cut_connection_catches_up() {
    let Some(db) = PgDb::new() else {
        return;
    };
    let listening = Store::open(&db.address).unwrap();
    let other = Store::open(&db.address).unwrap();
    let told = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&told);
    let _listener = listening
        .listen_others(move || {
            counter.fetch_add(1, Ordering::SeqCst);
        })
        .expect("a store on PostgreSQL listens")
        .unwrap();
    // Told once it listens: what was committed before was not heard.
    assert!(told_at_least(&told, 1), "told on listening");

    // Its own store's write is not news.
    listening
        .add_candidate(candidate("Ana", "ana@example.com"), &stamp())
        .unwrap();
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(told.load(Ordering::SeqCst), 1, "its own write");

    // Another connection's is.
    other
        .add_candidate(candidate("Bo", "bo@example.com"), &stamp())
        .unwrap();
    assert!(told_at_least(&told, 2), "another instance's write");

    // The listening connection is cut: once it is back it says so (what
    // was committed meanwhile was not heard).
    let before = told.load(Ordering::SeqCst);
    let cut = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
               WHERE datname = $1 AND query = 'LISTEN hireterm_events'";
    let server = common::postgres::server().unwrap();
    assert_eq!(
        admin(&server).execute(cut, &[&db.name]).unwrap(),
        1,
        "one listener"
    );
    other
        .add_candidate(candidate("Cy", "cy@example.com"), &stamp())
        .unwrap();
    assert!(told_at_least(&told, before + 1), "told after reconnecting");
}

#[test]
fn a_store_in_a_folder_has_nobody_else_to_hear() {
    let db = common::TempDb::new();
    let store = db.open();
    assert!(store.listen_others(|| {}).is_none());
}

/// The server cuts the store's own connection (a restart, a failover):
/// the next write connects again and is acknowledged, and nothing
/// written before is lost.
#[test]
fn a_store_whose_connection_was_cut_connects_again_for_its_next_write() {
    let Some(db) = PgDb::new() else {
        return;
    };
    let store = Store::open(&db.address).unwrap();
    let ana = store
        .add_candidate(candidate("Ana", "ana@example.com"), &stamp())
        .unwrap();
    let cut = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
               WHERE datname = $1 AND pid <> pg_backend_pid()";
    let server = common::postgres::server().unwrap();
    assert!(admin(&server).execute(cut, &[&db.name]).unwrap() >= 1);
    // The client learns of the cut when its connection's socket closes.
    let deadline = Instant::now() + Duration::from_secs(10);
    let bo = loop {
        match store.add_candidate(candidate("Bo", "bo@example.com"), &stamp()) {
            Ok(bo) => break bo,
            Err(error) if Instant::now() < deadline => {
                eprintln!("not yet: {error}");
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(error) => panic!("never connected again: {error}"),
        }
    };
    let names: Vec<String> = store
        .candidates()
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["Ana", "Bo"]);
    assert_eq!((ana.id.0, bo.id.0), (1, 2));
}
