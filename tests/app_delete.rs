//! Deleting what was entered by mistake, from the app: a candidate, an
//! engagement, a client and a note, each asked first, written to the real
//! store, undone with `u` and redone with `ctrl-r`, the store checked each
//! time; and the refusals (records that depend on it, a role that may
//! not), which write nothing, below the screen too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::keys::{command, question, select_row};
use common::roles::show_engagement;
use common::*;
use hireterm::app::Context;
use hireterm::app::records::Records;
use hireterm::app::records::writes::Writer;
use hireterm::catalog::Catalog;
use hireterm::domain::access::Role;
use hireterm::domain::scope::Access;
use hireterm::domain::{CandidateId, Client, ClientId, Contact, EngagementId, EventKind};
use hireterm::store::{Store, StoreError};
use std::sync::Arc;

struct World {
    _db: TempDb,
    store: Arc<Store>,
    /// Two notes, no applications.
    ana: CandidateId,
    /// In `busy`'s pipeline.
    bo: CandidateId,
    busy: EngagementId,
    /// No applications.
    idle: EngagementId,
    /// No engagements, no submittals.
    spare: ClientId,
}

fn world() -> World {
    let db = TempDb::new();
    let store = db.open();
    let ana = candidate("Ana Lima", "ana@lima.example");
    let ana = store.add_candidate(ana, &stamp()).unwrap().id;
    let mut bo = candidate("Bo Chen", "bo@chen.example");
    bo.phone = Some("+44 20 7946 0958".into());
    let bo = store.add_candidate(bo, &stamp()).unwrap().id;
    store
        .add_note(ana, None, "First call went well", &stamp())
        .unwrap();
    store
        .add_note(ana, None, "Asks for remote work", &stamp())
        .unwrap();
    let busy = store_engagement(&store, engagement("Platform engineers")).id;
    let idle = store_engagement(&store, engagement("Typo engagement")).id;
    store.open_applications(busy, &[bo], &stamp()).unwrap();
    let spare = Client {
        id: ClientId(0),
        name: "Spare Co".into(),
        contacts: vec![Contact::parse("Sam Spare <sam@spare.example>").unwrap()],
        notes: String::new(),
        created_at: now(),
    };
    let spare = store.add_client(spare, &stamp()).unwrap().id;
    World {
        _db: db,
        store: Arc::new(store),
        ana,
        bo,
        busy,
        idle,
        spare,
    }
}

fn kinds(store: &Store) -> Vec<EventKind> {
    store
        .events()
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect()
}

#[test]
fn a_candidate_with_no_applications_is_deleted_undone_and_redone() {
    let w = world();
    let mut app = app_on(Arc::clone(&w.store), 120, 40);
    select_row(&mut app, w.ana);
    press(&mut app, "D");
    assert_eq!(
        question(&app),
        "Delete C1 Ana Lima? They have no applications; their 2 notes go too. u undoes it."
    );
    press(&mut app, "y");
    assert_eq!(app.status().text, "deleted C1 Ana Lima · u undoes");
    assert!(w.store.candidate(w.ana).unwrap().is_none());
    assert!(w.store.notes_of(w.ana).unwrap().is_empty());
    assert!(app.data().candidate(w.ana).is_none());
    let screen = screen_text(&draw(&app, 120, 40));
    let table: Vec<&str> = screen.lines().take(39).collect();
    assert!(table[1].contains("Candidates (1)"), "{screen}");
    assert!(!table.join("\n").contains("Ana Lima"), "{screen}");

    press(&mut app, "u");
    assert_eq!(app.status().text, "undid the delete: C1 Ana Lima is back");
    assert_eq!(w.store.candidate(w.ana).unwrap().unwrap().name, "Ana Lima");
    assert_eq!(w.store.notes_of(w.ana).unwrap().len(), 2);
    assert_eq!(app.data().notes_of(w.ana).len(), 2);
    assert_eq!(
        app.candidates().selected(app.data()).map(|c| c.id),
        Some(w.ana)
    );

    press(&mut app, "ctrl-r");
    assert_eq!(app.status().text, "redid: deleted C1 Ana Lima");
    assert!(w.store.candidate(w.ana).unwrap().is_none());
    let log = kinds(&w.store);
    let deleted = EventKind::CandidateDeleted { candidate: w.ana };
    assert_eq!(log.iter().filter(|k| **k == deleted).count(), 2);
    assert!(w.store.check().unwrap().problems.is_empty());
}

#[test]
fn an_engagement_with_no_applications_is_deleted_undone_and_redone() {
    let w = world();
    let mut app = app_on(Arc::clone(&w.store), 120, 40);
    show_engagement(&mut app, w.idle);
    press(&mut app, "D");
    assert_eq!(
        question(&app),
        "Delete E2 Typo engagement (Northwind Logistics)? It has no applications. u undoes it."
    );
    press(&mut app, "y");
    assert_eq!(app.status().text, "deleted E2 Typo engagement · u undoes");
    assert!(w.store.engagement(w.idle).unwrap().is_none());
    // The board goes on to the engagement that is left.
    assert_eq!(app.engagement().map(|e| e.id), Some(w.busy));

    press(&mut app, "u");
    assert_eq!(
        w.store.engagement(w.idle).unwrap().unwrap().title,
        "Typo engagement"
    );
    assert_eq!(app.engagement().map(|e| e.id), Some(w.idle));
    press(&mut app, "ctrl-r");
    assert!(w.store.engagement(w.idle).unwrap().is_none());
    assert!(app.data().engagement(w.idle).is_none());
    assert!(w.store.check().unwrap().problems.is_empty());
}

