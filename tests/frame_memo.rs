#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Drawing keeps the candidates table's rows, its box, the tabs line and
//! the key hints from one frame to the next (`ui/memo.rs`). Whatever
//! changes in between (a move, a sort, a filter, a mark, a resize, an
//! edit in this session or another), the frame drawn from what was kept
//! is the frame a fresh drawing draws.

mod common;

use common::{TempDb, app_on_records, demo_store, press};
use hireterm::app::App;
use hireterm::app::records::Records;
use hireterm::catalog::Catalog;
use hireterm::domain::access::Role;
use hireterm::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::sync::Arc;

/// The frame `app` draws with what it kept from its last frame.
fn frame(app: &App, theme: &Theme) -> Buffer {
    let (width, height) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| ui::render(f, app, theme)).unwrap();
    terminal.backend().buffer().clone()
}

/// Draws `app` as the last frame left it, then afresh: the same cells.
fn same_as_fresh(app: &App, step: &str) {
    for theme in [Theme::MONO, Theme::COLOR] {
        let kept = frame(app, &theme);
        app.frame_memo().clear();
        let fresh = frame(app, &theme);
        assert_eq!(kept, fresh, "after {step} ({theme:?})");
    }
}

#[test]
fn frames_drawn_from_what_was_kept_are_those_drawn_afresh() {
    let db = TempDb::new();
    let store = demo_store(&db, 300, 2);
    let shared = Records::load(Arc::clone(&store), Catalog::builtin()).unwrap();
    let mut ana = app_on_records(Arc::clone(&shared), "ana", Role::Admin, 120, 40);
    let mut bo = app_on_records(shared, "bo", Role::Admin, 120, 40);
    press(&mut ana, "1");
    press(&mut bo, "1");
    same_as_fresh(&bo, "the table's first frame");
    let steps = [
        "j", "j j j", "k", "G", "g", "ctrl-d", "s", "s", "r", "space", "j space", "esc",
    ];
    for keys in steps {
        press(&mut bo, keys);
        same_as_fresh(&bo, keys);
    }
    press(&mut bo, "f");
    common::type_text(&mut bo, "rate<=90");
    press(&mut bo, "enter j");
    same_as_fresh(&bo, "a filter");
    press(&mut bo, "esc g");
    same_as_fresh(&bo, "the filter cleared");

    // Another session renames the candidate on bo's row.
    let shown = bo.candidates().selected(bo.data()).unwrap().id;
    common::keys::select_row(&mut ana, shown);
    press(&mut ana, "E");
    common::fill(&mut ana, "Name", "Aaron Renamed");
    press(&mut ana, "ctrl-s");
    assert!(ana.overlay().is_none(), "{:?}", ana.status());
    press(&mut bo, "");
    same_as_fresh(&bo, "another session's edit");
    let screen = common::screen_text(&common::draw(&bo, 120, 40));
    assert!(screen.contains("Aaron Renamed"), "{screen}");

    bo.handle_input(hireterm::app::Input::Resize(100, 30));
    same_as_fresh(&bo, "a resize");
    press(&mut bo, "2 1 ?");
    same_as_fresh(&bo, "other panes and the help");
}
