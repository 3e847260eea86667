//! The real binary in a real terminal (tmux) before its first frame: the
//! screen is taken and says which database it opens before the open
//! (which checks every file, seconds for a large database), then the app
//! comes up. Held at the `open` pause point, the screen is read while the
//! database is not yet open. Without tmux skipped, except under `CI`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tmux;

use common::*;
use tmux::*;

#[test]
fn the_screen_says_it_opens_the_database_before_the_open() {
    if !have_tmux() {
        return;
    }
    let db = TempDb::new();
    let made = hireterm_on(&db.path(), &["demo", "--candidates", "20", "--seed", "3"]);
    assert!(made.status.success(), "{:?}", output_text(&made));
    let app = Session::start_paused_at(100, 30, &db.path(), "open");
    let screen = app.wait_for_text("opening the database");
    let path = db.path().display().to_string();
    assert!(
        screen.contains("hireterm") && screen.contains(&path),
        "{screen}"
    );
    app.press("C-j");
    app.wait_for_text(HOME_PANE);
    app.quit();
}

/// A database past the size whose candidates are read behind the first
/// screen (`cli/tui.rs`): My work comes up first, and the table, once
/// every candidate is read, shows them all without a key pressed after.
#[test]
fn a_large_database_shows_my_work_first_and_the_table_once_read() {
    if !have_tmux() {
        return;
    }
    let db = TempDb::new();
    let made = hireterm_on(
        &db.path(),
        &["demo", "--candidates", "10000", "--seed", "3"],
    );
    assert!(made.status.success(), "{:?}", output_text(&made));
    let app = Session::start_on_database(120, 30, &db.path());
    app.wait_for_text(HOME_PANE);
    app.press("1");
    // The title counts from the kept counters at once; the rows wait
    // for the read behind the screen, which must end with no key pressed.
    app.wait_for("the table with every candidate read", |screen| {
        screen.contains("Candidates (10000)") && !screen.contains("needs every candidate")
    });
    app.quit();
    let checked = hireterm_on(&db.path(), &["check"]);
    assert!(checked.status.success(), "{:?}", output_text(&checked));
}

/// A large database closed cleanly: My work is drawn from what the close
/// left beside it while the open (held at its pause point) has not begun
/// to check the files; the table says it waits for the open, then comes.
#[test]
fn my_work_comes_up_before_the_open_of_a_large_database() {
    if !have_tmux() {
        return;
    }
    let db = large_demo();
    let resume = tempfile::tempdir().unwrap();
    let resume = resume.path().join("resume");
    let app = Session::start_paused_until(120, 30, &db.path(), "open", &resume);
    let screen = app.wait_for_text(HOME_PANE);
    assert!(
        status_line(&screen).contains("opening the database"),
        "{screen}"
    );
    app.press("1");
    app.wait_for_text("opening the database: every file is checked");
    std::fs::write(&resume, "").unwrap();
    app.wait_for_text("Candidates (10000)");
    app.quit();
    let checked = hireterm_on(&db.path(), &["check"]);
    assert!(checked.status.success(), "{:?}", output_text(&checked));
}

/// The same with the database damaged since its close (a file's bytes
/// changed, not its length): My work comes up, then the open refuses
/// the folder, the app ends with why, and nothing in the folder changed.
#[test]
fn a_damaged_large_database_shows_my_work_then_ends_saying_why() {
    if !have_tmux() {
        return;
    }
    let db = large_demo();
    damage_middle(&db.path());
    let files = snapshot_files(&db.path());
    let resume = tempfile::tempdir().unwrap();
    let resume = resume.path().join("resume");
    let app = Session::start_paused_until(120, 30, &db.path(), "open", &resume);
    app.wait_for_text(HOME_PANE);
    std::fs::write(&resume, "").unwrap();
    let screen = app.wait_for_text("HIRETERM-EXITED-1");
    assert!(screen.contains("is damaged and was not opened"), "{screen}");
    assert!(screen.contains("HIRETERM-TTY-cooked"), "{screen}");
    assert_eq!(snapshot_files(&db.path()), files);
}

/// 10,000 demo candidates (where the first screen stops waiting for
/// them all), closed cleanly by `demo`.
fn large_demo() -> TempDb {
    let db = TempDb::new();
    let made = hireterm_on(
        &db.path(),
        &["demo", "--candidates", "10000", "--seed", "3"],
    );
    assert!(made.status.success(), "{:?}", output_text(&made));
    assert!(db.path().join("hireterm.first").exists());
    db
}
