//! The event loop, driven through a channel into a test backend: the same
//! loop the local terminal runs (an SSH session has its own, in
//! `serve/session.rs`, tested in `tests/ssh_*.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::{Input, Key};
use hireterm::term::sized::SizedBackend;
use hireterm::ui::Theme;
use ratatui::Terminal;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::{Rect, Size};
use std::io::Write;
use std::sync::{Arc, Mutex, mpsc};

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

/// What a terminal was sent, kept for the test to read.
#[derive(Clone, Default)]
struct Sent(Arc<Mutex<Vec<u8>>>);

impl Write for Sent {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The local terminal's backend knows its size rather than asking for it
/// on every frame: a resize event still redraws the whole screen, at the
/// size the event gives.
#[test]
fn a_resize_redraws_the_whole_screen_at_the_new_size() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 30, 2), 100, 30);
    let sent = Sent::default();
    let backend = SizedBackend::new(CrosstermBackend::new(sent.clone()), Size::new(100, 30));
    let mut terminal = Terminal::new(backend).unwrap();
    let (tx, rx) = mpsc::channel();
    tx.send(Input::Resize(120, 40)).unwrap();
    drop(tx);
    hireterm::term::run_app(&mut terminal, &mut app, &Theme::MONO, &rx).unwrap();
    assert_eq!(terminal.get_frame().area(), Rect::new(0, 0, 120, 40));
    let sent = String::from_utf8_lossy(&sent.0.lock().unwrap()).into_owned();
    let (first, second) = sent
        .split_once("\x1b[2J")
        .expect("the screen is cleared for the new size");
    assert!(!first.contains("\x1b[40;"), "the first frame has 30 rows");
    for row in 1..=40 {
        assert!(
            second.contains(&format!("\x1b[{row};")),
            "row {row} is drawn after the resize: {second:?}"
        );
    }
}
