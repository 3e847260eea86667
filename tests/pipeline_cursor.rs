//! The pipeline's cursor: it stays on a card that moves, on the board and
//! in the list (issue 16, defect 1), and in the list layout (below 100
//! columns) `j`/`k` walk on into the next and previous stage, as the
//! footer says (defect 18).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::App;
use hireterm::app::pipeline::{COLUMNS, board};
use hireterm::domain::{CandidateId, Stage};

/// The candidate and stage under the pipeline's cursor.
fn under_cursor(app: &App) -> Option<(CandidateId, Stage)> {
    let engagement = app.engagement()?;
    let cards = board(app.data(), engagement, now());
    let card = app.pipeline().selected(&cards)?;
    Some((card.candidate.id, card.application.stage))
}

fn stage_of(app: &App, candidate: CandidateId) -> Stage {
    let engagement = app.engagement().unwrap().id;
    let store = app.store().unwrap();
    store
        .application(engagement, candidate)
        .unwrap()
        .unwrap()
        .stage
}

/// `>` three times on the first board's Sourced card: the same card goes
/// on each time, and the cursor goes with it.
fn one_card_moves_on_three_times(width: u16, height: u16) {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 60, 3), width, height);
    press(&mut app, "2");
    let (ana, stage) = under_cursor(&app).expect("the cursor starts on a card");
    assert_eq!(stage, Stage::Sourced, "the demo's first board starts there");
    let mut expected = stage;
    for _ in 0..3 {
        press(&mut app, ">");
        expected = expected.next().unwrap();
        assert!(!app.status().is_error, "{width}: {:?}", app.status());
        assert_eq!(stage_of(&app, ana), expected, "{width}: {:?}", app.status());
        assert_eq!(
            under_cursor(&app),
            Some((ana, expected)),
            "{width}: the cursor follows the card"
        );
    }
    assert_eq!(expected, Stage::ClientInterview);
    assert_eq!(
        COLUMNS[app.pipeline().column],
        Stage::ClientInterview,
        "{width}: the cursor's column is the card's"
    );
    // And back: `<` works on the same card too.
    press(&mut app, "<");
    assert_eq!(stage_of(&app, ana), Stage::TechnicalInterview);
    assert_eq!(under_cursor(&app), Some((ana, Stage::TechnicalInterview)));
}

#[test]
fn the_cursor_follows_a_moved_card_on_the_board() {
    one_card_moves_on_three_times(120, 40);
}

#[test]
fn the_cursor_follows_a_moved_card_in_the_list() {
    one_card_moves_on_three_times(80, 24);
}

#[test]
fn j_and_k_walk_on_across_stages_in_the_list() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 60, 3), 80, 24);
    press(&mut app, "2");
    let engagement = app.engagement().unwrap();
    let cards = board(app.data(), engagement, now());
    // Every card of the list, in its order: stage by stage.
    let order: Vec<(CandidateId, Stage)> = cards
        .iter()
        .flatten()
        .map(|c| (c.candidate.id, c.application.stage))
        .collect();
    assert!(order.len() >= 4, "enough cards to cross stages: {order:?}");
    assert_eq!(under_cursor(&app), Some(order[0]));
    for (index, expected) in order.iter().enumerate().skip(1) {
        press(&mut app, "j");
        assert_eq!(under_cursor(&app), Some(*expected), "j number {index}");
    }
    // At the very end j stays.
    press(&mut app, "j");
    assert_eq!(under_cursor(&app), order.last().copied());
    // And k walks all the way back, each stage's last card first.
    for (index, expected) in order.iter().enumerate().rev().skip(1) {
        press(&mut app, "k");
        assert_eq!(under_cursor(&app), Some(*expected), "k back to {index}");
    }
}

/// A board with cards in Screening (two) and Offer (one) only.
fn gappy_board(db: &TempDb) -> std::sync::Arc<hireterm::store::Store> {
    let store = db.open();
    let e = store_engagement(&store, engagement("Platform engineers"));
    let people = [
        ("Ana Lima", Stage::Screening),
        ("Bruno Dias", Stage::Screening),
        ("Carla Reis", Stage::Offer),
    ];
    for (name, stage) in people {
        let email = format!("{}@example.com", name.split(' ').next().unwrap());
        let c = store
            .add_candidate(candidate(name, &email), &stamp())
            .unwrap();
        store.open_application(e.id, c.id, stage, &stamp()).unwrap();
    }
    std::sync::Arc::new(store)
}

#[test]
fn j_from_an_empty_stage_and_across_empty_ones_in_the_list() {
    let db = TempDb::new();
    let mut app = app_on(gappy_board(&db), 80, 24);
    press(&mut app, "2");
    assert_eq!(
        under_cursor(&app),
        None,
        "Sourced, where the cursor starts, is empty"
    );
    let name = |app: &App| {
        let (id, stage) = under_cursor(app).expect("a card under the cursor");
        (app.data().candidate(id).unwrap().name.clone(), stage)
    };
    press(&mut app, "j");
    assert_eq!(name(&app), ("Ana Lima".into(), Stage::Screening));
    press(&mut app, "j j");
    assert_eq!(
        name(&app),
        ("Carla Reis".into(), Stage::Offer),
        "past two empty stages"
    );
    press(&mut app, "k");
    assert_eq!(
        name(&app),
        ("Bruno Dias".into(), Stage::Screening),
        "the stage's last card"
    );
    // k from an empty stage (Carla rejected, the cursor left in Offer)
    // goes back to the last card before it.
    press(&mut app, "j x enter");
    assert_eq!(under_cursor(&app), None, "Offer is empty now");
    press(&mut app, "k");
    assert_eq!(name(&app), ("Bruno Dias".into(), Stage::Screening));
}

#[test]
fn the_list_layout_says_how_j_k_and_h_l_move() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 60, 3), 80, 24);
    press(&mut app, "2");
    let text = screen_text(&draw(&app, 80, 24));
    let footer = text.lines().last().unwrap();
    assert!(
        footer.contains("j/k in a stage") && footer.contains("h/l change stage"),
        "the footer says how the list moves: {footer:?}"
    );
    // The board has columns to see: no such hint there.
    let other = TempDb::new();
    let mut wide = app_on(demo_store(&other, 60, 3), 120, 40);
    press(&mut wide, "2");
    let text = screen_text(&draw(&wide, 120, 40));
    assert!(
        !text.lines().last().unwrap().contains("j/k in a stage"),
        "{text}"
    );
}
