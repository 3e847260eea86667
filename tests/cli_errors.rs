//! Command-line errors that say what is wrong: a missing engagement named
//! as missing, one rule for the reason an exit needs, ids explained; and
//! the actor recorded when `$USER` is unset.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::domain::{CandidateId, Stage};

/// A database with E1 holding C1 (Ana) at Sourced, and C2 (Bo) in none.
fn board() -> (TempDb, CandidateId) {
    let db = TempDb::new();
    let store = db.open();
    let ana = store
        .add_candidate(candidate("Ana Lima", "ana@example.com"), &stamp())
        .unwrap();
    store
        .add_candidate(candidate("Bo Chen", "bo@example.com"), &stamp())
        .unwrap();
    let job = store_engagement(&store, engagement("Platform engineers"));
    store
        .open_applications(job.id, &[ana.id], &stamp())
        .unwrap();
    store.close().unwrap();
    (db, ana.id)
}

fn refused(db: &TempDb, args: &[&str]) -> String {
    let out = hireterm_on(&db.path(), args);
    let (stdout, stderr) = output_text(&out);
    assert!(!out.status.success(), "{args:?} succeeded: {stdout}");
    stderr
}

fn stage_of(db: &TempDb, candidate: CandidateId) -> Stage {
    let store = db.open();
    let engagement = store.engagements().unwrap()[0].id;
    let stage = store
        .application(engagement, candidate)
        .unwrap()
        .unwrap()
        .stage;
    store.close().unwrap();
    stage
}

#[test]
fn a_missing_engagement_is_named_as_missing() {
    let (db, _) = board();
    let move_to = |engagement: &str, candidate: &str| {
        refused(
            &db,
            &[
                "move",
                "--engagement",
                engagement,
                "--candidate",
                candidate,
                "--to",
                "next",
            ],
        )
    };
    let said = move_to("E99", "C1");
    assert!(said.contains("there is no engagement E99"), "{said}");
    assert!(!said.contains("not in the pipeline"), "{said}");
    let said = move_to("E1", "C99");
    assert!(said.contains("there is no candidate C99"), "{said}");
    // Both exist: then, and only then, it is about the pipeline.
    let said = move_to("E1", "C2");
    assert!(said.contains("C2 is not in the pipeline of E1"), "{said}");
    let said = refused(
        &db,
        &[
            "reject",
            "--engagement",
            "E99",
            "--candidate",
            "C1",
            "--reason",
            "x",
        ],
    );
    assert!(said.contains("there is no engagement E99"), "{said}");
}

#[test]
fn moving_to_an_exit_needs_a_reason_as_rejecting_does() {
    let (db, ana) = board();
    let base = ["move", "--engagement", "E1", "--candidate", "C1"];
    for (to, noun) in [("rejected", "rejection"), ("withdrawn", "withdrawal")] {
        for reason in [None, Some("   ")] {
            let mut args = base.to_vec();
            args.extend(["--to", to]);
            if let Some(reason) = reason {
                args.extend(["--reason", reason]);
            }
            let said = refused(&db, &args);
            assert!(said.contains(&format!("a {noun} needs a reason")), "{said}");
            assert_eq!(stage_of(&db, ana), Stage::Sourced, "nothing moved");
        }
    }
    let said = refused(
        &db,
        &[
            "reject",
            "--engagement",
            "E1",
            "--candidate",
            "C1",
            "--reason",
            " ",
        ],
    );
    assert!(
        said.contains("a rejection needs a reason"),
        "the same rule: {said}"
    );

    let mut args = base.to_vec();
    args.extend(["--to", "rejected", "--reason", "rate above budget"]);
    let out = hireterm_on(&db.path(), &args);
    assert!(out.status.success(), "{}", output_text(&out).1);
    assert_eq!(stage_of(&db, ana), Stage::Rejected);
}

#[test]
fn an_id_that_is_not_one_says_what_ids_look_like() {
    let (db, _) = board();
    let said = refused(
        &db,
        &[
            "move",
            "--engagement",
            "seven",
            "--candidate",
            "C1",
            "--to",
            "next",
        ],
    );
    assert!(
        said.contains("`seven` is not an engagement id: ids look like E3"),
        "{said}"
    );
    let said = refused(
        &db,
        &[
            "move",
            "--engagement",
            "E1",
            "--candidate",
            "ana",
            "--to",
            "next",
        ],
    );
    assert!(
        said.contains("`ana` is not a candidate id: ids look like C12"),
        "{said}"
    );
    let said = refused(&db, &["unmerge", "merge"]);
    assert!(
        said.contains("`merge` is not an event id: ids look like V90"),
        "{said}"
    );
}

/// The account's name for this process's uid, as `id -un` reads it from
/// the system's user database.
fn account_name() -> String {
    let out = std::process::Command::new("id")
        .arg("-un")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[test]
fn without_user_in_the_environment_the_account_name_acts() {
    let (db, _) = board();
    let out = hireterm()
        .env_remove("USER")
        .env_remove("LOGNAME")
        .arg("--db")
        .arg(db.path())
        .args(["note", "--candidate", "C1", "Strong on Kubernetes"])
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stderr}");
    let name = account_name();
    assert!(!name.is_empty() && name != "unknown");
    assert!(stdout.contains(&format!("by {name}")), "{stdout}");
}
