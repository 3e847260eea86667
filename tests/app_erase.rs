//! Erasing a person from the app: only an admin, only with a reason and
//! the id typed back; the person shows erased everywhere at once, and
//! once the app is done and the records are closed as the binary closes
//! them, no file of the database holds their name, email or phone. A
//! rewrite left pending (the app killed) is reported by `check` and made
//! by the next close. And the add form asks before adding someone erased.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::keys::{files_holding, select_row};
use common::*;
use hireterm::app::overlay::Overlay;
use hireterm::app::records::writes::Writer;
use hireterm::app::records::{Closed, Records};
use hireterm::app::{App, Context};
use hireterm::catalog::Catalog;
use hireterm::domain::access::Role;
use hireterm::domain::scope::Access;
use hireterm::domain::{CandidateId, EngagementId};
use hireterm::store::{Store, StoreError};
use std::sync::Arc;

const NAME: &str = "Zebulon Quartermaine";
const EMAIL: &str = "zebulon@quartermaine.example";
const PHONE: &str = "+351 913 272 737";
const PENDING: &str = "an erasure's rewrite is pending";

/// A database with the person to erase (C1, in E1's pipeline, with a
/// note and an earlier version of their record) and one other (C2).
fn with_person(db: &TempDb) -> (Store, CandidateId, EngagementId) {
    let store = db.open();
    let mut person = candidate("Zeb Q", EMAIL);
    person.phone = Some(PHONE.into());
    let mut person = store.add_candidate(person, &stamp()).unwrap();
    person.name = NAME.into();
    store.update_candidate(&person, &stamp()).unwrap();
    let other = candidate("Ana Lima", "ana@lima.example");
    store.add_candidate(other, &stamp()).unwrap();
    let text = format!("{NAME} asks for remote work; call {PHONE}");
    store.add_note(person.id, None, &text, &stamp()).unwrap();
    let engagement = store_engagement(&store, engagement("Platform engineers")).id;
    store
        .open_applications(engagement, &[person.id], &stamp())
        .unwrap();
    (store, person.id, engagement)
}

/// `X` on `id`, the reason, Enter, the id typed back, Enter.
fn erase(app: &mut App, id: CandidateId, reason: &str, typed: &str) {
    select_row(app, id);
    press(app, "X");
    assert_eq!(app.context(), Context::Erase, "{:?}", app.status());
    type_text(app, reason);
    press(app, "enter");
    type_text(app, typed);
    press(app, "enter");
}

#[test]
fn an_admin_erases_and_after_the_close_no_file_holds_the_person() {
    let db = TempDb::new();
    let (store, id, engagement) = with_person(&db);
    let records = Records::load(Arc::new(store), Catalog::builtin()).unwrap();
    let mut app = app_on_records(Arc::clone(&records), "dpo", Role::Admin, 120, 40);
    erase(&mut app, id, "request R-7", "c1");
    assert_eq!(
        app.status().text,
        "erased C1; the database is rewritten when it is closed"
    );
    assert!(app.overlay().is_none());
    assert_eq!(
        app.data().candidate(id).unwrap().name,
        "erased candidate #1"
    );
    let table = screen_text(&draw(&app, 120, 40));
    assert!(
        table.contains("erased candidate #1") && !table.contains(NAME),
        "{table}"
    );
    press(&mut app, "enter");
    let detail = screen_text(&draw(&app, 120, 40));
    assert!(!detail.contains(NAME) && !detail.contains(EMAIL) && !detail.contains(PHONE));
    let said = "erased candidate #1: personal data erased (request R-7)";
    assert!(detail.contains(said), "{detail}");
    press(&mut app, "esc");
    common::roles::show_engagement(&mut app, engagement);
    let board = screen_text(&draw(&app, 120, 40));
    assert!(
        board.contains("erased candidate") && !board.contains("Zebulon"),
        "{board}"
    );
    // Not undoable: nothing before it either.
    press(&mut app, "u");
    assert_eq!(app.status().text, "nothing to undo");

    let store = app.store().unwrap();
    assert!(store.compaction_pending().unwrap());
    let problems = store.check().unwrap().problems;
    assert!(problems.iter().any(|p| p.contains(PENDING)), "{problems:?}");
    drop(store);
    // sled's log still holds the old versions until the rewrite.
    assert!(!files_holding(&db.path(), NAME).is_empty());

    // As `hireterm` does when the app ends.
    drop(app);
    let closed = records.close().unwrap();
    assert!(
        matches!(closed, Closed::Clean { rewrote: Some(_) }),
        "{closed:?}"
    );
    for needle in [NAME, EMAIL, PHONE] {
        let left = files_holding(&db.path(), needle);
        assert!(left.is_empty(), "{needle} is still in {left:?}");
    }
    let store = db.open();
    assert!(!store.compaction_pending().unwrap());
    assert!(store.check().unwrap().problems.is_empty());
    assert_eq!(
        store.candidate(id).unwrap().unwrap().name,
        "erased candidate #1"
    );
    assert!(
        store
            .erased_match(&candidate("Anyone", EMAIL))
            .unwrap()
            .is_some()
    );
}

