//! The questions a form asks before anything is lost or doubled: esc on a
//! changed form, and the duplicate prompt when saving finds the same
//! person on file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::{App, Context};
use hireterm::domain::{Candidate, DuplicateReason, EventKind, SkillId};

#[test]
fn esc_closes_the_matches_then_asks_then_discards_and_the_store_is_unchanged() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 20, 1), 120, 40);
    press(&mut app, "1"); // My work comes first; the table is 1
    let events = app.store().unwrap().recent_events(1).unwrap();
    press(&mut app, "a");
    fill(&mut app, "Name", "Not Saved");
    fill(&mut app, "Skills", "kube");
    press(&mut app, "esc");
    assert!(
        open_form(&app).is_some(),
        "the first esc closes the matches"
    );
    assert!(open_form(&app).unwrap().focused().completion().is_none());
    type_text(&mut app, "kube");
    press(&mut app, "enter");
    assert_eq!(open_form(&app).unwrap().picks(7).len(), 1);
    press(&mut app, "esc");
    assert_eq!(
        open_form(&app).unwrap().picks(7).len(),
        0,
        "esc drops a pick still waiting for its level"
    );
    press(&mut app, "esc");
    assert!(open_form(&app).is_some(), "the name was typed: esc asks");
    press(&mut app, "esc");
    assert!(app.overlay().is_none());
    assert_eq!(app.store().unwrap().recent_events(1).unwrap(), events);
    assert_eq!(app.store().unwrap().candidate_count(), 20);

    press(&mut app, "2 A");
    fill(&mut app, "Title", "Never");
    press(&mut app, "esc esc");
    assert!(app.overlay().is_none());
    assert_eq!(app.store().unwrap().engagements().unwrap().len(), 1);
    assert_eq!(app.store().unwrap().recent_events(1).unwrap(), events);
}

const ASK: &str = "esc again to discard your changes · any other key keeps editing";

#[test]
fn esc_on_a_changed_form_asks_and_only_a_second_esc_discards() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 20, 1), 120, 40);
    press(&mut app, "1"); // My work comes first; the table is 1
    let events = app.store().unwrap().recent_events(1).unwrap();
    press(&mut app, "a");
    fill(&mut app, "Name", "Half Typed");
    focus_field(&mut app, "Email");
    press(&mut app, "esc");
    assert!(open_form(&app).is_some(), "one esc does not throw it away");
    let screen = screen_text(&draw(&app, 120, 40));
    assert!(screen.contains(ASK), "{screen}");
    assert!(!app.status().is_error);

    // Any other key keeps editing, and is not lost.
    type_text(&mut app, "h");
    let form = open_form(&app).unwrap();
    assert_eq!(form.focused().input.text(), "h");
    assert!(!screen_text(&draw(&app, 120, 40)).contains(ASK));
    press(&mut app, "esc");
    assert!(open_form(&app).is_some(), "asked again after more editing");
    press(&mut app, "esc");
    assert!(app.overlay().is_none());
    assert!(
        app.status().text.contains("discarded"),
        "{:?}",
        app.status()
    );
    assert_eq!(app.store().unwrap().recent_events(1).unwrap(), events);

    // Small: at 80x24 the question shows too.
    let mut app = app_on(demo_store(&TempDb::new(), 20, 1), 80, 24);
    press(&mut app, "1"); // My work comes first; the table is 1
    press(&mut app, "2 E");
    fill(&mut app, "Headcount", "7");
    press(&mut app, "esc");
    let screen = screen_text(&draw(&app, 80, 24));
    assert!(
        screen.contains("esc again to discard your changes"),
        "{screen}"
    );
    press(&mut app, "esc");
    assert!(app.overlay().is_none());
}

