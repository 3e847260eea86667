//! The add/edit forms and the duplicate prompt at 80x24 and 120x40, drawn
//! from a deterministic demo database. Review changes with `cargo insta
//! review` (or INSTA_UPDATE=always, then git diff).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::App;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// Draws the app after `steps` at each size and snapshots the screen.
fn snapshot_after(name: &str, sizes: &[(u16, u16)], steps: fn(&mut App)) {
    let db = TempDb::new();
    let store = demo_store(&db, 120, 6);
    for &(width, height) in sizes {
        let mut app = app_on(store.clone(), width, height);
        steps(&mut app);
        let terminal = draw(&app, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
    }
}

#[test]
fn candidate_form_with_an_error_and_the_matches_open() {
    snapshot_after("candidate_form", &SIZES, |app| {
        press(app, "1 a");
        fill(app, "Name", "Zed Quist");
        fill(app, "Email", "zed@quist");
        fill(app, "Roles", "sre");
        press(app, "enter");
        fill(app, "Skills", "go");
        press(app, "enter 4");
        type_text(app, "kube");
    });
}

/// On the smallest screen hireterm draws, the fields scroll.
#[test]
fn candidate_form_scrolled_to_its_last_field() {
    snapshot_after("candidate_form_end", &[(60, 16)], |app| {
        press(app, "1 a");
        fill(app, "Rate /h", "90-60");
        fill(app, "Tags", "remote; senior");
    });
}

#[test]
fn engagement_form_editing_with_a_requirement_waiting_for_its_priority() {
    snapshot_after("engagement_form", &SIZES, |app| {
        press(app, "2 E");
        fill(app, "Requires", "postgres");
        press(app, "enter 3");
        fill(app, "Headcount", "0");
        press(app, "shift-tab shift-tab");
    });
}

#[test]
fn duplicate_prompt() {
    snapshot_after("duplicate", &SIZES, |app| {
        let existing = app.data().candidates()[3].clone();
        press(app, "1 a");
        fill(app, "Name", "Someone New");
        fill(app, "Email", &existing.email.to_uppercase());
        press(app, "ctrl-s");
    });
}
