//! The terminal habits of issue 16: `y` copies a candidate's email (then
//! phone, then profile) with OSC 52, said in the status bar and off in
//! config.toml; the mouse selects rows and cards and the wheel scrolls.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::input::{Mouse, MouseKind};
use hireterm::app::{App, AppOptions, Input, Keymap, Pane};
use hireterm::domain::{FixedClock, Policy};
use std::sync::Arc;

fn app_with(policy: Policy) -> (TempDb, App) {
    let db = TempDb::new();
    let options = AppOptions {
        actor: "tester".into(),
        role: hireterm::domain::access::Role::Admin,
        clock: Arc::new(FixedClock(now())),
        keymap: Keymap::defaults(),
        policy,
        notice: None,
        session: 0,
        views: hireterm::filter::default_views(),
        save_view: None,
    };
    let mut app = App::new(demo_store(&db, 60, 3), options).unwrap();
    app.handle_input(Input::Resize(120, 40));
    (db, app)
}

#[test]
fn y_copies_the_email_then_the_phone_then_the_profile() {
    let (_db, mut app) = app_with(Policy::default());
    press(&mut app, "1 j");
    let candidate = app.candidates().selected(app.data()).unwrap().clone();
    press(&mut app, "y");
    assert!(
        app.status()
            .text
            .starts_with(&format!("copied {}", candidate.email)),
        "{:?}",
        app.status()
    );
    assert_eq!(app.take_terminal_output(), osc52(&candidate.email));
    assert!(app.take_terminal_output().is_empty(), "sent once");

    press(&mut app, "y");
    let phone = candidate.phone.clone().unwrap();
    assert!(app.status().text.starts_with(&format!("copied {phone}")));
    assert_eq!(app.take_terminal_output(), osc52(&phone));
    press(&mut app, "y");
    let link = candidate.links[0].clone();
    assert!(app.status().text.starts_with(&format!("copied {link}")));
    assert_eq!(app.take_terminal_output(), osc52(&link));

    // Another key in between: the next y is the email again.
    press(&mut app, "k j y");
    assert_eq!(app.take_terminal_output(), osc52(&candidate.email));
}

#[test]
fn y_copies_where_a_candidate_is_under_the_cursor() {
    let (_db, mut app) = app_with(Policy::default());
    press(&mut app, "2 y");
    let card = app
        .board()
        .iter()
        .flatten()
        .next()
        .unwrap()
        .candidate
        .clone();
    assert_eq!(app.take_terminal_output(), osc52(&card.email));
    press(&mut app, "enter y");
    assert_eq!(
        app.take_terminal_output(),
        osc52(&card.email),
        "in the detail"
    );
}

#[test]
fn copying_can_be_turned_off() {
    let mut policy = Policy::default();
    policy.terminal.clipboard = false;
    let (_db, mut app) = app_with(policy);
    press(&mut app, "1 y");
    assert!(app.take_terminal_output().is_empty());
    assert!(
        app.status().text.contains("clipboard = false"),
        "{:?}",
        app.status()
    );
}

fn click(app: &mut App, column: u16, row: u16) {
    let (width, height) = app.size();
    draw(app, width, height);
    app.handle_input(Input::Mouse(Mouse {
        kind: MouseKind::Click,
        column,
        row,
    }));
}

fn wheel(app: &mut App, kind: MouseKind) {
    let (width, height) = app.size();
    draw(app, width, height);
    app.handle_input(Input::Mouse(Mouse {
        kind,
        column: 30,
        row: 10,
    }));
}

#[test]
fn a_click_selects_the_row_or_card_under_it_and_the_wheel_scrolls() {
    let (_db, mut app) = app_with(Policy::default());
    press(&mut app, "1");
    let screen = screen_text(&draw(&app, 120, 40));
    let row = 9;
    let name_there = screen.lines().nth(usize::from(row)).unwrap()[3..12].to_string();
    click(&mut app, 10, row);
    let selected = app.candidates().selected(app.data()).unwrap().name.clone();
    assert!(
        selected.contains(name_there.trim()),
        "{selected} vs {name_there}"
    );
    let at = app.candidates().cursor.selected;
    wheel(&mut app, MouseKind::ScrollDown);
    assert_eq!(app.candidates().cursor.selected, at + 3);
    wheel(&mut app, MouseKind::ScrollUp);
    assert_eq!(app.candidates().cursor.selected, at);

    // A tab.
    let tabs = screen.lines().next().unwrap();
    let x = tabs.find("2 Pipeline").unwrap() as u16;
    click(&mut app, x + 2, 0);
    assert_eq!(app.pane(), Pane::Pipeline);

    // A card on the board: the third column's first card.
    let board = app.board();
    let (column, card) = (0..6)
        .find_map(|c| Some((c, board[c].first()?.candidate.name.clone())))
        .unwrap();
    drop(board);
    let screen = screen_text(&draw(&app, 120, 40));
    // A board column is narrow: a long name is cut, its start is there.
    let start: String = card.chars().take(8).collect();
    let y = screen.lines().position(|l| l.contains(&start)).unwrap();
    let x = 120 / 6 * column as u16 + 3;
    click(&mut app, x, y as u16);
    assert_eq!(app.pipeline().column, column);
    press(&mut app, "enter");
    assert_eq!(
        app.candidates()
            .detail
            .map(|d| app.data().candidate(d.candidate).unwrap().name.clone()),
        Some(card)
    );
}

#[test]
fn an_ssh_session_reads_clicks_and_the_wheel_from_sgr_reports() {
    use hireterm::serve::keys::KeyDecoder;
    let mut decoder = KeyDecoder::new();
    let mouse = |kind, column, row| Input::Mouse(Mouse { kind, column, row });
    // A press, its release (dropped), the wheel both ways, a right click
    // (dropped), then a key: nothing of the reports is typed.
    let inputs = decoder.feed(b"\x1b[<0;10;5M\x1b[<0;10;5m\x1b[<64;3;4M\x1b[<65;3;4M\x1b[<2;1;1Mj");
    assert_eq!(
        inputs,
        [
            mouse(MouseKind::Click, 9, 4),
            mouse(MouseKind::ScrollUp, 2, 3),
            mouse(MouseKind::ScrollDown, 2, 3),
            Input::Key(hireterm::app::Key::char('j')),
        ]
    );
}
