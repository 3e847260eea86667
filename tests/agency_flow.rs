#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The agency's loop through `App`, key by key: people into a pipeline,
//! submitted to the client, the client's answers, placed on terms and the
//! placement changed, clients kept, the bench. Each step is checked in
//! the store, after reopening it too, and undone and redone.

mod common;

use common::*;
use hireterm::app::overlay::Overlay;
use hireterm::app::{App, Context, Pane};
use hireterm::domain::*;
use hireterm::store::{Store, SubmittalDraft};
use std::sync::Arc;

/// Acme (two contacts) with one engagement, E1: a DevOps developer who
/// knows Kubernetes, billed at $95/h; and four people, Ana, Bo and Cy who
/// fit and Dee who does not.
fn agency(db: &TempDb) -> (Arc<Store>, Engagement) {
    let store = db.open();
    let acme = Client {
        id: ClientId(0),
        name: "Acme".into(),
        contacts: vec![
            Contact::parse("Jane Roe <jane@acme.example> +1 555 0100").unwrap(),
            Contact::parse("Li Wei <li@acme.example>").unwrap(),
        ],
        notes: String::new(),
        created_at: now(),
    };
    let acme = store.add_client(acme, &stamp()).unwrap();
    let mut job = engagement("DevOps developer for Acme");
    job.client = acme.id;
    job.headcount = 1;
    job.bill_rate = Some(HourlyRate::usd(95));
    let job = store.add_engagement(job, &stamp()).unwrap();
    for (name, email) in [
        ("Ana Lima", "ana@x.example"),
        ("Bo Chen", "bo@x.example"),
        ("Cy Diaz", "cy@x.example"),
    ] {
        store
            .add_candidate(candidate(name, email), &stamp())
            .unwrap();
    }
    let mut dee = candidate("Dee Eng", "dee@x.example");
    dee.skills.clear();
    dee.available_from = None;
    store.add_candidate(dee, &stamp()).unwrap();
    (Arc::new(store), job)
}

fn id_of(app: &App, name: &str) -> CandidateId {
    app.data()
        .candidates()
        .iter()
        .find(|c| c.name == name)
        .unwrap()
        .id
}

/// The app let go of, the store opened again: what is on disk.
fn reopened(db: &TempDb, app: App) -> Store {
    drop(app);
    db.open()
}

fn stage_in(store: &Store, job: EngagementId, who: CandidateId) -> Option<Stage> {
    store.application(job, who).unwrap().map(|a| a.stage)
}

/// Ana's card under the pipeline cursor.
fn on_anas_card(app: &mut App) {
    press(app, "2 h h h h h h g");
    let ana = id_of(app, "Ana Lima");
    let board = app.board();
    let column = board
        .iter()
        .position(|c| c.iter().any(|k| k.candidate.id == ana))
        .unwrap();
    for _ in 0..column {
        press(app, "l");
    }
}

#[test]
fn p_adds_the_row_to_the_engagement_chosen_and_u_takes_it_back() {
    let db = TempDb::new();
    let (store, job) = agency(&db);
    let mut app = app_on(store, 120, 40);
    let ana = id_of(&app, "Ana Lima");
    press(&mut app, "1 p");
    assert_eq!(
        app.context(),
        Context::Picker,
        "the engagement is chosen in a picker"
    );
    press(&mut app, "enter");
    assert!(
        app.status().text.starts_with("1 added to E1 at Sourced"),
        "{:?}",
        app.status()
    );
    assert_eq!(
        stage_in(&app.store().unwrap(), job.id, ana),
        Some(Stage::Sourced)
    );
    let event = app.store().unwrap().events_of(ana, 1).unwrap().remove(0);
    assert!(matches!(
        event.kind,
        EventKind::ApplicationOpened {
            stage: Stage::Sourced,
            ..
        }
    ));
    press(&mut app, "u");
    assert_eq!(stage_in(&app.store().unwrap(), job.id, ana), None, "undone");
    press(&mut app, "ctrl-r");
    assert_eq!(
        stage_in(&app.store().unwrap(), job.id, ana),
        Some(Stage::Sourced),
        "redone"
    );
    let store = reopened(&db, app);
    assert_eq!(
        stage_in(&store, job.id, ana),
        Some(Stage::Sourced),
        "on disk"
    );
}

