//! What a form accepts and refuses: the store's rules (the domain's),
//! one list notation for tags, the skills an engagement needs, and text
//! that could drive the terminal.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::App;
use hireterm::app::Input;
use hireterm::domain::{CandidateId, EngagementStatus, RateRange};

#[test]
fn an_engagement_needs_a_required_skill_and_one_must_have() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 20, 1), 120, 40);
    press(&mut app, "1"); // My work comes first; the table is 1
    let count = app.store().unwrap().engagements().unwrap().len();
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
    assert_eq!(
        app.store().unwrap().engagements().unwrap().len(),
        count,
        "not saved"
    );

    focus_field(&mut app, "Requires");
    type_text(&mut app, "kube");
    press(&mut app, "enter 3 m ctrl-s");
    assert!(app.overlay().is_none(), "{:?}", app.status());
    let musts: Vec<_> = app.engagement().unwrap().musts().collect();
    assert_eq!(musts.len(), 1);
    assert_eq!(app.store().unwrap().engagements().unwrap().len(), count + 1);
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
    press(&mut app, "1"); // My work comes first; the table is 1
    edit_candidate(&mut app, imported.id);
    focus_field(&mut app, "Tags");
    assert_eq!(
        open_form(&app).unwrap().focused().input.text(),
        r"Zürich, CH; on-call\; weekends; C:\\ops\\; remote"
    );
    fill(&mut app, "City", "Basel");
    press(&mut app, "ctrl-s");
    assert!(app.overlay().is_none(), "{:?}", app.status());
    let stored = app
        .store()
        .unwrap()
        .candidate(imported.id)
        .unwrap()
        .unwrap();
    assert_eq!(stored.tags, imported.tags, "the tags were not touched");
    assert_eq!(stored.location.city, "Basel");

    // Typed in the same notation: `;` between tags, `\;` inside one.
    press(&mut app, "E");
    fill(&mut app, "Tags", r" remote ; Bern, CH;; a\;b; remote");
    press(&mut app, "ctrl-s");
    let stored = app
        .store()
        .unwrap()
        .candidate(imported.id)
        .unwrap()
        .unwrap();
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
    press(&mut app, "1"); // My work comes first; the table is 1
    edit_candidate(&mut app, pricey.id);
    fill(&mut app, "City", "Leeds");
    press(&mut app, "ctrl-s");
    assert!(app.overlay().is_none(), "{:?}", app.status());
    let stored = app.store().unwrap().candidate(pricey.id).unwrap().unwrap();
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
        .unwrap()
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
    press(&mut app, "1"); // My work comes first; the table is 1
    let before = app.store().unwrap().candidate_count();
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
    assert_eq!(app.store().unwrap().candidate_count(), before);

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
    let big = store_engagement(&store, big);
    let mut app = app_on(std::sync::Arc::new(store), 120, 40);
    press(&mut app, "1"); // My work comes first; the table is 1
    press(&mut app, "2 E");
    focus_field(&mut app, "Status");
    press(&mut app, "right");
    press(&mut app, "ctrl-s");
    assert!(app.overlay().is_none(), "{:?}", app.status());
    let stored = app.store().unwrap().engagement(big.id).unwrap().unwrap();
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
    press(&mut app, "1"); // My work comes first; the table is 1
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
    let stored = app.store().unwrap().candidate(heavy.id).unwrap().unwrap();
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
    press(&mut app, "1"); // My work comes first; the table is 1
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
        .unwrap()
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
    press(&mut app, "1"); // My work comes first; the table is 1
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
    let stored = app.store().unwrap().candidate(evil.id).unwrap().unwrap();
    assert!(stored.problems().is_empty(), "{:?}", stored.problems());
    assert_eq!(stored.location.city, "Lis bonEve[2J]52;c;aGk= Lima");
}
