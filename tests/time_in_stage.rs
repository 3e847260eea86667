//! Time in stage and its flag (`!` due, `‼` stuck): one rule for the
//! board, Attention and My work, at the threshold too (issue 16, defect
//! 9); and an undo that gives a card back the time it had entered its
//! stage, with both the move and its undo in the event log (defect 2).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::TimeDelta;
use common::*;
use hireterm::app::App;
use hireterm::app::attention::Concern;
use hireterm::domain::{CandidateId, EngagementId, EventKind, Stage, Stamp};
use hireterm::store::Store;
use std::sync::Arc;

/// One engagement with Ana Lima on its board: a day in Sourced, then in
/// `stage` since `days` days before the tests' fixed now.
fn one_card(db: &TempDb, stage: Stage, days: i64) -> (Arc<Store>, EngagementId, CandidateId) {
    let store = db.open();
    let ana = store
        .add_candidate(candidate("Ana Lima", "ana@example.com"), &stamp())
        .unwrap();
    let engagement = store_engagement(&store, engagement("Platform engineers"));
    let entered = now() - TimeDelta::days(days);
    let sourced = Stamp::new(entered - TimeDelta::days(1), "tester");
    store
        .open_application(engagement.id, ana.id, Stage::Sourced, &sourced)
        .unwrap();
    store
        .move_stage(
            engagement.id,
            ana.id,
            stage,
            None,
            &Stamp::new(entered, "tester"),
        )
        .unwrap();
    (Arc::new(store), engagement.id, ana.id)
}

/// The screen's line that names Ana Lima, in `pane` (a key: 0, 2, 4).
fn line_of_ana(app: &mut App, pane: &str) -> String {
    press(app, pane);
    let (width, height) = app.size();
    let text = screen_text(&draw(app, width, height));
    text.lines()
        .find(|line| line.contains("Ana Lima"))
        .unwrap_or_else(|| panic!("no Ana Lima on pane {pane}:\n{text}"))
        .to_string()
}

/// The board's facts line under Ana Lima's name (`!2d fit 0%`).
fn board_facts_of_ana(app: &mut App) -> String {
    press(app, "2");
    let (width, height) = app.size();
    let text = screen_text(&draw(app, width, height));
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|line| line.contains("Ana Lima"))
        .unwrap_or_else(|| panic!("no Ana Lima on the board:\n{text}"));
    // Her column's cell on the next line: the board's columns are boxes.
    let column = lines[at].find("Ana Lima").unwrap();
    lines[at + 1][column..]
        .split('│')
        .next()
        .unwrap()
        .to_string()
}

fn stuck_days_of(app: &App, who: CandidateId) -> Option<i64> {
    app.views()
        .attention()
        .iter()
        .find_map(|item| match item.concern {
            Concern::Stuck {
                candidate,
                days_in_stage,
                ..
            } if candidate == who => Some(days_in_stage),
            _ => None,
        })
}

#[test]
fn a_card_at_exactly_its_threshold_is_due_on_the_board_in_attention_and_my_work() {
    // Screening's threshold is 2 days: at 2 the card is due (`!`), at
    // twice that it is stuck (`‼`), before it nothing.
    let threshold = hireterm::domain::AgingPolicy::default()
        .threshold(Stage::Screening)
        .unwrap();
    assert_eq!(threshold, 2);
    for (days, glyph) in [(2, "!"), (4, "‼")] {
        let db = TempDb::new();
        let (store, _, ana) = one_card(&db, Stage::Screening, days);
        let mut app = app_on(store, 120, 40);
        let board = board_facts_of_ana(&mut app);
        assert!(
            board.starts_with(&format!("{glyph}{days}d ")),
            "{days}d: the board says {board:?}"
        );
        let attention = line_of_ana(&mut app, "4");
        let expected = format!("│{glyph} {days}d in Screening (due at {threshold}d)");
        assert!(
            attention.starts_with(&expected),
            "{days}d: Attention says {attention:?}, not {expected:?}"
        );
        let home = line_of_ana(&mut app, "0");
        assert!(
            home.contains(&format!(" {glyph} {days}d in Screening ")),
            "{days}d: My work says {home:?}"
        );
        assert_eq!(stuck_days_of(&app, ana), Some(days));
    }
    // A day short of the threshold: no flag anywhere.
    let db = TempDb::new();
    let (store, _, ana) = one_card(&db, Stage::Screening, 1);
    let mut app = app_on(store, 120, 40);
    let board = board_facts_of_ana(&mut app);
    assert!(board.starts_with(" 1d "), "{board:?}");
    assert_eq!(stuck_days_of(&app, ana), None);
}