#[test]
fn marked_people_are_added_at_once_and_one_already_there_is_named_with_its_stage() {
    let db = TempDb::new();
    let (store, job) = agency(&db);
    let bo = store
        .candidate_by_email("bo@x.example")
        .unwrap()
        .unwrap()
        .id;
    store
        .open_application(job.id, bo, Stage::Screening, &stamp())
        .unwrap();
    let mut app = app_on(store, 120, 40);
    press(&mut app, "1 * p enter");
    let status = app.status().text.clone();
    assert!(status.starts_with("3 added to E1"), "{status}");
    assert!(
        status.contains("Bo Chen is at Screening already"),
        "{status}"
    );
    assert_eq!(app.data().pipeline(job.id).len(), 4);
    assert!(app.marks().is_empty());
    // Again: nobody new, each named.
    press(&mut app, "p enter");
    assert!(app.status().is_error && app.status().text.contains("Ana Lima is at Sourced"));
}

#[test]
fn one_who_left_earlier_is_offered_a_reopening() {
    let db = TempDb::new();
    let (store, job) = agency(&db);
    let ana = store
        .candidate_by_email("ana@x.example")
        .unwrap()
        .unwrap()
        .id;
    store
        .open_application(job.id, ana, Stage::Screening, &stamp())
        .unwrap();
    store
        .move_stage(job.id, ana, Stage::Rejected, Some("rate".into()), &stamp())
        .unwrap();
    let mut app = app_on(store, 120, 40);
    press(&mut app, "1 p enter");
    assert_eq!(app.context(), Context::Confirm);
    let Some(Overlay::Confirm(question)) = app.overlay() else {
        panic!()
    };
    assert!(
        question
            .question
            .contains("left E1 at Rejected. Re-open at Screening?")
    );
    press(&mut app, "y");
    assert_eq!(
        stage_in(&app.store().unwrap(), job.id, ana),
        Some(Stage::Screening)
    );
}

#[test]
fn a_submittal_goes_to_the_contacts_at_the_bill_rate_and_asks_before_going_again() {
    let db = TempDb::new();
    let (store, job) = agency(&db);
    let ana = store
        .candidate_by_email("ana@x.example")
        .unwrap()
        .unwrap()
        .id;
    store
        .open_application(job.id, ana, Stage::Screening, &stamp())
        .unwrap();
    let mut app = app_on(store, 120, 40);
    on_anas_card(&mut app);
    press(&mut app, "S");
    assert_eq!(app.context(), Context::Submit);
    press(&mut app, "enter");
    let sent = app.store().unwrap().submittals().unwrap();
    assert_eq!(sent.len(), 1, "{:?}", app.status());
    assert_eq!(sent[0].to, ["jane@acme.example", "li@acme.example"]);
    assert_eq!(sent[0].bill_rate, Some(HourlyRate::usd(95)));
    assert!(sent[0].profile.contains("Ana Lima") && !sent[0].profile.contains("ana@x.example"));
    assert!(
        sent[0].profile.contains("Kubernetes"),
        "{}",
        sent[0].profile
    );
    // Again within 90 days: asked first, naming the earlier one.
    press(&mut app, "S enter");
    let Some(Overlay::Confirm(question)) = app.overlay() else {
        panic!("{:?}", app.overlay())
    };
    assert!(
        question.question.contains(&format!("({}, E1)", sent[0].id)),
        "{}",
        question.question
    );
    press(&mut app, "n");
    assert_eq!(app.store().unwrap().submittals().unwrap().len(), 1);
    // Only Li this time, at 100.
    press(&mut app, "S up space");
    press(&mut app, "down backspace backspace");
    type_text(&mut app, "100");
    press(&mut app, "enter y");
    let sent = app.store().unwrap().submittals().unwrap();
    assert_eq!(sent.len(), 2);
    assert_eq!(
        (sent[1].to.clone(), sent[1].bill_rate.clone()),
        (
            vec!["jane@acme.example".to_string()],
            Some(HourlyRate::usd(100))
        )
    );
    press(&mut app, "u");
    assert_eq!(
        app.store().unwrap().submittals().unwrap().len(),
        1,
        "undone"
    );
    press(&mut app, "ctrl-r");
    assert_eq!(
        app.store().unwrap().submittals().unwrap().len(),
        2,
        "redone"
    );
    let store = reopened(&db, app);
    assert_eq!(store.submittals().unwrap().len(), 2);
}

