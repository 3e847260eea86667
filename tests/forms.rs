//! The add/edit forms, driven by keys: what the store holds afterwards,
//! what the screen shows, and the duplicate prompt.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::candidate_form::CandidateForm;
use hireterm::app::overlay::Overlay;
use hireterm::app::{App, Context, Input, Pane};
use hireterm::domain::{
    Candidate, CandidateId, DuplicateReason, EngagementStatus, EventKind, HiringModel, Level,
    Priority, RateRange, RoleId, SkillId, Source,
};
use hireterm::search::Target;

fn candidate_sheet(app: &App) -> &CandidateForm {
    match app.overlay() {
        Some(Overlay::CandidateForm(sheet)) => sheet,
        other => panic!("no candidate form: {other:?}"),
    }
}

fn error_of(app: &App, label: &str) -> Option<String> {
    let form = open_form(app).unwrap();
    let field = form.fields.iter().find(|f| f.label == label).unwrap();
    field.error.clone()
}

/// The screen row that shows `label` as a field.
fn row_of(app: &App, label: &str) -> String {
    let (width, height) = app.size();
    let text = screen_text(&draw(app, width, height));
    text.lines()
        .find(|l| l.contains(&format!(" {label:<11}")))
        .unwrap_or_else(|| panic!("no row {label}: {text}"))
        .to_string()
}

/// Finds `query` with the palette, then closes it.
fn search(app: &mut App, query: &str) -> Vec<Target> {
    press(app, "/");
    type_text(app, query);
    let Some(Overlay::Palette(palette)) = app.overlay() else {
        panic!("no palette")
    };
    let targets = palette.hits.iter().map(|h| h.target.clone()).collect();
    press(app, "esc");
    targets
}

fn level(n: u8) -> Level {
    Level::new(n).unwrap()
}

#[test]
fn a_candidate_added_in_the_form_is_stored_shown_and_found() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 40, 2), 120, 40);
    press(&mut app, "a");
    fill(&mut app, "Name", "Zed Quist");
    fill(&mut app, "Email", "zed@quist.io");
    fill(&mut app, "Phone", "+44 20 7946 0958");
    fill(&mut app, "City", "Leeds");
    fill(&mut app, "Time zone", "Europe/London");
    fill(&mut app, "Roles", "sre");
    press(&mut app, "enter");
    fill(&mut app, "Skills", "kube");
    let matches = &candidate_sheet(&app)
        .form
        .focused()
        .completion()
        .unwrap()
        .matches;
    assert_eq!(matches[0].name, "Kubernetes");
    press(&mut app, "enter 4");
    fill(&mut app, "Rate /h", "70-95");
    fill(&mut app, "Available", "2026-07-01");
    focus_field(&mut app, "Source");
    press(&mut app, "right");
    fill(&mut app, "Tags", "remote; senior");
    press(&mut app, "ctrl-s");
    assert!(app.overlay().is_none(), "{:?}", app.status());

    let stored = app
        .store()
        .candidate_by_email("zed@quist.io")
        .unwrap()
        .unwrap();
    assert_eq!(stored.name, "Zed Quist");
    assert_eq!(stored.level(&SkillId::new("kubernetes")), level(4));
    assert_eq!(stored.roles, vec![RoleId::new("devops")]);
    assert_eq!(stored.rate, Some(RateRange::usd(70, 95)));
    assert_eq!(stored.source, Source::LinkedIn);
    assert_eq!(stored.tags, vec!["remote", "senior"]);
    assert_eq!(stored.location.timezone, "Europe/London");
    assert_eq!(stored.available_from.unwrap().to_string(), "2026-07-01");

    assert_eq!(app.pane(), Pane::Candidates);
    assert_eq!(
        app.candidates().selected(app.data()).map(|c| c.id),
        Some(stored.id)
    );
    assert_eq!(app.candidates().order.len(), 41);
    let screen = screen_text(&draw(&app, 120, 40));
    assert!(screen.contains("Zed Quist"), "{screen}");
    assert!(search(&mut app, "quist").contains(&Target::Candidate(stored.id)));

    drop(app);
    let store = db.open();
    assert_eq!(
        store.candidate(stored.id).unwrap().as_ref(),
        Some(&stored),
        "on disk after reopening"
    );
    let events = store.events_of(stored.id, 5).unwrap();
    assert!(matches!(events[0].kind, EventKind::CandidateAdded { .. }));
}

