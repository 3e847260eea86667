//! End to end: the real `hireterm` binary, run by `--demo` in a terminal
//! that tmux emulates, driven by keys and read back from the screen.
//!
//! Each test has a tmux server of its own (`tmux -S <socket in the test's
//! temporary folder>`, no user configuration), killed when the test ends,
//! pass or fail. The app runs as
//! `sh -c '<bin> --demo; echo HIRETERM-EXITED-$?; ...; sleep 60'`, so that
//! once it quits the pane shows its exit status and the shell's own screen.
//!
//! Without tmux these tests are skipped, except under `CI`, where they fail:
//! `.ci/run` installs tmux.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod tmux;

use std::time::Duration;
use tmux::*;

#[test]
fn every_pane_a_card_move_and_a_clean_exit() {
    if !have_tmux() {
        return;
    }
    // Wide enough for every column title, counts and all, on the board:
    // at 120 columns "Technical interview (N)" is cut.
    let app = Session::start(180, 40);
    app.wait_until_up();

    // Every pane, and back.
    app.type_text("2");
    app.wait_for("the pipeline board", |screen| {
        is_board(screen)
            && screen.contains("Technical interview (")
            && !screen.contains(CANDIDATES_PANE)
    });
    app.type_text("3");
    app.wait_for("the skill matrix", is_matrix);
    app.type_text("1");
    app.wait_for("the candidates pane again", |screen| {
        screen.contains(CANDIDATES_PANE) && !is_matrix(screen)
    });
    app.type_text("?");
    app.wait_for("the help overlay", |screen| screen.contains(HELP_TITLE));
    app.press("Escape");
    app.wait_for("the help overlay to close", |screen| {
        !screen.contains(HELP_TITLE) && screen.contains(CANDIDATES_PANE)
    });

    // Move the first card of the first non-empty column one stage on (the
    // cursor starts in the first column; `l` steps right).
    app.type_text("2");
    let before = app.wait_for("the pipeline board", |screen| {
        is_board(screen) && board_counts(screen).is_some()
    });
    let counts = board_counts(&before).unwrap();
    let from = (0..STAGES.len() - 1)
        .find(|&column| counts[column] > 0)
        .unwrap_or_else(|| panic!("no card to move forward on the board:\n{}", framed(&before)));
    if from > 0 {
        app.type_text(&"l".repeat(from));
    }
    app.type_text(">");
    let moved = format!("{} → {}", STAGES[from], STAGES[from + 1]);
    let mut expected = counts.clone();
    expected[from] -= 1;
    expected[from + 1] += 1;
    let after = app.wait_for(
        &format!("the status bar to say {moved:?} and the counts to become {expected:?}"),
        |screen| {
            status_line(screen).contains(&moved) && board_counts(screen).as_ref() == Some(&expected)
        },
    );
    // `<name>: Sourced → Screening`
    let status = status_line(&after);
    let name = status
        .split_once(&format!(": {moved}"))
        .map(|(name, _)| name.trim());
    assert!(
        name.is_some_and(|name| !name.is_empty()),
        "the status bar does not name the moved candidate: {status:?}"
    );

    app.quit();
}

#[test]
fn too_small_then_enlarged() {
    if !have_tmux() {
        return;
    }
    let app = Session::start(50, 12);
    app.wait_for("the too-small message", |screen| {
        screen.contains("Terminal too small")
            && screen.contains("50×12 here; hireterm needs 60×16.")
    });
    assert_eq!(app.demo_folders().len(), 1);

    // Wide enough for every tab's full name (eight panes: 110 columns).
    app.resize(120, 30);
    let screen = app.wait_for("the first screen after enlarging", |screen| {
        screen.contains(HOME_PANE) && !screen.contains("Terminal too small")
    });
    assert!(screen.contains(TAB_LINE), "{}", framed(&screen));

    app.quit();
}

#[test]
fn narrow_pipeline_is_a_list_grouped_by_stage() {
    if !have_tmux() {
        return;
    }
    let app = Session::start(80, 24);
    app.wait_until_up();
    app.type_text("2");
    let screen = app.wait_for("the pipeline as a list", is_list);

    // One box, stage headers at its left edge, each followed by its cards
    // (indented), the first right under the box's top border.
    assert!(!is_board(&screen), "{}", framed(&screen));
    let lines: Vec<&str> = screen.lines().collect();
    let top = lines
        .iter()
        .position(|line| line.starts_with('┌'))
        .unwrap_or_else(|| panic!("no box on screen:\n{}", framed(&screen)));
    let bottom = lines
        .iter()
        .rposition(|line| line.starts_with('└'))
        .unwrap_or_else(|| panic!("no box on screen:\n{}", framed(&screen)));
    let headers: Vec<(usize, usize, usize)> = lines
        .iter()
        .enumerate()
        .filter_map(|(row, line)| list_header(line).map(|(stage, count)| (row, stage, count)))
        .collect();
    assert_eq!(
        headers.first().map(|h| (h.0, h.1)),
        Some((top + 1, 0)),
        "the list does not start with the Sourced header:\n{}",
        framed(&screen)
    );
    assert!(
        headers.len() >= 2,
        "fewer than two stage headers show:\n{}",
        framed(&screen)
    );
    for (index, &(row, stage, count)) in headers.iter().enumerate() {
        assert_eq!(
            stage,
            index,
            "stage headers out of order:\n{}",
            framed(&screen)
        );
        // The header's cards, then the next header (or the box's end).
        let end = headers.get(index + 1).map_or(bottom, |next| next.0);
        let cards = &lines[row + 1..end];
        if index + 1 < headers.len() {
            assert_eq!(
                cards.len(),
                count,
                "{} ({count}) is followed by {} lines before the next stage:\n{}",
                STAGES[stage],
                cards.len(),
                framed(&screen)
            );
        }
        for card in cards.iter().take(count) {
            assert!(
                card.starts_with("│  "),
                "not an indented card line under {}: {card:?}\n{}",
                STAGES[stage],
                framed(&screen)
            );
        }
    }
    let sourced = headers[0].2;

    // The board takes over at 100 columns, and gives way again below.
    app.resize(100, 24);
    let board = app.wait_for("the board at 100 columns", is_board);
    assert_eq!(
        count(&board, "Sourced"),
        Some(sourced),
        "{}",
        framed(&board)
    );
    app.resize(99, 24);
    app.wait_for("the list again at 99 columns", |screen| {
        is_list(screen) && !is_board(screen)
    });

    app.quit();
}

