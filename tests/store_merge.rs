#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Merging a duplicate into a stored candidate, and undoing it.

mod common;

use common::engines::each_engine;
use common::{candidate, stamp};
use hireterm::domain::{EventKind, Level, SkillLevel};
use hireterm::store::StoreError;

#[test]
fn a_merge_fills_the_record_logs_both_images_and_undoes() {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let store = db.open();
        let mut ana = candidate("Ana Lima", "ana@x.io");
        ana.skills = vec![SkillLevel::new("go", Level::new(2).unwrap())];
        let ana = store.add_candidate(ana, &stamp()).unwrap();
        let mut incoming = candidate("Ana L.", "ANA@x.io");
        incoming.phone = Some("+351 912 345 678".into());
        incoming.skills = vec![SkillLevel::new("go", Level::new(4).unwrap())];

        let merged = store.merge_candidate(ana.id, &incoming, &stamp()).unwrap();
        assert_eq!(merged.candidate.id, ana.id);
        assert_eq!(merged.candidate.phone.as_deref(), Some("+351 912 345 678"));
        let stored = store.candidate(ana.id).unwrap().unwrap();
        assert_eq!(stored, merged.candidate);
        assert_eq!(
            stored.level(&hireterm::domain::SkillId::new("go")),
            Level::new(4).unwrap()
        );
        let events = store.events_of(ana.id, 10).unwrap();
        assert!(events.iter().any(|e| matches!(
            &e.kind,
            EventKind::CandidateMerged { before, .. } if **before == ana
        )));

        let restored = store.undo_merge(merged.event, &stamp()).unwrap();
        assert_eq!(restored, ana);
        drop(store);
        let store = db.open();
        assert_eq!(store.candidate(ana.id).unwrap().unwrap(), ana);
        assert!(store.check().unwrap().problems.is_empty());
    }
}

#[test]
fn a_merge_is_not_undone_over_a_later_change() {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let store = db.open();
        let ana = store
            .add_candidate(candidate("Ana Lima", "ana@x.io"), &stamp())
            .unwrap();
        let mut incoming = candidate("Ana Lima", "ana@x.io");
        incoming.tags = vec!["rust".into()];
        let merged = store.merge_candidate(ana.id, &incoming, &stamp()).unwrap();
        let mut edited = merged.candidate.clone();
        edited.location.city = "Porto".into();
        store.update_candidate(&edited, &stamp()).unwrap();

        let refused = store.undo_merge(merged.event, &stamp()).unwrap_err();
        assert!(
            matches!(refused, StoreError::ChangedSinceMerge { .. }),
            "{refused}"
        );
        assert_eq!(store.candidate(ana.id).unwrap().unwrap(), edited);
    }
}

#[test]
fn only_merge_events_can_be_undone_as_merges() {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let store = db.open();
        store
            .add_candidate(candidate("Ana Lima", "ana@x.io"), &stamp())
            .unwrap();
        let added = store.recent_events(1).unwrap()[0].id;
        let refused = store.undo_merge(added, &stamp()).unwrap_err();
        assert!(matches!(refused, StoreError::NotAMerge(_)), "{refused}");
    }
}

#[test]
fn values_the_record_keeps_over_the_offered_ones_are_reported_and_logged() {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let store = db.open();
        let mut ana = candidate("Ana Lima", "ana@x.io");
        ana.phone = Some("+351 912 345 678".into());
        ana.location.city = "Lisbon".into();
        let ana = store.add_candidate(ana, &stamp()).unwrap();
        let mut offered = candidate("Ana Lima", "ana@x.io");
        offered.phone = Some("+1 555 010 9999".into());
        offered.location.city = "Porto".into();
        offered.location.country = "Portugal".into();

        let merged = store.merge_candidate(ana.id, &offered, &stamp()).unwrap();
        assert_eq!(
            merged.conflicts,
            vec![
                "phone +1 555 010 9999 (kept +351 912 345 678)".to_string(),
                "city Porto (kept Lisbon)".to_string(),
            ]
        );
        assert_eq!(
            merged.candidate.location.country, "Portugal",
            "gaps are filled"
        );
        let event = store.events_of(ana.id, 1).unwrap().remove(0);
        match event.kind {
            EventKind::CandidateMerged { incoming, .. } => assert_eq!(*incoming, offered),
            other => panic!("{other:?}"),
        }
    }
}
