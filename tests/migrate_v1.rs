//! A database written by schema v1 opens with the current code, every record
//! found and rewritten at the current version.
//!
//! The fixture in tests/fixtures/schema-v1 was written by
//! `cargo test --test migrate_v1 -- --ignored write_v1_fixture`, which uses
//! the v1 record layouts kept in `store::migrate` and raw sled, as hireterm
//! with schema v1 did.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::domain::*;
use hireterm::store::SCHEMA_VERSION;
use hireterm::store::codec::{self, RecordKind};
use hireterm::store::migrate::CandidateV1;
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1")
}

#[test]
fn a_schema_v1_database_opens_migrated_with_every_record() {
    let db = TempDb::new();
    copy_folder(&fixture(), &db.path());
    let store = db.open();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);

    let candidates = store.candidates().unwrap();
    let names: Vec<&str> = candidates.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["José García", "Ngozi Okafor", "Søren Ødegaard"]);
    assert_eq!(candidates[0].rate, Some(RateRange::usd(85, 85)));
    assert_eq!(candidates[1].rate, None);
    assert!(candidates.iter().all(|c| c.links.is_empty()));
    assert_eq!(
        store
            .candidate_by_email("ngozi@example.ng")
            .unwrap()
            .unwrap()
            .id,
        CandidateId(2)
    );

    let engagements = store.engagements().unwrap();
    assert_eq!(engagements.len(), 1);
    assert_eq!(engagements[0].title, "2 DevOps developers for Northwind");
    let pipeline = store.pipeline(EngagementId(1)).unwrap();
    let stages: Vec<Stage> = pipeline.iter().map(|a| a.stage).collect();
    assert_eq!(stages, [Stage::TechnicalInterview, Stage::Rejected]);
    assert_eq!(store.events().unwrap().len(), 3 + 1 + 5);
    assert!(store.check().unwrap().problems.is_empty());
    drop(store);

    // Every record was rewritten at the current version.
    let raw = open_raw(&db);
    for (tree, kind) in [
        ("candidates", RecordKind::Candidate),
        ("engagements", RecordKind::Engagement),
        ("applications", RecordKind::Application),
        ("events", RecordKind::Event),
    ] {
        for entry in raw.open_tree(tree).unwrap().iter() {
            let (_, bytes) = entry.unwrap();
            assert_eq!(
                codec::open(kind, &bytes).unwrap().version,
                SCHEMA_VERSION,
                "{tree}"
            );
        }
    }
}

fn sealed_v1<T: serde::Serialize>(kind: RecordKind, value: &T) -> Vec<u8> {
    codec::seal(kind, 1, &codec::encode_payload(value).unwrap())
}

fn v1_candidate(id: u64, name: &str, email: &str, rate: Option<u32>) -> CandidateV1 {
    let current = candidate(name, email);
    CandidateV1 {
        id: CandidateId(id),
        name: current.name,
        email: current.email,
        phone: current.phone,
        location: current.location,
        roles: current.roles,
        skills: current.skills,
        rate_usd: rate,
        available_from: current.available_from,
        source: current.source,
        tags: current.tags,
        created_at: now(),
    }
}

/// Writes the fixture. Kept for the record of how it was made; rerunning it
/// overwrites the committed files.
#[test]
#[ignore]
fn write_v1_fixture() {
    let path = fixture();
    let _ = std::fs::remove_dir_all(&path);
    let db = sled::open(&path).unwrap();
    let tree = |name: &str| db.open_tree(name).unwrap();
    let people = [
        v1_candidate(1, "José García", "jose@example.com", Some(85)),
        v1_candidate(2, "Ngozi Okafor", "ngozi@example.ng", None),
        v1_candidate(3, "Søren Ødegaard", "soren@example.dk", Some(120)),
    ];
    let mut events = Vec::new();
    for person in &people {
        tree("candidates")
            .insert(person.id.to_key(), sealed_v1(RecordKind::Candidate, person))
            .unwrap();
        tree("emails")
            .insert(person.email.as_bytes(), &person.id.to_key())
            .unwrap();
        events.push((
            stamp(),
            EventKind::CandidateAdded {
                candidate: person.id,
            },
        ));
    }
    let mut job = engagement("2 DevOps developers for Northwind");
    job.id = EngagementId(1);
    tree("engagements")
        .insert(job.id.to_key(), sealed_v1(RecordKind::Engagement, &job))
        .unwrap();
    events.push((stamp(), EventKind::EngagementAdded { engagement: job.id }));

    let day = |d: i64| Stamp::new(now() + chrono::TimeDelta::days(d), "ana.recruiter");
    let moves: [(u64, &[Stage]); 2] = [
        (1, &[Stage::Sourced, Stage::TechnicalInterview]),
        (2, &[Stage::Sourced, Stage::Screening, Stage::Rejected]),
    ];
    for (candidate, stages) in moves {
        let s0 = day(0);
        let mut app = Application::new(job.id, CandidateId(candidate), stages[0], s0.at, &s0.actor);
        for (i, stage) in stages.iter().enumerate().skip(1) {
            let s = day(i as i64);
            app.move_to(*stage, s.at, &s.actor, None).unwrap();
        }
        for change in &app.history {
            let kind = EventKind::for_change(app.engagement, app.candidate, change);
            events.push((Stamp::new(change.at, change.actor.clone()), kind));
        }
        let key = hireterm::store::application_key(app.engagement, app.candidate);
        tree("applications")
            .insert(key, sealed_v1(RecordKind::Application, &app))
            .unwrap();
    }
    for (index, (stamp, kind)) in events.into_iter().enumerate() {
        let event = Event {
            id: EventId(index as u64 + 1),
            at: stamp.at,
            actor: stamp.actor,
            kind,
        };
        tree("events")
            .insert(event.id.to_key(), sealed_v1(RecordKind::Event, &event))
            .unwrap();
    }
    let meta = tree("meta");
    meta.insert("schema", &1u16.to_be_bytes()).unwrap();
    meta.insert("seq:candidate", &4u64.to_be_bytes()).unwrap();
    meta.insert("seq:engagement", &2u64.to_be_bytes()).unwrap();
    meta.insert("seq:event", &10u64.to_be_bytes()).unwrap();
    db.flush().unwrap();
}