#[test]
fn esc_closes_an_unchanged_form_at_once() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 20, 1), 120, 40);
    press(&mut app, "1"); // My work comes first; the table is 1
    press(&mut app, "a esc");
    assert!(app.overlay().is_none(), "a blank form closes at once");

    // Moving about and typing back what was there is no change.
    press(&mut app, "E");
    press(&mut app, "home right end tab tab");
    type_text(&mut app, "x");
    press(&mut app, "backspace");
    focus_field(&mut app, "Source");
    press(&mut app, "right left");
    press(&mut app, "esc");
    assert!(
        app.overlay().is_none(),
        "an edit form left as it was closes"
    );

    press(&mut app, "2 E tab tab tab backspace");
    press(&mut app, "esc");
    assert!(
        open_form(&app).is_some(),
        "a dropped requirement is a change"
    );
    press(&mut app, "esc");
    assert!(app.overlay().is_none());
}

/// An app over a demo database with one more candidate, `Ana Lima`, whose
/// phone is set; returns her.
fn app_with_ana(db: &TempDb) -> (App, Candidate) {
    let store = demo_store(db, 20, 1);
    let mut ana = candidate("Ana Lima", "ana.lima@example.com");
    ana.phone = Some("+351 912 345 678".into());
    ana.skills = vec![hireterm::domain::SkillLevel::new("go", level(2))];
    let ana = store.add_candidate(ana, &stamp()).unwrap();
    let mut app = app_on(store, 120, 40);
    press(&mut app, "1"); // My work comes first; the table is 1
    (app, ana)
}

#[test]
fn a_duplicate_email_prompts_and_opens_the_existing_record_or_goes_back() {
    let db = TempDb::new();
    let (mut app, ana) = app_with_ana(&db);
    let count = app.store().unwrap().candidate_count();
    press(&mut app, "a");
    fill(&mut app, "Name", "Someone Else");
    fill(&mut app, "Email", " ANA.LIMA@example.com");
    press(&mut app, "ctrl-s");
    assert_eq!(app.context(), Context::Duplicate);
    let prompt = duplicate_prompt(&app).clone();
    assert_eq!(
        (prompt.existing, prompt.reason),
        (ana.id, DuplicateReason::SameEmail)
    );
    let screen = screen_text(&draw(&app, 120, 40));
    let said = format!("Ana Lima ({}) has the same email.", ana.id);
    assert!(screen.contains(&said), "{screen}");
    assert_eq!(
        app.store().unwrap().candidate_count(),
        count,
        "nothing written"
    );

    press(&mut app, "b");
    assert_eq!(app.context(), Context::Form);
    let form = open_form(&app).unwrap();
    assert_eq!(form.fields[0].input.text(), "Someone Else");
    assert_eq!(form.fields[1].input.text(), " ANA.LIMA@example.com");

    press(&mut app, "ctrl-s o");
    assert!(app.overlay().is_none());
    assert_eq!(app.candidates().detail.map(|d| d.candidate), Some(ana.id));
    assert_eq!(app.store().unwrap().candidate_count(), count);
    assert_eq!(app.store().unwrap().candidate(ana.id).unwrap(), Some(ana));
}

