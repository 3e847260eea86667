//! Text meets borders by display width (issue 16, defect 17): a wide
//! (CJK) name in the pane behind a dialog never covers the dialog's
//! border. Checked on the screen as a terminal gets it: `TestBackend`
//! applies ratatui's diff, which skips the cell after a wide character.
//! And the engagement picker: ids apart from titles at every width
//! (defect 5), open engagements first, on hold and filled apart (22).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::{App, Input};
use ratatui::buffer::Buffer;

fn symbol(buffer: &Buffer, x: u16, y: u16) -> &str {
    buffer[(x, y)].symbol()
}

/// The box whose top border holds `title`: its left and right columns and
/// its top row.
fn find_box(buffer: &Buffer, title: &str) -> Option<(u16, u16, u16)> {
    let area = buffer.area;
    for y in 0..area.height {
        for x in 0..area.width {
            if symbol(buffer, x, y) != "┌" {
                continue;
            }
            let after: String = (x + 1..area.width.min(x + 40))
                .map(|x| symbol(buffer, x, y))
                .collect();
            if after.contains(title) {
                let right = (x + 1..area.width).find(|&r| symbol(buffer, r, y) == "┐")?;
                return Some((x, right, y));
            }
        }
    }
    None
}

/// Every row of the box has its two borders, on the screen as drawn.
fn borders_whole(app: &App, title: &str) -> Result<(), String> {
    let (width, height) = app.size();
    let terminal = draw(app, width, height);
    let buffer = terminal.backend().buffer();
    let Some((left, right, top)) = find_box(buffer, title) else {
        return Err(format!(
            "no box titled {title:?}:\n{}",
            screen_text(&terminal)
        ));
    };
    for y in top + 1..height {
        let edge = symbol(buffer, left, y);
        if edge == "└" {
            return Ok(());
        }
        for x in [left, right] {
            if symbol(buffer, x, y) != "│" {
                return Err(format!(
                    "{title:?} at {width}x{height}: row {y} column {x} shows {:?}\n{}",
                    symbol(buffer, x, y),
                    screen_text(&terminal)
                ));
            }
        }
    }
    Err(format!("{title:?}: no bottom border"))
}

#[test]
fn a_wide_name_behind_a_dialog_never_covers_its_border() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 120, 6), 80, 24);
    let overlays = [
        ("2 x", "Reject"),
        ("2 n", "Note"),
        ("2 #", "Tag"),
        ("2 e", "Engagement"),
        ("2 ?", "Help"),
        ("1 #", "Tag"),
        ("3 e", "Engagement"),
    ];
    let mut failures = Vec::new();
    for width in 60..=130 {
        app.handle_input(Input::Resize(width, 24));
        for (keys, title) in overlays {
            press(&mut app, keys);
            if let Err(why) = borders_whole(&app, title) {
                failures.push(why);
            }
            press(&mut app, "esc");
            assert!(app.overlay().is_none(), "{keys}");
        }
    }
    assert!(
        failures.is_empty(),
        "{} broken borders, the first:\n{}",
        failures.len(),
        failures[0]
    );
}

/// The lines inside the picker's box.
fn picker_lines(app: &App) -> Vec<String> {
    let (width, height) = app.size();
    let terminal = draw(app, width, height);
    let buffer = terminal.backend().buffer();
    let (left, right, top) = find_box(buffer, "Engagement").expect("the picker");
    (top + 1..height)
        .take_while(|&y| symbol(buffer, left, y) != "└")
        .map(|y| (left + 1..right).map(|x| symbol(buffer, x, y)).collect())
        .collect()
}

/// The picker's rows on screen: `(id, the text after it)`.
fn picker_rows(app: &App) -> Vec<(String, String)> {
    picker_lines(app)
        .iter()
        .filter_map(|inner| {
            let id: String = inner.chars().take_while(|c| !c.is_whitespace()).collect();
            let is_id =
                id.len() > 1 && id.starts_with('E') && id[1..].chars().all(|c| c.is_ascii_digit());
            is_id.then(|| (id.clone(), inner[id.len()..].to_string()))
        })
        .collect()
}

#[test]
fn the_picker_keeps_ids_apart_from_titles_at_every_width() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 300, 120), 80, 24);
    press(&mut app, "2");
    for width in (60..=200).step_by(5) {
        for height in [24, 60] {
            app.handle_input(Input::Resize(width, height));
            press(&mut app, "e");
            // The end of the list too, where the ids are longest.
            for keys in ["", "pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn"] {
                press(&mut app, keys);
                let rows = picker_rows(&app);
                assert!(!rows.is_empty(), "{width}x{height}");
                let titles_at: Vec<usize> = rows
                    .iter()
                    .map(|(id, rest)| {
                        let gap = rest.len() - rest.trim_start().len();
                        assert!(gap >= 2, "{id}{rest:?} at {width}x{height}");
                        id.len() + gap
                    })
                    .collect();
                assert!(
                    titles_at.windows(2).all(|w| w[0] == w[1]),
                    "titles not aligned at {width}x{height}: {rows:#?}"
                );
            }
            press(&mut app, "esc");
        }
    }
}

#[test]
fn the_picker_lists_open_engagements_first_then_on_hold_then_filled() {
    use hireterm::domain::EngagementStatus::*;
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 120, 12), 120, 40);
    press(&mut app, "2 e");
    let group = |status| {
        [Open, OnHold, Filled, Cancelled]
            .iter()
            .position(|s| *s == status)
    };
    let heading = |status| match status {
        OnHold => "── On hold ",
        Filled => "── Filled ",
        _ => "── Cancelled ",
    };
    // Each row an engagement's status, or the heading of a group.
    let mut last = group(Open);
    let mut statuses = Vec::new();
    let lines = picker_lines(&app);
    for (at, line) in lines.iter().enumerate() {
        let Some(id) = line
            .split_whitespace()
            .next()
            .and_then(|w| w.strip_prefix('E'))
        else {
            continue;
        };
        let Ok(id) = id.parse::<u64>() else { continue };
        let status = app
            .data()
            .engagement(hireterm::domain::EngagementId(id))
            .unwrap()
            .status;
        assert!(
            group(status) >= last,
            "{status:?} after a later group:\n{}",
            lines.join("\n")
        );
        if group(status) != last {
            assert!(
                lines[at - 1].starts_with(heading(status)),
                "{}",
                lines.join("\n")
            );
        }
        last = group(status);
        statuses.push(status);
    }
    assert!(
        statuses.contains(&Filled) && statuses.contains(&OnHold),
        "{statuses:?}"
    );
    // Typing still filters, groups and all.
    type_text(&mut app, "kestrel");
    let shown: Vec<String> = (picker_lines(&app).into_iter())
        .filter(|l| l.starts_with('E'))
        .collect();
    assert!(
        !shown.is_empty() && shown.iter().all(|l| l.contains("Kestrel")),
        "{shown:#?}"
    );
}

/// The picker with ids, as in the screenshot.
#[test]
fn picker_with_ids_snapshot() {
    let db = TempDb::new();
    let store = demo_store(&db, 120, 12);
    for (width, height) in [(80, 24), (120, 40)] {
        let mut app = app_on(store.clone(), width, height);
        press(&mut app, "2 e");
        insta::assert_snapshot!(
            format!("picker_ids_{width}x{height}"),
            draw(&app, width, height).backend()
        );
    }
}