#[test]
fn invalid_fields_show_their_error_beside_the_field_and_nothing_is_written() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 20, 1), 120, 40);
    let before = app.store().candidate_count();
    press(&mut app, "a");
    fill(&mut app, "Email", "ana@example");
    fill(&mut app, "Phone", "912 abc 678");
    fill(&mut app, "Skills", "kube");
    press(&mut app, "enter 7");
    fill(&mut app, "Rate /h", "90-60");
    fill(&mut app, "Currency", "US");
    fill(&mut app, "Available", "2026-13-01");
    press(&mut app, "ctrl-s");

    let expected = [
        ("Name", "required"),
        ("Email", "not an email address"),
        ("Phone", "phone `912 abc 678` has fewer than 7 digits"),
        ("Skills", "level of Kubernetes missing (0-5)"),
        ("Rate /h", "rate minimum 90 is above maximum 60"),
        ("Currency", "currency `US` is not a 3-letter code like USD"),
        ("Available", "a date as YYYY-MM-DD"),
    ];
    for (label, message) in expected {
        assert_eq!(error_of(&app, label).as_deref(), Some(message), "{label}");
        let row = row_of(&app, label);
        assert!(row.contains(&format!("✗ {message}")), "{label}: {row}");
    }
    assert_eq!(open_form(&app).unwrap().focused().label, "Name");
    assert!(app.status().is_error);
    assert_eq!(app.store().candidate_count(), before, "nothing written");
    assert_eq!(
        open_form(&app).unwrap().fields[1].input.text(),
        "ana@example",
        "what was typed is kept"
    );

    // A name over the length limit, pasted, is kept and refused (at
    // once: a field showing an error is checked as it is edited).
    app.handle_input(Input::Paste("x".repeat(201)));
    assert_eq!(open_form(&app).unwrap().fields[0].input.text().len(), 201);
    assert_eq!(
        error_of(&app, "Name").as_deref(),
        Some("at most 200 characters")
    );

    // Mended, one by one, the errors go as the fields are edited.
    fill(&mut app, "Name", "Ana Lima");
    assert_eq!(error_of(&app, "Name"), None);
    fill(&mut app, "Email", "ana@example.com");
    fill(&mut app, "Phone", "912 345 678");
    focus_field(&mut app, "Skills");
    press(&mut app, "4");
    fill(&mut app, "Rate /h", "60-90");
    fill(&mut app, "Currency", "eur");
    fill(&mut app, "Available", "2026-12-01");
    press(&mut app, "ctrl-s");
    assert!(app.overlay().is_none(), "{:?}", app.status());
    let stored = app
        .store()
        .candidate_by_email("ana@example.com")
        .unwrap()
        .unwrap();
    assert_eq!(stored.rate.as_ref().unwrap().currency, "EUR");
    assert_eq!(stored.level(&SkillId::new("kubernetes")), level(4));
}

#[test]
fn a_candidate_is_edited_from_the_table_and_from_the_detail_view() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 30, 2), 120, 40);
    press(&mut app, "j j");
    let original = app.candidates().selected(app.data()).unwrap().clone();
    press(&mut app, "E");
    assert_eq!(
        open_form(&app).unwrap().fields[0].input.text(),
        original.name
    );
    fill(&mut app, "City", "Porto");
    press(&mut app, "ctrl-s");
    assert!(app.overlay().is_none(), "{:?}", app.status());
    let stored = app.store().candidate(original.id).unwrap().unwrap();
    assert_eq!(
        stored,
        Candidate {
            location: hireterm::domain::Location {
                city: "Porto".into(),
                ..original.location.clone()
            },
            ..original.clone()
        },
        "only the city changed"
    );
    assert_eq!(app.data().candidate(original.id), Some(&stored));

    press(&mut app, "enter E");
    fill(&mut app, "Name", "Renamed Person");
    press(&mut app, "ctrl-s");
    assert_eq!(
        app.store().candidate(original.id).unwrap().unwrap().name,
        "Renamed Person"
    );
    let screen = screen_text(&draw(&app, 120, 40));
    assert!(
        screen.contains("Renamed Person"),
        "the detail shows it: {screen}"
    );
    press(&mut app, "esc");
    assert_eq!(
        app.candidates().selected(app.data()).map(|c| c.id),
        Some(original.id),
        "the table keeps its cursor on the renamed row"
    );
}