#[test]
fn an_interview_request_moves_the_card_on_and_a_rejection_needs_the_reason() {
    let db = TempDb::new();
    let (store, job) = agency(&db);
    let ana = store
        .candidate_by_email("ana@x.example")
        .unwrap()
        .unwrap()
        .id;
    store
        .open_application(job.id, ana, Stage::TechnicalInterview, &stamp())
        .unwrap();
    let draft = SubmittalDraft {
        engagement: job.id,
        candidate: ana,
        to: vec![],
        bill_rate: None,
        profile: "Ana".into(),
    };
    let sent = store.submit(draft, &stamp()).unwrap();
    let mut app = app_on(store, 120, 40);
    on_anas_card(&mut app);
    press(&mut app, "a enter");
    let answered = app.store().unwrap().submittal(sent.id).unwrap().unwrap();
    assert_eq!(
        answered.answer().unwrap().kind,
        AnswerKind::InterviewRequested
    );
    assert_eq!(
        stage_in(&app.store().unwrap(), job.id, ana),
        Some(Stage::ClientInterview)
    );
    assert!(
        app.status().text.contains("moved to Client interview"),
        "{:?}",
        app.status()
    );
    press(&mut app, "u");
    assert!(
        app.store()
            .unwrap()
            .submittal(sent.id)
            .unwrap()
            .unwrap()
            .answers
            .is_empty()
    );
    assert_eq!(
        stage_in(&app.store().unwrap(), job.id, ana),
        Some(Stage::TechnicalInterview),
        "one undo, both back"
    );
    // A rejection without the client's reason is refused; with it, kept.
    on_anas_card(&mut app);
    press(&mut app, "a down enter");
    assert!(
        app.status().is_error && app.overlay().is_some(),
        "{:?} {:?}",
        app.status(),
        app.overlay()
    );
    type_text(&mut app, "rate above budget");
    press(&mut app, "enter");
    let answer = app
        .store()
        .unwrap()
        .submittal(sent.id)
        .unwrap()
        .unwrap()
        .answers
        .remove(0);
    assert_eq!(
        (answer.kind, answer.reason.as_deref()),
        (AnswerKind::Rejected, Some("rate above budget"))
    );
}

