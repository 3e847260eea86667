//! `hireterm erase`, run as the built binary on a demo database: the
//! person's name, email and phone are in no file of the database folder
//! afterwards (notes, a scorecard, a merge, a submittal and an update's old
//! versions included), `check` passes and finds no remnant, the funnel's
//! counts are as before, the event names who and why, and the same person
//! is refused by `add` and `import` until `--allow-erased` says otherwise.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::keys::files_holding;
use common::*;
use hireterm::domain::{
    Application, Candidate, EventKind, Recommendation, Scorecard, SkillId, Stage,
};

const NAME: &str = "Zebulon Quartermaine";
const PHONE: &str = "+351 912 345 678";
/// Offered by a merged-in duplicate, kept only in the merge's event.
const OTHER_PHONE: &str = "+351 913 000 111";
const MAY: [&str; 5] = [
    "report",
    "funnel",
    "--json",
    "--since=2026-05-01",
    "--until=2026-05-31",
];

/// A demo database with one person made easy to find in bytes: a unique
/// name and phone, a note, a scorecard, a merge and a submittal.
fn demo_with_person() -> (TempDb, Candidate) {
    let db = TempDb::new();
    let store = std::sync::Arc::try_unwrap(demo_store(&db, 300, 10))
        .ok()
        .unwrap();
    let submitted: Vec<_> = store.submittals().unwrap();
    let card: Application = store
        .applications()
        .unwrap()
        .into_iter()
        .find(|a| {
            a.stage == Stage::ClientInterview
                && submitted.iter().any(|s| s.candidate == a.candidate)
        })
        .expect("the demo has a submitted card in a client interview");
    let mut person = store.candidate(card.candidate).unwrap().unwrap();
    person.name = NAME.into();
    person.phone = Some(PHONE.into());
    store.update_candidate(&person, &stamp()).unwrap();
    let mut incoming = person.clone();
    incoming.phone = Some(OTHER_PHONE.into());
    store
        .merge_candidate(person.id, &incoming, &stamp())
        .unwrap();
    let text = format!("{NAME} asks for remote work; call {PHONE}");
    store
        .add_note(person.id, Some(card.engagement), &text, &stamp())
        .unwrap();
    let scorecard = Scorecard {
        stage: Stage::ClientInterview,
        author: "tester".into(),
        at: now(),
        ratings: vec![(SkillId::new("kubernetes"), 3)],
        recommendation: Recommendation::Yes,
        notes: format!("{NAME} was strong"),
    };
    store
        .add_scorecard(card.engagement, person.id, scorecard, &stamp())
        .unwrap();
    let person = store.candidate(person.id).unwrap().unwrap();
    store.close().unwrap();
    (db, person)
}

fn run(db: &TempDb, args: &[&str]) -> (bool, String) {
    let out = hireterm_on(&db.path(), args);
    let (stdout, stderr) = output_text(&out);
    (out.status.success(), format!("{stdout}{stderr}"))
}

#[test]
fn an_erased_person_is_in_no_file_and_the_counts_stay() {
    let (db, person) = demo_with_person();
    let before = run(&db, &MAY);
    for needle in [NAME, person.email.as_str(), PHONE, OTHER_PHONE] {
        assert!(
            !files_holding(&db.path(), needle).is_empty(),
            "{needle} is there first"
        );
    }
    let id = person.id.to_string();
    let args = [
        "--as",
        "dpo",
        "erase",
        "--candidate",
        &id,
        "--reason",
        "request R-7",
    ];
    let (ok, said) = run(&db, &args);
    assert!(ok, "{said}");
    assert!(
        said.contains(&format!("now \"erased candidate #{}\"", person.id.0)),
        "{said}"
    );
    for needle in [NAME, person.email.as_str(), PHONE, OTHER_PHONE] {
        let left = files_holding(&db.path(), needle);
        assert!(left.is_empty(), "{needle} is still in {left:?}");
    }
    let (ok, checked) = run(&db, &["check"]);
    assert!(ok, "{checked}");
    assert!(checked.contains("no problems found"), "{checked}");
    assert!(
        checked.contains("tombstones of erased people: 0 remnants"),
        "{checked}"
    );
    assert_eq!(run(&db, &MAY), before, "the funnel counts the same");
    let store = db.open();
    let last = store.events().unwrap().pop().unwrap();
    assert_eq!(last.actor, "dpo");
    assert_eq!(
        last.kind,
        EventKind::CandidateErased {
            candidate: person.id,
            reason: "request R-7".into()
        }
    );
    let kept = store.candidate(person.id).unwrap().unwrap();
    assert_eq!(kept.name, format!("erased candidate #{}", person.id.0));
    assert!(
        !store
            .applications()
            .unwrap()
            .iter()
            .all(|a| a.candidate != person.id)
    );
}

