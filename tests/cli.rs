//! The command line, run as a real process.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::store::Store;
use std::process::Output;

fn run(args: &[&str], db: &std::path::Path) -> Output {
    hireterm().args(args).arg("--db").arg(db).output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const NOW: &str = "2026-06-01T09:00:00Z";

fn demo(db: &std::path::Path, seed: &str) -> Output {
    run(
        &[
            "demo",
            "--candidates",
            "300",
            "--engagements",
            "5",
            "--seed",
            seed,
            "--now",
            NOW,
        ],
        db,
    )
}

#[test]
fn demo_then_stats_and_check_succeed() {
    let db = TempDb::new();
    let out = demo(&db.path(), "42");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("wrote 300 candidates, 5 engagements and"),
        "{}",
        stdout(&out)
    );

    let out = run(&["stats"], &db.path());
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(text.contains("candidates    300"), "{text}");
    assert!(text.contains("engagements   5"), "{text}");
    for heading in [
        "Applications by stage",
        "Candidates by primary role",
        "Technical interview",
    ] {
        assert!(text.contains(heading), "{text}");
    }

    let out = run(&["check"], &db.path());
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).contains("no problems found"));
}

#[test]
fn the_same_seed_gives_the_same_database() {
    let (a, b, c) = (TempDb::new(), TempDb::new(), TempDb::new());
    for (db, seed) in [(&a, "7"), (&b, "7"), (&c, "8")] {
        assert!(demo(&db.path(), seed).status.success());
    }
    let contents = |db: &TempDb| {
        let store = db.open();
        (
            store.candidates().unwrap(),
            store.engagements().unwrap(),
            store.applications().unwrap(),
        )
    };
    let (first, second, other) = (contents(&a), contents(&b), contents(&c));
    assert_eq!(first, second);
    assert_ne!(first.0, other.0);
}

#[test]
fn demo_data_only_goes_into_an_empty_database() {
    let db = TempDb::new();
    assert!(demo(&db.path(), "1").status.success());
    let out = demo(&db.path(), "2");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("already holds 300 candidates"),
        "{}",
        stderr(&out)
    );
    assert_eq!(db.open().candidate_count(), 300);
}

#[test]
fn absurd_sizes_are_refused_by_the_parser() {
    let db = TempDb::new();
    let out = run(&["demo", "--candidates", "999999999999"], &db.path());
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--candidates"), "{}", stderr(&out));
    assert!(
        !db.path().exists(),
        "nothing is created for a refused command"
    );
}

