//! The help overlay as a list like every other (issue 16, defect 11): it
//! uses the width it has, scrolls with the same keys, stops at its end,
//! and can be searched with `/`. And `G` in the candidate detail (defect
//! 12).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::App;

/// The rows of the help box on screen, between its borders.
fn help_rows(screen: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let top = lines
        .iter()
        .position(|l| l.contains("┌ Help"))
        .unwrap_or_else(|| panic!("no help box:\n{screen}"));
    let corners: Vec<char> = lines[top].chars().collect();
    let left = corners.iter().position(|&c| c == '┌').unwrap();
    let right = left + corners[left..].iter().position(|&c| c == '┐').unwrap();
    lines[top + 1..]
        .iter()
        .take_while(|l| l.chars().nth(left).is_none_or(|c| c != '└'))
        .map(|l| {
            l.chars()
                .skip(left + 1)
                .take(right - left - 1)
                .collect::<String>()
        })
        .map(|l| l.trim_end().to_string())
        .collect()
}

fn help_over_pipeline(width: u16, height: u16) -> (TempDb, App) {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 60, 3), width, height);
    press(&mut app, "2 ?");
    (db, app)
}

fn shown(app: &App) -> String {
    let (width, height) = app.size();
    screen_text(&draw(app, width, height))
}

#[test]
fn the_help_takes_the_width_it_has_and_cuts_no_description() {
    for (width, height) in [(80, 24), (200, 60)] {
        let (_db, mut app) = help_over_pipeline(width, height);
        let screen = shown(&app);
        let title = screen.lines().find(|l| l.contains("┌ Help")).unwrap();
        let box_width = title.trim().chars().count();
        assert!(
            box_width > 72 && box_width <= usize::from(width),
            "{box_width} columns at {width}:\n{screen}"
        );
        // Every description whole, wrapped where it must be: read the
        // whole help page by page.
        let mut text = String::new();
        for _ in 0..60 {
            text.push_str(&help_rows(&shown(&app)).join(" "));
            press(&mut app, "pgdn");
        }
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for whole in [
            "mark or unmark (then > < x w # act on all marks)",
            "submit the card to the client (a profile, a bill rate)",
            "complete the field or value (again: the next choice)",
        ] {
            assert!(text.contains(whole), "{whole:?} cut at {width}:\n{text}");
        }
    }
}

#[test]
fn the_help_scrolls_with_every_list_key_and_stops_at_its_end() {
    let (_db, mut app) = help_over_pipeline(80, 24);
    let top = help_rows(&shown(&app));
    for key in ["ctrl-d", "pgdn", "G", "end"] {
        press(&mut app, "g");
        assert_eq!(help_rows(&shown(&app)), top, "g goes back to the top");
        press(&mut app, key);
        assert_ne!(help_rows(&shown(&app)), top, "{key} scrolls the help");
    }
    press(&mut app, "G");
    let end = help_rows(&shown(&app));
    assert!(
        end.last().unwrap().contains("keymap.toml"),
        "the last line shows at the bottom after G: {end:#?}"
    );
    press(&mut app, "j j j");
    assert_eq!(help_rows(&shown(&app)), end, "j stops at the end");
    press(&mut app, "k");
    let up = help_rows(&shown(&app));
    assert_eq!(
        up[1..],
        end[..end.len() - 1],
        "k goes up one line from the end"
    );
    press(&mut app, "ctrl-u");
    assert_ne!(help_rows(&shown(&app)), up, "ctrl-u scrolls up");
}

#[test]
fn slash_searches_the_help_and_esc_shows_it_all_again() {
    let (_db, mut app) = help_over_pipeline(120, 40);
    press(&mut app, "/");
    type_text(&mut app, "submit");
    let rows = help_rows(&shown(&app));
    let keys: Vec<&String> = rows.iter().filter(|r| r.starts_with("  ")).collect();
    assert!(!keys.is_empty(), "{rows:#?}");
    assert!(
        keys.iter().all(|r| r.to_lowercase().contains("submit")),
        "only the rows that say submit: {rows:#?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("submit the card to the client"))
    );
    // Enter keeps the search and scrolls it; q still closes the help.
    press(&mut app, "enter j");
    assert!(app.overlay().is_some());
    press(&mut app, "esc");
    assert!(app.overlay().is_some(), "esc clears the search first");
    assert!(
        help_rows(&shown(&app))
            .iter()
            .any(|r| r.contains("move the card"))
    );
    press(&mut app, "esc");
    assert!(app.overlay().is_none());
}

#[test]
fn capital_g_and_end_go_to_the_end_of_the_candidate_detail() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 60, 3), 80, 24);
    press(&mut app, "1 enter");
    let top = shown(&app);
    for key in ["G", "end"] {
        press(&mut app, "g");
        assert_eq!(shown(&app), top);
        press(&mut app, key);
        let end = shown(&app);
        assert_ne!(end, top, "{key} moves the detail to its end");
        let rows: Vec<&str> = end.lines().collect();
        // The last event of the activity feed is the bottom line.
        let last = rows[rows.len() - 3];
        assert!(last.contains("added"), "{key}:\n{end}");
        press(&mut app, "j");
        assert_eq!(shown(&app), end, "j stops at the end");
        press(&mut app, "k");
        assert_ne!(shown(&app), end, "k goes up from the end at once");
    }
}
