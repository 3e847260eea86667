//! `hireterm delete`: a candidate, an engagement, a note and a client
//! entered by mistake are deleted, each with its event and `check` still
//! clean; each is refused, with its reason and nothing changed, while
//! other records depend on it; and what was deleted can be put back under
//! its id (the app's undo).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::domain::{ClientId, EventKind};
use hireterm::store::Store;

fn demo() -> TempDb {
    let db = TempDb::new();
    let store = std::sync::Arc::try_unwrap(demo_store(&db, 120, 4))
        .ok()
        .unwrap();
    store.close().unwrap();
    db
}

fn run(db: &TempDb, args: &[&str]) -> (bool, String) {
    let out = hireterm_on(&db.path(), args);
    let (stdout, stderr) = output_text(&out);
    (out.status.success(), format!("{stdout}{stderr}"))
}

fn check_is_clean(store: &Store) {
    let report = store.check().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

fn last_event(store: &Store) -> EventKind {
    store.events().unwrap().pop().unwrap().kind
}

#[test]
fn a_candidate_in_no_pipeline_goes_and_one_in_a_pipeline_stays() {
    let db = demo();
    let store = db.open();
    let apps = store.applications().unwrap();
    let all = store.candidates().unwrap();
    let free = all
        .iter()
        .find(|c| apps.iter().all(|a| a.candidate != c.id))
        .unwrap()
        .id;
    let busy = apps[0].candidate;
    store
        .add_note(free, None, "typed into the wrong record", &stamp())
        .unwrap();
    store.close().unwrap();
    let refusal = "only a candidate with no applications";
    refused_then_deleted(
        &db,
        "candidate",
        [&busy.to_string(), &free.to_string()],
        [refusal, "and 1 notes"],
    );
    let store = db.open();
    assert!(store.candidate(free).unwrap().is_none());
    assert!(store.candidate(busy).unwrap().is_some());
    assert!(store.notes_of(free).unwrap().is_empty());
    assert_eq!(
        last_event(&store),
        EventKind::CandidateDeleted { candidate: free }
    );
    check_is_clean(&store);
}

#[test]
fn a_deleted_candidate_comes_back_under_their_id_with_their_notes() {
    let db = demo();
    let store = db.open();
    let apps = store.applications().unwrap();
    let all = store.candidates().unwrap();
    let free = all
        .iter()
        .find(|c| apps.iter().all(|a| a.candidate != c.id))
        .unwrap()
        .clone();
    store.add_note(free.id, None, "kept", &stamp()).unwrap();
    let deleted = store.delete_candidate(free.id, &stamp()).unwrap();
    assert!(store.candidate_by_email(&free.email).unwrap().is_none());
    store.restore_candidate(&deleted, &stamp()).unwrap();
    assert_eq!(store.candidate(free.id).unwrap().unwrap(), free);
    assert_eq!(
        store.candidate_by_email(&free.email).unwrap().unwrap().id,
        free.id
    );
    assert_eq!(store.notes_of(free.id).unwrap(), deleted.notes);
    assert!(
        store.restore_candidate(&deleted, &stamp()).is_err(),
        "not twice"
    );
    check_is_clean(&store);
}

#[test]
fn an_engagement_with_no_applications_goes_and_comes_back() {
    let db = demo();
    let store = db.open();
    let empty = store_engagement(&store, engagement("Typed twice")).id;
    let busy = store.applications().unwrap()[0].engagement;
    store.close().unwrap();
    let says = ["only an engagement with none", "Typed twice"];
    refused_then_deleted(
        &db,
        "engagement",
        [&busy.to_string(), &empty.to_string()],
        says,
    );
    let store = db.open();
    assert!(store.engagement(empty).unwrap().is_none());
    assert!(store.engagement(busy).unwrap().is_some());
    assert_eq!(
        last_event(&store),
        EventKind::EngagementDeleted { engagement: empty }
    );
    check_is_clean(&store);
    let deleted = engagement("Typed twice");
    let deleted = hireterm::domain::Engagement {
        id: empty,
        client: store.engagement(busy).unwrap().unwrap().client,
        ..deleted
    };
    store.restore_engagement(&deleted, &stamp()).unwrap();
    assert_eq!(
        store.engagement(empty).unwrap().unwrap().title,
        "Typed twice"
    );
    check_is_clean(&store);
}

#[test]
fn a_note_goes_and_an_unknown_one_is_named() {
    let db = demo();
    let store = db.open();
    let who = store.candidates().unwrap()[0].id;
    let note = store.add_note(who, None, "wrong person", &stamp()).unwrap();
    store.close().unwrap();
    let says = ["there is no note N999", ""];
    refused_then_deleted(&db, "note", ["N999", &note.id.to_string()], says);
    let store = db.open();
    assert!(store.notes_of(who).unwrap().iter().all(|n| n.id != note.id));
    assert_eq!(
        last_event(&store),
        EventKind::NoteRemoved {
            candidate: who,
            note: note.id
        }
    );
    store.restore_note(&note, &stamp()).unwrap();
    assert!(store.notes_of(who).unwrap().contains(&note));
    check_is_clean(&store);
}

#[test]
fn a_client_with_no_engagements_goes_and_one_with_them_stays() {
    let db = demo();
    let (ok, said) = run(&db, &["client", "add", "Mistyped Ltd"]);
    assert!(ok, "{said}");
    let store = db.open();
    let clients = store.clients().unwrap();
    let typo = clients
        .iter()
        .find(|c| c.name == "Mistyped Ltd")
        .unwrap()
        .clone();
    let busy = store.engagements().unwrap()[0].client;
    store.close().unwrap();
    let says = ["only a client with none", "Mistyped Ltd"];
    refused_then_deleted(
        &db,
        "client",
        [&busy.to_string(), &typo.id.to_string()],
        says,
    );
    let store = db.open();
    assert!(store.client(typo.id).unwrap().is_none());
    assert!(store.client(busy).unwrap().is_some());
    assert_eq!(
        last_event(&store),
        EventKind::ClientDeleted { client: typo.id }
    );
    store.restore_client(&typo, &stamp()).unwrap();
    assert_eq!(store.client(typo.id).unwrap().unwrap(), typo);
    assert!(store.delete_client(ClientId(9999), &stamp()).is_err());
    check_is_clean(&store);
}

/// `hireterm delete KIND` refuses the first record, saying `says[0]`,
/// then deletes the second, saying `says[1]`.
fn refused_then_deleted(db: &TempDb, kind: &str, ids: [&str; 2], says: [&str; 2]) {
    let (ok, said) = run(db, &["delete", kind, ids[0]]);
    assert!(!ok && said.contains(says[0]), "{said}");
    let (ok, said) = run(db, &["delete", kind, ids[1]]);
    assert!(ok && said.contains(says[1]), "{said}");
}
