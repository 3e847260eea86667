//! The Reports pane (issue 15), driven through `App` and drawn on a test
//! terminal: the funnel and the recruiters at 80x24 and 120x40, under
//! `NO_COLOR` (every meaning in glyphs and numbers) and in colour; the
//! keys for report, period and scope; drilling down from a row; and
//! nothing computed before the pane is shown. `report_cli.rs` checks the
//! pane's numbers against `hireterm report --json`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::Pane;
use hireterm::ui::Theme;
use ratatui::style::Color;

fn draw_in(
    app: &hireterm::app::App,
    theme: Theme,
) -> ratatui::Terminal<ratatui::backend::TestBackend> {
    let (width, height) = app.size();
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| hireterm::ui::render(frame, app, &theme))
        .unwrap();
    terminal
}

#[test]
fn the_funnel_and_the_recruiters_at_80x24_and_120x40() {
    let db = TempDb::new();
    let store = demo_store(&db, 120, 6);
    for (width, height) in [(80, 24), (120, 40)] {
        for (name, keys) in [("reports_funnel", "7"), ("reports_recruiters", "7 h")] {
            let mut app = app_on(store.clone(), width, height);
            press(&mut app, keys);
            let terminal = draw(&app, width, height);
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
        }
    }
}

/// The cells of `glyph` on screen, with their foreground colours.
fn glyph_colours(
    terminal: &ratatui::Terminal<ratatui::backend::TestBackend>,
    glyph: &str,
) -> Vec<Color> {
    let buffer = terminal.backend().buffer();
    buffer
        .content()
        .iter()
        .filter(|cell| cell.symbol() == glyph)
        .map(|cell| cell.fg)
        .collect()
}

#[test]
fn paces_are_coloured_in_colour_and_carried_by_glyphs_without() {
    let db = TempDb::new();
    let store = demo_store(&db, 120, 6);
    let mut app = app_on(store, 120, 40);
    press(&mut app, "7 h");
    let colour = draw_in(&app, Theme::COLOR);
    let mono = draw_in(&app, Theme::MONO);
    for (glyph, expected) in [("‼", Color::Red), ("!", Color::Yellow), ("✓", Color::Green)] {
        let coloured = glyph_colours(&colour, glyph);
        assert!(!coloured.is_empty(), "no {glyph} on screen");
        assert!(coloured.contains(&expected), "{glyph}: {coloured:?}");
        let plain = glyph_colours(&mono, glyph);
        assert_eq!(plain.len(), coloured.len(), "{glyph} under NO_COLOR");
        assert!(
            plain.iter().all(|c| *c == Color::Reset),
            "{glyph}: {plain:?}"
        );
    }
}

#[test]
fn nothing_is_counted_until_the_pane_is_shown() {
    let db = TempDb::new();
    let store = demo_store(&db, 120, 6);
    let mut app = app_on(store, 120, 40);
    assert!(app.reports().numbers().is_none(), "counted at start");
    press(&mut app, "1");
    assert!(
        app.reports().numbers().is_none(),
        "counted for another pane"
    );
    press(&mut app, "7");
    assert!(app.reports().numbers().is_some());
}

#[test]
fn keys_change_the_report_the_period_and_the_scope() {
    let db = TempDb::new();
    let store = demo_store(&db, 120, 6);
    let mut app = app_on(store, 120, 40);
    press(&mut app, "7");
    let title = |app: &hireterm::app::App| app.reports().numbers().unwrap().table.title.clone();
    let scope = |app: &hireterm::app::App| app.reports().numbers().unwrap().table.scope.clone();
    assert_eq!(title(&app), "Funnel");
    press(&mut app, "l");
    assert_eq!(title(&app), "Ratios");
    assert_eq!(app.reports().days(), 30);
    press(&mut app, "p");
    assert_eq!(app.reports().days(), 90);
    let period = app.reports().numbers().unwrap().table.period;
    assert_eq!(period.days(), 90);
    assert_eq!(scope(&app), "all engagements");
    press(&mut app, "s");
    assert!(scope(&app).starts_with("client "), "{}", scope(&app));
    press(&mut app, "S");
    assert_eq!(scope(&app), "all engagements");
    let screen = screen_text(&draw(&app, 120, 40));
    assert!(screen.contains("Reports · Ratios"), "{screen}");
}

#[test]
fn enter_on_a_row_shows_the_candidates_behind_it() {
    let db = TempDb::new();
    let store = demo_store(&db, 120, 6);
    let mut app = app_on(store, 120, 40);
    // The funnel's second row: Screening.
    press(&mut app, "7 j enter");
    assert_eq!(app.pane(), Pane::Candidates);
    let filter = app
        .candidates()
        .filter
        .as_ref()
        .expect("a filter on the table");
    assert_eq!(filter.text, "stage:screening");
    assert!(
        app.status().text.starts_with("stage:screening: "),
        "{:?}",
        app.status()
    );
    assert!(!app.candidates().order.is_empty());
}

/// `hireterm report funnel --json` on the demo database, over the pane's
/// period: the same numbers the pane computed and drew.
#[test]
fn the_cli_reports_the_numbers_the_pane_shows() {
    let db = TempDb::new();
    let store = demo_store(&db, 120, 6);
    let mut app = app_on(store, 120, 40);
    press(&mut app, "7");
    let screen = screen_text(&draw(&app, 120, 40));
    let table = app.reports().numbers().unwrap().table.clone();
    drop(app);
    for row in &table.rows {
        let cells: Vec<String> = row.cells.iter().map(|c| c.text()).collect();
        let on_row = |l: &&str| {
            let row = l.trim_start_matches('│');
            row.strip_prefix(['›', ' '])
                .is_some_and(|r| r.starts_with(&cells[0]))
        };
        let line = screen.lines().find(on_row).expect("the row on screen");
        let mut rest = line;
        for cell in &cells[1..] {
            let at = rest.find(cell.as_str());
            assert!(
                at.is_some(),
                "{cell} of {cells:?} not on screen in order:\n{screen}"
            );
            rest = &rest[at.unwrap_or(0) + cell.len()..];
        }
    }
    let (since, until) = (
        table.period.since().to_string(),
        table.period.until().to_string(),
    );
    let args = [
        "report", "funnel", "--json", "--since", &since, "--until", &until,
    ];
    let out = hireterm_on(&db.path(), &args);
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stderr}");
    let cli: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(cli, table.to_json(), "the CLI and the pane differ");
}