#[test]
fn an_engagement_is_edited_and_one_added_with_requirements() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 30, 2), 120, 40);
    press(&mut app, "2");
    let original = app.engagement().unwrap().clone();
    press(&mut app, "E");
    fill(&mut app, "Headcount", "3");
    focus_field(&mut app, "Status");
    press(&mut app, "right");
    press(&mut app, "ctrl-s");
    assert!(app.overlay().is_none(), "{:?}", app.status());
    let stored = app.store().engagement(original.id).unwrap().unwrap();
    assert_eq!(
        (stored.headcount, stored.status),
        (3, EngagementStatus::OnHold)
    );
    assert_eq!(stored.requirements, original.requirements);
    assert_eq!(app.engagement(), Some(&stored));

    press(&mut app, "A");
    fill(&mut app, "Client", "Acme Freight");
    fill(&mut app, "Title", "Platform engineers for Acme");
    fill(&mut app, "Role type", "sre");
    press(&mut app, "enter");
    fill(&mut app, "Requires", "kube");
    press(&mut app, "enter 4 m");
    type_text(&mut app, "golang");
    press(&mut app, "enter 2 n");
    fill(&mut app, "Headcount", "2");
    focus_field(&mut app, "Model");
    press(&mut app, "right right");
    fill(&mut app, "Budget /h", "60-90");
    fill(&mut app, "Start", "2026-07-15");
    press(&mut app, "ctrl-s");
    assert!(app.overlay().is_none(), "{:?}", app.status());

    let added = app.engagement().unwrap().clone();
    assert_ne!(added.id, original.id);
    assert_eq!(app.pane(), Pane::Pipeline);
    let stored = app.store().engagement(added.id).unwrap().unwrap();
    assert_eq!(stored, added);
    assert_eq!(stored.role, RoleId::new("devops"));
    assert_eq!(stored.model, HiringModel::ContractToHire);
    assert_eq!(stored.headcount, 2);
    let requirements: Vec<_> = stored
        .requirements
        .iter()
        .map(|r| (r.skill.as_str(), r.min_level.get(), r.priority))
        .collect();
    assert_eq!(
        requirements,
        vec![("kubernetes", 4, Priority::Must), ("go", 2, Priority::Nice)]
    );
    assert!(search(&mut app, "acme").contains(&Target::Engagement(added.id)));
}

#[test]
fn an_engagement_needs_a_required_skill_and_one_must_have() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 20, 1), 120, 40);
    let count = app.store().engagements().unwrap().len();
    press(&mut app, "2 A");
    fill(&mut app, "Title", "Skills to follow");
    fill(&mut app, "Role type", "sre");
    press(&mut app, "enter ctrl-s");
    assert_eq!(error_of(&app, "Requires").as_deref(), Some("required"));
    assert_eq!(open_form(&app).unwrap().focused().label, "Requires");

    type_text(&mut app, "golang");
    press(&mut app, "enter 2 n ctrl-s");
    assert_eq!(
        error_of(&app, "Requires").as_deref(),
        Some("at least one must-have skill")
    );
    assert!(row_of(&app, "Requires").contains("✗ at least one must-have skill"));
    assert_eq!(app.store().engagements().unwrap().len(), count, "not saved");

    focus_field(&mut app, "Requires");
    type_text(&mut app, "kube");
    press(&mut app, "enter 3 m ctrl-s");
    assert!(app.overlay().is_none(), "{:?}", app.status());
    let musts: Vec<_> = app.engagement().unwrap().musts().collect();
    assert_eq!(musts.len(), 1);
    assert_eq!(app.store().engagements().unwrap().len(), count + 1);
}