#[test]
fn undoing_a_rejection_gives_the_card_back_its_time_in_stage() {
    let db = TempDb::new();
    let (store, engagement, ana) = one_card(&db, Stage::Screening, 8);
    let entered = now() - TimeDelta::days(8);
    let mut app = app_on(store.clone(), 120, 40);
    assert_eq!(stuck_days_of(&app, ana), Some(8), "stuck before");
    press(&mut app, "2 l");
    assert!(board_facts_of_ana(&mut app).starts_with("‼8d "));

    press(&mut app, "x enter");
    let stage = |store: &Store| store.application(engagement, ana).unwrap().unwrap();
    assert_eq!(stage(&store).stage, Stage::Rejected);
    assert_eq!(
        stuck_days_of(&app, ana),
        None,
        "off the board, off the list"
    );

    press(&mut app, "u");
    let back = stage(&store);
    assert_eq!(back.stage, Stage::Screening);
    assert_eq!(
        back.entered_stage_at(),
        Some(entered),
        "back in Screening since it entered it, not since the undo"
    );
    assert!(
        board_facts_of_ana(&mut app).starts_with("‼8d "),
        "the board shows the time and the flag again"
    );
    assert_eq!(
        stuck_days_of(&app, ana),
        Some(8),
        "in Attention again, with its days"
    );

    // The log keeps both: the rejection and its undo, in that order.
    let moves: Vec<(Stage, Stage, Option<String>)> = store
        .events()
        .unwrap()
        .into_iter()
        .filter_map(|event| match event.kind {
            EventKind::StageChanged {
                candidate,
                from,
                to,
                reason,
                ..
            } if candidate == ana => Some((from, to, reason)),
            _ => None,
        })
        .collect();
    let tail = &moves[moves.len() - 2..];
    assert_eq!((tail[0].0, tail[0].1), (Stage::Screening, Stage::Rejected));
    assert!(
        tail[0].1 == Stage::Rejected && tail[0].2.is_some(),
        "{tail:?}"
    );
    assert_eq!(
        tail[1],
        (Stage::Rejected, Stage::Screening, Some("undo".to_string()))
    );

    // The detail says the same as the board.
    press(&mut app, "2 enter");
    let (width, height) = app.size();
    let text = screen_text(&draw(&app, width, height));
    assert!(
        text.contains("Screening · 8d in stage"),
        "the detail shows the time in stage:\n{text}"
    );
}

#[test]
fn an_undone_move_forward_and_a_redo_keep_time_in_stage_true() {
    let db = TempDb::new();
    let (store, engagement, ana) = one_card(&db, Stage::Screening, 8);
    let entered = now() - TimeDelta::days(8);
    let mut app = app_on(store.clone(), 120, 40);
    press(&mut app, "2 l >");
    let now_at = |store: &Store| store.application(engagement, ana).unwrap().unwrap();
    assert_eq!(now_at(&store).stage, Stage::TechnicalInterview);
    press(&mut app, "u");
    assert_eq!(now_at(&store).entered_stage_at(), Some(entered));
    // A redo is a move made again, now: in Technical interview since now.
    press(&mut app, "ctrl-r");
    assert_eq!(now_at(&store).stage, Stage::TechnicalInterview);
    assert_eq!(now_at(&store).entered_stage_at(), Some(now()));
    // And undone again, Screening's 8 days are back.
    press(&mut app, "u");
    assert_eq!(now_at(&store).stage, Stage::Screening);
    assert_eq!(now_at(&store).entered_stage_at(), Some(entered));
    assert_eq!(stuck_days_of(&app, ana), Some(8));
    assert!(store.check().unwrap().problems.is_empty());
}
