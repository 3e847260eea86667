//! Roles through the app: for every role and every kind of write (move,
//! reject, submit, answer a submittal, scorecard, note), the keys that
//! ask for it either write (the role may) or are refused in the status
//! bar with nothing written (the event log as long as before); and the
//! same writes forged below the screen, straight to the records with a
//! restricted session's writer, are refused the same way.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::roles::{World, select_card};
use common::*;
use hireterm::app::App;
use hireterm::app::overlay::Overlay;
use hireterm::app::records::writes::Writer;
use hireterm::domain::access::{Act, Role};
use hireterm::domain::scope::Access;
use hireterm::domain::{AnswerKind, CandidateId, Stage};
use hireterm::store::StoreError;

/// A card on the session's board that `fits`.
fn card_where(app: &App, fits: impl Fn(Stage, CandidateId) -> bool) -> Option<CandidateId> {
    let board = app.board();
    let found = board
        .iter()
        .flatten()
        .find(|c| fits(c.application.stage, c.candidate.id));
    found.map(|c| c.candidate.id)
}

/// The kinds of write, each with the act it asks for.
const WRITES: [(&str, Act); 6] = [
    ("move", Act::Move),
    ("reject", Act::Move),
    ("submit", Act::Submit),
    ("answer", Act::Answer),
    ("scorecard", Act::Scorecard),
    ("note", Act::Note),
];

/// Drives one kind of write through keys on the session's board.
fn drive(world: &World, app: &mut App, write: &str) {
    let sent: Vec<CandidateId> = (world.store.submittals().unwrap().iter())
        .map(|s| s.candidate)
        .collect();
    let waiting = world.store.submittal(world.waiting).unwrap().unwrap();
    let target = match write {
        "move" => card_where(app, |s, _| matches!(s, Stage::Sourced | Stage::Screening)),
        "submit" => card_where(app, |s, c| s.is_active() && !sent.contains(&c)),
        "answer" => Some(waiting.candidate),
        "scorecard" => card_where(app, |s, _| {
            matches!(s, Stage::TechnicalInterview | Stage::ClientInterview)
        }),
        _ => card_where(app, |s, _| s.is_active()),
    };
    let on_board =
        |app: &App, c: CandidateId| app.board().iter().flatten().any(|k| k.candidate.id == c);
    if let Some(candidate) = target.filter(|c| on_board(app, *c)) {
        select_card(app, candidate);
    }
    let key = match write {
        "move" => ">",
        "reject" => "x",
        "submit" => "S",
        "answer" => "a",
        "note" => "n",
        _ => "c",
    };
    press(app, key);
    // The prompt the key opened, if the role may: filled in and confirmed.
    match app.overlay() {
        Some(Overlay::Scorecard(form)) => {
            let rows = form.ratings.len();
            press(app, &"down ".repeat(rows));
            press(app, "4 enter");
        }
        Some(Overlay::Note(_)) => {
            type_text(app, "asks about the on-call rota");
            press(app, "enter");
        }
        Some(_) => press(app, "enter"),
        None => {}
    }
    if matches!(app.overlay(), Some(Overlay::Confirm(_))) {
        press(app, "y");
    }
}

#[test]
fn every_role_writes_what_the_table_allows_and_is_refused_the_rest() {
    for role in World::new().roles() {
        let world = World::new();
        for (write, act) in WRITES {
            let mut app = world.app(&role);
            let before = world.events();
            drive(&world, &mut app, write);
            let status = app.status().clone();
            match role.may(act) {
                true => {
                    assert!(!status.is_error, "{role} {write}: {}", status.text);
                    assert!(world.events() > before, "{role} {write} wrote nothing");
                }
                false => {
                    assert_eq!(status.text, role.refusal(act), "{role} {write}");
                    assert!(status.is_error);
                    assert!(app.overlay().is_none(), "{role} {write}: no prompt opens");
                    assert_eq!(world.events(), before, "{role} {write} wrote");
                }
            }
        }
    }
}

#[test]
fn moves_and_rejects_are_refused_to_every_role_but_admins_and_recruiters() {
    let world = World::new();
    for role in world.roles().iter().filter(|r| !r.may(Act::Move)) {
        let mut app = world.app(role);
        let before = world.events();
        let card = card_where(&app, |s, _| s.is_active()).expect("a card in play");
        select_card(&mut app, card);
        for keys in [">", "<", "x", "w", "p"] {
            press(&mut app, keys);
            assert_eq!(app.status().text, role.refusal(Act::Move), "{role} {keys}");
            assert!(app.overlay().is_none());
        }
        assert_eq!(world.events(), before);
    }
}

/// A writer of `role`, as a session of it makes them.
fn writer(role: Role, user: &str) -> Writer {
    Writer {
        origin: 7,
        stamp: stamp(),
        access: Access::new(role, user),
    }
}