#[test]
fn esc_closes_the_matches_then_asks_then_discards_and_the_store_is_unchanged() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 20, 1), 120, 40);
    let events = app.store().recent_events(1).unwrap();
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
    assert_eq!(app.store().recent_events(1).unwrap(), events);
    assert_eq!(app.store().candidate_count(), 20);

    press(&mut app, "2 A");
    fill(&mut app, "Title", "Never");
    press(&mut app, "esc esc");
    assert!(app.overlay().is_none());
    assert_eq!(app.store().engagements().unwrap().len(), 1);
    assert_eq!(app.store().recent_events(1).unwrap(), events);
}

const ASK: &str = "esc again to discard your changes · any other key keeps editing";

#[test]
fn esc_on_a_changed_form_asks_and_only_a_second_esc_discards() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 20, 1), 120, 40);
    let events = app.store().recent_events(1).unwrap();
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
    assert_eq!(app.store().recent_events(1).unwrap(), events);

    // Small: at 80x24 the question shows too.
    let mut app = app_on(demo_store(&TempDb::new(), 20, 1), 80, 24);
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

#[test]
fn in_a_form_letters_type_instead_of_acting() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 20, 1), 80, 24);
    press(&mut app, "a");
    assert_eq!(app.context(), Context::Form);
    type_text(&mut app, "q?/ujk12");
    press(&mut app, "space");
    assert!(!app.should_quit());
    assert_eq!(open_form(&app).unwrap().fields[0].input.text(), "q?/ujk12 ");
    // The last field still shows on a small screen: the form scrolls.
    focus_field(&mut app, "Tags");
    type_text(&mut app, "visible");
    let screen = screen_text(&draw(&app, 80, 24));
    assert!(screen.contains("▶ Tags       visible▏"), "{screen}");
}

/// An app over a demo database with one more candidate, `Ana Lima`, whose
/// phone is set; returns her.
fn app_with_ana(db: &TempDb) -> (App, Candidate) {
    let store = demo_store(db, 20, 1);
    let mut ana = candidate("Ana Lima", "ana.lima@example.com");
    ana.phone = Some("+351 912 345 678".into());
    ana.skills = vec![hireterm::domain::SkillLevel::new("go", level(2))];
    let ana = store.add_candidate(ana, &stamp()).unwrap();
    (app_on(store, 120, 40), ana)
}

#[test]
fn a_duplicate_email_prompts_and_opens_the_existing_record_or_goes_back() {
    let db = TempDb::new();
    let (mut app, ana) = app_with_ana(&db);
    let count = app.store().candidate_count();
    press(&mut app, "a");
    fill(&mut app, "Name", "Someone Else");
    fill(&mut app, "Email", " ANA.LIMA@example.com");
    press(&mut app, "ctrl-s");
    assert_eq!(app.context(), Context::Duplicate);
    let prompt = candidate_sheet(&app).duplicate.clone().unwrap();
    assert_eq!(
        (prompt.existing, prompt.reason),
        (ana.id, DuplicateReason::SameEmail)
    );
    let screen = screen_text(&draw(&app, 120, 40));
    let said = format!("Ana Lima ({}) has the same email.", ana.id);
    assert!(screen.contains(&said), "{screen}");
    assert_eq!(app.store().candidate_count(), count, "nothing written");

    press(&mut app, "b");
    assert_eq!(app.context(), Context::Form);
    let form = open_form(&app).unwrap();
    assert_eq!(form.fields[0].input.text(), "Someone Else");
    assert_eq!(form.fields[1].input.text(), " ANA.LIMA@example.com");

    press(&mut app, "ctrl-s o");
    assert!(app.overlay().is_none());
    assert_eq!(app.candidates().detail.map(|d| d.candidate), Some(ana.id));
    assert_eq!(app.store().candidate_count(), count);
    assert_eq!(app.store().candidate(ana.id).unwrap(), Some(ana));
}

