//! The streamed demo: the same records and events as the demo made in
//! memory, `check` clean, and all or nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::stream::{Sizes, write_streamed_in};
use super::*;
use crate::domain::Event;
use crate::interchange::export::export_json;
use crate::store::{Store, StoreError};
use sha2::{Digest, Sha256};

fn options(candidates: usize, engagements: usize, seed: u64) -> DemoOptions {
    DemoOptions {
        candidates,
        engagements,
        seed,
        ..DemoOptions::default()
    }
}

fn stamp() -> Stamp {
    Stamp::new(DemoOptions::default().now, "demo")
}

/// Small chunks and a small roster, so that a test of a few thousand
/// candidates writes several chunks and lets go of candidates.
const SMALL: Sizes = Sizes {
    chunk: 700,
    keep: 400,
};

fn new_store(dir: &tempfile::TempDir, name: &str) -> Store {
    Store::open(dir.path().join(name)).unwrap()
}

/// Every record with its id, and the event log.
fn contents(store: &Store) -> (String, Vec<Event>) {
    let mut out = Vec::new();
    export_json(store, &mut out).unwrap();
    (String::from_utf8(out).unwrap(), store.events().unwrap())
}

fn assert_clean(store: &Store) {
    let problems = store.check().unwrap().problems;
    assert_eq!(problems, Vec::<String>::new());
}

#[test]
fn streamed_and_in_memory_demos_store_the_same_records_and_events() {
    let dir = tempfile::tempdir().unwrap();
    // Past the 3,000 a pipeline looks at: the sampled path.
    let options = options(3500, 8, 11);
    let in_memory = new_store(&dir, "memory");
    write(&in_memory, generate(&options, Catalog::builtin()), &stamp()).unwrap();
    let streamed = new_store(&dir, "streamed");
    let written = write_streamed_in(&streamed, &options, Catalog::builtin(), &stamp(), SMALL);
    assert_eq!(written.unwrap().candidates, 3500);
    assert_eq!(contents(&streamed), contents(&in_memory));
    assert_clean(&streamed);
    assert_eq!(streamed.stats().unwrap(), in_memory.stats().unwrap());
}

#[test]
fn a_streamed_demo_after_other_records_remaps_its_ids_and_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let store = new_store(&dir, "db");
    let early = generate(&options(5, 1, 3), Catalog::builtin());
    let mut candidate = early.candidates[0].clone();
    candidate.email = "earlier@example.com".into();
    store.add_candidate(candidate, &stamp()).unwrap();
    let mut client = early.clients[0].clone();
    client.name = "Earlier Client".into();
    store.add_client(client, &stamp()).unwrap();
    let options = options(1500, 4, 5);
    let written = write_streamed_in(&store, &options, Catalog::builtin(), &stamp(), SMALL);
    assert_eq!(written.unwrap().candidates, 1500);
    assert_eq!(store.candidate_count(), 1501);
    let last = store.candidate(CandidateId(1501)).unwrap().unwrap();
    let made = generate(&options, Catalog::builtin());
    assert_eq!(last.email, made.candidates[1499].email);
    let found = store.candidate_by_email(&made.candidates[1499].email);
    assert_eq!(found.unwrap().unwrap().id, CandidateId(1501));
    assert_clean(&store);
}

#[test]
fn a_streamed_demo_refused_half_way_leaves_the_database_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let store = new_store(&dir, "db");
    let options = options(2000, 3, 9);
    let made = generate(&options, Catalog::builtin());
    // Someone already has the address of the 1,500th person: the load
    // fails in its third chunk, after two were written.
    let mut taken = made.candidates[0].clone();
    taken.email = made.candidates[1499].email.clone();
    let holder = store.add_candidate(taken, &stamp()).unwrap();
    let before = contents(&store);
    let refused = write_streamed_in(&store, &options, Catalog::builtin(), &stamp(), SMALL);
    match refused {
        Err(StoreError::AtRecord { index, source }) => {
            assert_eq!(index, 1499);
            assert!(
                matches!(*source, StoreError::DuplicateEmail { existing, .. }
                if existing == holder.id)
            );
        }
        other => panic!("expected a duplicate email at 1499, got {other:?}"),
    }
    assert_eq!(contents(&store), before);
    assert_eq!(store.candidate_count(), 1);
    assert_clean(&store);
    // Nothing is left half-open: the next load starts afresh.
    let mut again = options.clone();
    again.candidates = 10;
    write_streamed_in(&store, &again, Catalog::builtin(), &stamp(), SMALL).unwrap();
    assert_eq!(store.candidate_count(), 11);
    assert_clean(&store);
}

#[test]
fn an_email_made_twice_refuses_the_whole_load() {
    let dir = tempfile::tempdir().unwrap();
    let store = new_store(&dir, "db");
    let world_options = options(30, 1, 2);
    let world = World::new(&world_options, Catalog::builtin());
    let mut first = world.candidate_run(0..20, &mut world.no_roles());
    first[15].email = first[3].email.to_uppercase();
    let mut load = store.begin_bulk_load("twins").unwrap();
    let second = first.split_off(10);
    load.add_candidates_as_created(first, "demo").unwrap();
    load.add_candidates_as_created(second, "demo").unwrap();
    let error = load.finish().unwrap_err().to_string();
    assert!(error.contains("appears twice"), "{error}");
    assert!(store.has_no_records().unwrap());
    assert_clean(&store);
}

/// The records of a seeded demo, pinned: a change to the generator, or to
/// how the demo is written, that changes them shows here. (The hash is
/// that of `hireterm export` after `hireterm demo --candidates 300
/// --seed 42 --now 2026-06-01T09:00:00Z --as demo`, before the demo was
/// streamed.)
#[test]
fn the_records_of_a_seeded_demo_do_not_change() {
    let dir = tempfile::tempdir().unwrap();
    let store = new_store(&dir, "db");
    let options = options(300, 12, 42);
    write_streamed_in(&store, &options, Catalog::builtin(), &stamp(), SMALL).unwrap();
    let (export, _) = contents(&store);
    let hash = format!("{:x}", Sha256::digest(export.as_bytes()));
    assert_eq!(
        hash,
        "4e98f5db199eb9c98f887498984fe6783ba46dc5dba1afb22b226c161a1f85b6"
    );
}