#[test]
fn a_duplicate_by_name_and_phone_merges_and_the_merge_undoes_and_redoes() {
    let db = TempDb::new();
    let (mut app, ana) = app_with_ana(&db);
    let count = app.store().unwrap().candidate_count();
    press(&mut app, "a");
    fill(&mut app, "Name", "lima, ana");
    fill(&mut app, "Email", "ana.l@elsewhere.io");
    fill(&mut app, "Phone", "912-345-678");
    fill(&mut app, "Skills", "go");
    press(&mut app, "enter 4");
    fill(&mut app, "Tags", "rust-curious");
    press(&mut app, "ctrl-s");
    let prompt = duplicate_prompt(&app).clone();
    assert_eq!(prompt.reason, DuplicateReason::SameNameAndPhone);
    assert!(
        screen_text(&draw(&app, 120, 40)).contains("has the same name and phone"),
        "the reason is said"
    );

    press(&mut app, "m");
    assert!(app.overlay().is_none(), "{:?}", app.status());
    assert_eq!(
        app.store().unwrap().candidate_count(),
        count,
        "no new record"
    );
    let merged = app.store().unwrap().candidate(ana.id).unwrap().unwrap();
    assert_eq!(merged.name, "Ana Lima");
    assert_eq!(merged.level(&SkillId::new("go")), level(4));
    assert!(merged.tags.contains(&"rust-curious".to_string()));
    assert!(
        merged
            .links
            .contains(&"mailto:ana.l@elsewhere.io".to_string())
    );
    assert_eq!(app.data().candidate(ana.id), Some(&merged));
    assert_eq!(app.candidates().detail.map(|d| d.candidate), Some(ana.id));
    let events = app.store().unwrap().events_of(ana.id, 5).unwrap();
    // The newest change (opening the detail is the audit's, not a change).
    let changes: Vec<_> = (events.iter())
        .filter(|e| !matches!(e.kind, EventKind::CandidateViewed { .. }))
        .collect();
    assert!(matches!(
        &changes[0].kind,
        EventKind::CandidateMerged { before, after, .. } if **before == ana && **after == merged
    ));

    press(&mut app, "u");
    assert_eq!(
        app.store().unwrap().candidate(ana.id).unwrap().as_ref(),
        Some(&ana)
    );
    assert_eq!(app.data().candidate(ana.id), Some(&ana));
    let events = app.store().unwrap().events_of(ana.id, 5).unwrap();
    assert!(matches!(events[0].kind, EventKind::MergeUndone { .. }));

    press(&mut app, "ctrl-r");
    let again = app.store().unwrap().candidate(ana.id).unwrap().unwrap();
    assert_eq!(again, merged);
    assert_eq!(app.data().candidate(ana.id), Some(&merged));
    press(&mut app, "u");
    assert_eq!(
        app.store().unwrap().candidate(ana.id).unwrap().as_ref(),
        Some(&ana)
    );
    assert!(app.store().unwrap().check().unwrap().problems.is_empty());
}

#[test]
fn an_undo_of_a_merge_is_refused_once_the_record_has_changed() {
    let db = TempDb::new();
    let (mut app, ana) = app_with_ana(&db);
    press(&mut app, "a");
    fill(&mut app, "Name", "Ana Lima");
    fill(&mut app, "Email", "ana.lima@example.com");
    press(&mut app, "ctrl-s m");
    press(&mut app, "E");
    fill(&mut app, "City", "Braga");
    press(&mut app, "ctrl-s");
    let edited = app.store().unwrap().candidate(ana.id).unwrap().unwrap();
    // The edit cannot be undone from the app; the merge under it is refused.
    press(&mut app, "u");
    assert!(app.status().is_error, "{:?}", app.status());
    assert_eq!(
        app.store().unwrap().candidate(ana.id).unwrap(),
        Some(edited)
    );
}

#[test]
fn an_edit_that_takes_another_records_email_is_stopped_and_not_merged() {
    let db = TempDb::new();
    let (mut app, ana) = app_with_ana(&db);
    let other = app
        .data()
        .candidates()
        .iter()
        .find(|c| c.id != ana.id)
        .unwrap()
        .clone();
    let row = app
        .candidates()
        .order
        .iter()
        .position(|&i| app.data().candidates()[i as usize].id == other.id)
        .unwrap();
    for _ in 0..row {
        press(&mut app, "j");
    }
    press(&mut app, "E");
    fill(&mut app, "Email", "ana.lima@example.com");
    press(&mut app, "ctrl-s");
    assert_eq!(app.context(), Context::Duplicate);
    press(&mut app, "m");
    assert!(app.status().is_error, "a stored record is not merged away");
    assert_eq!(app.context(), Context::Duplicate);
    press(&mut app, "b esc esc");
    assert!(app.overlay().is_none());
    assert_eq!(
        app.store().unwrap().candidate(other.id).unwrap(),
        Some(other)
    );
    assert_eq!(app.store().unwrap().candidate(ana.id).unwrap(), Some(ana));
}
