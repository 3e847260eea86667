//! The event loop, driven through a channel into a test backend: the same
//! loop the local terminal runs (an SSH session has its own, in
//! `serve/session.rs`, tested in `tests/ssh_*.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::{Input, Key};
use hireterm::ui::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::mpsc;

#[test]
fn the_loop_draws_after_input_and_ends_when_the_input_ends() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 30, 2), 100, 30);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let (tx, rx) = mpsc::channel();
    tx.send(Input::Resize(100, 30)).unwrap();
    tx.send(Input::Key(Key::char('2'))).unwrap();
    drop(tx);
    hireterm::term::run_app(&mut terminal, &mut app, &Theme::MONO, &rx).unwrap();
    let text = screen_text(&terminal);
    assert!(text.contains("Sourced ("), "the pipeline was drawn: {text}");
    assert!(!app.should_quit());
}

#[test]
fn q_stops_the_loop_while_input_is_still_open() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 30, 2), 100, 30);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let (tx, rx) = mpsc::channel();
    for c in ['1', 'j', 'j', 'q', '2'] {
        tx.send(Input::Key(Key::char(c))).unwrap();
    }
    hireterm::term::run_app(&mut terminal, &mut app, &Theme::MONO, &rx).unwrap();
    assert!(app.should_quit());
    assert_eq!(
        app.candidates().cursor.selected,
        2,
        "keys after q are not applied"
    );
    assert_eq!(rx.try_recv().ok(), Some(Input::Key(Key::char('2'))));
    drop(tx);
}
