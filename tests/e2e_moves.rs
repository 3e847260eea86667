//! End to end, in tmux (see `e2e_tmux.rs` for the harness): one card
//! moved on three times with `>` (the cursor stays on it, issue 16
//! defect 1), and a rejection undone that leaves the card its time in
//! stage (defect 2). The database is made first by `hireterm demo --now`,
//! so that the cards' days in stage are the demo's own.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod tmux;

use std::path::Path;
use tmux::*;

/// A demo database generated around this moment (to the second), as the
/// app's clock will see it.
fn demo_database(folder: &Path) -> std::path::PathBuf {
    let db = folder.join("db");
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hireterm"))
        .args(["demo", "--now", &now, "--db"])
        .arg(&db)
        .env_remove("HIRETERM_DB")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "hireterm demo: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}

/// The text inside each of the board's six boxes on one screen line.
fn cells(line: &str) -> Vec<String> {
    let parts: Vec<&str> = line.split('│').collect();
    parts
        .iter()
        .skip(1)
        .step_by(2)
        .map(|cell| cell.trim().to_string())
        .collect()
}

/// Every card of a board column: its name and its facts line
/// (`‼23d fit 16%`), from the top.
fn column_cards(screen: &str, column: usize) -> Vec<(String, String)> {
    let lines: Vec<&str> = screen.lines().collect();
    let Some(top) = lines.iter().position(|line| line.starts_with("┌ Sourced")) else {
        return Vec::new();
    };
    let cell = |row: usize| cells(lines.get(row)?).get(column).cloned();
    let mut cards = Vec::new();
    let mut row = top + 1;
    while let (Some(name), Some(facts)) = (cell(row), cell(row + 1)) {
        if name.is_empty() {
            break;
        }
        cards.push((name, facts));
        row += 2;
    }
    cards
}

/// `23` in `‼23d fit 16%`.
fn days_of(facts: &str) -> u32 {
    let digits: String = facts
        .trim_start_matches(['!', '‼', ' '])
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("no days in {facts:?}"))
}

#[test]
fn a_card_moves_on_three_times_and_an_undone_rejection_keeps_its_days() {
    if !have_tmux() {
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let db = demo_database(folder.path());
    let app = Session::start_on_database(180, 40, &db);
    app.wait_for_text(HOME_PANE);
    app.type_text("2");
    let board = app.wait_for("the board", |s| is_board(s) && board_counts(s).is_some());

    // The first column with a card that can go on three stages.
    let counts = board_counts(&board).unwrap();
    let from = (0..2)
        .find(|&column| counts[column] > 0)
        .unwrap_or_else(|| panic!("no card in Sourced or Screening:\n{}", framed(&board)));
    let name = column_cards(&board, from)[0].0.clone();
    app.type_text(&"l".repeat(from));
    for step in 1..=3 {
        app.type_text(">");
        let said = format!(
            "{name}: {} → {}",
            STAGES[from + step - 1],
            STAGES[from + step]
        );
        app.wait_for(&format!("the status bar to say {said:?}"), |screen| {
            status_line(screen).contains(&said)
        });
    }
    let screen = app.screen();
    let there = column_cards(&screen, from + 3);
    assert!(
        there.iter().any(|(card, _)| *card == name),
        "{name} is in {}:\n{}",
        STAGES[from + 3],
        framed(&screen)
    );

    // Screening's first card (`g`: the top) has been there longest.
    app.type_text(&"h".repeat(from + 2));
    app.type_text("g");
    let screen = app.screen();
    let (stuck, facts) = column_cards(&screen, 1)
        .first()
        .cloned()
        .unwrap_or_else(|| panic!("no card in Screening:\n{}", framed(&screen)));
    let days = days_of(&facts);
    assert!(
        days >= 2,
        "{stuck} has been in Screening for days: {facts:?}"
    );
    app.type_text("x");
    app.wait_for_text("Reject ");
    app.press("Enter");
    app.wait_for(&format!("{stuck} rejected"), |screen| {
        status_line(screen).contains(&format!("{stuck} rejected"))
            && !column_cards(screen, 1)
                .iter()
                .any(|(card, _)| *card == stuck)
    });
    app.type_text("u");
    let said = format!("undid: {stuck} back to Screening");
    let screen = app.wait_for(&format!("the status bar to say {said:?}"), |screen| {
        status_line(screen).contains(&said)
    });
    let back = column_cards(&screen, 1);
    let (_, now) = back
        .iter()
        .find(|(card, _)| *card == stuck)
        .unwrap_or_else(|| panic!("{stuck} is back in Screening:\n{}", framed(&screen)));
    assert_eq!(
        now, &facts,
        "{stuck} keeps the time it had in Screening, and its flag"
    );
    assert_eq!(days_of(now), days);
    app.quit();
}
