//! `hireterm import` of notes from another system: a CSV with a row per
//! note (candidate, text, author, time), into a database that holds the
//! candidates. Run as a real process on real databases, each test on
//! sled and on PostgreSQL (`common/engines.rs`).
//!
//! The Greenhouse file (`tests/fixtures/layouts/greenhouse-notes.csv`)
//! follows the notes of a candidate's activity feed as the Harvest API
//! documents them, "GET: Retrieve Activity Feed",
//! https://developers.greenhouse.io/harvest.html#get-retrieve-activity-feed
//! (each note's `created_at`, `body`, `user` and `visibility`), one row
//! per note with the candidate's id, as a report or a connector writes
//! them out: Candidate ID, Created At, User, Body, Visibility. The
//! candidates are those of `greenhouse.csv`, imported first, whose ids
//! the notes name (`--from greenhouse`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{DateTime, Utc};
use common::engines::{EngineDb, hireterm_at, on_each_engine};
use common::*;
use hireterm::domain::{Candidate, EngagementId, EventKind, Note};
use hireterm::store::Store;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/layouts")
        .join(name)
}

/// A database holding Greenhouse's three candidates (José, 王芳, Bob).
fn greenhouse_people(db: &EngineDb) -> [Candidate; 3] {
    let (ok, stdout, stderr) = import_as_importer(db, &fixture("greenhouse.csv"), &[]);
    assert!(ok, "{stdout}{stderr}");
    let store = db.open();
    [
        "jose.garcia@example.es",
        "wang.fang@example.cn",
        "bob.mueller@example.de",
    ]
    .map(|email| store.candidate_by_email(email).unwrap().unwrap())
}

/// How many notes and events the database holds.
fn counts(store: &Store) -> (usize, usize) {
    (store.notes().unwrap().len(), store.events().unwrap().len())
}