#[test]
fn a_client_with_nothing_on_file_is_deleted_from_the_command_line() {
    let w = world();
    let mut app = app_on(Arc::clone(&w.store), 120, 40);
    command(&mut app, &format!("delete {}", w.spare));
    assert_eq!(
        question(&app),
        "Delete client CL2 Spare Co? It has no engagements and no submittals. u undoes it."
    );
    press(&mut app, "y");
    assert!(w.store.client(w.spare).unwrap().is_none());
    assert!(app.data().agency().client(w.spare).is_none());
    press(&mut app, "u");
    assert_eq!(w.store.client(w.spare).unwrap().unwrap().name, "Spare Co");
    assert!(app.data().agency().client(w.spare).is_some());
    press(&mut app, "ctrl-r");
    assert!(w.store.client(w.spare).unwrap().is_none());
}

#[test]
fn a_note_chosen_in_the_detail_is_deleted_undone_and_redone() {
    let w = world();
    let mut app = app_on(Arc::clone(&w.store), 120, 40);
    select_row(&mut app, w.ana);
    press(&mut app, "enter N");
    assert_eq!(app.context(), Context::DeleteNote);
    let screen = screen_text(&draw(&app, 120, 40));
    assert!(
        screen.contains("N2 2026-06-01 tester: Asks for remote work"),
        "{screen}"
    );
    press(&mut app, "j enter");
    let asked = question(&app);
    assert!(
        asked
            == "Delete note N1 of C1 Ana Lima (2026-06-01 tester: First call went well)? \
                  u undoes it.",
        "{asked}"
    );
    press(&mut app, "y");
    let left: Vec<String> = (w.store.notes_of(w.ana).unwrap().into_iter())
        .map(|n| n.text)
        .collect();
    assert_eq!(left, ["Asks for remote work"]);
    assert_eq!(app.data().notes_of(w.ana).len(), 1);

    press(&mut app, "u");
    let back: Vec<String> = (w.store.notes_of(w.ana).unwrap().into_iter())
        .map(|n| n.text)
        .collect();
    assert_eq!(back, ["First call went well", "Asks for remote work"]);
    let shown: Vec<&str> = (app.data().notes_of(w.ana).iter())
        .map(|n| n.text.as_str())
        .collect();
    assert_eq!(shown, back);
    press(&mut app, "ctrl-r");
    assert_eq!(w.store.notes_of(w.ana).unwrap().len(), 1);

    // `D` in the detail: the candidate, whose last note goes too.
    press(&mut app, "D y");
    assert!(w.store.candidate(w.ana).unwrap().is_none());
    assert_eq!(app.context(), Context::Candidates);
}

#[test]
fn what_others_depend_on_is_not_deleted_and_nothing_is_written() {
    let w = world();
    let mut app = app_on(Arc::clone(&w.store), 120, 40);
    let before = kinds(&w.store);
    select_row(&mut app, w.bo);
    press(&mut app, "D");
    assert!(app.overlay().is_none());
    assert!(app.status().is_error);
    assert!(
        app.status().text.starts_with(
            "C2 Bo Chen is in 1 pipelines: only a candidate with no applications can be deleted"
        ),
        "{:?}",
        app.status()
    );
    show_engagement(&mut app, w.busy);
    press(&mut app, "D");
    assert!(app.overlay().is_none());
    assert!(
        app.status().text.contains("has 1 applications"),
        "{:?}",
        app.status()
    );
    command(&mut app, "delete CL1");
    assert!(app.overlay().is_none());
    assert!(
        app.status().text.contains("has 2 engagements"),
        "{:?}",
        app.status()
    );
    command(&mut app, "delete X9");
    assert!(
        app.status().text.contains("names no record"),
        "{:?}",
        app.status()
    );
    assert_eq!(kinds(&w.store), before);
    assert!(w.store.candidate(w.bo).unwrap().is_some());
}

#[test]
fn a_viewer_and_an_interviewer_may_not_delete_even_below_the_screen() {
    let w = world();
    let records = Records::load(Arc::clone(&w.store), Catalog::builtin()).unwrap();
    let before = kinds(&w.store);
    for (role, refusal) in [
        (Role::Viewer, "A viewer may not delete records"),
        (Role::Interviewer, "An interviewer may not delete records"),
    ] {
        let mut app = app_on_records(Arc::clone(&records), "vic", role.clone(), 120, 40);
        press(&mut app, "1 D");
        assert_eq!(app.status().text, refusal);
        assert!(app.overlay().is_none());
        command(&mut app, "delete C1");
        assert_eq!(app.status().text, refusal);
        assert!(app.overlay().is_none());
        // A forged request, past every screen: the records refuse it.
        let writer = Writer {
            origin: 7,
            stamp: stamp(),
            access: Access::new(role, "vic"),
        };
        let refused = records.delete_candidate(&writer, w.ana).err();
        assert!(
            matches!(refused, Some(StoreError::Forbidden(_))),
            "{refused:?}"
        );
        let refused = records.delete_engagement(&writer, w.idle).err();
        assert!(
            matches!(refused, Some(StoreError::Forbidden(_))),
            "{refused:?}"
        );
    }
    assert_eq!(kinds(&w.store), before);
    assert!(w.store.candidate(w.ana).unwrap().is_some());
    // A recruiter may.
    let mut app = app_on_records(records, "rui", Role::Recruiter, 120, 40);
    select_row(&mut app, w.ana);
    press(&mut app, "D y");
    assert!(w.store.candidate(w.ana).unwrap().is_none());
}
