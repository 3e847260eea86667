//! The add/edit forms, driven by keys: what the store holds afterwards,
//! what the screen shows. The rules a form applies are in
//! `form_rules.rs`; its questions (esc, duplicates) in `form_prompts.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::overlay::Overlay;
use hireterm::app::{App, Context, Input, Pane};
use hireterm::domain::{
    Candidate, EngagementStatus, EventKind, HiringModel, Priority, RateRange, RoleId, SkillId,
    Source,
};
use hireterm::search::Target;

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

#[test]
fn a_candidate_added_in_the_form_is_stored_shown_and_found() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 40, 2), 120, 40);
    press(&mut app, "1"); // My work comes first; the table is 1
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
        .unwrap()
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
    press(&mut app, "1"); // My work comes first; the table is 1
    let before = app.store().unwrap().candidate_count();
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
    assert_eq!(
        app.store().unwrap().candidate_count(),
        before,
        "nothing written"
    );
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
        .unwrap()
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
    press(&mut app, "1"); // My work comes first; the table is 1
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
    let stored = app
        .store()
        .unwrap()
        .candidate(original.id)
        .unwrap()
        .unwrap();
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
        app.store()
            .unwrap()
            .candidate(original.id)
            .unwrap()
            .unwrap()
            .name,
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
    press(&mut app, "1"); // My work comes first; the table is 1
    press(&mut app, "2");
    let original = app.engagement().unwrap().clone();
    press(&mut app, "E");
    fill(&mut app, "Headcount", "3");
    focus_field(&mut app, "Status");
    press(&mut app, "right");
    press(&mut app, "ctrl-s");
    assert!(app.overlay().is_none(), "{:?}", app.status());
    let stored = app
        .store()
        .unwrap()
        .engagement(original.id)
        .unwrap()
        .unwrap();
    assert_eq!(
        (stored.headcount, stored.status),
        (3, EngagementStatus::OnHold)
    );
    assert_eq!(stored.requirements, original.requirements);
    assert_eq!(app.engagement(), Some(&stored));

    press(&mut app, "A");
    fill(&mut app, "Client", "northw");
    press(&mut app, "enter");
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
    let stored = app.store().unwrap().engagement(added.id).unwrap().unwrap();
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
fn in_a_form_letters_type_instead_of_acting() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 20, 1), 80, 24);
    press(&mut app, "1"); // My work comes first; the table is 1
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

#[test]
fn a_store_refusal_shows_in_the_form_and_keeps_what_was_typed() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 20, 1), 120, 40);
    press(&mut app, "1"); // My work comes first; the table is 1
    // Written behind the app's back, so the form's duplicate check (over
    // the records on screen) misses it and the store's email index refuses.
    app.store()
        .unwrap()
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
    press(&mut app, "1"); // My work comes first; the table is 1
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
    press(&mut app, "1"); // My work comes first; the table is 1
    press(&mut app, "?");
    let screen = screen_text(&draw(&app, 120, 60));
    for text in ["add a candidate (a form)", "edit the candidate"] {
        assert!(screen.contains(text), "{text}: {screen}");
    }
    let Some(Overlay::Help(help)) = app.overlay() else {
        panic!("no help");
    };
    let lines: Vec<String> = help
        .sections
        .iter()
        .flat_map(|s| {
            let rows = s.rows.iter().map(|(k, d)| format!("{k:<22} {d}"));
            std::iter::once(s.context.title().to_string()).chain(rows)
        })
        .collect();
    for text in [
        "In a form (letters type)",
        "ctrl-s                 save; refused while a field shows ✗",
        "Duplicate found (in a form)",
        "m                      merge into the one on file (u undoes)",
    ] {
        assert!(lines.iter().any(|l| l == text), "{text}: {lines:#?}");
    }
    // Scrolled to the bottom, the screen shows the last sections.
    press(&mut app, "G");
    let screen = screen_text(&draw(&app, 120, 60));
    assert!(screen.contains("clear the line"), "{screen}");
    press(&mut app, "esc 2 ?");
    let screen = screen_text(&draw(&app, 120, 60));
    assert!(screen.contains("add an engagement (a form)"), "{screen}");
}
