//! The agency's records on a demo database, written through the store's
//! own API: a client with contacts and notes, submittals with answers,
//! and placements, one extended and one ended early.

use super::{now, stamp};
use chrono::{NaiveDate, TimeDelta};
use hireterm::domain::*;
use hireterm::store::{PlacementEdit, Store, SubmittalDraft};

/// A stamp `hours` after the fixed now.
pub fn later(hours: i64, actor: &str) -> Stamp {
    Stamp::new(now() + TimeDelta::hours(hours), actor)
}

pub fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// What [`add_agency_records`] wrote.
#[derive(Debug, Clone)]
pub struct AgencyRecords {
    /// The client given contacts, whose engagement the submittals are for.
    pub client: ClientId,
    pub submittals: Vec<Submittal>,
    pub placements: Vec<Placement>,
}

/// Gives the client of the first open card's engagement two contacts and
/// notes, adds a client of no engagement, sends two of that
/// engagement's cards to the client (one answered on hold, then with an
/// interview; one rejected with a reason), and places two other cards
/// (one extended, one ended early). Needs four cards still in play, two
/// of them in one engagement.
pub fn add_agency_records(store: &Store) -> AgencyRecords {
    let active: Vec<Application> = store
        .applications()
        .unwrap()
        .into_iter()
        .filter(|a| a.stage.is_active())
        .collect();
    let engagement = active
        .iter()
        .map(|a| a.engagement)
        .find(|e| active.iter().filter(|a| a.engagement == *e).count() >= 2)
        .expect("an engagement with two cards in play");
    let engagement = store.engagement(engagement).unwrap().unwrap();
    let mut client = store.client(engagement.client).unwrap().unwrap();
    client.contacts = vec![
        Contact::parse("Jane Roe <jane@client.example> +1 555 0100").unwrap(),
        Contact::parse("Li Wei <li@client.example>").unwrap(),
    ];
    client.notes = "Prefers profiles by email; \"no calls\" before 10, 三".into();
    store.update_client(&client, &stamp()).unwrap();
    let spare = Client {
        id: ClientId(0),
        name: "Acme Staffing Partners".into(),
        contacts: vec![Contact::parse("Bo Chen <bo@acme.example>").unwrap()],
        notes: String::new(),
        created_at: now(),
    };
    store.add_client(spare, &stamp()).unwrap();

    let mut sent = active.iter().filter(|a| a.engagement == engagement.id);
    let (one, two) = (sent.next().unwrap(), sent.next().unwrap());
    let first = store
        .submit(
            SubmittalDraft {
                engagement: engagement.id,
                candidate: one.candidate,
                to: vec!["jane@client.example".into()],
                bill_rate: Some(HourlyRate::usd(95)),
                profile: "Senior Go developer, \"careful\"; Kubernetes 4, Go 3".into(),
            },
            &later(1, "Rui"),
        )
        .unwrap();
    store
        .answer_submittal(first.id, AnswerKind::OnHold, None, &later(2, "Jane Roe"))
        .unwrap();
    let first = store
        .answer_submittal(
            first.id,
            AnswerKind::InterviewRequested,
            None,
            &later(5, "Jane Roe"),
        )
        .unwrap();
    let second = store
        .submit(
            SubmittalDraft {
                engagement: engagement.id,
                candidate: two.candidate,
                to: vec!["jane@client.example".into(), "LI@client.example".into()],
                bill_rate: None,
                profile: String::new(),
            },
            &later(1, "Ana"),
        )
        .unwrap();
    let second = store
        .answer_submittal(
            second.id,
            AnswerKind::Rejected,
            Some("rate above budget".into()),
            &later(3, "Li Wei"),
        )
        .unwrap();

    let mut to_place = active
        .iter()
        .filter(|a| (a.engagement, a.candidate) != (one.engagement, one.candidate))
        .filter(|a| (a.engagement, a.candidate) != (two.engagement, two.candidate));
    let (three, four) = (to_place.next().unwrap(), to_place.next().unwrap());
    let terms = |start, end, bill, pay, currency: &str| Terms {
        start,
        end,
        bill: HourlyRate::new(bill, currency),
        pay: HourlyRate::new(pay, currency),
    };
    let extended = store
        .place(
            three.engagement,
            three.candidate,
            terms(day(2026, 6, 15), Some(day(2026, 12, 31)), 100, 70, "USD"),
            &later(6, "Rui"),
        )
        .unwrap()
        .placement;
    let extended = store
        .change_placement(
            extended.id,
            PlacementEdit::Extend {
                end: Some(day(2027, 6, 30)),
            },
            &later(30, "Rui"),
        )
        .unwrap();
    let ended = store
        .place(
            four.engagement,
            four.candidate,
            terms(day(2026, 6, 8), Some(day(2026, 9, 30)), 110, 80, "EUR"),
            &later(7, "Ana"),
        )
        .unwrap()
        .placement;
    let ended = store
        .change_placement(
            ended.id,
            PlacementEdit::EndEarly {
                on: day(2026, 8, 14),
                reason: "client budget cut".into(),
            },
            &later(40, "Ana"),
        )
        .unwrap();
    AgencyRecords {
        client: client.id,
        submittals: vec![first, second],
        placements: vec![extended, ended],
    }
}

/// A demo database with the agency's records, a note, and an erased
/// person (whose tombstones must travel too); closed.
pub fn filled_agency(db: &super::TempDb) {
    let store = super::demo_store(db, 150, 6);
    add_agency_records(&store);
    let first = store.candidates().unwrap()[0].id;
    store
        .add_note(first, None, "Prefers remote, \"no\" travel; 三", &stamp())
        .unwrap();
    let last = store.candidates().unwrap().last().unwrap().id;
    store
        .erase_candidate(last, "request R-1", &stamp())
        .unwrap();
    drop(store);
}
