#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Several sessions over one store and one set of shared records, as
//! `hireterm serve` runs them: each with its own view, all seeing each
//! other's changes by the next frame.

mod common;

use common::{TempDb, demo_store, draw, now, press, screen_text};
use hireterm::app::pipeline::{self, COLUMNS};
use hireterm::app::shared::Shared;
use hireterm::app::{App, AppOptions, Input, Keymap, Pane};
use hireterm::catalog::Catalog;
use hireterm::domain::FixedClock;
use hireterm::domain::{CandidateId, Stage};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

fn session(store: &Arc<hireterm::store::Store>, shared: &Arc<Shared>, actor: &str) -> App {
    let options = AppOptions {
        actor: actor.into(),
        clock: Arc::new(FixedClock(now())),
        keymap: Keymap::defaults(),
        aging: Default::default(),
        notice: None,
    };
    let mut app = App::with_shared(Arc::clone(store), Arc::clone(shared), options);
    app.handle_input(Input::Resize(120, 40));
    app
}

/// The cards of one board column, top to bottom.
fn column(app: &App, index: usize) -> Vec<CandidateId> {
    let board = pipeline::board(app.data(), app.engagement().unwrap(), now());
    board[index].iter().map(|c| c.candidate.id).collect()
}

fn selected(app: &App) -> CandidateId {
    let board = pipeline::board(app.data(), app.engagement().unwrap(), now());
    app.pipeline().selected(&board).unwrap().candidate.id
}

/// A column before Placed with at least two cards.
fn busy_column(app: &App) -> usize {
    (0..COLUMNS.len() - 1)
        .find(|&c| COLUMNS[c] != Stage::Placed && column(app, c).len() >= 2)
        .expect("a column with two cards")
}