#[test]
fn a_duplicate_by_name_and_phone_merges_and_the_merge_undoes_and_redoes() {
    let db = TempDb::new();
    let (mut app, ana) = app_with_ana(&db);
    let count = app.store().candidate_count();
    press(&mut app, "a");
    fill(&mut app, "Name", "lima, ana");
    fill(&mut app, "Email", "ana.l@elsewhere.io");
    fill(&mut app, "Phone", "912-345-678");
    fill(&mut app, "Skills", "go");
    press(&mut app, "enter 4");
    fill(&mut app, "Tags", "rust-curious");
    press(&mut app, "ctrl-s");
    let prompt = candidate_sheet(&app).duplicate.clone().unwrap();
    assert_eq!(prompt.reason, DuplicateReason::SameNameAndPhone);
    assert!(
        screen_text(&draw(&app, 120, 40)).contains("has the same name and phone"),
        "the reason is said"
    );

    press(&mut app, "m");
    assert!(app.overlay().is_none(), "{:?}", app.status());
    assert_eq!(app.store().candidate_count(), count, "no new record");
    let merged = app.store().candidate(ana.id).unwrap().unwrap();
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
    let events = app.store().events_of(ana.id, 5).unwrap();
    assert!(matches!(
        &events[0].kind,
        EventKind::CandidateMerged { before, after, .. } if **before == ana && **after == merged
    ));

    press(&mut app, "u");
    assert_eq!(app.store().candidate(ana.id).unwrap().as_ref(), Some(&ana));
    assert_eq!(app.data().candidate(ana.id), Some(&ana));
    let events = app.store().events_of(ana.id, 5).unwrap();
    assert!(matches!(events[0].kind, EventKind::MergeUndone { .. }));

    press(&mut app, "ctrl-r");
    let again = app.store().candidate(ana.id).unwrap().unwrap();
    assert_eq!(again, merged);
    assert_eq!(app.data().candidate(ana.id), Some(&merged));
    press(&mut app, "u");
    assert_eq!(app.store().candidate(ana.id).unwrap().as_ref(), Some(&ana));
    assert!(app.store().check().unwrap().problems.is_empty());
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
    let edited = app.store().candidate(ana.id).unwrap().unwrap();
    // The edit cannot be undone from the app; the merge under it is refused.
    press(&mut app, "u");
    assert!(app.status().is_error, "{:?}", app.status());
    assert_eq!(app.store().candidate(ana.id).unwrap(), Some(edited));
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
    assert_eq!(app.store().candidate(other.id).unwrap(), Some(other));
    assert_eq!(app.store().candidate(ana.id).unwrap(), Some(ana));
}

/// Moves the cursor to the candidate `id` in the table and opens the form.
fn edit_candidate(app: &mut App, id: CandidateId) {
    let row = app
        .candidates()
        .order
        .iter()
        .position(|&i| app.data().candidates()[i as usize].id == id)
        .unwrap();
    for _ in 0..row {
        press(app, "j");
    }
    press(app, "E");
    assert_eq!(
        candidate_sheet(app).editing.as_ref().map(|c| c.id),
        Some(id)
    );
}

