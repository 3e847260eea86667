//! `hireterm import` of applications from another system: a CSV of
//! engagement, candidate, stage and date, into a database that holds the
//! engagements and candidates. Run as a real process on real databases,
//! each test on sled and on PostgreSQL (`common/engines.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{TimeZone, Utc};
use common::engines::{EngineDb, on_each_engine};
use common::*;
use hireterm::domain::{Candidate, EngagementId, EventKind, Stage, StageChange};
use hireterm::store::Store;
use std::path::Path;

const E1: EngagementId = EngagementId(1);

/// A demo database, and candidates who are not in E1's pipeline.
fn demo_with_outsiders(db: &EngineDb) -> (Vec<Candidate>, String) {
    let store = demo_store(db, 30, 3);
    let outside: Vec<Candidate> = store
        .candidates()
        .unwrap()
        .into_iter()
        .filter(|c| store.application(E1, c.id).unwrap().is_none())
        .collect();
    assert!(outside.len() >= 4, "{} outside E1", outside.len());
    let title = store.engagement(E1).unwrap().unwrap().title;
    (outside, title)
}

/// How many applications and events the database holds.
fn counts(store: &Store) -> (usize, usize) {
    (
        store.applications().unwrap().len(),
        store.events().unwrap().len(),
    )
}

#[test]
fn applications_enter_their_stage_on_their_date_by_their_actor() {
    on_each_engine(applications_enter_their_stage_on_their_date_by_their_actor_on);
}

fn applications_enter_their_stage_on_their_date_by_their_actor_on(db: &EngineDb) {
    let (outside, title) = demo_with_outsiders(db);
    let (a, b, c) = (&outside[0], &outside[1], &outside[2]);
    // Headers in other cases, engagements by id and by title, candidates
    // by email and by id, stages by name, shortcut and any case.
    let text = format!(
        "Engagement,Candidate,Stage,Date,Actor\n\
         E1,{},technical,2026-05-20,Rui\n\
         \"{title}\",C{},Client interview,2026-05-28T14:30:00+02:00,\n\
         1,{},SCREENING,2026-05-01,Ana\n",
        a.email.to_uppercase(),
        b.id.0,
        c.email
    );
    let file = db.write_file("pipeline.csv", &text);
    let before = counts(&db.open());
    let (ok, stdout, _) = import_as_importer(db, &file, &["--dry-run"]);
    assert!(ok, "{stdout}");
    assert!(
        stdout.contains("dry run: would import 3 applications from 3 rows"),
        "{stdout}"
    );
    assert_eq!(counts(&db.open()), before, "a dry run writes nothing");

    let (ok, stdout, stderr) = import_as_importer(db, &file, &[]);
    assert!(ok, "{stdout}{stderr}");
    assert!(stdout.contains("imported 3 applications"), "{stdout}");
    let store = db.open();
    let at = |y, m, d, h, min| Utc.with_ymd_and_hms(y, m, d, h, min, 0).single().unwrap();
    for (candidate, stage, when, actor) in [
        (a, Stage::TechnicalInterview, at(2026, 5, 20, 0, 0), "Rui"),
        (
            b,
            Stage::ClientInterview,
            at(2026, 5, 28, 12, 30),
            "importer",
        ),
        (c, Stage::Screening, at(2026, 5, 1, 0, 0), "Ana"),
    ] {
        let app = store.application(E1, candidate.id).unwrap().unwrap();
        assert_eq!(app.stage, stage);
        assert_eq!(
            app.history,
            [StageChange {
                from: None,
                to: stage,
                at: when,
                actor: actor.into(),
                reason: None,
            }],
            "{}",
            candidate.id
        );
        assert!(app.scorecards.is_empty());
        // Its event carries the row's time and actor, not the import's.
        let events = store.events_of(candidate.id, 20).unwrap();
        let opened = events
            .iter()
            .find(|e| matches!(e.kind, EventKind::ApplicationOpened { engagement: E1, .. }))
            .unwrap();
        assert_eq!((opened.at, opened.actor.as_str()), (when, actor));
    }
    assert_eq!(counts(&store).0, before.0 + 3);
    assert!(store.check().unwrap().problems.is_empty());
}

#[test]
fn the_format_can_be_named_and_is_told_by_the_header_alone() {
    on_each_engine(the_format_can_be_named_and_is_told_by_the_header_alone_on);
}

