//! `check` reads its large trees (candidates, events, the email and event
//! indexes) in two halves at once: a problem planted in either half is
//! told all the same, in key order, and so is a record that still holds
//! an erased person's data.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::under::raw_sled;
use common::*;
use hireterm::domain::CandidateId;
use hireterm::store::Store;

/// Forty candidates, ids 1 to 40 (`p{id - 1}@example.com`), each with a
/// phone of its own: the halves split near id 20.
fn forty(db: &TempDb) -> Store {
    let store = db.open();
    let batch: Vec<_> = (0..40)
        .map(|i| {
            let mut c = candidate(&format!("Person {i}"), &format!("p{i}@example.com"));
            c.phone = Some(format!("+351 912 345 {i:03}"));
            c
        })
        .collect();
    store.add_candidates(&batch, &stamp()).unwrap();
    store
}

fn garble(tree: &sled::Tree, id: u64) {
    let mut bytes = tree.get(id.to_be_bytes()).unwrap().unwrap().to_vec();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    tree.insert(id.to_be_bytes(), bytes).unwrap();
}

fn assert_problems(problems: &[String], expected: &[&str]) {
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
    for (problem, expected) in problems.iter().zip(expected) {
        assert!(problem.starts_with(expected), "{problem} in {problems:#?}");
    }
}

#[test]
fn unreadable_candidates_in_both_halves_are_told_in_key_order() {
    let db = TempDb::new();
    drop(forty(&db));
    {
        let raw = raw_sled(&db.path());
        let candidates = raw.open_tree("candidates").unwrap();
        garble(&candidates, 38);
        garble(&candidates, 3);
        raw.flush().unwrap();
    }
    let store = db.open();
    let report = store.check().unwrap();
    assert_problems(
        &report.problems,
        &[
            "candidates 3: record checksum mismatch",
            "candidates 38: record checksum mismatch",
            "email index: p2@example.com points to missing candidate C3",
            "email index: p37@example.com points to missing candidate C38",
            "email index has 40 entries for 38 candidates",
        ],
    );
    assert_eq!(report.candidates, 38);
}

#[test]
fn the_event_index_is_checked_in_both_halves() {
    let db = TempDb::new();
    drop(forty(&db));
    {
        let raw = raw_sled(&db.path());
        let index = raw.open_tree("events_by_candidate").unwrap();
        let keys: Vec<_> = index.iter().keys().map(|k| k.unwrap()).collect();
        assert_eq!(keys.len(), 40, "one event for each candidate added");
        index.remove(&keys[2]).unwrap();
        index.remove(&keys[37]).unwrap();
        let mut stray = [0u8; 16];
        stray[..8].copy_from_slice(&35u64.to_be_bytes());
        stray[8..].copy_from_slice(&999u64.to_be_bytes());
        index.insert(stray, &[]).unwrap();
        raw.flush().unwrap();
    }
    let store = db.open();
    assert_problems(
        &store.check().unwrap().problems,
        &[
            "event index: entry E35/C999 has no matching event",
            "event index: 2 events are missing from it",
        ],
    );
}

#[test]
fn a_candidate_holding_an_erased_persons_data_is_told() {
    let db = TempDb::new();
    drop(forty(&db));
    let key = 37u64.to_be_bytes();
    let kept = {
        let raw = raw_sled(&db.path());
        raw.open_tree("candidates")
            .unwrap()
            .get(key)
            .unwrap()
            .unwrap()
    };
    let store = db.open();
    store
        .erase_candidate(CandidateId(37), "asked", &stamp())
        .unwrap();
    drop(store);
    {
        let raw = raw_sled(&db.path());
        raw.open_tree("candidates")
            .unwrap()
            .insert(key, kept)
            .unwrap();
        raw.flush().unwrap();
    }
    let problems = db.open().check().unwrap().problems;
    for by in ["email", "phone"] {
        let told =
            format!("erasure: candidate C37 ({by}) still holds the data of an erased person");
        assert!(problems.contains(&told), "{told} in {problems:#?}");
    }
}