#[test]
fn only_an_admin_may_erase_even_below_the_screen() {
    let db = TempDb::new();
    let (store, id, _) = with_person(&db);
    let store = Arc::new(store);
    let records = Records::load(Arc::clone(&store), Catalog::builtin()).unwrap();
    let events = store.events().unwrap().len();
    let client = store
        .client(hireterm::domain::ClientId(1))
        .unwrap()
        .unwrap()
        .name;
    for role in [
        Role::Recruiter,
        Role::Viewer,
        Role::Interviewer,
        Role::Client(client),
    ] {
        let mut app = app_on_records(Arc::clone(&records), "rui", role.clone(), 120, 40);
        let refusal = role.refusal(hireterm::domain::access::Act::Erase);
        press(&mut app, "1 X");
        assert_eq!(app.status().text, refusal);
        assert!(app.overlay().is_none());
        press(&mut app, ":");
        type_text(&mut app, "erase C1");
        press(&mut app, "enter");
        assert_eq!(app.status().text, refusal);
        assert!(app.overlay().is_none());
        let writer = Writer {
            origin: 3,
            stamp: stamp(),
            access: Access::new(role, "rui"),
        };
        let refused = records.erase_candidate(&writer, id, "forged").err();
        assert!(
            matches!(refused, Some(StoreError::Forbidden(_))),
            "{refused:?}"
        );
    }
    assert_eq!(store.candidate(id).unwrap().unwrap().name, NAME);
    assert_eq!(store.events().unwrap().len(), events);
    assert!(!store.compaction_pending().unwrap());
}

#[test]
fn a_wrong_id_typed_back_erases_nothing() {
    let db = TempDb::new();
    let (store, id, _) = with_person(&db);
    let store = Arc::new(store);
    let events = store.events().unwrap().len();
    let mut app = app_on(Arc::clone(&store), 120, 40);
    erase(&mut app, id, "request R-7", "C2");
    assert!(app.status().is_error);
    assert_eq!(
        app.status().text,
        "type C1 to confirm (not `C2`): nothing was erased"
    );
    assert_eq!(app.context(), Context::Erase);
    press(&mut app, "esc");
    assert_eq!(app.status().text, "nothing was erased");
    // Without a reason, the id alone does not do either.
    press(&mut app, "X tab");
    type_text(&mut app, "C1");
    press(&mut app, "enter");
    assert!(app.status().text.starts_with("type the reason first"));
    press(&mut app, "esc");
    assert_eq!(store.candidate(id).unwrap().unwrap().name, NAME);
    assert_eq!(store.events().unwrap().len(), events);
    assert!(!store.compaction_pending().unwrap());
}

#[test]
fn the_erase_prompt_says_what_happens() {
    let db = TempDb::new();
    let (store, id, _) = with_person(&db);
    let mut app = app_on(Arc::new(store), 80, 24);
    select_row(&mut app, id);
    press(&mut app, "X");
    type_text(&mut app, "request R-7");
    let terminal = draw(&app, 80, 24);
    insta::assert_snapshot!("erase_prompt_80x24", terminal.backend());
}

#[test]
fn the_add_form_asks_before_adding_someone_erased() {
    let db = TempDb::new();
    let (store, id, _) = with_person(&db);
    store.erase_candidate(id, "request R-7", &stamp()).unwrap();
    let store = Arc::new(store);
    let mut app = app_on(Arc::clone(&store), 120, 40);
    press(&mut app, "1 a");
    fill(&mut app, "Name", "Zeb Quartermaine");
    fill(&mut app, "Email", EMAIL);
    press(&mut app, "ctrl-s");
    let Some(Overlay::Confirm(question)) = app.overlay() else {
        panic!("no question: {:?}", app.status());
    };
    assert_eq!(
        question.question,
        "a person with this email was erased on 2026-06-01; add them again? \
         (their tombstone is removed)"
    );
    press(&mut app, "n");
    assert_eq!(app.status().text, "back to the form: nothing was saved");
    assert_eq!(
        candidate_sheet(&app).form.fields[0].input.text(),
        "Zeb Quartermaine"
    );
    assert!(store.candidate_by_email(EMAIL).unwrap().is_none());
    assert!(
        store
            .erased_match(&candidate("x", EMAIL))
            .unwrap()
            .is_some()
    );

    press(&mut app, "ctrl-s");
    assert!(matches!(app.overlay(), Some(Overlay::Confirm(_))));
    press(&mut app, "y");
    assert!(app.overlay().is_none(), "{:?}", app.status());
    let added = store.candidate_by_email(EMAIL).unwrap().unwrap();
    assert_eq!(added.name, "Zeb Quartermaine");
    assert_eq!(
        app.status().text,
        format!("added Zeb Quartermaine ({})", added.id)
    );
    assert!(store.erased_match(&added).unwrap().is_none());
}

#[test]
fn a_pending_rewrite_is_reported_by_check_and_made_by_the_next_close() {
    let db = TempDb::new();
    let (store, id, _) = with_person(&db);
    store.erase_candidate(id, "request R-7", &stamp()).unwrap();
    // Closed without the rewrite, as an app killed before its close.
    store.close().unwrap();
    let out = hireterm_on(&db.path(), &["check"]);
    let (stdout, stderr) = output_text(&out);
    assert!(!out.status.success(), "{stdout}{stderr}");
    assert!(
        stdout.contains(&format!("erasure: {PENDING}: erased data may remain")),
        "{stdout}"
    );
    assert!(stderr.contains("rewrote the database"), "{stderr}");
    assert!(files_holding(&db.path(), NAME).is_empty());
    let out = hireterm_on(&db.path(), &["check"]);
    assert!(out.status.success(), "{:?}", output_text(&out));

    // `hireterm erase` clears a pending mark too (it rewrites at once).
    let (store, other) = (db.open(), CandidateId(2));
    store
        .erase_candidate(other, "request R-8", &stamp())
        .unwrap();
    store.close().unwrap();
    let out = hireterm_on(
        &db.path(),
        &["erase", "--candidate", "C2", "--reason", "again"],
    );
    assert!(out.status.success(), "{:?}", output_text(&out));
    assert!(!db.open().compaction_pending().unwrap());
}