#[test]
fn tags_holding_commas_and_semicolons_survive_an_edit_that_leaves_them_alone() {
    let db = TempDb::new();
    let store = demo_store(&db, 20, 1);
    let mut imported = candidate("Tag Keeper", "tags@example.com");
    imported.tags = vec![
        "Zürich, CH".into(),
        "on-call; weekends".into(),
        r"C:\ops\".into(),
        "remote".into(),
    ];
    let imported = store.add_candidate(imported, &stamp()).unwrap();
    let mut app = app_on(store, 120, 40);
    edit_candidate(&mut app, imported.id);
    focus_field(&mut app, "Tags");
    assert_eq!(
        open_form(&app).unwrap().focused().input.text(),
        r"Zürich, CH; on-call\; weekends; C:\\ops\\; remote"
    );
    fill(&mut app, "City", "Basel");
    press(&mut app, "ctrl-s");
    assert!(app.overlay().is_none(), "{:?}", app.status());
    let stored = app.store().candidate(imported.id).unwrap().unwrap();
    assert_eq!(stored.tags, imported.tags, "the tags were not touched");
    assert_eq!(stored.location.city, "Basel");

    // Typed in the same notation: `;` between tags, `\;` inside one.
    press(&mut app, "E");
    fill(&mut app, "Tags", r" remote ; Bern, CH;; a\;b; remote");
    press(&mut app, "ctrl-s");
    let stored = app.store().candidate(imported.id).unwrap().unwrap();
    assert_eq!(stored.tags, vec!["remote", "Bern, CH", "a;b"]);
}

#[test]
fn a_stored_candidate_the_store_accepts_saves_from_the_form_untouched() {
    let db = TempDb::new();
    let store = demo_store(&db, 20, 1);
    let mut pricey = candidate("Ext Person", "ext@example.com");
    pricey.phone = Some("+44 (0)20 7946 0958 ext. 12".into());
    pricey.rate = Some(RateRange {
        currency: "CHF".into(),
        ..RateRange::usd(250, 300)
    });
    pricey.location.timezone = "UTC +1".into();
    let pricey = store.add_candidate(pricey, &stamp()).unwrap();
    let mut app = app_on(store, 120, 40);
    edit_candidate(&mut app, pricey.id);
    fill(&mut app, "City", "Leeds");
    press(&mut app, "ctrl-s");
    assert!(app.overlay().is_none(), "{:?}", app.status());
    let stored = app.store().candidate(pricey.id).unwrap().unwrap();
    assert_eq!((&stored.phone, &stored.rate), (&pricey.phone, &pricey.rate));
    assert_eq!(stored.location.timezone, "UTC +1");

    press(&mut app, "a");
    fill(&mut app, "Name", "New Ext");
    fill(&mut app, "Email", "new.ext@example.com");
    fill(&mut app, "Phone", "+1 (555) 010-9999 x42");
    fill(&mut app, "Rate /h", "100000");
    press(&mut app, "ctrl-s");
    assert!(app.overlay().is_none(), "{:?}", app.status());
    let stored = app
        .store()
        .candidate_by_email("new.ext@example.com")
        .unwrap()
        .unwrap();
    assert_eq!(stored.phone.as_deref(), Some("+1 (555) 010-9999 x42"));
    assert_eq!(stored.rate, Some(RateRange::usd(100_000, 100_000)));
}

#[test]
fn the_form_refuses_what_the_store_refuses_in_the_stores_words() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 20, 1), 120, 40);
    let before = app.store().candidate_count();
    press(&mut app, "a");
    fill(&mut app, "Name", "Too Much");
    fill(&mut app, "Email", "too@much.io");
    fill(&mut app, "Phone", "12-34 ext. 5");
    fill(&mut app, "Rate /h", "100001");
    fill(&mut app, "Currency", "U5D");
    press(&mut app, "ctrl-s");
    let expected = [
        ("Phone", "phone `12-34 ext. 5` has fewer than 7 digits"),
        ("Rate /h", "rate 100001 is above 100000 an hour"),
        ("Currency", "currency `U5D` is not a 3-letter code like USD"),
    ];
    for (label, message) in expected {
        assert_eq!(error_of(&app, label).as_deref(), Some(message), "{label}");
    }
    assert_eq!(app.store().candidate_count(), before);

    press(&mut app, "esc esc 2 A");
    fill(&mut app, "Headcount", "70000");
    focus_field(&mut app, "Model");
    assert_eq!(
        error_of(&app, "Headcount").as_deref(),
        Some("a whole number from 1 to 10000")
    );
    fill(&mut app, "Headcount", "10001");
    focus_field(&mut app, "Model");
    assert_eq!(
        error_of(&app, "Headcount").as_deref(),
        Some("headcount 10001 is not 1 to 10000")
    );
    fill(&mut app, "Headcount", "0");
    focus_field(&mut app, "Model");
    assert_eq!(
        error_of(&app, "Headcount").as_deref(),
        Some("headcount 0 is not 1 to 10000")
    );
}