fn the_format_can_be_named_and_is_told_by_the_header_alone_on(db: &EngineDb) {
    let (outside, _) = demo_with_outsiders(db);
    let text = format!(
        "candidate,engagement,date,stage\n{},E1,2026-05-02,offer\n",
        outside[0].email
    );
    let file = db.write_file("from-the-old-ats.txt", &text);
    let (ok, _, stderr) = import_as_importer(db, &file, &[]);
    assert!(!ok);
    assert!(stderr.contains("cannot tell the format"), "{stderr}");
    let (ok, stdout, stderr) = import_as_importer(db, &file, &["--format", "applications"]);
    assert!(ok, "{stdout}{stderr}");
    assert!(stdout.contains("imported 1 applications"), "{stdout}");
    let app = db.open().application(E1, outside[0].id).unwrap().unwrap();
    assert_eq!(app.stage, Stage::Offer);
}

#[test]
fn unknown_candidates_bad_stages_and_duplicates_refuse_the_whole_file() {
    on_each_engine(unknown_candidates_bad_stages_and_duplicates_refuse_the_whole_file_on);
}

fn unknown_candidates_bad_stages_and_duplicates_refuse_the_whole_file_on(db: &EngineDb) {
    let (outside, _) = demo_with_outsiders(db);
    let store = db.open();
    let inside = store.pipeline(E1).unwrap()[0].clone();
    drop(store);
    let (a, b, c, d) = (&outside[0], &outside[1], &outside[2], &outside[3]);
    // d's two rows are one history, with a move back that hireterm refuses.
    let text = format!(
        "engagement,candidate,stage,date\n\
         E1,{},screening,2026-05-01\n\
         E1,nobody@example.com,screening,2026-05-01\n\
         E1,{},Nowhere,2026-05-01\n\
         E1,C{},offer,2026-05-01\n\
         E1,C{},offer,2026-04-20\n\
         E1,{},interview,2026-05-01\n\
         E9,{},sourced,2026-13-01\n\
         E1,{},screening,2026-05-01\n",
        a.email, b.email, inside.candidate.0, d.id.0, c.email, c.email, d.email
    );
    let file = db.write_file("pipeline.csv", &text);
    let before = counts(&db.open());
    let (ok, stdout, stderr) = import_as_importer(db, &file, &[]);
    assert!(!ok, "{stdout}");
    for expected in [
        "line 3, column 2 (candidate): no candidate has the email nobody@example.com".to_string(),
        "line 4, column 3 (stage): `Nowhere` is not a stage".to_string(),
        format!(
            "line 5: {} is already in the pipeline of E1, at {}",
            inside.candidate, inside.stage
        ),
        format!(
            "line 9: {} in E1 moves from Offer to Screening on 2026-05-01, which hireterm \
             does not allow",
            d.id
        ),
        "line 7, column 3 (stage): `interview` could be Technical interview or Client interview"
            .to_string(),
        "line 8, column 1 (engagement): no engagement E9".to_string(),
        "line 8, column 4 (date): `2026-13-01` is not a date".to_string(),
    ] {
        assert!(
            stdout.contains(&expected),
            "missing {expected:?} in\n{stdout}"
        );
    }
    assert!(!stdout.lines().any(|l| l.starts_with("line 2")), "{stdout}");
    assert!(stderr.contains("7 of 8 rows have problems"), "{stderr}");
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    assert_eq!(counts(&db.open()), before, "nothing was written");

    let (ok, stdout, stderr) = import_as_importer(db, &file, &["--skip-invalid"]);
    assert!(ok, "{stdout}{stderr}");
    assert!(
        stdout.contains("imported 1 applications from 1 rows (7 skipped as invalid)"),
        "{stdout}"
    );
    let store = db.open();
    assert_eq!(counts(&store).0, before.0 + 1);
    assert_eq!(
        store.application(E1, a.id).unwrap().unwrap().stage,
        Stage::Screening
    );
    assert!(store.check().unwrap().problems.is_empty());
}

#[test]
fn a_header_that_cannot_be_used_reads_no_row() {
    on_each_engine(a_header_that_cannot_be_used_reads_no_row_on);
}

fn a_header_that_cannot_be_used_reads_no_row_on(db: &EngineDb) {
    demo_with_outsiders(db);
    let file = db.write_file(
        "pipeline.csv",
        "engagement,candidate,stage,salary\nE1,C1,screening,90\n",
    );
    let before = counts(&db.open());
    let (ok, stdout, stderr) = import_as_importer(db, &file, &["--skip-invalid"]);
    assert!(!ok);
    assert!(
        stdout.contains("column 4 (`salary`) is not an application field")
            && stdout.contains("the required column `date` is missing"),
        "{stdout}"
    );
    assert!(stderr.contains("no row was read"), "{stderr}");
    assert_eq!(counts(&db.open()), before);
}