fn time(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

/// A candidate's notes as (time, author, text), oldest first.
fn notes_of(store: &Store, candidate: &Candidate) -> Vec<(DateTime<Utc>, String, String)> {
    let notes: Vec<Note> = store.notes_of(candidate.id).unwrap();
    notes
        .into_iter()
        .map(|n| (n.at, n.author, n.text))
        .collect()
}

#[test]
fn a_greenhouse_notes_export_lands_on_each_candidate_with_its_author_and_time() {
    on_each_engine(a_greenhouse_notes_export_lands_on_each_candidate_with_its_author_and_time_on);
}

fn a_greenhouse_notes_export_lands_on_each_candidate_with_its_author_and_time_on(db: &EngineDb) {
    let [jose, wang, bob] = greenhouse_people(db);
    let file = fixture("greenhouse-notes.csv");
    let before = counts(&db.open());
    // Visibility has nowhere to go: the user says to leave it out.
    let (ok, stdout, stderr) = import_as_importer(db, &file, &["--from", "greenhouse"]);
    assert!(!ok, "{stdout}");
    assert!(
        stdout.contains("line 1: column 5 (`Visibility`) is not a note field")
            && stdout.contains("--drop \"Visibility\""),
        "{stdout}"
    );
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    let from = ["--from", "greenhouse", "--drop", "Visibility"];
    let dry_run = [&from[..], &["--dry-run"]].concat();
    let (ok, stdout, stderr) = import_as_importer(db, &file, &dry_run);
    assert!(ok, "{stdout}{stderr}");
    assert!(
        stdout.contains("dry run: 4 of 4 notes would be added, 0 already there"),
        "{stdout}"
    );
    assert_eq!(counts(&db.open()), before, "a dry run writes nothing");

    let (ok, stdout, stderr) = import_as_importer(db, &file, &from);
    assert!(ok, "{stdout}{stderr}");
    assert!(
        stdout.contains("4 notes added, 0 already there (0 skipped as invalid)"),
        "{stdout}"
    );
    let store = db.open();
    let note = |at: &str, author: &str, text: &str| (time(at), author.into(), text.into());
    assert_eq!(
        notes_of(&store, &jose),
        [
            note(
                "2026-03-02T14:30:00.123Z",
                "Ana Silva",
                "Phone screen: strong on Go, wants remote; expects €70k"
            ),
            // No user: who ran the import.
            note(
                "2026-03-05T10:00:00Z",
                "importer",
                "Sent the offer; José accepted ✅"
            ),
        ]
    );
    assert_eq!(
        notes_of(&store, &wang),
        [note(
            "2026-03-03T01:15:00Z",
            "李娜",
            "面试反馈：系统设计很好。\nSecond round booked with the client."
        )]
    );
    assert_eq!(
        notes_of(&store, &bob),
        [note(
            "2026-03-04T00:00:00Z",
            "Jürgen Groß",
            "Müller prefers Berlin; available from April"
        )]
    );
    // Each note's event carries the note's time and author.
    for person in [&jose, &wang, &bob] {
        for held in store.notes_of(person.id).unwrap() {
            let events = store.events_of(person.id, 50).unwrap();
            let event = (events.iter())
                .find(|e| matches!(e.kind, EventKind::NoteAdded { note, .. } if note == held.id))
                .unwrap();
            assert_eq!((event.at, &event.actor), (held.at, &held.author));
        }
    }
    assert!(store.check().unwrap().problems.is_empty());
    let imported = counts(&store);
    assert_eq!(imported, (before.0 + 4, before.1 + 4));
    drop(store);
    let audit = hireterm_at(db, &["audit", "--candidate", &wang.id.to_string()]);
    let (stdout, _) = output_text(&audit);
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("2026-03-03 01:15:00") && l.contains("李娜")),
        "{stdout}"
    );

    // The same file again adds nothing.
    let (ok, stdout, stderr) = import_as_importer(db, &file, &from);
    assert!(ok, "{stdout}{stderr}");
    assert!(
        stdout.contains("0 notes added, 4 already there (0 skipped as invalid)"),
        "{stdout}"
    );
    assert_eq!(counts(&db.open()), imported);

    // With the layout, a number is only ever Greenhouse's id, never ours.
    let unknown = db.write_file(
        "more.csv",
        "Candidate ID,Body,Created At\n1,Hello,2026-03-06\n",
    );
    let (ok, stdout, _) = import_as_importer(db, &unknown, &["--from", "greenhouse"]);
    assert!(!ok);
    assert!(
        stdout.contains("line 2, column 1 (Candidate ID): no candidate has the greenhouse id 1"),
        "{stdout}"
    );
    assert_eq!(counts(&db.open()), imported);
}

#[test]
fn an_unknown_candidate_refuses_the_file_and_skip_invalid_imports_the_rest() {
    on_each_engine(an_unknown_candidate_refuses_the_file_and_skip_invalid_imports_the_rest_on);
}

