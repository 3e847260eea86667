//! Two writers moving the same card at the same moment meet the same
//! rule on either engine: the move is checked against the card's stage
//! as stored, in the transaction that writes it, so the later of two
//! moves from a stage the card has just left is refused and only one is
//! recorded. On sled the writers are two threads of one process (the
//! folder's lock allows no other); on PostgreSQL they are two stores on
//! one database, as two `hireterm serve` instances are (issue 20).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::engines::{EngineDb, on_each_engine};
use common::*;
use hireterm::domain::{CandidateId, EngagementId, EventKind, Stage};
use hireterm::store::Store;
use std::sync::{Arc, Barrier};

/// Cards raced for; each round is one card moved by both writers.
const ROUNDS: usize = 12;

/// The two writers: one store shared on sled, two stores on PostgreSQL.
fn writers(db: &EngineDb) -> (Arc<Store>, Arc<Store>) {
    let first = Arc::new(db.open());
    let second = match db {
        EngineDb::Sled(_) => Arc::clone(&first),
        EngineDb::Postgres(_) => Arc::new(db.open()),
    };
    (first, second)
}

fn sourced_cards(store: &Store) -> (EngagementId, Vec<CandidateId>) {
    let job = store_engagement(store, engagement("Platform")).id;
    let people: Vec<CandidateId> = (0..ROUNDS)
        .map(|i| {
            let person = candidate(&format!("Person {i}"), &format!("p{i}@example.com"));
            store.add_candidate(person, &stamp()).unwrap().id
        })
        .collect();
    store.open_applications(job, &people, &stamp()).unwrap();
    (job, people)
}

/// Both writers move `card` from Sourced to Screening at once; what each
/// was told, the first writer's answer first.
fn race(writers: &(Arc<Store>, Arc<Store>), job: EngagementId, card: CandidateId) -> [String; 2] {
    let start = Arc::new(Barrier::new(2));
    let threads = [Arc::clone(&writers.0), Arc::clone(&writers.1)].map(|store| {
        let start = Arc::clone(&start);
        std::thread::spawn(move || {
            start.wait();
            match store.move_stage(job, card, Stage::Screening, None, &stamp()) {
                Ok(app) => format!("moved to {}", app.stage),
                Err(error) => error.to_string(),
            }
        })
    });
    threads.map(|thread| thread.join().unwrap())
}

fn moves_of(store: &Store, job: EngagementId, card: CandidateId) -> usize {
    let events = store.events().unwrap();
    events
        .iter()
        .filter(|event| {
            matches!(event.kind, EventKind::StageChanged { engagement, candidate, .. }
                if engagement == job && candidate == card)
        })
        .count()
}

#[test]
fn of_two_moves_from_the_same_stage_the_later_is_refused() {
    on_each_engine(|db| {
        let writers = writers(db);
        let (job, cards) = sourced_cards(&writers.0);
        for card in cards {
            let mut answers = race(&writers, job, card);
            answers.sort();
            assert!(
                answers[0].contains("cannot move from") && answers[1] == "moved to Screening",
                "{} on {}: one move and one refusal, not {answers:?}",
                card,
                db.engine()
            );
            for store in [&*writers.0, &*writers.1] {
                let app = store.application(job, card).unwrap().unwrap();
                assert_eq!(app.stage, Stage::Screening);
                assert_eq!(app.history.len(), 2, "opened, then moved once");
                assert_eq!(moves_of(store, job, card), 1, "one move recorded");
            }
        }
    });
}
