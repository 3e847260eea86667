//! The `:` command line (issue 16, terminal habits): `:2` or `:pipeline`
//! goes to a pane, `:e E3` opens an engagement, `:q` quits, `:filter` and
//! `:view` as in the palette; Tab completes, Up and Down recall, and each
//! command names its key.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::overlay::Overlay;
use hireterm::app::{App, Context, Pane};
use hireterm::domain::EngagementId;

fn app() -> (TempDb, App) {
    let db = TempDb::new();
    let app = app_on(demo_store(&db, 60, 6), 120, 40);
    (db, app)
}

/// Types `:` then `command`, then presses Enter.
fn run(app: &mut App, command: &str) {
    press(app, ":");
    type_text(app, command);
    press(app, "enter");
}

fn query(app: &App) -> String {
    match app.overlay() {
        Some(Overlay::Palette(palette)) => palette.query.text().to_string(),
        other => panic!("no command line: {other:?}"),
    }
}

#[test]
fn colon_commands_go_to_panes_engagements_and_out() {
    let (_db, mut app) = app();
    press(&mut app, ":");
    assert_eq!(app.context(), Context::Palette);
    assert_eq!(query(&app), ":");
    press(&mut app, "esc");

    for (command, pane) in [
        ("2", Pane::Pipeline),
        ("candidates", Pane::Candidates),
        ("4", Pane::Attention),
        ("bench", Pane::Bench),
        ("log", Pane::Activity),
        ("0", Pane::Home),
        ("skills", Pane::Skills),
    ] {
        run(&mut app, command);
        assert_eq!(app.pane(), pane, ":{command}");
        assert!(app.overlay().is_none(), ":{command}");
    }
    run(&mut app, "e E3");
    assert_eq!(app.pane(), Pane::Pipeline);
    assert_eq!(app.engagement().map(|e| e.id), Some(EngagementId(3)));
    run(&mut app, "engagement 5");
    assert_eq!(app.engagement().map(|e| e.id), Some(EngagementId(5)));

    run(&mut app, "nope");
    assert!(app.status().is_error, "{:?}", app.status());
    assert!(app.status().text.contains(":nope"), "{:?}", app.status());
    assert!(!app.should_quit());

    run(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn the_filter_s_commands_are_commands_of_the_line_too() {
    let (_db, mut app) = app();
    run(&mut app, "filter role:devops");
    match app.overlay() {
        Some(Overlay::Filter(line)) => assert_eq!(line.text.text(), "role:devops"),
        other => panic!("no filter line: {other:?}"),
    }
    press(&mut app, "enter");
    run(&mut app, "view devops bench");
    let filter = app.candidates().filter.as_ref().unwrap();
    assert_eq!(filter.text, "role:devops placed:no");
}

#[test]
fn tab_completes_and_up_recalls_earlier_commands() {
    let (_db, mut app) = app();
    press(&mut app, ":");
    type_text(&mut app, "pip");
    press(&mut app, "tab");
    assert_eq!(query(&app), ":pipeline");
    press(&mut app, "enter");
    assert_eq!(app.pane(), Pane::Pipeline);

    // Tab again goes through the choices.
    press(&mut app, ":");
    type_text(&mut app, "a");
    press(&mut app, "tab");
    let first = query(&app);
    press(&mut app, "tab");
    let second = query(&app);
    assert_ne!(first, second);
    assert!(
        first.starts_with(":a") && second.starts_with(":a"),
        "{first} {second}"
    );
    press(&mut app, "esc");

    run(&mut app, "3");
    run(&mut app, "e E2");
    press(&mut app, ":");
    press(&mut app, "up");
    assert_eq!(query(&app), ":e E2");
    press(&mut app, "up");
    assert_eq!(query(&app), ":3");
    press(&mut app, "down");
    assert_eq!(query(&app), ":e E2");
    press(&mut app, "up enter");
    assert_eq!(app.pane(), Pane::Skills);
}

#[test]
fn every_command_names_its_key() {
    let (_db, mut app) = app();
    press(&mut app, ":");
    let screen = screen_text(&draw(&app, 120, 40));
    for (command, key) in [
        (":pipeline", "2"),
        (":candidates", "1"),
        (":e", "e"),
        (":q", "q"),
        (":filter", "f"),
        (":help", "?"),
    ] {
        let line = screen
            .lines()
            .find(|l| l.contains(&format!("{command} ")))
            .unwrap_or_else(|| panic!("{command} not listed:\n{screen}"));
        assert!(line.contains(&format!("key {key}")), "{line}");
    }
}
