#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Several sessions over one store and one set of shared records, as
//! `hireterm serve` runs them: each with its own view, all seeing each
//! other's changes by the next frame.

mod common;

use common::{TempDb, demo_store, draw, now, press, screen_text};
use hireterm::app::pipeline::{self, COLUMNS};
use hireterm::app::records::Records;
use hireterm::app::{App, AppOptions, Input, Keymap, Pane};
use hireterm::catalog::Catalog;
use hireterm::domain::FixedClock;
use hireterm::domain::{CandidateId, Stage};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Each session of a test its own number, as `hireterm serve` gives.
static SESSIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn session(records: &Arc<Records>, actor: &str) -> App {
    let options = AppOptions {
        session: SESSIONS.fetch_add(1, Ordering::SeqCst),
        actor: actor.into(),
        clock: Arc::new(FixedClock(now())),
        keymap: Keymap::defaults(),
        policy: Default::default(),
        notice: None,
        views: hireterm::filter::default_views(),
        save_view: None,
        role: hireterm::domain::access::Role::Admin,
    };
    let mut app = App::with_records(Arc::clone(records), options);
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
    let shared = Records::load(Arc::clone(&store), Catalog::builtin()).unwrap();
    let wakes = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&wakes);
    let _watch = shared.watch(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    let mut ana = session(&shared, "ana");
    let mut bo = session(&shared, "bo");
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
    let shared = Records::load(Arc::clone(&store), Catalog::builtin()).unwrap();
    let mut ana = session(&shared, "ana");
    let mut bo = session(&shared, "bo");
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
    let shared = Records::load(Arc::clone(&store), Catalog::builtin()).unwrap();
    let mut ana = session(&shared, "ana");
    let mut bo = session(&shared, "bo");
    press(&mut bo, "1 j j j");
    let bo_row = bo.candidates().selected(bo.data()).unwrap().id;
    let before = bo.candidates().order.len();

    press(&mut ana, "1 a");
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
    let shared = Records::load(Arc::clone(&store), Catalog::builtin()).unwrap();
    let mut ana = session(&shared, "ana");
    let bo = session(&shared, "bo");
    // The default rows (everyone, by name) are one allocation for all.
    assert!(Arc::ptr_eq(&ana.candidates().order, &bo.candidates().order));
    let by_name = ana.candidates().order.to_vec();

    press(&mut ana, "1 s"); // by role
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

/// Puts the pipeline cursor of `app` on `candidate`'s card, with keys.
fn cursor_on(app: &mut App, candidate: CandidateId) {
    press(app, "2 g");
    let board = app.board();
    let (column, row) = board
        .iter()
        .enumerate()
        .find_map(|(c, cards)| Some((c, cards.iter().position(|k| k.candidate.id == candidate)?)))
        .expect("the card is on the board");
    for _ in 0..column {
        press(app, "l");
    }
    for _ in 0..row {
        press(app, "j");
    }
    assert_eq!(selected(app), candidate);
}

/// One round of a session's writes to the same card: a tag on the
/// candidate, a scorecard on the application, the tag undone.
fn round(app: &mut App, who: &str, n: usize, ratings: usize) {
    press(app, "#");
    common::type_text(app, &format!("{who}-{n}"));
    press(app, "enter c 4");
    for _ in 0..ratings {
        press(app, "down");
    }
    press(app, "3 enter u");
}

#[test]
fn two_sessions_writing_one_card_in_a_loop_end_showing_what_the_store_holds() {
    const ROUNDS: usize = 170; // 3 writes a round: 1,020 writes in all
    let db = TempDb::new();
    let store = demo_store(&db, 200, 1);
    let records = Records::load(Arc::clone(&store), Catalog::builtin()).unwrap();
    let (_, data) = records.snapshot();
    let engagement = data.engagements()[0].clone();
    let card = data
        .pipeline(engagement.id)
        .iter()
        .find(|a| a.stage == Stage::TechnicalInterview)
        .expect("a card in an interview stage")
        .candidate;
    let ratings = engagement.requirements.len();
    let threads: Vec<_> = ["ana", "bo"]
        .into_iter()
        .map(|who| {
            let mut app = session(&records, who);
            cursor_on(&mut app, card);
            std::thread::spawn(move || {
                for n in 0..ROUNDS {
                    round(&mut app, who, n, ratings);
                    assert!(!app.status().is_error, "{who}: {:?}", app.status());
                }
                app
            })
        })
        .collect();
    let mut apps: Vec<App> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let held = store.application(engagement.id, card).unwrap().unwrap();
    assert_eq!(held.scorecards.len(), 2 * ROUNDS, "every scorecard written");
    let person = store.candidate(card).unwrap().unwrap();
    assert!(
        !person
            .tags
            .iter()
            .any(|t| t.starts_with("ana-") || t.starts_with("bo-"))
    );
    let mut screens = Vec::new();
    for app in &mut apps {
        press(app, "");
        let shown = app.data().pipeline(engagement.id);
        let shown = shown.iter().find(|a| a.candidate == card).unwrap();
        assert_eq!(shown, &held, "the application as stored");
        assert_eq!(
            app.data().candidate(card),
            Some(&person),
            "the candidate as stored"
        );
        assert_eq!(selected(app), card, "each cursor stayed on the card");
        // All but the status line, each session's own last word.
        let screen = screen_text(&draw(app, 120, 40));
        let lines: Vec<String> = screen.lines().map(String::from).collect();
        screens.push(lines[..lines.len() - 1].to_vec());
    }
    assert_eq!(screens[0], screens[1], "both screens show the same");
}

#[test]
fn the_writer_is_named_to_the_watchers_so_it_is_not_woken_by_its_own_write() {
    let db = TempDb::new();
    let store = demo_store(&db, 200, 1);
    let records = Records::load(Arc::clone(&store), Catalog::builtin()).unwrap();
    let woken = Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = Arc::clone(&woken);
    let _watch = records.watch(move |writer| seen.lock().unwrap().push(writer));
    let mut ana = session(&records, "ana");
    let bo = session(&records, "bo");
    press(&mut ana, "2");
    let col = busy_column(&ana);
    for _ in 0..col {
        press(&mut ana, "l");
    }
    press(&mut ana, ">");
    assert_eq!(*woken.lock().unwrap(), vec![ana.session()]);
    assert_ne!(ana.session(), bo.session());
}
