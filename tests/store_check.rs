//! `check` cross-examines the agency's records (clients, submittals,
//! placements) and `stats` counts them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{NaiveDate, TimeDelta};
use common::engines::each_engine;
use common::*;
use hireterm::domain::*;
use hireterm::store::{Store, SubmittalDraft};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn terms(start: NaiveDate, end: Option<NaiveDate>) -> Terms {
    Terms {
        start,
        end,
        bill: HourlyRate::usd(100),
        pay: HourlyRate::usd(70),
    }
}

/// A store with one engagement and three candidates on its board.
fn board(store: &Store) -> (Engagement, Vec<CandidateId>) {
    let job = store_engagement(store, engagement("Platform engineers"));
    let people: Vec<CandidateId> = (0..3)
        .map(|i| {
            let c = candidate(&format!("Person {i}"), &format!("p{i}@example.com"));
            store.add_candidate(c, &stamp()).unwrap().id
        })
        .collect();
    store.open_applications(job.id, &people, &stamp()).unwrap();
    (job, people)
}

fn sent(job: &Engagement, candidate: CandidateId, to: &str) -> Submittal {
    Submittal {
        id: SubmittalId(0),
        engagement: job.id,
        candidate,
        client: job.client,
        to: vec![to.into()],
        at: now(),
        by: "tester".into(),
        bill_rate: Some(HourlyRate::usd(95)),
        profile: "Person".into(),
        answers: Vec::new(),
    }
}

fn problems(store: &Store) -> Vec<String> {
    store.check().unwrap().problems
}

#[test]
fn the_demo_checks_clean_and_stats_count_its_agency_records() {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let store = demo_store(&db, 300, 8);
        let report = store.check().unwrap();
        assert_eq!(report.problems, Vec::<String>::new());
        let submittals = store.submittals().unwrap();
        let placements = store.placements().unwrap();
        assert_eq!(
            (report.clients, report.submittals, report.placements),
            (
                store.clients().unwrap().len(),
                submittals.len(),
                placements.len()
            )
        );
        let today = now().date_naive();
        let stats = store.stats_on(today, 30).unwrap();
        assert_eq!(stats.clients, report.clients);
        assert_eq!(stats.submittals, submittals.len());
        let waiting = submittals.iter().filter(|s| s.awaits_answer()).count();
        assert_eq!(stats.submittals_waiting(), waiting);
        assert!(waiting > 0 && stats.submittals_answered > 0);
        assert_eq!(stats.placements, placements.len());
        let active = placements.iter().filter(|p| p.is_active(today)).count();
        let ending = placements
            .iter()
            .filter(|p| p.ends_within(today, 30))
            .count();
        assert_eq!(
            (stats.placements_active, stats.placements_ending),
            (active, ending)
        );
        assert!(ending > 0);
        // A year later, nothing of it is ending soon.
        let later = store.stats_on(today + TimeDelta::days(400), 30).unwrap();
        assert_eq!(later.placements_ending, 0);
    }
}

#[test]
fn an_engagement_without_its_client_is_reported() {
    let db = TempDb::new();
    let store = db.open();
    let client = test_client(&store);
    let mut orphan = store_engagement(&store, engagement("Orphan"));
    assert_eq!(orphan.client, client);
    drop(store);
    // Written past the store's own checks, as a damaged or foreign
    // database might hold it.
    orphan.client = ClientId(9);
    plant_raw(&db, &orphan.id.to_key(), &orphan);
    let store = db.open();
    assert_eq!(problems(&store), ["engagement E1: client CL9 is missing"]);
}