#[test]
fn placing_asks_for_the_terms_fills_the_engagement_and_undoes() {
    let db = TempDb::new();
    let (store, job) = agency(&db);
    let ana = store
        .candidate_by_email("ana@x.example")
        .unwrap()
        .unwrap()
        .id;
    store
        .open_application(job.id, ana, Stage::Offer, &stamp())
        .unwrap();
    let mut app = app_on(store, 120, 40);
    on_anas_card(&mut app);
    press(&mut app, ">");
    assert_eq!(app.context(), Context::Form, "the terms first");
    assert_eq!(
        stage_in(&app.store().unwrap(), job.id, ana),
        Some(Stage::Offer),
        "not placed yet"
    );
    fill(&mut app, "End", "2026-06-20");
    let screen = screen_text(&draw(&app, 120, 40));
    assert!(
        screen.contains("gross margin 37 %"),
        "bill 95 over pay 60: {screen}"
    );
    press(&mut app, "ctrl-s");
    let placed = app
        .store()
        .unwrap()
        .placement_of(job.id, ana)
        .unwrap()
        .expect("placed");
    let terms = placed.terms();
    assert_eq!(
        (terms.bill.amount, terms.pay.amount, terms.end),
        (
            95,
            60,
            <chrono::NaiveDate as NaiveDateExt>::ymd(2026, 6, 20)
        )
    );
    assert_eq!(
        stage_in(&app.store().unwrap(), job.id, ana),
        Some(Stage::Placed)
    );
    assert_eq!(
        app.store()
            .unwrap()
            .engagement(job.id)
            .unwrap()
            .unwrap()
            .status,
        EngagementStatus::Filled
    );
    press(&mut app, "u");
    assert_eq!(
        app.store().unwrap().placement_of(job.id, ana).unwrap(),
        None
    );
    assert_eq!(
        stage_in(&app.store().unwrap(), job.id, ana),
        Some(Stage::Offer)
    );
    assert_eq!(
        app.store()
            .unwrap()
            .engagement(job.id)
            .unwrap()
            .unwrap()
            .status,
        EngagementStatus::Open
    );
    press(&mut app, "ctrl-r");
    assert!(
        app.store()
            .unwrap()
            .placement_of(job.id, ana)
            .unwrap()
            .is_some(),
        "redone"
    );
    // The bench's rows are worked out only while it shows (every session
    // would keep most of a large database's candidates in them).
    assert!(app.views().bench().is_empty());
    // The bench knows when she is free again.
    press(&mut app, "6");
    let bench = app.views().bench();
    let row = bench
        .iter()
        .find(|r| app.data().candidates()[r.candidate as usize].id == ana)
        .unwrap();
    assert_eq!(
        row.from,
        <chrono::NaiveDate as NaiveDateExt>::ymd(2026, 6, 21).unwrap()
    );
    let store = reopened(&db, app);
    assert_eq!(store.placements().unwrap().len(), 1);
}

#[test]
fn a_placement_is_extended_then_ended_early_and_each_change_undoes() {
    let db = TempDb::new();
    let (store, job) = agency(&db);
    let ana = store
        .candidate_by_email("ana@x.example")
        .unwrap()
        .unwrap()
        .id;
    store
        .open_application(job.id, ana, Stage::Offer, &stamp())
        .unwrap();
    let terms = Terms {
        start: <chrono::NaiveDate as NaiveDateExt>::ymd(2026, 6, 8).unwrap(),
        end: <chrono::NaiveDate as NaiveDateExt>::ymd(2026, 9, 30),
        bill: HourlyRate::usd(95),
        pay: HourlyRate::usd(70),
    };
    let placed = store.place(job.id, ana, terms, &stamp()).unwrap().placement;
    let mut app = app_on(store, 120, 40);
    on_anas_card(&mut app);
    press(&mut app, "P");
    fill(&mut app, "End", "2026-12-31");
    press(&mut app, "ctrl-s");
    let extended = app.store().unwrap().placement(placed.id).unwrap().unwrap();
    assert_eq!(
        (extended.latest().kind, extended.ends_on()),
        (
            ChangeKind::Extended,
            <chrono::NaiveDate as NaiveDateExt>::ymd(2026, 12, 31)
        )
    );
    press(&mut app, "P right right");
    fill(&mut app, "End", "2026-07-31");
    fill(&mut app, "Reason", "budget cut");
    press(&mut app, "ctrl-s");
    let ended = app.store().unwrap().placement(placed.id).unwrap().unwrap();
    assert_eq!(
        ended.latest().kind,
        ChangeKind::EndedEarly,
        "{:?}",
        app.status()
    );
    assert_eq!(ended.latest().reason.as_deref(), Some("budget cut"));
    press(&mut app, "u u");
    let back = app.store().unwrap().placement(placed.id).unwrap().unwrap();
    assert!(back.changes.is_empty(), "both changes undone");
}