#[test]
fn a_user_keymap_rebinds_keys_and_a_bad_one_names_its_line() {
    if !have_tmux() {
        return;
    }
    let app = Session::start_with_keymap(120, 30, Some("[global]\nw = \"show_pipeline\"\n"));
    app.wait_for("the first screen", |screen| screen.contains(HOME_PANE));
    app.press("w");
    app.wait_for("the pipeline, reached with the rebound key", is_board);
    app.quit();

    let app = Session::start_with_keymap(120, 30, Some("[global]\nq = \"quit\"\nz = \"jump\"\n"));
    let screen = app.wait_for("the keymap error in the status bar", |screen| {
        status_line(screen).contains("keymap line 3: unknown action `jump`")
    });
    assert!(
        screen.contains(HOME_PANE),
        "the app still runs: {}",
        framed(&screen)
    );
    app.quit();
}

#[test]
fn a_note_is_written_in_the_users_editor_and_the_screen_comes_back() {
    if !have_tmux() {
        return;
    }
    // An "editor" that writes its note and exits, as a person would.
    let scripts = tempfile::tempdir().unwrap();
    let script = scripts.path().join("fake-editor");
    std::fs::write(
        &script,
        "#!/bin/sh\nprintf 'Written in the editor' > \"$1\"\n",
    )
    .unwrap();
    std::process::Command::new("chmod")
        .arg("+x")
        .arg(&script)
        .status()
        .unwrap();
    let app = Session::start_with(120, 30, None, Some(script.to_str().unwrap()));
    app.wait_for("the first screen", |screen| screen.contains(HOME_PANE));
    app.type_text("1");
    app.wait_for("the candidates pane", |screen| {
        screen.contains(CANDIDATES_PANE)
    });
    app.press("Enter");
    app.wait_for("the detail view", |screen| screen.contains("Contact"));
    app.press("n");
    let screen = app.wait_for("the note saved, on the redrawn screen", |screen| {
        status_line(screen).contains("note saved") && screen.contains("Contact")
    });
    assert!(
        !screen.contains("Note on "),
        "no inline editor: {}",
        framed(&screen)
    );
    // The note sits near the end of the detail: scroll down to it.
    let mut seen = false;
    for _ in 0..60 {
        app.press("j");
        std::thread::sleep(Duration::from_millis(30));
        if app.screen().contains("Written in the editor") {
            seen = true;
            break;
        }
    }
    assert!(
        seen,
        "the note's text shows in the detail: {}",
        framed(&app.screen())
    );
    // Keys still reach the app after the editor has gone.
    app.press("Escape");
    app.wait_for("the candidates table", |screen| {
        screen.contains(CANDIDATES_PANE)
    });
    app.quit();
}

#[test]
fn a_candidate_is_added_in_the_form_and_found_by_search() {
    if !have_tmux() {
        return;
    }
    let app = Session::start(100, 30);
    app.wait_until_up();
    app.type_text("a");
    app.wait_for_text("New candidate");
    app.type_text("Zed Quist");
    app.press("Tab");
    app.type_text("zed@quist.io");
    for _ in 0..6 {
        app.press("Tab");
    }
    app.type_text("kube");
    app.wait_for_text("▸ Kubernetes");
    app.press("Enter");
    app.type_text("4");
    app.wait_for_text("Kubernetes 4");
    // Ctrl-s reaches the app: raw mode turns off the terminal's XOFF.
    app.press("C-s");
    let screen = app.wait_for("the saved candidate in the table", |screen| {
        screen.contains("Candidates (501)") && status_line(screen).contains("added Zed Quist")
    });
    assert!(!screen.contains("New candidate"), "{}", framed(&screen));
    app.type_text("/quist");
    app.wait_for("the new candidate among the search's hits", |screen| {
        screen
            .lines()
            .any(|line| line.contains("│Candidate  Zed Quist"))
    });
    app.press("Escape");
    // The table's title shows behind the palette too: wait for the palette
    // to close, or the next key could arrive as alt-q after the ESC.
    app.wait_for("the palette closed", |screen| {
        screen.contains("Candidates (501)") && !screen.contains("Search roles, skills")
    });
    app.quit();
}
