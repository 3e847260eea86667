//! Records go in and come back out of a real database: each test on sled
//! and on PostgreSQL (`common/engines.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::engines::each_engine;
use common::*;
use hireterm::domain::*;
use hireterm::store::StoreError;

#[test]
fn candidates_round_trip_and_survive_a_reopen() {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let stored = {
            let store = db.open();
            let a = store
                .add_candidate(candidate("José García", "jose@example.com"), &stamp())
                .unwrap();
            let b = store
                .add_candidate(candidate("王芳", "wang.fang@example.cn"), &stamp())
                .unwrap();
            assert_eq!((a.id, b.id), (CandidateId(1), CandidateId(2)));
            vec![a, b]
        };
        let store = db.open();
        assert_eq!(store.candidates().unwrap(), stored);
        assert_eq!(
            store.candidate(CandidateId(2)).unwrap().as_ref(),
            Some(&stored[1])
        );
        assert_eq!(store.candidate(CandidateId(3)).unwrap(), None);
    }
}

#[test]
fn engagements_round_trip_and_update() {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let store = db.open();
        let mut e = store_engagement(&store, engagement("2 DevOps developers"));
        assert_eq!(e.id, EngagementId(1));
        e.status = EngagementStatus::OnHold;
        e.headcount = 3;
        store.update_engagement(&e, &stamp()).unwrap();
        drop(store);
        assert_eq!(db.open().engagements().unwrap(), vec![e]);
    }
}

#[test]
fn a_second_candidate_with_the_same_email_is_refused() {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let store = db.open();
        store
            .add_candidate(candidate("Ana Silva", "Ana@Example.com"), &stamp())
            .unwrap();
        let error = store
            .add_candidate(candidate("Ana S.", "ana@EXAMPLE.COM"), &stamp())
            .unwrap_err();
        assert!(
            matches!(
                error,
                StoreError::DuplicateEmail {
                    existing: CandidateId(1),
                    ..
                }
            ),
            "{error}"
        );
        assert!(
            error
                .to_string()
                .contains("ana@example.com already belongs to candidate C1")
        );
        assert_eq!(store.candidate_count(), 1);
        assert_eq!(
            store
                .candidate_by_email("  ANA@example.com ")
                .unwrap()
                .unwrap()
                .name,
            "Ana Silva"
        );
    }
}

#[test]
fn changing_an_email_moves_the_index_entry() {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let store = db.open();
        let mut ana = store
            .add_candidate(candidate("Ana", "ana@example.com"), &stamp())
            .unwrap();
        let bo = store
            .add_candidate(candidate("Bo", "bo@example.com"), &stamp())
            .unwrap();
        ana.email = "ana@new.example".into();
        store.update_candidate(&ana, &stamp()).unwrap();
        assert_eq!(store.candidate_by_email("ana@example.com").unwrap(), None);
        assert_eq!(
            store
                .candidate_by_email("ana@new.example")
                .unwrap()
                .unwrap()
                .id,
            ana.id
        );
        let mut stolen = bo.clone();
        stolen.email = "ANA@new.example".into();
        assert!(matches!(
            store.update_candidate(&stolen, &stamp()),
            Err(StoreError::DuplicateEmail { .. })
        ));
        assert!(store.check().unwrap().problems.is_empty());
    }
}

#[test]
fn invalid_candidates_are_refused_with_every_problem() {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let store = db.open();
        let mut bad = candidate("", "not-an-email");
        bad.rate = Some(RateRange::usd(90, 60));
        let error = store.add_candidate(bad, &stamp()).unwrap_err().to_string();
        for expected in [
            "name is empty",
            "not a valid address",
            "rate minimum 90 is above maximum 60",
        ] {
            assert!(error.contains(expected), "{error}");
        }
        assert_eq!(store.candidate_count(), 0);
    }
}

#[test]
fn a_stage_change_writes_the_application_and_its_event_together() {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let store = db.open();
        let c = store
            .add_candidate(candidate("Ana", "ana@example.com"), &stamp())
            .unwrap();
        let e = store_engagement(&store, engagement("SRE"));
        store
            .open_application(e.id, c.id, Stage::Sourced, &stamp())
            .unwrap();
        let later = Stamp::new(now() + chrono::TimeDelta::hours(3), "sam");
        let moved = store
            .move_stage(e.id, c.id, Stage::Screening, None, &later)
            .unwrap();
        assert_eq!(moved.stage, Stage::Screening);
        assert_eq!(moved.entered_stage_at(), Some(later.at));
        drop(store);

        let store = db.open();
        let app = store.application(e.id, c.id).unwrap().unwrap();
        assert_eq!(app, moved);
        let last = store.recent_events(1).unwrap().remove(0);
        assert_eq!(last.actor, "sam");
        assert_eq!(
            last.kind,
            EventKind::StageChanged {
                engagement: e.id,
                candidate: c.id,
                from: Stage::Sourced,
                to: Stage::Screening,
                reason: None
            }
        );
        assert!(store.check().unwrap().problems.is_empty());
    }
}