#[test]
fn clients_are_added_and_edited_and_an_engagement_picks_one() {
    let db = TempDb::new();
    let (store, _) = agency(&db);
    let mut app = app_on(store, 120, 40);
    press(&mut app, "2 C");
    fill(&mut app, "Name", "Globex");
    fill(
        &mut app,
        "Contacts",
        "Hank Scorpio <hank@globex.example>; nobody",
    );
    press(&mut app, "ctrl-s");
    assert!(
        error_of(&app, "Contacts").is_some(),
        "a contact that does not parse"
    );
    fill(&mut app, "Contacts", "Hank Scorpio <hank@globex.example>");
    press(&mut app, "ctrl-s");
    let globex = app
        .store()
        .unwrap()
        .client_by_name("globex")
        .unwrap()
        .expect("saved");
    assert_eq!(globex.contacts[0].email, "hank@globex.example");
    press(&mut app, "K");
    fill(&mut app, "Notes", "prefers calls");
    press(&mut app, "ctrl-s");
    assert_eq!(
        app.store()
            .unwrap()
            .client_by_name("Acme")
            .unwrap()
            .unwrap()
            .notes,
        "prefers calls"
    );
    // A new engagement picks its client as you type.
    press(&mut app, "A");
    fill(&mut app, "Client", "glob");
    press(&mut app, "enter");
    fill(&mut app, "Title", "SRE for Globex");
    fill(&mut app, "Role type", "sre");
    press(&mut app, "enter");
    fill(&mut app, "Requires", "kube");
    press(&mut app, "enter 4 m");
    fill(&mut app, "Bill /h", "110");
    press(&mut app, "ctrl-s");
    assert!(app.overlay().is_none(), "{:?}", app.status());
    let added = app.engagement().unwrap().clone();
    assert_eq!((added.client, added.owner.as_str()), (globex.id, "tester"));
    assert_eq!(added.bill_rate, Some(HourlyRate::usd(110)));
}

#[test]
fn attention_shows_an_unanswered_submittal_and_a_placement_ending_soon() {
    let db = TempDb::new();
    let (store, job) = agency(&db);
    let ana = store
        .candidate_by_email("ana@x.example")
        .unwrap()
        .unwrap()
        .id;
    let bo = store
        .candidate_by_email("bo@x.example")
        .unwrap()
        .unwrap()
        .id;
    store
        .open_application(job.id, ana, Stage::TechnicalInterview, &stamp())
        .unwrap();
    let old = Stamp::new(now() - chrono::Duration::days(5), "tester");
    let draft = SubmittalDraft {
        engagement: job.id,
        candidate: ana,
        to: vec![],
        bill_rate: None,
        profile: "Ana".into(),
    };
    store.submit(draft, &old).unwrap();
    store
        .open_application(job.id, bo, Stage::Offer, &stamp())
        .unwrap();
    let terms = Terms {
        start: <chrono::NaiveDate as NaiveDateExt>::ymd(2026, 5, 1).unwrap(),
        end: <chrono::NaiveDate as NaiveDateExt>::ymd(2026, 6, 15),
        bill: HourlyRate::usd(95),
        pay: HourlyRate::new(80, "EUR"),
    };
    store.place(job.id, bo, terms, &stamp()).unwrap();
    let mut app = app_on(store, 120, 40);
    press(&mut app, "4");
    let screen = screen_text(&draw(&app, 120, 40));
    assert!(screen.contains("no client answer in 5d"), "{screen}");
    assert!(
        screen.contains("placement ends 2026-06-15  Bo Chen"),
        "{screen}"
    );
    assert_eq!(app.pane(), Pane::Attention);
}

/// Dates for the tests.
trait NaiveDateExt {
    fn ymd(y: i32, m: u32, d: u32) -> Option<chrono::NaiveDate>;
}

impl NaiveDateExt for chrono::NaiveDate {
    fn ymd(y: i32, m: u32, d: u32) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::from_ymd_opt(y, m, d)
    }
}