/// Stages as other systems name them: the common names (`Phone Screen`,
/// `Onsite Interview`), and with `--from` that system's own table
/// (`assets/layouts/*.toml`, `[values.stage]`); a name none of them knows
/// is still refused with ours.
#[test]
fn other_systems_stage_names_are_read_through_the_layouts_tables() {
    on_each_engine(other_systems_stage_names_are_read_through_the_layouts_tables_on);
}

fn other_systems_stage_names_are_read_through_the_layouts_tables_on(db: &EngineDb) {
    let (outside, _) = demo_with_outsiders(db);
    let text = format!(
        "engagement,candidate,stage,date\n\
         E1,{},Phone Screen,2026-05-20\n\
         E1,{},Onsite Interview,2026-05-21\n",
        outside[0].email, outside[1].email
    );
    let file = db.write_file("pipeline.csv", &text);
    let (ok, stdout, stderr) = import_as_importer(db, &file, &[]);
    assert!(ok, "{stdout}{stderr}");
    let store = db.open();
    let stage = |c: &Candidate| store.application(E1, c.id).unwrap().unwrap().stage;
    assert_eq!(stage(&outside[0]), Stage::Screening);
    assert_eq!(stage(&outside[1]), Stage::ClientInterview);
    drop(store);
    // A stage of Greenhouse's own.
    let text = format!(
        "engagement,candidate,stage,date\nE1,{},Preliminary Phone Screen,2026-05-22\n",
        outside[2].email
    );
    let file = db.write_file("greenhouse-stages.csv", &text);
    let (ok, stdout, _) = import_as_importer(db, &file, &[]);
    assert!(!ok);
    assert!(
        stdout.contains("`Preliminary Phone Screen` is not a stage"),
        "{stdout}"
    );
    let (ok, stdout, stderr) = import_as_importer(db, &file, &["--from", "greenhouse"]);
    assert!(ok, "{stdout}{stderr}");
    let app = db.open().application(E1, outside[2].id).unwrap().unwrap();
    assert_eq!(app.stage, Stage::Screening);
}

/// Another system's applications name candidates by that system's ids:
/// with `--from`, those a first import kept (`greenhouse:48213`) find them.
#[test]
fn with_a_layout_candidates_are_found_by_the_other_systems_ids() {
    on_each_engine(with_a_layout_candidates_are_found_by_the_other_systems_ids_on);
}

fn with_a_layout_candidates_are_found_by_the_other_systems_ids_on(db: &EngineDb) {
    drop(demo_with_outsiders(db));
    let people =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/layouts/greenhouse.csv");
    let (ok, stdout, stderr) = import_as_importer(db, &people, &[]);
    assert!(ok, "{stdout}{stderr}");
    let file = db.write_file(
        "greenhouse-applications.csv",
        "Job,Candidate ID,Stage,Stage Date\n\
         E1,48213,Application Review,2026-05-20\n\
         E1,48214,Face to Face,2026-05-21\n",
    );
    let (ok, stdout, _) = import_as_importer(db, &file, &["--format", "applications"]);
    // Without the layout a bare number could be ours (C48213): one that
    // Greenhouse gave a stored person is refused, naming the way out,
    // rather than put on whoever C48213 may be.
    assert!(!ok, "{stdout}");
    assert!(
        stdout.contains(
            "`48213` is an id greenhouse gave a candidate: pass --from greenhouse to find \
             people by those ids, or write ours as C48213"
        ),
        "{stdout}"
    );
    let (ok, stdout, stderr) = import_as_importer(
        db,
        &file,
        &["--format", "applications", "--from", "greenhouse"],
    );
    assert!(ok, "{stdout}{stderr}");
    assert!(stdout.contains("imported 2 applications"), "{stdout}");
    let store = db.open();
    let jose = store
        .candidate_by_email("jose.garcia@example.es")
        .unwrap()
        .unwrap();
    let app = store.application(E1, jose.id).unwrap().unwrap();
    assert_eq!(app.stage, Stage::Screening);
    let wang = store
        .candidate_by_email("wang.fang@example.cn")
        .unwrap()
        .unwrap();
    assert_eq!(
        store.application(E1, wang.id).unwrap().unwrap().stage,
        Stage::ClientInterview
    );
}