#[test]
fn an_illegal_move_writes_nothing() {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let store = db.open();
        let c = store
            .add_candidate(candidate("Ana", "ana@example.com"), &stamp())
            .unwrap();
        let e = store_engagement(&store, engagement("SRE"));
        store
            .open_application(e.id, c.id, Stage::Offer, &stamp())
            .unwrap();
        let events_before = store.events().unwrap().len();
        let error = store
            .move_stage(e.id, c.id, Stage::Sourced, None, &stamp())
            .unwrap_err();
        assert_eq!(error.to_string(), "cannot move from Offer to Sourced");
        assert_eq!(store.events().unwrap().len(), events_before);
        assert_eq!(
            store.application(e.id, c.id).unwrap().unwrap().stage,
            Stage::Offer
        );
    }
}

#[test]
fn rejection_keeps_its_reason_and_history() {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let store = db.open();
        let c = store
            .add_candidate(candidate("Ana", "ana@example.com"), &stamp())
            .unwrap();
        let e = store_engagement(&store, engagement("SRE"));
        store
            .open_application(e.id, c.id, Stage::Screening, &stamp())
            .unwrap();
        let reason = Some("rate above budget".to_string());
        let app = store
            .move_stage(e.id, c.id, Stage::Rejected, reason.clone(), &stamp())
            .unwrap();
        assert_eq!(app.history.len(), 2);
        assert_eq!(app.history[1].reason, reason);
        assert_eq!(store.pipeline(e.id).unwrap(), vec![app]);
    }
}

#[test]
fn applications_need_existing_records_and_are_unique() {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let store = db.open();
        let c = store
            .add_candidate(candidate("Ana", "ana@example.com"), &stamp())
            .unwrap();
        let e = store_engagement(&store, engagement("SRE"));
        let missing = store.open_application(EngagementId(9), c.id, Stage::Sourced, &stamp());
        assert!(matches!(
            missing,
            Err(StoreError::NoEngagement(EngagementId(9)))
        ));
        store
            .open_application(e.id, c.id, Stage::Sourced, &stamp())
            .unwrap();
        let twice = store.open_application(e.id, c.id, Stage::Sourced, &stamp());
        assert!(
            matches!(
                twice,
                Err(StoreError::AlreadyInPipeline {
                    stage: Stage::Sourced,
                    ..
                })
            ),
            "refused, naming the stage it is at"
        );
        let nowhere = store.move_stage(e.id, CandidateId(7), Stage::Screening, None, &stamp());
        assert!(matches!(nowhere, Err(StoreError::NoApplication { .. })));
    }
}

#[test]
fn bulk_candidates_are_all_or_nothing() {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let store = db.open();
        store
            .add_candidate(candidate("Ana", "ana@example.com"), &stamp())
            .unwrap();
        let batch: Vec<Candidate> = (0..2500)
            .map(|i| candidate(&format!("Person {i}"), &format!("p{i}@example.com")))
            .chain([candidate("Ana again", "ANA@example.com")])
            .collect();
        let error = store.add_candidates(&batch, &stamp()).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("record 2501: email ana@example.com"),
            "{error}"
        );
        assert_eq!(store.candidate_count(), 1);

        let ids = store.add_candidates(&batch[..2500], &stamp()).unwrap();
        assert_eq!(ids.first(), Some(&CandidateId(2)));
        assert_eq!(ids.last(), Some(&CandidateId(2501)));
        assert_eq!(
            store
                .candidate_by_email("p2499@example.com")
                .unwrap()
                .unwrap()
                .id,
            CandidateId(2501)
        );
        assert!(store.check().unwrap().problems.is_empty());
    }
}

#[test]
fn bulk_applications_keep_backdated_histories_as_events() {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let store = db.open();
        let c = store
            .add_candidate(candidate("Ana", "ana@example.com"), &stamp())
            .unwrap();
        let e = store_engagement(&store, engagement("SRE"));
        let start = now() - chrono::TimeDelta::days(30);
        let mut app = Application::new(e.id, c.id, Stage::Sourced, start, "ana.recruiter");
        app.move_to(
            Stage::TechnicalInterview,
            start + chrono::TimeDelta::days(2),
            "sam",
            None,
        )
        .unwrap();
        store.add_applications(std::slice::from_ref(&app)).unwrap();
        let events = store.events().unwrap();
        let stages: Vec<_> = events
            .iter()
            .filter_map(|e| e.kind.stage_reached())
            .collect();
        assert_eq!(stages, vec![Stage::Sourced, Stage::TechnicalInterview]);
        assert_eq!(
            events.last().unwrap().at,
            start + chrono::TimeDelta::days(2)
        );
        assert!(store.check().unwrap().problems.is_empty());

        let mut bad = Application::new(e.id, CandidateId(1), Stage::Offer, start, "x");
        bad.stage = Stage::Placed; // history does not reach it
        let error = store.add_applications(&[bad]).unwrap_err();
        assert!(
            matches!(error, StoreError::AtRecord { index: 0, .. }),
            "{error}"
        );
    }
}