#[test]
fn submittals_must_go_to_the_engagement_s_client_and_its_contacts() {
    let db = TempDb::new();
    let store = db.open();
    let (job, people) = board(&store);
    let mut other_client = sent(&job, people[1], "nora@northwind.example");
    other_client.id = SubmittalId(2);
    let mut stranger = sent(&job, people[2], "eve@elsewhere.example");
    stranger.id = SubmittalId(3);
    let mut fine = sent(&job, people[0], "NORA@northwind.example");
    fine.id = SubmittalId(1);
    store
        .add_submittals(&[fine, other_client.clone(), stranger])
        .unwrap();
    drop(store);
    // A client the store would refuse, written past its checks.
    other_client.client = ClientId(7);
    plant_raw(&db, &other_client.id.to_key(), &other_client);
    let store = db.open();
    assert_eq!(
        problems(&store),
        [
            "submittal S2: client CL7 is missing",
            "submittal S3: eve@elsewhere.example is not a contact of CL1",
        ]
    );
}

#[test]
fn a_submittal_keeps_what_was_true_when_it_was_sent() {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let store = db.open();
        let (job, people) = board(&store);
        let draft = SubmittalDraft {
            engagement: job.id,
            candidate: people[0],
            to: vec!["nora@northwind.example".into()],
            bill_rate: None,
            profile: "Person 0\nGo 4/5".into(),
        };
        store.submit(draft, &stamp()).unwrap();
        // Nora leaves the client, and the engagement moves to another one.
        let mut client = store.client(job.client).unwrap().unwrap();
        client.contacts = vec![Contact::parse("Ola Berg <ola@northwind.example>").unwrap()];
        let later = Stamp::new(now() + TimeDelta::hours(1), "tester");
        store.update_client(&client, &later).unwrap();
        let other = Client {
            id: ClientId(0),
            name: "Globex".into(),
            contacts: Vec::new(),
            notes: String::new(),
            created_at: now(),
        };
        let other = store.add_client(other, &later).unwrap();
        let moved = Engagement {
            client: other.id,
            ..store.engagement(job.id).unwrap().unwrap()
        };
        store.update_engagement(&moved, &later).unwrap();
        assert_eq!(problems(&store), Vec::<String>::new());
    }
}

#[test]
fn a_client_added_after_a_submittal_may_no_longer_list_whom_it_went_to() {
    // As an import writes them: the client anew, as it is now, and the
    // submittals with the times they were sent, before that.
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let store = db.open();
        let (job, people) = board(&store);
        let mut earlier = sent(&job, people[0], "former@northwind.example");
        earlier.id = SubmittalId(1);
        earlier.at = now() - TimeDelta::days(20);
        // Sent after the client was added: its contacts then are its
        // contacts now, and a stranger is still a problem.
        let mut after = sent(&job, people[1], "eve@elsewhere.example");
        after.id = SubmittalId(2);
        after.at = now() + TimeDelta::hours(1);
        store.add_submittals(&[earlier, after]).unwrap();
        assert_eq!(
            problems(&store),
            ["submittal S2: eve@elsewhere.example is not a contact of CL1"]
        );
    }
}

#[test]
fn a_submitted_card_stays_and_a_submittal_without_its_card_is_reported() {
    let db = TempDb::new();
    let (job, people) = {
        let store = db.open();
        let (job, people) = board(&store);
        let draft = SubmittalDraft {
            engagement: job.id,
            candidate: people[0],
            to: vec!["nora@northwind.example".into()],
            bill_rate: Some(HourlyRate::usd(90)),
            profile: "Person 0".into(),
        };
        store.submit(draft, &stamp()).unwrap();
        // An undone add may not take out a card whose profile was sent.
        let refused = store
            .remove_applications(job.id, &people[..1], &stamp())
            .unwrap_err();
        assert!(refused.to_string().contains("was submitted"), "{refused}");
        store
            .remove_applications(job.id, &people[1..2], &stamp())
            .unwrap();
        assert_eq!(
            problems(&store),
            Vec::<String>::new(),
            "a removed card is no problem"
        );
        (job, people)
    };
    // A foreign writer takes the submitted card out anyway.
    let _ = std::fs::remove_file(db.path().join("hireterm.clean"));
    let raw = open_raw(&db);
    let key = hireterm::store::application_key(job.id, people[0]);
    raw.open_tree("applications").unwrap().remove(key).unwrap();
    raw.flush().unwrap();
    drop(raw);
    let store = db.open();
    assert_eq!(
        problems(&store),
        [
            "events refer to application E1/C1, which is missing",
            // The foreign writer went around the counters too.
            "counts: 2 applications recorded, 1 found",
            "counts: 2 applications at Sourced recorded, 1 found",
            "submittal S1: C1 has no card in E1",
        ]
    );
}

