//! Another instance's writes on PostgreSQL reach this instance's
//! records by reading only what they touched (`app/records/catch_up.rs`):
//! after each kind of write the snapshot is what a full read would give,
//! while the parts no event touched are the very same (not read again);
//! a log replaced under it (`restore --force`) is read whole. Skipped
//! without a test server, except under CI.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::engines::EngineDb;
use common::{TempDb, candidate, demo_store, stamp};
use hireterm::app::records::Records;
use hireterm::app::records::data::Data;
use hireterm::catalog::Catalog;
use hireterm::domain::{Client, ClientId, Stage};
use hireterm::store::Store;
use hireterm::store::copy::{OnRecords, folder_into_postgres};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The parts in which `data` is not what a full read of `store` gives.
fn differences(data: &Data, store: &Store) -> Vec<&'static str> {
    let full = Data::load(store).unwrap();
    let parts = [
        ("candidates", data.candidates() == full.candidates()),
        ("engagements", data.engagements() == full.engagements()),
        ("name order", *data.by_name() == *full.by_name()),
        (
            "pipelines",
            (full.engagements().iter()).all(|e| data.pipeline(e.id) == full.pipeline(e.id)),
        ),
        (
            "notes",
            (full.candidates().iter()).all(|c| data.notes_of(c.id) == full.notes_of(c.id)),
        ),
        (
            "clients",
            data.agency().clients() == full.agency().clients(),
        ),
        (
            "submittals",
            data.agency().submittals() == full.agency().submittals(),
        ),
        (
            "placements",
            data.agency().placements() == full.agency().placements(),
        ),
    ];
    parts
        .into_iter()
        .filter(|(_, same)| !same)
        .map(|(part, _)| part)
        .collect()
}

/// Waits (up to 10 s) for the reader's snapshot to be the store's; the
/// snapshot then.
fn caught_up(reader: &Records, store: &Store, after: &str) -> Arc<Data> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (_, data) = reader.snapshot();
        let differ = differences(&data, store);
        if differ.is_empty() {
            return data;
        }
        assert!(
            Instant::now() < deadline,
            "after {after}, these differ: {differ:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn each_write_is_read_narrowly_and_a_replaced_log_whole() {
    let Some(pg) = common::postgres::PgDb::new() else {
        return;
    };
    let address = pg.address.clone();
    let engine = EngineDb::Postgres(pg);
    let writer = demo_store(&engine, 60, 3);
    let reader = Records::load(Arc::new(engine.open()), Catalog::builtin()).unwrap();
    // No wait for the listener's connection (made on its own thread):
    // a write committed before it listens is caught up when it starts.
    let (_, before) = reader.snapshot();

    let someone = writer.candidates().unwrap()[5].id;
    writer
        .add_note(someone, None, "heard elsewhere", &stamp())
        .unwrap();
    let noted = caught_up(&reader, &writer, "a note");
    let changed = noted.changed_since(&before);
    assert!(changed.notes, "{changed:?}");
    assert!(
        !changed.engagements && !changed.pipelines && !changed.agency,
        "{changed:?}"
    );

    let card = writer.applications().unwrap()[0].clone();
    let to = match card.stage {
        Stage::Sourced => Stage::Screening,
        _ => Stage::Rejected,
    };
    let reason = Some("moved elsewhere".to_string());
    writer
        .move_stage(card.engagement, card.candidate, to, reason, &stamp())
        .unwrap();
    let moved = caught_up(&reader, &writer, "a move");
    let changed = moved.changed_since(&noted);
    assert!(
        changed.pipelines && !changed.engagements && !changed.agency,
        "{changed:?}"
    );

    let client = Client {
        id: ClientId(0),
        name: "Heard Elsewhere Ltd".into(),
        contacts: Vec::new(),
        notes: String::new(),
        created_at: stamp().at,
    };
    writer.add_client(client, &stamp()).unwrap();
    writer
        .add_candidate(candidate("Zed Elsewhere", "zed@example.com"), &stamp())
        .unwrap();
    writer
        .erase_candidate(card.candidate, "request R-3", &stamp())
        .unwrap();
    caught_up(&reader, &writer, "a client, a candidate and an erasure");

    // A log replaced by a restore: a longer one, so that the last event
    // the reader took in is there, but another.
    let other = TempDb::new();
    drop(demo_store(&other, 120, 4));
    folder_into_postgres(&other.path(), &address, OnRecords::SetAside).unwrap();
    caught_up(&reader, &writer, "a restore");
}