#[test]
fn writes_forged_below_the_screen_are_refused_with_nothing_written() {
    let world = World::new();
    let records = &world.records;
    let store = &world.store;
    let bob = writer(Role::Interviewer, "bob");
    let guest = writer(Role::Client(world.client.clone()), "guest");
    let viewer = writer(Role::Viewer, "vic");
    let mine = store.pipeline(world.engagement).unwrap();
    let other = (store.engagements().unwrap().into_iter())
        .find(|e| e.id != world.engagement && !store.pipeline(e.id).unwrap().is_empty())
        .unwrap();
    let theirs = store.pipeline(other.id).unwrap()[0].clone();
    let before = world.events();
    let forbidden = |result: Result<(), StoreError>, says: &str| match result {
        Err(StoreError::Forbidden(why)) => assert!(why.contains(says), "{why}"),
        other => panic!("not refused: {other:?}"),
    };
    let moves = [(mine[0].candidate, Stage::Withdrawn)];
    let moved = records.move_many(&bob, world.engagement, &moves, None);
    forbidden(moved.map(|_| ()), "An interviewer may not move cards");
    let note = records.add_note(&bob, theirs.candidate, Some(other.id), "x");
    forbidden(note.map(|_| ()), "not in an engagement bob is assigned to");
    let note = records.add_note(&viewer, mine[0].candidate, None, "x");
    forbidden(note.map(|_| ()), "A viewer may not add notes");
    let sent = store.submittals().unwrap();
    let elsewhere = sent
        .iter()
        .find(|s| s.engagement != world.engagement)
        .unwrap();
    let answer = records.answer_submittal(&guest, elsewhere.id, AnswerKind::OnHold, None);
    forbidden(answer.map(|_| ()), &format!("is not {}'s", world.client));
    let on = records.move_on_answer(&guest, world.waiting, None);
    forbidden(on.map(|_| ()), "no interview request");
    let tag = records.retag(&guest, &[mine[0].candidate], "hot", false);
    forbidden(tag.map(|_| ()), "may not edit records");
    let assign = records.assign_interviewer(&bob, world.engagement, "bob", true);
    forbidden(assign.map(|_| ()), "An interviewer may not edit records");
    assert_eq!(world.events(), before, "nothing written");
    assert_eq!(store.pipeline(world.engagement).unwrap(), mine);
}

#[test]
fn a_guest_answers_as_the_clients_contact_and_a_recruiter_sees_it_at_once() {
    let world = World::new();
    let client = (world.store.clients().unwrap().into_iter())
        .find(|c| c.name == world.client)
        .unwrap();
    let contact = client.contacts[0].clone();
    let role = Role::Client(world.client.to_uppercase());
    let mut guest = app_on_records(world.records.clone(), &contact.email, role, 160, 50);
    common::roles::show_engagement(&mut guest, world.engagement);
    let mut recruiter = world.app(&Role::Recruiter);
    let waiting = world.store.submittal(world.waiting).unwrap().unwrap();
    select_card(&mut guest, waiting.candidate);
    press(&mut guest, "a down down enter");
    assert!(!guest.status().is_error, "{}", guest.status().text);
    let answered = world.store.submittal(world.waiting).unwrap().unwrap();
    let answer = answered.answers.last().unwrap();
    assert_eq!(
        (answer.kind, answer.by.as_str()),
        (AnswerKind::OnHold, contact.name.as_str())
    );
    recruiter.settle();
    let seen = recruiter.data().agency().submittal(world.waiting).unwrap();
    assert_eq!(
        seen.answers.last().map(|a| a.kind),
        Some(AnswerKind::OnHold)
    );
}

#[test]
fn assigning_an_interviewer_shows_them_the_engagement_and_taking_them_off_hides_it() {
    let world = World::new();
    let mut carla =
        common::app_on_records(world.records.clone(), "carla", Role::Interviewer, 160, 50);
    assert!(carla.data().engagements().is_empty());
    let mut recruiter = world.app(&Role::Recruiter);
    press(&mut recruiter, "I");
    type_text(&mut recruiter, "Carla");
    press(&mut recruiter, "enter");
    assert!(
        recruiter.status().text.contains("Carla assigned to"),
        "{}",
        recruiter.status().text
    );
    carla.settle();
    let seen: Vec<_> = carla.data().engagements().iter().map(|e| e.id).collect();
    assert_eq!(seen, [world.engagement]);
    let assignment = world.store.assignment(world.engagement).unwrap();
    assert_eq!(assignment.interviewers, ["bob", "Carla"]);
    press(&mut recruiter, "I");
    type_text(&mut recruiter, "-carla");
    press(&mut recruiter, "enter");
    carla.settle();
    assert!(carla.data().engagements().is_empty());
    assert!(carla.data().candidates().is_empty());
    press(&mut carla, "2 I");
    assert_eq!(carla.status().text, Role::Interviewer.refusal(Act::Edit));
}
