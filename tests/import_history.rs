//! `hireterm import` of another system's stage history: a row per stage a
//! candidate went through, folded into one application per candidate and
//! job with that history, and the jobs created as engagements where none
//! has their title (`--create-engagements`). Real processes, real
//! databases, each test on sled and on PostgreSQL (`common/engines.rs`).
//!
//! The file follows the columns of Greenhouse's application stage
//! history as its reports export it (job name, candidate, stage name,
//! the time the stage was entered, who moved them: Greenhouse Help,
//! "Pipeline report" / "Application stage history"), with Greenhouse's
//! own stage names, read through `--from greenhouse`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{TimeZone, Utc};
use common::engines::{EngineDb, on_each_engine};
use common::*;
use hireterm::domain::{Candidate, EventKind, Stage};
use hireterm::store::Store;
use std::path::PathBuf;

/// A demo database and three of its candidates.
fn three(db: &EngineDb) -> Vec<Candidate> {
    let store = demo_store(db, 12, 5);
    store.candidates().unwrap().into_iter().take(3).collect()
}

fn history_file(db: &EngineDb, people: &[Candidate]) -> PathBuf {
    let (a, b) = (&people[0].email, &people[1].email);
    let text = format!(
        "Job,Client,Candidate Email,Stage,Entered Stage,Moved By\n\
         Senior Backend Architect,Acme Logistics,{a},Application Review,2026-04-01,Rui\n\
         Senior Backend Architect,Acme Logistics,{a},Face to Face,2026-04-10,Ana\n\
         Senior Backend Architect,,{a},Preliminary Phone Screen,2026-04-03T09:30:00Z,Rui\n\
         Senior Backend Architect,,{b},Application Review,2026-04-02,\n\
         Platform Engineer – Zürich,,{b},Application Review,2026-04-05,Rui\n"
    );
    db.write_file("stage-history.csv", &text)
}

fn engagement_titled(store: &Store, title: &str) -> hireterm::domain::Engagement {
    let all = store.engagements().unwrap();
    let found: Vec<_> = all.into_iter().filter(|e| e.title == title).collect();
    assert_eq!(found.len(), 1, "{title}");
    found.into_iter().next().unwrap()
}

#[test]
fn a_stage_history_becomes_one_application_per_candidate_and_job() {
    on_each_engine(a_stage_history_becomes_one_application_per_candidate_and_job_on);
}

fn a_stage_history_becomes_one_application_per_candidate_and_job_on(db: &EngineDb) {
    let people = three(db);
    let file = history_file(db, &people);
    let before = db.open().engagements().unwrap().len();
    let (ok, stdout, _) = import_as_importer(db, &file, &["--from", "greenhouse"]);
    assert!(!ok, "unknown jobs are problems without the flag");
    assert!(
        stdout.contains(
            "no engagement is titled `Senior Backend Architect` (--create-engagements creates it)"
        ),
        "{stdout}"
    );
    let args = ["--from", "greenhouse", "--create-engagements"];
    let (ok, stdout, stderr) = import_as_importer(db, &file, &[&args[..], &["--dry-run"]].concat());
    assert!(ok, "{stdout}{stderr}");
    for expected in [
        "creates engagement `Senior Backend Architect` for client Acme Logistics \
         (role type Software Architect, opened 2026-04-01, no required skills yet)",
        "creates engagement `Platform Engineer – Zürich` for client Imported \
         (role type DevOps Developer, opened 2026-04-05, no required skills yet)",
        "dry run: would import 3 applications from 5 rows (0 skipped as invalid)",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in\n{stdout}"
        );
    }
    assert_eq!(db.open().engagements().unwrap().len(), before, "dry run");

    let (ok, stdout, stderr) = import_as_importer(db, &file, &args);
    assert!(ok, "{stdout}{stderr}");
    assert!(
        stdout.contains(
            "imported 3 applications from 5 rows (0 skipped as invalid), \
             and created 2 engagements and 2 clients"
        ),
        "{stdout}"
    );
    let store = db.open();
    let architect = engagement_titled(&store, "Senior Backend Architect");
    let client = store.client(architect.client).unwrap().unwrap();
    assert_eq!(client.name, "Acme Logistics");
    assert_eq!(architect.owner, "importer");
    let app = store
        .application(architect.id, people[0].id)
        .unwrap()
        .unwrap();
    let moves: Vec<(Option<Stage>, Stage, String, &str)> = (app.history.iter())
        .map(|c| (c.from, c.to, c.at.to_rfc3339(), c.actor.as_str()))
        .collect();
    // Application Review and Preliminary Phone Screen are both Screening
    // here: the second adds nothing; rows are taken by time, not by line.
    assert_eq!(
        moves,
        [
            (
                None,
                Stage::Screening,
                "2026-04-01T00:00:00+00:00".into(),
                "Rui"
            ),
            (
                Some(Stage::Screening),
                Stage::ClientInterview,
                "2026-04-10T00:00:00+00:00".into(),
                "Ana"
            ),
        ]
    );
    assert_eq!(app.stage, Stage::ClientInterview);
    // Each move's event carries its own time and actor.
    let events = store.events_of(people[0].id, 50).unwrap();
    let moved = events
        .iter()
        .find(|e| matches!(e.kind, EventKind::StageChanged { engagement, .. } if engagement == architect.id))
        .expect("the move's event");
    let tenth = Utc.with_ymd_and_hms(2026, 4, 10, 0, 0, 0).unwrap();
    assert_eq!((moved.at, moved.actor.as_str()), (tenth, "Ana"));
    // An empty Moved By is who imports; the other job is b's too.
    let b_app = store
        .application(architect.id, people[1].id)
        .unwrap()
        .unwrap();
    assert_eq!(b_app.history[0].actor, "importer");
    let platform = engagement_titled(&store, "Platform Engineer – Zürich");
    assert!(
        store
            .application(platform.id, people[1].id)
            .unwrap()
            .is_some()
    );
    assert!(store.check().unwrap().problems.is_empty());
}

