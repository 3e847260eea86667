//! A large database's first screen does not wait for every candidate
//! (`app/records/loading.rs`): it holds the candidates the pipelines,
//! submittals and placements name; what needs them all says how far the
//! read has come and waits; the rest joins in, the writes made meanwhile
//! kept, and the records are then the same as a full load's.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::records::data::Data;
use hireterm::app::records::writes::Writer;
use hireterm::app::records::{Closed, LoadState, Records};
use hireterm::catalog::Catalog;
use hireterm::domain::CandidateId;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

fn first(store: &Arc<hireterm::store::Store>) -> Arc<Records> {
    Records::load_first(Arc::clone(store), Catalog::builtin()).unwrap()
}

/// What a full load would show, compared part by part.
fn assert_same_as_a_full_load(data: &Data, store: &hireterm::store::Store) {
    let full = Data::load(store).unwrap();
    assert!(data.is_complete());
    assert_eq!(data.candidates(), full.candidates());
    assert_eq!(data.engagements(), full.engagements());
    assert_eq!(*data.by_name(), *full.by_name());
    for index in 0..full.candidates().len() {
        assert_eq!(data.current_stage(index), full.current_stage(index));
    }
}

#[test]
fn the_first_snapshot_holds_the_named_candidates_and_every_pipeline() {
    let db = TempDb::new();
    let store = demo_store(&db, 1_500, 3);
    let records = first(&store);
    let (_, data) = records.snapshot();
    let full = Data::load(&store).unwrap();
    assert!(!data.is_complete());
    assert!(data.candidates().len() < 400, "{}", data.candidates().len());
    for engagement in full.engagements() {
        assert_eq!(data.pipeline(engagement.id), full.pipeline(engagement.id));
        for card in full.pipeline(engagement.id) {
            assert_eq!(
                data.candidate(card.candidate),
                full.candidate(card.candidate)
            );
        }
    }
    assert!(matches!(
        records.load_state(),
        Some(LoadState::Reading { .. })
    ));
    assert!(records.search_index().is_none(), "no index of a few");
    records.read_the_rest_now().unwrap();
    assert_eq!(records.load_state(), None);
    assert_same_as_a_full_load(&records.snapshot().1, &store);
    assert!(records.search_index().is_some());
}

#[test]
fn writes_made_while_the_rest_is_read_are_kept() {
    let db = TempDb::new();
    let store = demo_store(&db, 800, 2);
    let records = first(&store);
    // The read behind the screen saw the candidates as they were before
    // these writes (the worst case: each write lands after its record
    // was read).
    let read_before = store.all_candidates(&mut |_| {}).unwrap();
    let by = Writer::admin(0, stamp());
    let named: Vec<CandidateId> = records
        .snapshot()
        .1
        .candidates()
        .iter()
        .map(|c| c.id)
        .collect();
    let unnamed = |n: usize| {
        (read_before.iter().map(|c| c.id))
            .filter(|id| !named.contains(id))
            .nth(n)
            .unwrap()
    };
    let mut renamed = store.candidate(unnamed(0)).unwrap().unwrap();
    renamed.name = "Zed Renamed While Loading".into();
    records.update_candidate(&by, renamed).unwrap();
    records.delete_candidate(&by, unnamed(1)).unwrap();
    let mut on_a_card = store.candidate(named[0]).unwrap().unwrap();
    on_a_card.name = "Aaron Edited On A Card".into();
    records.update_candidate(&by, on_a_card).unwrap();
    let (added, _) = records
        .add_candidate(&by, candidate("Added While Loading", "added@example.com"))
        .unwrap();
    let completed = records.snapshot().1.completed(read_before);
    assert_same_as_a_full_load(&completed, &store);
    assert_eq!(completed.candidates().len(), 800);
    assert!(completed.candidate(added.id).is_some());
}

#[test]
fn the_read_on_its_thread_wakes_the_screens_and_a_close_does_not_wait_for_it() {
    let db = TempDb::new();
    let store = demo_store(&db, 3_000, 2);
    let records = first(&store);
    let wakes = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&wakes);
    let watch = records.watch(move |_| {
        counted.fetch_add(1, Ordering::Relaxed);
    });
    records.read_the_rest().unwrap();
    let started = Instant::now();
    // The records are complete a moment before the watchers are woken.
    while records.load_state().is_some() || wakes.load(Ordering::Relaxed) == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "never read, or nobody woken"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_same_as_a_full_load(&records.snapshot().1, &store);
    drop(watch);
    drop(store);
    assert!(matches!(records.close(), Ok(Closed::Clean { .. })));
    // Another read under way when the app quits: the close stops it.
    let store = Arc::new(db.open());
    let records = first(&store);
    records.read_the_rest().unwrap();
    drop(store);
    assert!(matches!(records.close(), Ok(Closed::Clean { .. })));
}

#[test]
fn my_work_and_the_board_work_at_once_and_the_rest_says_how_far() {
    let db = TempDb::new();
    let store = demo_store(&db, 1_200, 2);
    let records = first(&store);
    let role = hireterm::domain::access::Role::Admin;
    let mut app = app_on_records(Arc::clone(&records), "tester", role, 100, 24);
    let home = screen_text(&draw(&app, 100, 24));
    assert!(home.contains("My work"), "{home}");
    assert!(home.contains("reading every candidate"), "{home}");
    press(&mut app, "2");
    let board = screen_text(&draw(&app, 100, 24));
    assert!(!board.contains("needs every candidate"), "{board}");
    press(&mut app, "/");
    assert!(app.overlay().is_none(), "search waits");
    assert!(app.status().text.starts_with("reading every candidate"));
    press(&mut app, "1");
    let table = draw(&app, 80, 16);
    insta::assert_snapshot!("read_behind_candidates_80x16", table.backend());
    press(&mut app, "j enter");
    assert!(app.candidates().detail.is_none(), "no row opens unseen");
    records.read_the_rest_now().unwrap();
    app.settle();
    let table = screen_text(&draw(&app, 100, 24));
    assert!(
        table.contains("Candidates (1200)") && table.contains("│A"),
        "{table}"
    );
    press(&mut app, "/");
    assert!(app.overlay().is_some(), "search opens once all are read");
}