#[test]
fn an_engagement_the_store_accepts_saves_from_the_form_untouched() {
    let db = TempDb::new();
    let store = db.open();
    let mut big = engagement("Six hundred testers");
    big.headcount = 600;
    big.budget = Some(RateRange {
        currency: "EUR".into(),
        ..RateRange::usd(250, 300)
    });
    let big = store.add_engagement(big, &stamp()).unwrap();
    let mut app = app_on(std::sync::Arc::new(store), 120, 40);
    press(&mut app, "2 E");
    focus_field(&mut app, "Status");
    press(&mut app, "right");
    press(&mut app, "ctrl-s");
    assert!(app.overlay().is_none(), "{:?}", app.status());
    let stored = app.store().engagement(big.id).unwrap().unwrap();
    assert_eq!(stored.status, EngagementStatus::OnHold);
    assert_eq!((stored.headcount, &stored.budget), (600, &big.budget));
}

/// A record planted behind the store's back with more skills and links
/// than it allows: the record check on save marks the skills field and
/// says the links (which have no field) in the footer.
#[test]
fn record_problems_show_beside_their_field_or_in_the_footer() {
    let db = TempDb::new();
    drop(demo_store(&db, 20, 1));
    let mut heavy = candidate("Heavy Record", "heavy@example.com");
    heavy.id = CandidateId(9_999);
    heavy.skills = (0..201)
        .map(|i| hireterm::domain::SkillLevel::new(format!("s{i}"), level(1)))
        .collect();
    heavy.links = (0..201).map(|i| format!("https://x.io/{i}")).collect();
    plant_raw_candidate(&db, &heavy);
    let mut app = app_on(std::sync::Arc::new(db.open()), 120, 40);
    edit_candidate(&mut app, heavy.id);
    press(&mut app, "ctrl-s");
    let form = open_form(&app).expect("nothing saved: the form stays");
    assert_eq!(
        error_of(&app, "Skills").as_deref(),
        Some("201 skills is more than 200")
    );
    assert_eq!(form.focused().label, "Skills");
    assert_eq!(form.error.as_deref(), Some("201 links is more than 200"));
    let screen = screen_text(&draw(&app, 120, 40));
    assert!(screen.contains("✗ 201 links is more than 200"), "{screen}");
    assert!(app.status().is_error);
    let stored = app.store().candidate(heavy.id).unwrap().unwrap();
    assert_eq!(stored, heavy, "nothing written");
}

const HOSTILE: &str = "Eve\u{1b}[2J\u{1b}]52;c;aGk=\u{7}\r\u{9b}\u{202E}Lima";

fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}'..='\u{200F}')
}

fn assert_clean_screen(app: &App) {
    let text = screen_text(&draw(app, 120, 40));
    assert!(
        !text.chars().any(|c| is_forbidden(c) && c != '\n'),
        "{text:?}"
    );
}

#[test]
fn a_hostile_paste_never_reaches_the_store_or_the_screen() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 20, 1), 120, 40);
    press(&mut app, "a");
    app.handle_input(Input::Paste(HOSTILE.into()));
    for c in HOSTILE.chars().filter(|c| !c.is_alphabetic()) {
        app.handle_input(Input::Key(hireterm::app::Key::char(c)));
    }
    let typed = open_form(&app).unwrap().fields[0].input.text().to_string();
    assert!(!typed.chars().any(is_forbidden), "{typed:?}");
    assert_clean_screen(&app);
    fill(&mut app, "Email", "eve@example.com");
    press(&mut app, "ctrl-s");
    let stored = app
        .store()
        .candidate_by_email("eve@example.com")
        .unwrap()
        .unwrap();
    assert!(
        stored.name.starts_with("Eve[2J]52;c;aGk= Lima"),
        "{:?}",
        stored.name
    );
    assert!(!stored.name.chars().any(is_forbidden));
    assert_clean_screen(&app);
}

