//! A real full disk (a small tmpfs; root only, see `common::disk`): a
//! write that meets it is refused in words, never as damage; nothing
//! acknowledged is lost; and once there is room again the same process
//! writes again (the store reopened), and the next open finds everything.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::disk::SmallDisk;
use common::*;
use hireterm::app::records::writes::Writer;
use hireterm::app::records::{Records, Recovery};
use hireterm::catalog::Catalog;
use hireterm::domain::CandidateId;
use hireterm::store::Store;
use std::sync::Arc;

fn writer() -> Writer {
    Writer::admin(0, stamp())
}

/// Adds notes of `size` bytes until one is refused; the ones acknowledged
/// and the refusal.
fn note_until_refused(
    records: &Records,
    who: CandidateId,
    size: usize,
) -> (Vec<String>, hireterm::store::StoreError) {
    let mut saved = Vec::new();
    for n in 0..10_000 {
        let text = format!("note {n} {}", "x".repeat(size));
        match records.add_note(&writer(), who, None, &text) {
            Ok(_) => saved.push(text),
            Err(error) => return (saved, error),
        }
    }
    panic!("the disk never filled");
}

#[test]
fn a_full_disk_refuses_the_write_and_the_same_process_writes_again_after() {
    let Some(disk) = SmallDisk::mount(24) else {
        return;
    };
    let path = disk.path().join("db");
    let who = Store::open(&path)
        .unwrap()
        .add_candidate(candidate("Ada", "ada@example.com"), &stamp())
        .unwrap()
        .id;
    let records = Records::load(Arc::new(Store::open(&path).unwrap()), Catalog::builtin()).unwrap();
    let filler = disk.fill(2 << 20);
    let (saved, refusal) = note_until_refused(&records, who, 2000);
    let message = refusal.to_string();
    assert!(refusal.is_disk_full(), "{message}");
    assert!(message.contains("is full"), "{message}");
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(
        !message.contains("damaged") && !message.contains("Os {"),
        "{message}"
    );
    // Still full: refused again, in the same words, without a reopen.
    assert!(records.add_note(&writer(), who, None, "one more").is_err());
    assert_eq!(records.recover().unwrap(), Recovery::Waiting);

    std::fs::remove_file(filler).unwrap();
    assert_eq!(records.recover().unwrap(), Recovery::Reopened);
    records
        .add_note(&writer(), who, None, "after the room came back")
        .unwrap();
    let records = Arc::try_unwrap(records)
        .ok()
        .expect("only this test holds them");
    drop(records.into_store());

    let store = Store::open(&path).unwrap();
    let notes: Vec<String> = store
        .notes_of(who)
        .unwrap()
        .into_iter()
        .map(|n| n.text)
        .collect();
    for text in &saved {
        assert!(notes.contains(text), "an acknowledged note was lost");
    }
    assert!(notes.iter().any(|n| n == "after the room came back"));
    assert!(store.check().unwrap().problems.is_empty());
}

#[test]
fn a_command_that_meets_a_full_disk_says_so_and_the_next_open_has_everything() {
    let Some(disk) = SmallDisk::mount(24) else {
        return;
    };
    let path = disk.path().join("db");
    let who = Store::open(&path)
        .unwrap()
        .add_candidate(candidate("Ada", "ada@example.com"), &stamp())
        .unwrap()
        .id;
    let filler = disk.fill(256 << 10);
    let mut acknowledged = Vec::new();
    let mut refused = None;
    for n in 0..200 {
        let text = format!("note {n} {}", "y".repeat(4000));
        let out = hireterm_on(&path, &["note", "--candidate", &who.to_string(), &text]);
        if out.status.success() {
            acknowledged.push(text);
        } else {
            refused = Some(output_text(&out).1);
            break;
        }
    }
    let stderr = refused.expect("the disk never filled");
    assert!(stderr.contains("is full"), "{stderr}");
    assert!(
        !stderr.contains("damaged") && !stderr.contains("Os {"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");

    std::fs::remove_file(filler).unwrap();
    let out = hireterm_on(&path, &["check"]);
    assert!(out.status.success(), "{:?}", output_text(&out));
    let store = Store::open(&path).unwrap();
    let notes: Vec<String> = store
        .notes_of(who)
        .unwrap()
        .into_iter()
        .map(|n| n.text)
        .collect();
    for text in &acknowledged {
        assert!(notes.contains(text), "an acknowledged note was lost");
    }
}