#[test]
fn the_database_comes_from_hireterm_db_when_no_flag_is_given() {
    let db = TempDb::new();
    let out = hireterm()
        .env("HIRETERM_DB", db.path())
        .args(["demo", "--candidates", "20", "--engagements", "1"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(Store::open(db.path()).unwrap().candidate_count(), 20);
}

#[test]
fn no_argument_summarises_and_points_an_empty_database_at_demo_data() {
    let db = TempDb::new();
    let out = hireterm().arg("--db").arg(db.path()).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("0 candidates"), "{text}");
    assert!(text.contains("hireterm demo --db PATH"), "{text}");
}

#[test]
fn the_demo_flag_runs_on_a_temporary_database_and_removes_it() {
    let tmp = tempfile::tempdir().unwrap();
    let out = hireterm()
        .arg("--demo")
        .env("TMPDIR", tmp.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("500 candidates, 12 engagements"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        std::fs::read_dir(tmp.path()).unwrap().count(),
        0,
        "demo folder left behind"
    );
}

#[test]
fn every_subcommand_has_help() {
    for command in [
        &["--help"][..],
        &["demo", "--help"],
        &["stats", "--help"],
        &["check", "--help"],
    ] {
        let out = hireterm().args(command).output().unwrap();
        assert!(out.status.success(), "{command:?}");
        assert!(
            stdout(&out).contains("Usage: hireterm"),
            "{command:?}: {}",
            stdout(&out)
        );
    }
    let help = stdout(&hireterm().args(["demo", "--help"]).output().unwrap());
    for option in ["--candidates", "--engagements", "--seed", "--db"] {
        assert!(help.contains(option), "{help}");
    }
}

#[test]
fn search_prints_the_ranking_as_text_or_json() {
    let db = TempDb::new();
    assert!(demo(&db.path(), "3").status.success());
    let out = run(&["search", "sre", "--json", "--limit", "5"], &db.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let hits: Vec<serde_json::Value> = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(hits.len(), 5);
    assert_eq!(
        (hits[0]["kind"].as_str(), hits[0]["id"].as_str()),
        (Some("Role"), Some("devops"))
    );

    let out = run(&["search", "k8s", "--kind", "skill"], &db.path());
    let text = stdout(&out);
    assert!(
        text.lines().next().unwrap().contains("Kubernetes"),
        "{text}"
    );
    assert!(text.lines().all(|l| l.starts_with("Skill")), "{text}");

    let out = run(&["search", "zzqqxx"], &db.path());
    assert_eq!(out.status.code(), Some(1), "no hits exits 1");
    let out = run(&["search", "x", "--limit", "0"], &db.path());
    assert!(!out.status.success() && stderr(&out).contains("--limit"));
}

#[test]
fn move_and_reject_change_the_pipeline_with_actor_and_reason() {
    let db = TempDb::new();
    assert!(demo(&db.path(), "5").status.success());
    let (engagement, candidate, email, stage) = {
        let store = db.open();
        let app = store
            .applications()
            .unwrap()
            .into_iter()
            .find(|a| a.stage == hireterm::domain::Stage::Screening)
            .unwrap();
        let email = store.candidate(app.candidate).unwrap().unwrap().email;
        (app.engagement, app.candidate, email, app.stage)
    };
    let (e, c) = (engagement.to_string(), candidate.to_string());
    let out = hireterm()
        .args([
            "move",
            "--engagement",
            &e,
            "--candidate",
            &c,
            "--to",
            "next",
            "--as",
            "sam.lead",
            "--db",
        ])
        .arg(db.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Screening → Technical interview"),
        "{}",
        stdout(&out)
    );

    let out = run(
        &[
            "reject",
            "--engagement",
            &e,
            "--candidate",
            &email,
            "--reason",
            "rate above budget",
        ],
        &db.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(
        &[
            "move",
            "--engagement",
            &e,
            "--candidate",
            &c,
            "--to",
            "placed",
        ],
        &db.path(),
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("needs the placement's terms: use `hireterm place"),
        "{}",
        stderr(&out)
    );
    let out = run(
        &[
            "place",
            "--engagement",
            &e,
            &c,
            "--start",
            "2026-07-01",
            "--bill",
            "95",
            "--pay",
            "70",
        ],
        &db.path(),
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("cannot move from Rejected to Placed"),
        "{}",
        stderr(&out)
    );
    let out = run(
        &[
            "move",
            "--engagement",
            &e,
            "--candidate",
            &c,
            "--to",
            "screening",
            "--reason",
            "re-opened",
        ],
        &db.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));

    let store = db.open();
    let app = store.application(engagement, candidate).unwrap().unwrap();
    let tail: Vec<_> = app
        .history
        .iter()
        .rev()
        .take(3)
        .rev()
        .map(|h| (h.to, h.actor.as_str(), h.reason.as_deref()))
        .collect();
    assert_eq!(tail[0], (stage.next().unwrap(), "sam.lead", None));
    assert_eq!(tail[1].0, hireterm::domain::Stage::Rejected);
    assert_eq!(tail[1].2, Some("rate above budget"));
    assert_eq!(
        (tail[2].0, tail[2].2),
        (hireterm::domain::Stage::Screening, Some("re-opened"))
    );
    assert!(store.check().unwrap().problems.is_empty());
}

#[test]
fn move_and_reject_explain_bad_input() {
    let db = TempDb::new();
    assert!(demo(&db.path(), "5").status.success());
    // A real application, so that only the stage name is wrong.
    let (engagement, candidate) = {
        let app = db.open().applications().unwrap().remove(0);
        (app.engagement.to_string(), app.candidate.to_string())
    };
    let sideways = [
        "move",
        "--engagement",
        &engagement,
        "--candidate",
        &candidate,
        "--to",
        "sideways",
    ];
    for (args, expected) in [
        (
            &[
                "move",
                "--engagement",
                "E1",
                "--candidate",
                "nobody@example.com",
                "--to",
                "next",
            ][..],
            "no candidate has the email",
        ),
        (&sideways[..], "`sideways` is not a stage"),
        (
            &[
                "move",
                "--engagement",
                "E99",
                "--candidate",
                "C1",
                "--to",
                "next",
            ],
            "there is no engagement E99",
        ),
        (
            &[
                "reject",
                "--engagement",
                "E1",
                "--candidate",
                "C1",
                "--reason",
                "  ",
            ],
            "needs a reason",
        ),
    ] {
        let out = run(args, &db.path());
        assert!(!out.status.success(), "{args:?}");
        assert!(
            stderr(&out).contains(expected),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    for command in ["move", "reject"] {
        let out = hireterm().args([command, "--help"]).output().unwrap();
        assert!(stdout(&out).contains("--engagement") && stdout(&out).contains("--candidate"));
    }
}

#[test]
fn notes_are_stored_cleaned_with_author_and_event() {
    let db = TempDb::new();
    assert!(demo(&db.path(), "5").status.success());
    let (engagement, candidate) = {
        let store = db.open();
        let app = store.applications().unwrap().remove(0);
        (app.engagement, app.candidate)
    };
    let (e, c) = (engagement.to_string(), candidate.to_string());
    let out = hireterm()
        .args([
            "note",
            "--candidate",
            &c,
            "--engagement",
            &e,
            "--as",
            "ana",
            "strong",
            "on\u{1b}[2J",
            "k8s",
            "--db",
        ])
        .arg(db.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("added to"), "{}", stdout(&out));
    let out = run(&["note", "--candidate", &c, "   "], &db.path());
    assert!(
        !out.status.success() && stderr(&out).contains("the note is empty"),
        "{}",
        stderr(&out)
    );
    let out = run(
        &["note", "--candidate", &c, "--engagement", "E999", "hello"],
        &db.path(),
    );
    assert!(
        !out.status.success() && stderr(&out).contains("not in the pipeline"),
        "{}",
        stderr(&out)
    );

    let store = db.open();
    let notes = store.notes_of(candidate).unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(
        (notes[0].text.as_str(), notes[0].author.as_str()),
        ("strong on[2J k8s", "ana")
    );
    assert_eq!(notes[0].engagement, Some(engagement));
    let last = store.recent_events(1).unwrap().remove(0);
    assert!(
        matches!(last.kind, hireterm::domain::EventKind::NoteAdded { note, .. } if note == notes[0].id)
    );
    assert!(store.check().unwrap().problems.is_empty());
}

#[test]
fn a_refused_argument_is_quoted_back_without_its_escape_sequences() {
    let db = TempDb::new();
    let hostile = "V1\u{1b}]52;c;aGk=\u{7}\u{202E}\u{9b}31m";
    let out = hireterm()
        .arg("--db")
        .arg(db.path())
        .args(["unmerge", hostile])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "clap's usage exit code");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("invalid value"), "{stderr}");
    assert!(
        !stderr
            .chars()
            .any(|c| (c.is_control() && c != '\n') || c == '\u{202E}'),
        "{stderr:?}"
    );
}
