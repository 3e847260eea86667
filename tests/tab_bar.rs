//! Every pane is in the tab bar at every width, highlighted while shown,
//! and reached by Tab and Shift-Tab in order (issue 16, defect 4). The
//! panes are `Pane::ALL`: a pane added there is checked here too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::{App, Pane};
use ratatui::style::Modifier;

/// The tab line, and the labels on it that are highlighted.
fn tab_line(app: &App, width: u16) -> (String, Vec<String>) {
    let terminal = draw(app, width, 24);
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    let mut highlighted = Vec::new();
    let mut run = String::new();
    for x in 0..width {
        let cell = &buffer[(x, 0)];
        text.push_str(cell.symbol());
        if cell.modifier.contains(Modifier::REVERSED) {
            run.push_str(cell.symbol());
        } else if !run.is_empty() {
            highlighted.push(std::mem::take(&mut run).trim().to_string());
        }
    }
    if !run.is_empty() {
        highlighted.push(run.trim().to_string());
    }
    (text, highlighted)
}

#[test]
fn every_pane_has_its_tab_at_every_width_and_tab_visits_them_in_order() {
    let db = TempDb::new();
    let store = demo_store(&db, 60, 3);
    for width in (60..=200).step_by(7).chain([80, 100, 120]) {
        let mut app = app_on(store.clone(), width, 24);
        press(&mut app, "0");
        for (index, pane) in Pane::ALL.iter().enumerate() {
            assert_eq!(app.pane(), *pane, "Tab order at {width}");
            let (line, highlighted) = tab_line(&app, width);
            for number in 0..Pane::ALL.len() {
                assert!(
                    line.contains(&format!(" {number} ")),
                    "tab {number} missing at {width} in {pane:?}: {line:?}"
                );
            }
            assert_eq!(highlighted.len(), 1, "{pane:?} at {width}: {line:?}");
            assert!(
                highlighted[0].starts_with(&format!("{index} ")),
                "{pane:?}'s tab is the highlighted one at {width}: {highlighted:?}"
            );
            press(&mut app, "tab");
        }
        assert_eq!(app.pane(), Pane::ALL[0], "Tab comes round at {width}");
        for pane in Pane::ALL.iter().rev() {
            press(&mut app, "shift-tab");
            assert_eq!(app.pane(), *pane, "Shift-Tab order at {width}");
        }
    }
}

/// The tab line with every pane, at the widths where it changes form: the
/// brand and long names, the short names, the numbers.
#[test]
fn tab_bar_snapshot() {
    let db = TempDb::new();
    let store = demo_store(&db, 60, 3);
    let mut lines = Vec::new();
    for width in [60, 80, 120, 200] {
        for (index, _) in Pane::ALL.iter().enumerate() {
            let mut app = app_on(store.clone(), width, 24);
            press(&mut app, &index.to_string());
            let (line, highlighted) = tab_line(&app, width);
            lines.push(format!("{width:>3} [{}] {line}", highlighted.join("|")));
        }
    }
    insta::assert_snapshot!("tab_bar_all_panes", lines.join("\n"));
}