#[test]
fn a_stored_hostile_name_is_shown_clean_in_the_edit_form_and_saved_clean() {
    let db = TempDb::new();
    drop(demo_store(&db, 20, 1));
    let mut evil = candidate(HOSTILE, "eve@example.com");
    evil.id = CandidateId(9_999);
    evil.location.city = format!("Lis\nbon{HOSTILE}");
    plant_raw_candidate(&db, &evil);
    let mut app = app_on(std::sync::Arc::new(db.open()), 120, 40);
    let row = app
        .candidates()
        .order
        .iter()
        .position(|&i| app.data().candidates()[i as usize].id == evil.id)
        .unwrap();
    for _ in 0..row {
        press(&mut app, "j");
    }
    press(&mut app, "E");
    let form = open_form(&app).unwrap();
    assert_eq!(form.fields[0].input.text(), "Eve[2J]52;c;aGk= Lima");
    assert_clean_screen(&app);
    let screen = screen_text(&draw(&app, 120, 40));
    assert!(screen.contains("Eve[2J]52;c;aGk= Lima"), "{screen}");
    press(&mut app, "ctrl-s");
    assert!(app.overlay().is_none(), "{:?}", app.status());
    let stored = app.store().candidate(evil.id).unwrap().unwrap();
    assert!(stored.problems().is_empty(), "{:?}", stored.problems());
    assert_eq!(stored.location.city, "Lis bonEve[2J]52;c;aGk= Lima");
}

#[test]
fn a_store_refusal_shows_in_the_form_and_keeps_what_was_typed() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 20, 1), 120, 40);
    // Written behind the app's back, so the form's duplicate check (over
    // the records on screen) misses it and the store's email index refuses.
    app.store()
        .add_candidate(candidate("Hidden Writer", "taken@example.com"), &stamp())
        .unwrap();
    press(&mut app, "a");
    fill(&mut app, "Name", "Kim Park");
    fill(&mut app, "Email", "taken@example.com");
    press(&mut app, "ctrl-s");
    let form = open_form(&app).expect("the form stays open");
    let error = form.error.clone().unwrap();
    assert!(error.contains("already belongs to candidate"), "{error}");
    assert!(app.status().is_error);
    assert_eq!(form.fields[0].input.text(), "Kim Park");
    let screen = screen_text(&draw(&app, 120, 40));
    assert!(
        screen.contains("✗ email taken@example.com already"),
        "{screen}"
    );
    fill(&mut app, "Email", "kim@example.com");
    press(&mut app, "ctrl-s");
    assert!(app.overlay().is_none(), "{:?}", app.status());
}

#[test]
fn the_first_candidate_of_an_empty_database_is_added_in_the_app() {
    let db = TempDb::new();
    let mut app = app_on(std::sync::Arc::new(db.open()), 80, 24);
    press(&mut app, "a");
    fill(&mut app, "Name", "First Person");
    fill(&mut app, "Email", "first@example.com");
    press(&mut app, "ctrl-s");
    assert_eq!(app.data().candidates().len(), 1);
    let screen = screen_text(&draw(&app, 80, 24));
    assert!(screen.contains("Candidates (1)"), "{screen}");
    assert!(screen.contains("First Person"), "{screen}");
}

#[test]
fn help_lists_the_form_keys_where_forms_open() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 20, 1), 120, 60);
    press(&mut app, "?");
    let screen = screen_text(&draw(&app, 120, 60));
    for text in [
        "add a candidate (a form)",
        "edit the candidate",
        "In a form",
        "ctrl-s                 save; refused while a field shows ✗",
        "Duplicate found (in a form)",
        "merge into the one on file (u undoes)",
    ] {
        assert!(screen.contains(text), "{text}: {screen}");
    }
    press(&mut app, "esc 2 ?");
    let screen = screen_text(&draw(&app, 120, 60));
    assert!(screen.contains("add an engagement (a form)"), "{screen}");
}
