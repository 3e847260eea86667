//! Two `hireterm serve` instances on one PostgreSQL database (issue 20),
//! each reached by the real OpenSSH client in tmux: a card moved in one
//! moves in the other's session without a key, and when one instance is
//! killed (SIGKILL) the other goes on, every acknowledged move kept.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod ssh;

use ssh::*;

#[test]
fn a_move_in_one_instance_shows_in_the_other_and_outlives_a_killed_one() {
    if !have_tools() {
        return;
    }
    let Some(db) = common::postgres::PgDb::new() else {
        return;
    };
    let setup = tempfile::tempdir().unwrap();
    fill_demo(setup.path(), std::ffi::OsStr::new(&db.address));
    let mut one = Server::start_on(&db.address);
    let two = Server::start_on(&db.address);
    let tmux = Tmux::new(one.dir.path());
    tmux.open("ana", (180, 40), &one.ssh_script("ana"));
    tmux.open("bob", (180, 40), &two.ssh_script("bob"));
    for name in ["ana", "bob"] {
        tmux.wait_for(name, "their first screen", |s| s.contains(&home_of(name)));
    }

    // Bob, on the second instance, watches the board while ana moves a
    // card on the first: the move reaches him without a key.
    tmux.type_text("bob", "2");
    let before = tmux.wait_for("bob", "bob's board", |s| board_counts(s).is_some());
    let after_move = move_a_card(&tmux, "ana");
    assert_ne!(board_counts(&before), Some(after_move.clone()));
    tmux.wait_for("bob", "ana's move, from the other instance", |s| {
        board_counts(s) == Some(after_move.clone())
    });

    // The first instance dies as in a crash; the second goes on, and its
    // writes are acknowledged as before.
    one.kill();
    tmux.wait_for("ana", "ana's session cut", |s| s.contains("SSH-EXITED-"));
    // (Back to the first column: the helper counts columns from there.)
    tmux.type_text("bob", "hhhhhhh");
    move_a_card(&tmux, "bob");
    assert_eq!(moves_by(&db.address, "ana"), 1, "ana's acknowledged move");
    assert_eq!(moves_by(&db.address, "bob"), 1, "bob's, after the kill");
    let log = two.log();
    assert!(!log.contains("panicked"), "{log}");
}