#[test]
fn a_move_in_one_session_shows_in_the_other_and_its_cursor_stays_put() {
    let db = TempDb::new();
    let store = demo_store(&db, 600, 1);
    let shared = Shared::load(&store, Catalog::builtin()).unwrap();
    let wakes = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&wakes);
    let _watch = shared.watch(move || {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    let mut ana = session(&store, &shared, "ana");
    let mut bo = session(&store, &shared, "bo");
    press(&mut ana, "2");
    press(&mut bo, "2");
    let col = busy_column(&ana);
    let before = column(&bo, col);
    // Bo looks at the last card of the column, Ana moves its first one on.
    for _ in 0..col {
        press(&mut ana, "l");
        press(&mut bo, "l");
    }
    press(&mut bo, "G");
    let bo_card = selected(&bo);
    assert_eq!(bo_card, *before.last().unwrap());
    press(&mut ana, ">");
    let moved = before[0];
    assert!(wakes.load(Ordering::SeqCst) >= 1, "watchers are told");

    // Bo's next frame: the card has gone on, Bo's cursor is where it was.
    press(&mut bo, "");
    assert!(!column(&bo, col).contains(&moved));
    assert!(column(&bo, col + 1).contains(&moved));
    assert_eq!(selected(&bo), bo_card);
    assert_eq!(bo.pane(), Pane::Pipeline);
    let screen = screen_text(&draw(&bo, 120, 40));
    let name = &store.candidate(moved).unwrap().unwrap().name;
    let short: String = name.chars().take(8).collect();
    assert!(screen.contains(&short), "{screen}");

    // The move is Ana's in the log, not Bo's.
    let engagement = ana.engagement().unwrap().id;
    let application = store.application(engagement, moved).unwrap().unwrap();
    assert_eq!(application.history.last().unwrap().actor, "ana");
}

#[test]
fn each_session_keeps_its_own_undo() {
    let db = TempDb::new();
    let store = demo_store(&db, 600, 1);
    let shared = Shared::load(&store, Catalog::builtin()).unwrap();
    let mut ana = session(&store, &shared, "ana");
    let mut bo = session(&store, &shared, "bo");
    press(&mut ana, "2");
    press(&mut bo, "2");
    let col = busy_column(&ana);
    for _ in 0..col {
        press(&mut ana, "l");
    }
    let moved = selected(&ana);
    let engagement = ana.engagement().unwrap().id;
    press(&mut ana, ">");
    // Bo has nothing to undo; Ana's undo is Ana's.
    press(&mut bo, "u");
    assert_eq!(
        store.application(engagement, moved).unwrap().unwrap().stage,
        COLUMNS[col + 1]
    );
    press(&mut ana, "u");
    assert_eq!(
        store.application(engagement, moved).unwrap().unwrap().stage,
        COLUMNS[col]
    );
    press(&mut bo, "");
    assert!(column(&bo, col).contains(&moved));
}

#[test]
fn a_candidate_added_in_one_session_is_listed_and_found_in_the_other() {
    let db = TempDb::new();
    let store = demo_store(&db, 80, 1);
    let shared = Shared::load(&store, Catalog::builtin()).unwrap();
    let mut ana = session(&store, &shared, "ana");
    let mut bo = session(&store, &shared, "bo");
    press(&mut bo, "j j j");
    let bo_row = bo.candidates().selected(bo.data()).unwrap().id;
    let before = bo.candidates().order.len();

    press(&mut ana, "a");
    common::fill(&mut ana, "Name", "Zed Quist");
    common::fill(&mut ana, "Email", "zed@quist.io");
    press(&mut ana, "ctrl-s");
    assert!(ana.overlay().is_none(), "{:?}", ana.status());

    press(&mut bo, "");
    assert_eq!(bo.candidates().order.len(), before + 1);
    assert_eq!(bo.candidates().selected(bo.data()).unwrap().id, bo_row);
    let added = store.candidate_by_email("zed@quist.io").unwrap().unwrap();
    assert_eq!(store.events_of(added.id, 1).unwrap()[0].actor, "ana");
    press(&mut bo, "/");
    common::type_text(&mut bo, "quist");
    let screen = screen_text(&draw(&bo, 120, 40));
    assert!(screen.contains("Zed Quist"), "{screen}");
}

#[test]
fn sessions_share_the_table_by_name_until_one_sorts_otherwise() {
    let db = TempDb::new();
    let store = demo_store(&db, 300, 1);
    let shared = Shared::load(&store, Catalog::builtin()).unwrap();
    let mut ana = session(&store, &shared, "ana");
    let bo = session(&store, &shared, "bo");
    // The default rows (everyone, by name) are one allocation for all.
    assert!(Arc::ptr_eq(&ana.candidates().order, &bo.candidates().order));
    let by_name = ana.candidates().order.to_vec();

    press(&mut ana, "s"); // by role
    assert!(!Arc::ptr_eq(
        &ana.candidates().order,
        &bo.candidates().order
    ));
    assert_eq!(
        bo.candidates().order.to_vec(),
        by_name,
        "bo's rows are his own"
    );
    let mut sorted = ana.candidates().order.to_vec();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        (0..300).collect::<Vec<u32>>(),
        "every candidate, once"
    );

    // Round the columns back to the name: shared again, same rows.
    while ana.candidates().sort != hireterm::app::candidates::Column::Name {
        press(&mut ana, "s");
    }
    assert!(Arc::ptr_eq(&ana.candidates().order, &bo.candidates().order));
    press(&mut ana, "r"); // Z to A: rows of its own, the same reversed
    let mut reversed = by_name.clone();
    reversed.reverse();
    assert_eq!(ana.candidates().order.to_vec(), reversed);
}

#[test]
fn a_write_reaching_the_shared_records_late_does_not_undo_a_newer_one() {
    let db = TempDb::new();
    let store = demo_store(&db, 200, 1);
    let shared = Shared::load(&store, Catalog::builtin()).unwrap();
    let (_, data) = shared.snapshot();
    let engagement = data.engagements()[0].id;
    let card = data
        .pipeline(engagement)
        .iter()
        .find(|a| !a.stage.is_exit() && a.stage.next().and_then(|s| s.next()).is_some())
        .unwrap()
        .clone();
    let stamp = common::stamp();
    let first = store
        .move_stage(
            engagement,
            card.candidate,
            card.stage.next().unwrap(),
            None,
            &stamp,
        )
        .unwrap();
    let newest = store
        .move_stage(
            engagement,
            card.candidate,
            first.stage.next().unwrap(),
            None,
            &stamp,
        )
        .unwrap();
    // The newer write lands first, the older one after it.
    shared.change(|d| d.put_application(newest.clone()));
    shared.change(|d| d.put_application(first.clone()));
    let (_, data) = shared.snapshot();
    let held = data
        .pipeline(engagement)
        .iter()
        .find(|a| a.candidate == card.candidate)
        .unwrap();
    assert_eq!(held, &newest);
    assert_eq!(
        held,
        &store
            .application(engagement, card.candidate)
            .unwrap()
            .unwrap()
    );
}