fn an_unknown_candidate_refuses_the_file_and_skip_invalid_imports_the_rest_on(db: &EngineDb) {
    let [jose, wang, bob] = greenhouse_people(db);
    let store = db.open();
    store
        .erase_candidate(bob.id, "asked to be forgotten", &stamp())
        .unwrap();
    drop(store);
    // Headers as other systems write them; candidates by email and by id.
    let text = format!(
        "Email,Note,Created By,Created At\n\
         jose.garcia@example.es,Good call,rui,2026-03-01\n\
         nobody@example.com,Lost,rui,2026-03-01\n\
         48214,Which one?,rui,2026-03-01\n\
         {},\"Line one\nline two\",rui,2026-03-01T08:00:00Z\n\
         {},Erased,rui,2026-03-01\n\
         {},Too late,rui,2099-01-01\n\
         jose.garcia@example.es,Good call,rui,2026-03-01\n",
        wang.id, bob.id, wang.id
    );
    let file = db.write_file("notes.csv", &text);
    let before = counts(&db.open());
    let (ok, stdout, stderr) = import_as_importer(db, &file, &[]);
    assert!(!ok, "{stdout}");
    for expected in [
        "line 3, column 1 (Email): no candidate has the email nobody@example.com".to_string(),
        "line 4, column 1 (Email): `48214` is an id greenhouse gave a candidate: pass --from \
         greenhouse"
            .to_string(),
        format!("line 7, column 1 (Email): {} was erased", bob.id),
        "line 8, column 4 (Created At): `2099-01-01` is in the future".to_string(),
    ] {
        assert!(
            stdout.contains(&expected),
            "missing {expected:?} in\n{stdout}"
        );
    }
    assert!(stderr.contains("4 of 7 rows have problems"), "{stderr}");
    assert_eq!(counts(&db.open()), before, "nothing was written");

    let (ok, stdout, stderr) = import_as_importer(db, &file, &["--skip-invalid"]);
    assert!(ok, "{stdout}{stderr}");
    assert!(
        stdout.contains("line 9: the same note as line 2"),
        "{stdout}"
    );
    assert!(
        stdout.contains("2 notes added, 1 already there (4 skipped as invalid)"),
        "{stdout}"
    );
    let store = db.open();
    assert_eq!(counts(&store), (before.0 + 2, before.1 + 2));
    let jose_notes = notes_of(&store, &jose);
    assert_eq!(
        jose_notes,
        [(
            time("2026-03-01T00:00:00Z"),
            "rui".into(),
            "Good call".into()
        )]
    );
    assert_eq!(notes_of(&store, &wang)[0].2, "Line one\nline two");
    assert!(store.check().unwrap().problems.is_empty());
}

#[test]
fn notes_about_an_application_need_it_and_the_format_can_be_named() {
    on_each_engine(notes_about_an_application_need_it_and_the_format_can_be_named_on);
}

fn notes_about_an_application_need_it_and_the_format_can_be_named_on(db: &EngineDb) {
    let store = demo_store(db, 20, 2);
    let e1 = EngagementId(1);
    let title = store.engagement(e1).unwrap().unwrap().title;
    let inside = store.pipeline(e1).unwrap()[0].candidate;
    let outside = (store.candidates().unwrap().into_iter())
        .find(|c| store.application(e1, c.id).unwrap().is_none())
        .unwrap()
        .id;
    drop(store);
    let text = format!(
        "person,comment,by,timestamp,job\n\
         {inside},Client wants a second call,ana,2026-05-01T10:00:00+01:00,\"{title}\"\n\
         {inside},General note,ana,2026-05-02,\n\
         {outside},Not on that board,ana,2026-05-02,E1\n"
    );
    let file = db.write_file("old-ats-notes.txt", &text);
    let (ok, _, stderr) = import_as_importer(db, &file, &[]);
    assert!(!ok);
    assert!(stderr.contains("cannot tell the format"), "{stderr}");
    let (ok, stdout, _) = import_as_importer(db, &file, &["--format", "notes"]);
    assert!(!ok);
    assert!(
        stdout.contains(&format!(
            "line 4: {outside} is not in the pipeline of E1, so no note can be about that application"
        )),
        "{stdout}"
    );
    let (ok, stdout, stderr) =
        import_as_importer(db, &file, &["--format", "notes", "--skip-invalid"]);
    assert!(ok, "{stdout}{stderr}");
    assert!(stdout.contains("2 notes added"), "{stdout}");
    let store = db.open();
    let notes = store.notes_of(inside).unwrap();
    let about: Vec<_> = (notes.iter().rev().take(2))
        .map(|n| (n.engagement, n.text.as_str(), n.at))
        .collect();
    assert_eq!(
        about,
        [
            (None, "General note", time("2026-05-02T00:00:00Z")),
            (
                Some(e1),
                "Client wants a second call",
                time("2026-05-01T09:00:00Z")
            ),
        ]
    );
    assert!(store.check().unwrap().problems.is_empty());
}