#[test]
fn placements_sit_on_placed_cards_unless_ended_early() {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let store = db.open();
        let (job, people) = board(&store);
        for candidate in &people {
            for to in [Stage::Screening, Stage::TechnicalInterview] {
                store
                    .move_stage(job.id, *candidate, to, None, &stamp())
                    .unwrap();
            }
        }
        store
            .place(job.id, people[0], terms(day(6, 1), None), &stamp())
            .unwrap();
        // A card placed before placements were recorded has none: fine.
        let earlier = candidate("Placed Before", "before@example.com");
        let earlier = store.add_candidate(earlier, &stamp()).unwrap();
        let at = now() - TimeDelta::days(30);
        let mut old = Application::new(job.id, earlier.id, Stage::Sourced, at, "tester");
        old.move_to(Stage::Placed, at + TimeDelta::days(9), "tester", None)
            .unwrap();
        store.add_applications(&[old]).unwrap();
        assert_eq!(problems(&store), Vec::<String>::new());

        // Straight into the tree, as a foreign writer might: a placement on a
        // card at Technical interview, one that ended early there (fine), a
        // second running one on the placed card, one going back in time.
        let on_screen = Placement::new(
            PlacementId(2),
            (job.id, people[2]),
            terms(day(6, 1), Some(day(9, 30))),
            (now(), "tester"),
        )
        .unwrap();
        let mut ended = on_screen.clone();
        ended.id = PlacementId(3);
        let reason = "project cancelled";
        let later = now() + TimeDelta::days(2);
        ended
            .end_early(day(6, 3), reason, (later, "tester"))
            .unwrap();
        let mut twice = on_screen.clone();
        twice.id = PlacementId(4);
        twice.candidate = people[0];
        let mut backwards = ended.clone();
        backwards.id = PlacementId(5);
        backwards.changes[0].at = now() - TimeDelta::days(1);
        store
            .add_placements(&[on_screen, ended, twice, backwards])
            .unwrap();
        assert_eq!(
            problems(&store),
            [
                "placement P2: the card is at Technical interview, not Placed, and the placement has \
             not ended early",
                "placement P4: P1 is placed on the same card and has not ended early either",
                "placement P5: its changes go back in time",
            ]
        );
    }
}

#[test]
fn unreadable_agency_records_and_counters_behind_them_are_reported() {
    let db = TempDb::new();
    {
        let store = db.open();
        let (job, people) = board(&store);
        let draft = SubmittalDraft {
            engagement: job.id,
            candidate: people[0],
            to: vec!["nora@northwind.example".into()],
            bill_rate: None,
            profile: "Person 0".into(),
        };
        store.submit(draft.clone(), &stamp()).unwrap();
        store
            .submit(
                SubmittalDraft {
                    candidate: people[1],
                    ..draft
                },
                &stamp(),
            )
            .unwrap();
    }
    {
        let _ = std::fs::remove_file(db.path().join("hireterm.clean"));
        let raw = open_raw(&db);
        let tree = raw.open_tree("submittals").unwrap();
        let key = SubmittalId(2).to_key();
        let mut bytes = tree.get(key).unwrap().unwrap().to_vec();
        let last = bytes.len() - 1;
        bytes[last] ^= 0xff;
        tree.insert(key, bytes).unwrap();
        let meta = raw.open_tree("meta").unwrap();
        meta.insert("seq:client", &1u64.to_be_bytes()).unwrap();
        raw.flush().unwrap();
    }
    let store = db.open();
    let found = problems(&store);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with("submittals 2: record checksum mismatch"),
        "{found:?}"
    );
    assert_eq!(
        found[1],
        "counter seq:client would hand out 1 again (highest is 1)"
    );
}
