//! What the screen tells a new user (issue 16): the pipeline names its
//! engagement and client at 80x24, the key hints keep `/ search` and end
//! with `? help` (defect 19); Ctrl-C says how to quit, an undo says what
//! it undid, and a card's percentage says it is the fit (defect 22).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::App;

fn screen(app: &App) -> String {
    let (width, height) = app.size();
    screen_text(&draw(app, width, height))
}

fn footer(app: &App) -> String {
    screen(app).lines().last().unwrap().trim_end().to_string()
}

#[test]
fn the_pipeline_at_80x24_names_the_engagement_and_its_client() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 120, 6), 80, 24);
    press(&mut app, "2");
    let engagement = app.engagement().unwrap().clone();
    let client = app.data().agency().client_name(engagement.client);
    let text = screen(&app);
    // Below the tab bar, the pane's own first line.
    let header = text.lines().nth(1).unwrap();
    let first_word = engagement.title.split_whitespace().next().unwrap();
    assert!(
        header.starts_with(&format!(" {} {first_word}", engagement.id)),
        "the title: {header:?}"
    );
    assert!(header.contains(client.as_str()), "the client: {header:?}");
}

#[test]
fn every_panes_hints_keep_search_and_end_with_help() {
    let db = TempDb::new();
    let store = demo_store(&db, 120, 6);
    for width in [60, 80, 120] {
        let mut app = app_on(store.clone(), width, 24);
        for pane in ["0", "1", "2", "3", "4", "5", "6"] {
            press(&mut app, pane);
            let hints = footer(&app);
            assert!(
                hints.ends_with("? help") && hints.contains("/ search"),
                "pane {pane} at {width} columns: {hints:?}"
            );
            assert!(!hints.contains('…'), "nothing is cut: {hints:?}");
        }
    }
    // The first screen: its most useful key first.
    let app = app_on(store, 80, 24);
    assert!(footer(&app).starts_with(" enter "), "{:?}", footer(&app));
}

#[test]
fn ctrl_c_says_how_to_quit() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 60, 3), 80, 24);
    press(&mut app, "ctrl-c");
    assert!(!app.should_quit());
    assert!(app.status().text.contains("q quits"), "{:?}", app.status());
    // In a prompt too: it says how to leave the prompt first.
    press(&mut app, "2 x ctrl-c");
    assert!(app.overlay().is_some(), "the prompt stays open");
    let said = &app.status().text;
    assert!(said.contains("esc") && said.contains("q quits"), "{said:?}");
}

#[test]
fn an_undo_says_what_it_undid() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 60, 3), 120, 40);
    press(&mut app, "2");
    let engagement = app.engagement().unwrap();
    let cards = hireterm::app::pipeline::board(app.data(), engagement, now());
    let name = cards[0][0].candidate.name.clone();
    press(&mut app, "> u");
    assert_eq!(app.status().text, format!("undid: {name} back to Sourced"));
    press(&mut app, "ctrl-r");
    assert_eq!(app.status().text, format!("redid: {name} to Screening"));
    press(&mut app, "u");

    // Several at once: how many, then each.
    press(&mut app, "* > u");
    let said = app.status().text.clone();
    let (count, list) = said
        .split_once(" moves undone: ")
        .unwrap_or_else(|| panic!("{said:?}"));
    let count: usize = count.parse().unwrap();
    assert!(count > 3, "{said:?}");
    // The first three by name and stage, then how many more.
    assert_eq!(list.matches(" back to ").count(), 3, "{said:?}");
    assert!(
        list.ends_with(&format!(", and {} more", count - 3)),
        "{said:?}"
    );
}

#[test]
fn a_cards_percentage_says_it_is_the_fit() {
    let db = TempDb::new();
    let store = demo_store(&db, 60, 3);
    for (width, height) in [(120, 40), (80, 24)] {
        let mut app = app_on(store.clone(), width, height);
        press(&mut app, "2");
        let text = screen(&app);
        let cards = text
            .lines()
            .filter(|line| line.contains('%'))
            .collect::<Vec<_>>();
        assert!(!cards.is_empty(), "{text}");
        for line in cards {
            assert!(line.contains("fit "), "{width}: {line:?}");
        }
    }
}
