//! Control characters in stored text never reach the terminal: not through
//! the test backend's cells, not through the bytes crossterm writes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::domain::CandidateId;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

const HOSTILE: &str = "Aaa\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\r\u{9b}31m\u{202E}gnp.exe\u{200B}";

/// Writes a candidate whose text fields carry escape sequences straight
/// into sled, as an older or foreign writer might have: the store's own
/// validation would refuse them.
fn plant_hostile_candidate(db: &TempDb) -> CandidateId {
    let mut evil = candidate(HOSTILE, "eve@example.com");
    evil.id = CandidateId(9_999);
    evil.tags = vec![format!("tag{HOSTILE}")];
    evil.location.city = format!("Lis\nbon{HOSTILE}");
    std::fs::remove_file(db.path().join("hireterm.clean")).unwrap();
    let raw = loop {
        match sled::open(db.path()) {
            Ok(raw) => break raw,
            Err(_) => std::thread::sleep(std::time::Duration::from_millis(20)),
        }
    };
    let bytes = hireterm::store::encode(&evil).unwrap();
    raw.open_tree("candidates")
        .unwrap()
        .insert(evil.id.to_key(), bytes)
        .unwrap();
    raw.open_tree("emails")
        .unwrap()
        .insert("eve@example.com", &evil.id.to_key())
        .unwrap();
    raw.flush().unwrap();
    evil.id
}

fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}'..='\u{200F}')
}

#[test]
fn hostile_names_are_drawn_clean_in_every_view() {
    let db = TempDb::new();
    drop(demo_store(&db, 20, 2));
    let id = plant_hostile_candidate(&db);
    let store = std::sync::Arc::new(db.open());
    let mut app = app_on(store, 120, 40);
    press(&mut app, "1 g");
    assert_eq!(
        app.candidates().selected(app.data()).map(|c| c.id),
        Some(id),
        "sorted first by name"
    );
    for keys in ["", "enter", "esc 3 t G"] {
        press(&mut app, keys);
        let terminal = draw(&app, 120, 40);
        let text = screen_text(&terminal);
        assert!(text.contains("Aaa]52;c;aGk="), "{keys}: {text}");
        assert!(
            !text.chars().any(|c| is_forbidden(c) && c != '\n'),
            "{keys}: {text:?}"
        );
    }
}

#[test]
fn hostile_names_never_reach_crossterm_output() {
    let db = TempDb::new();
    drop(demo_store(&db, 20, 2));
    plant_hostile_candidate(&db);
    let mut app = app_on(std::sync::Arc::new(db.open()), 120, 40);
    press(&mut app, "1 g");
    for keys in ["", "enter"] {
        press(&mut app, keys);
        let mut bytes = Vec::new();
        {
            let backend = CrosstermBackend::new(&mut bytes);
            let options = TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, 120, 40)),
            };
            let mut terminal = Terminal::with_options(backend, options).unwrap();
            terminal
                .draw(|frame| hireterm::ui::render(frame, &app, &hireterm::ui::Theme::COLOR))
                .unwrap();
        }
        let output = String::from_utf8_lossy(&bytes);
        assert!(output.contains("Aaa]52;c;aGk="), "the name was drawn");
        for forbidden in [
            "\u{1b}]",
            "\u{7}",
            "\r",
            "\u{9b}",
            "\u{202E}",
            "\u{200B}",
            "\u{1b}[2J",
        ] {
            assert!(
                !output.contains(forbidden),
                "{keys}: {forbidden:?} reached the terminal"
            );
        }
    }
}

/// A hostile file imported by the CLI, then shown by the app: the names,
/// cities and tags it carried reach neither the cells nor the bytes.
#[test]
fn an_imported_hostile_file_is_drawn_clean() {
    let db = TempDb::new();
    drop(demo_store(&db, 20, 1));
    let file = db.dir.path().join("hostile.csv");
    let row = |n: u32| {
        format!("\"Aaa{HOSTILE}{n}\",eve{n}@example.com,\"Lis{HOSTILE}\",\"t{HOSTILE}\"\n")
    };
    let csv = format!("name,email,city,tags\n{}{}", row(1), row(2));
    std::fs::write(&file, csv).unwrap();
    let out = hireterm_on(&db.path(), &["import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{:?}", output_text(&out));
    let (stdout, stderr) = output_text(&out);
    assert!(
        !(stdout + &stderr)
            .chars()
            .any(|c| is_forbidden(c) && c != '\n')
    );

    let mut app = app_on(std::sync::Arc::new(db.open()), 120, 40);
    for keys in ["1 g", "enter", "esc /"] {
        press(&mut app, keys);
        if keys.ends_with('/') {
            type_text(&mut app, "aaaaaa");
        }
        let text = screen_text(&draw(&app, 120, 40));
        assert!(text.contains("AaaAaa]52;c;aGk="), "{keys}: {text}");
        assert!(
            !text.chars().any(|c| is_forbidden(c) && c != '\n'),
            "{keys}: {text:?}"
        );
        let mut bytes = Vec::new();
        {
            let options = TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, 120, 40)),
            };
            let mut terminal =
                Terminal::with_options(CrosstermBackend::new(&mut bytes), options).unwrap();
            terminal
                .draw(|frame| hireterm::ui::render(frame, &app, &hireterm::ui::Theme::COLOR))
                .unwrap();
        }
        let output = String::from_utf8_lossy(&bytes);
        for forbidden in ["\u{1b}]", "\u{7}", "\r", "\u{9b}", "\u{202E}", "\u{1b}[2J"] {
            assert!(
                !output.contains(forbidden),
                "{keys}: {forbidden:?} reached the terminal"
            );
        }
    }
}
