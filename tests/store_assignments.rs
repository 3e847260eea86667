//! Interviewers assigned to engagements, in the store: each change one
//! transaction with its event, kept across a reopen, mistakes refused in
//! words with nothing written, and `check` reading the tree.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::engines::each_engine;
use common::*;
use hireterm::domain::{EngagementId, EventKind};
use hireterm::store::StoreError;

fn problem(error: StoreError) -> String {
    match error {
        StoreError::Invalid(problems) => problems.join("; "),
        other => panic!("not a problem in words: {other}"),
    }
}

#[test]
fn interviewers_are_assigned_and_taken_off_each_with_its_event() {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let store = db.open();
        let e = store_engagement(&store, engagement("Platform")).id;
        assert!(store.assignment(e).unwrap().interviewers.is_empty());
        store
            .assign_interviewer(e, " bob ", false, &stamp())
            .unwrap();
        let both = store
            .assign_interviewer(e, "Carla", false, &stamp())
            .unwrap();
        assert_eq!(both.interviewers, ["bob", "Carla"]);
        let events = store.events().unwrap();
        let last = &events[events.len() - 1];
        assert_eq!(
            last.kind,
            EventKind::InterviewerAssigned {
                engagement: e,
                interviewer: "Carla".into(),
                removed: false
            }
        );
        let left = store.assign_interviewer(e, "BOB", true, &stamp()).unwrap();
        assert_eq!(left.interviewers, ["Carla"]);
        drop(store);
        let store = db.open();
        assert_eq!(store.assignment(e).unwrap().interviewers, ["Carla"]);
        assert_eq!(store.assignments().unwrap().len(), 1);
        store
            .assign_interviewer(e, "carla", true, &stamp())
            .unwrap();
        assert!(
            store.assignments().unwrap().is_empty(),
            "no empty record is kept"
        );
        assert!(store.check().unwrap().problems.is_empty());
    }
}

#[test]
fn mistakes_are_refused_in_words_and_write_nothing() {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let store = db.open();
        let e = store_engagement(&store, engagement("Platform")).id;
        store.assign_interviewer(e, "bob", false, &stamp()).unwrap();
        let events = store.events().unwrap().len();
        let twice = store
            .assign_interviewer(e, "Bob", false, &stamp())
            .unwrap_err();
        assert_eq!(problem(twice), format!("Bob is already assigned to {e}"));
        let absent = store
            .assign_interviewer(e, "dan", true, &stamp())
            .unwrap_err();
        assert_eq!(problem(absent), format!("dan is not assigned to {e}"));
        let blank = store
            .assign_interviewer(e, " \u{7} ", false, &stamp())
            .unwrap_err();
        assert!(problem(blank).contains("needs a name"));
        let long = store.assign_interviewer(e, &"x".repeat(65), false, &stamp());
        assert!(problem(long.unwrap_err()).contains("at most 64"));
        let nowhere = store.assign_interviewer(EngagementId(99), "bob", false, &stamp());
        assert!(matches!(
            nowhere,
            Err(StoreError::NoEngagement(EngagementId(99)))
        ));
        assert_eq!(store.events().unwrap().len(), events);
        assert_eq!(store.assignment(e).unwrap().interviewers, ["bob"]);
    }
}