#[test]
fn the_same_person_is_refused_until_allowed() {
    let (db, person) = demo_with_person();
    let id = person.id.to_string();
    let (ok, said) = run(&db, &["erase", "--candidate", &id, "--reason", "asked"]);
    assert!(ok, "{said}");
    let erased_on = "a person with this email was erased on ";
    let add = [
        "add",
        "--name",
        "Z Q",
        "--email",
        &person.email,
        "--role",
        "devops",
    ];
    let (ok, said) = run(&db, &add);
    assert!(!ok && said.contains(erased_on), "{said}");
    let by_phone = [
        "add",
        "--name",
        "Z Q",
        "--email",
        "zq@new.example",
        "--phone",
        "912345678",
    ];
    let (ok, said) = run(&db, &by_phone);
    assert!(
        !ok && said.contains("a person with this phone was erased on "),
        "{said}"
    );
    let file = db.dir.path().join("people.csv");
    std::fs::write(
        &file,
        format!("name,email\nZ Q,{}\n", person.email.to_uppercase()),
    )
    .unwrap();
    let (ok, said) = run(&db, &["import", file.to_str().unwrap()]);
    assert!(!ok && said.contains(erased_on), "{said}");
    let (ok, said) = run(&db, &["import", file.to_str().unwrap(), "--allow-erased"]);
    assert!(ok, "{said}");
    let (ok, checked) = run(&db, &["check"]);
    assert!(ok && checked.contains("no problems found"), "{checked}");
    let (ok, said) = run(&db, &["erase", "--candidate", &id, "--reason", "again"]);
    assert!(
        ok && said.contains("already erased; rewriting the database again"),
        "{said}"
    );
}

#[test]
fn erasing_asks_for_a_reason_and_a_known_candidate() {
    let (db, person) = demo_with_person();
    let id = person.id.to_string();
    let (ok, said) = run(&db, &["erase", "--candidate", &id, "--reason", "  "]);
    assert!(!ok && said.contains("needs a reason"), "{said}");
    let (ok, said) = run(&db, &["erase", "--candidate", "C99999", "--reason", "x"]);
    assert!(!ok && said.contains("C99999"), "{said}");
    assert!(
        !files_holding(&db.path(), NAME).is_empty(),
        "nothing was erased"
    );
}

/// An undo or redo kept by another session (serve), or an edit begun
/// before the erasure, must not write the person back: the store refuses
/// every change to an erased record, and nothing of it is written.
#[test]
fn an_erased_record_takes_no_personal_data_again() {
    let (db, person) = demo_with_person();
    assert!(
        run(
            &db,
            &[
                "erase",
                "--candidate",
                &person.id.to_string(),
                "--reason",
                "request"
            ]
        )
        .0
    );
    let store = db.open();
    let erased = store.candidate(person.id).unwrap().unwrap();
    let notes = store.notes_of(person.id).unwrap();
    let refused = |result: Result<(), hireterm::store::StoreError>| {
        let message = result.unwrap_err().to_string();
        assert!(message.contains("was erased"), "{message}");
    };
    refused(store.update_candidate(&person, &stamp()));
    refused(
        store
            .merge_candidate(person.id, &person, &stamp())
            .map(|_| ()),
    );
    refused(
        store
            .retag(&[person.id], "lisbon", false, &stamp())
            .map(|_| ()),
    );
    refused(
        store
            .add_note(person.id, None, "call her", &stamp())
            .map(|_| ()),
    );
    assert_eq!(store.candidate(person.id).unwrap().unwrap(), erased);
    assert_eq!(store.notes_of(person.id).unwrap(), notes);
}
