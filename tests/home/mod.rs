//! The records the home screen tests work on: two engagements, one
//! owned by "Ana" and one by "bob", with a card of each kind My work
//! lists, written through the store's bulk API so that their times are
//! as old as each case needs.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use super::common::*;
use chrono::TimeDelta;
use hireterm::domain::*;
use hireterm::store::Store;

/// What [`workload`] wrote: ana's engagement and bob's, and who is where.
pub struct Workload {
    pub ana: EngagementId,
    pub bob: EngagementId,
    /// On ana's: 10 days in Screening (over its 2).
    pub stuck: CandidateId,
    /// On ana's: in Client interview, sent 6 days ago and not answered.
    pub waiting: CandidateId,
    /// On ana's: placed, ending in 10 days.
    pub ending: CandidateId,
    /// On ana's: placed, starting in 5 days.
    pub starting: CandidateId,
    /// On bob's: 20 days in Screening.
    pub bobs_stuck: CandidateId,
}

fn days_ago(days: i64) -> Timestamp {
    now() - TimeDelta::days(days)
}

/// An application that entered `stage` `days` ago (and the pipeline at
/// Sourced the day before).
fn card(engagement: EngagementId, candidate: CandidateId, stage: Stage, days: i64) -> Application {
    let mut app = Application::new(
        engagement,
        candidate,
        Stage::Sourced,
        days_ago(days + 1),
        "x",
    );
    let mut at = Stage::Sourced;
    while at != stage {
        at = at.next().unwrap();
        app.move_to(at, days_ago(days), "x", None).unwrap();
    }
    app
}

fn placement(id: u64, (e, c): (EngagementId, CandidateId), start: i64, end: i64) -> Placement {
    let today = now().date_naive();
    let terms = Terms {
        start: today + TimeDelta::days(start),
        end: Some(today + TimeDelta::days(end)),
        bill: HourlyRate::usd(100),
        pay: HourlyRate::usd(70),
    };
    Placement::new(PlacementId(id), (e, c), terms, (days_ago(30), "x")).unwrap()
}

pub fn workload(store: &Store) -> Workload {
    let mut ids = Vec::new();
    for n in 0..6 {
        let c = candidate(&format!("Person {n}"), &format!("p{n}@example.com"));
        ids.push(store.add_candidate(c, &stamp()).unwrap().id);
    }
    let owned = |title: &str, owner: &str| {
        let mut e = engagement(title);
        e.owner = owner.into();
        e.opened_at = days_ago(10);
        store_engagement(store, e).id
    };
    let (ana, bob) = (
        owned("Platform engineers", "Ana"),
        owned("Payments team", "bob"),
    );
    let [stuck, waiting, ending, starting, bobs_stuck, bobs_interview] = ids[..] else {
        unreachable!()
    };
    store
        .add_applications(&[
            card(ana, stuck, Stage::Screening, 10),
            card(ana, waiting, Stage::ClientInterview, 1),
            card(ana, ending, Stage::Placed, 40),
            card(ana, starting, Stage::Placed, 3),
            card(bob, bobs_stuck, Stage::Screening, 20),
            card(bob, bobs_interview, Stage::TechnicalInterview, 2),
        ])
        .unwrap();
    let sent = Submittal {
        id: SubmittalId(1),
        engagement: ana,
        candidate: waiting,
        client: store.engagement(ana).unwrap().unwrap().client,
        to: Vec::new(),
        at: days_ago(6),
        by: "Ana".into(),
        bill_rate: None,
        profile: String::new(),
        answers: Vec::new(),
    };
    store.add_submittals(&[sent]).unwrap();
    store
        .add_placements(&[
            placement(1, (ana, ending), -40, 10),
            placement(2, (ana, starting), 5, 200),
        ])
        .unwrap();
    Workload {
        ana,
        bob,
        stuck,
        waiting,
        ending,
        starting,
        bobs_stuck,
    }
}