#[test]
fn a_second_import_of_the_same_history_writes_nothing() {
    on_each_engine(a_second_import_of_the_same_history_writes_nothing_on);
}

fn a_second_import_of_the_same_history_writes_nothing_on(db: &EngineDb) {
    let people = three(db);
    let file = history_file(db, &people);
    let args = ["--from", "greenhouse", "--create-engagements"];
    let (ok, stdout, stderr) = import_as_importer(db, &file, &args);
    assert!(ok, "{stdout}{stderr}");
    let (engagements, events) = {
        let store = db.open();
        (
            store.engagements().unwrap().len(),
            store.events().unwrap().len(),
        )
    };
    // The jobs exist now, by title: nothing is created again, and every
    // candidate is already in those pipelines.
    let (ok, stdout, _) = import_as_importer(db, &file, &args);
    assert!(!ok);
    assert!(
        stdout.contains("is already in the pipeline of E"),
        "{stdout}"
    );
    assert!(!stdout.contains("creates engagement"), "{stdout}");
    let store = db.open();
    assert_eq!(store.engagements().unwrap().len(), engagements);
    assert_eq!(store.events().unwrap().len(), events);
}

#[test]
fn a_history_with_a_refused_move_is_left_out_whole() {
    on_each_engine(a_history_with_a_refused_move_is_left_out_whole_on);
}

fn a_history_with_a_refused_move_is_left_out_whole_on(db: &EngineDb) {
    let people = three(db);
    let (a, c) = (&people[0].email, &people[2].email);
    let text = format!(
        "job,candidate,stage,date\n\
         Data Platform Lead,{a},offer,2026-04-01\n\
         Data Platform Lead,{a},sourced,2026-04-03\n\
         Data Platform Lead,{c},screening,2026-04-03\n"
    );
    let file = db.write_file("history.csv", &text);
    let args = ["--create-engagements", "--skip-invalid"];
    let (ok, stdout, stderr) = import_as_importer(db, &file, &args);
    assert!(ok, "{stdout}{stderr}");
    assert!(
        stdout.contains("moves from Offer to Sourced on 2026-04-03"),
        "{stdout}"
    );
    assert!(
        stdout.contains("imported 1 applications from 1 rows (2 skipped as invalid)"),
        "{stdout}"
    );
    let store = db.open();
    let lead = engagement_titled(&store, "Data Platform Lead");
    assert!(store.application(lead.id, people[0].id).unwrap().is_none());
    assert!(store.application(lead.id, people[2].id).unwrap().is_some());
}
