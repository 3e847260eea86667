//! The filter line through `App`, as a manager types it: the daily
//! question answered as the obvious filter answers it, mistakes pointed
//! at, Tab completing fields and values, Esc, sorting, the palette's role
//! refined, new records re-filtered, saved views applied again, also by
//! a session started later.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::App;
use hireterm::app::filtering::naive;
use hireterm::app::overlay::Overlay;
use hireterm::domain::{CandidateId, Policy};

const DAILY: &str = "role:devops skill:k8s>=4 rate<=80 avail<=14d tz:Europe/*";

/// The ids of the table's rows, in order.
fn rows(app: &App) -> Vec<CandidateId> {
    let candidates = app.data().candidates();
    let order = app.candidates().order.iter();
    order.map(|&i| candidates[i as usize].id).collect()
}

fn sorted(mut ids: Vec<CandidateId>) -> Vec<CandidateId> {
    ids.sort();
    ids
}

/// The candidates the obvious, slow filter lets through for `text`.
fn naive_ids(app: &App, text: &str) -> Vec<CandidateId> {
    let filter = hireterm::filter::parse(text, app.catalog()).unwrap();
    let today = now().date_naive();
    let found = naive::select(&filter, app.data(), &Policy::default(), today);
    let candidates = app.data().candidates();
    sorted(found.iter().map(|&i| candidates[i as usize].id).collect())
}

/// What the filter line holds, if it is open.
fn line_text(app: &App) -> Option<String> {
    match app.overlay()? {
        Overlay::Filter(line) => Some(line.text.text().to_string()),
        _ => None,
    }
}

fn shown_filter(app: &App) -> Option<String> {
    app.candidates().filter.as_ref().map(|f| f.text.clone())
}

#[test]
fn the_daily_question_typed_in_the_line_shows_whom_the_obvious_filter_finds() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 3000, 12), 120, 40);
    press(&mut app, "1"); // past My work, to the candidates
    press(&mut app, "f");
    type_text(&mut app, "role:devops");
    let devops = rows(&app).len();
    assert!(devops > 0 && devops < 3000, "live: {devops} DevOps people");
    type_text(&mut app, &DAILY["role:devops".len()..]);
    let expected = naive_ids(&app, DAILY);
    assert!(!expected.is_empty(), "the demo has answers to the question");
    assert!(expected.len() < devops);
    assert_eq!(sorted(rows(&app)), expected, "live, before Enter");
    let screen = screen_text(&draw(&app, 120, 40));
    let count = format!("{} of 3,000", expected.len());
    assert!(screen.contains(&format!(" Filter · {count}")), "{screen}");
    press(&mut app, "enter");
    assert_eq!(line_text(&app), None);
    assert_eq!(sorted(rows(&app)), expected, "kept");
    let canonical = "role:devops skill:kubernetes>=4 rate<=80 avail<=14d tz:europe/*";
    assert_eq!(shown_filter(&app).as_deref(), Some(canonical));
    let screen = screen_text(&draw(&app, 120, 40));
    assert!(
        screen.contains(&format!("Candidates ({count}) · {canonical}")),
        "{screen}"
    );
}

#[test]
fn a_mistake_is_pointed_at_with_a_suggestion_and_the_table_waits() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 200, 3), 100, 30);
    press(&mut app, "1"); // past My work, to the candidates
    press(&mut app, "f");
    type_text(&mut app, "role:devops");
    let devops = rows(&app);
    app.handle_input(hireterm::app::Input::Paste(" skil:k8s".into()));
    assert_eq!(rows(&app), devops, "the last filter that read stays");
    let screen = screen_text(&draw(&app, 100, 30));
    let lines: Vec<&str> = screen.lines().collect();
    let typed = lines
        .iter()
        .position(|l| l.contains("› role:devops skil:k8s▏"))
        .unwrap();
    let at = lines[typed].find("skil:").unwrap();
    let column = lines[typed][..at].chars().count();
    let carets = lines[typed + 1];
    assert_eq!(
        carets.chars().position(|c| c == '^'),
        Some(column),
        "{screen}"
    );
    assert_eq!(carets.matches('^').count(), "skil:".len(), "{screen}");
    let message = "`skil:` is not a field; did you mean `skill:`?";
    assert!(lines[typed + 2].contains(message), "{screen}");
    press(&mut app, "enter");
    assert!(
        line_text(&app).is_some(),
        "Enter is refused while it does not read"
    );
    assert!(app.status().is_error && app.status().text.contains(message));
    app.handle_input(hireterm::app::Input::Paste("\u{1b}[2J".into()));
    let screen = screen_text(&draw(&app, 100, 30));
    assert!(!screen.contains('\u{1b}'), "no control character on screen");
}

#[test]
fn tab_completes_a_field_then_a_value() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 60, 2), 120, 40);
    press(&mut app, "1"); // past My work, to the candidates
    press(&mut app, "f");
    type_text(&mut app, "ski");
    press(&mut app, "tab");
    assert_eq!(line_text(&app).as_deref(), Some("skill:"));
    type_text(&mut app, "kub");
    press(&mut app, "tab");
    assert_eq!(line_text(&app).as_deref(), Some("skill:kubernetes"));
    type_text(&mut app, ">=4 role:s");
    press(&mut app, "ctrl-u");
    type_text(&mut app, "role:sr");
    press(&mut app, "tab");
    assert_eq!(line_text(&app).as_deref(), Some("role:devops"), "by alias");
    press(&mut app, "ctrl-u");
    type_text(&mut app, "skill:k");
    press(&mut app, "tab");
    let first = line_text(&app).unwrap();
    press(&mut app, "tab");
    let second = line_text(&app).unwrap();
    assert!(
        first != second && second.starts_with("skill:k"),
        "{first} {second}"
    );
    press(&mut app, "shift-tab");
    assert_eq!(line_text(&app), Some(first), "back to the first choice");
    press(&mut app, "esc");
    assert!(line_text(&app).is_some(), "esc closes the list first");
    press(&mut app, "esc");
    assert_eq!((line_text(&app), shown_filter(&app)), (None, None));
}

#[test]
fn esc_in_the_line_goes_back_and_esc_on_the_table_clears() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 200, 3), 120, 40);
    press(&mut app, "1"); // past My work, to the candidates
    press(&mut app, "f");
    type_text(&mut app, "role:devops");
    press(&mut app, "enter");
    let devops = rows(&app);
    press(&mut app, "f");
    assert_eq!(line_text(&app).as_deref(), Some("role:devops"), "to refine");
    type_text(&mut app, " rate<=80");
    assert!(rows(&app).len() < devops.len(), "live");
    press(&mut app, "esc");
    assert_eq!(rows(&app), devops, "back to the filter there was");
    assert_eq!(shown_filter(&app).as_deref(), Some("role:devops"));
    press(&mut app, "esc");
    assert_eq!((shown_filter(&app), rows(&app).len()), (None, 200));
}

#[test]
fn sorting_sorts_the_filtered_rows_and_keeps_the_filter() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 300, 4), 120, 40);
    press(&mut app, "1"); // past My work, to the candidates
    press(&mut app, "f");
    type_text(&mut app, "rate<=90 -placed:yes");
    press(&mut app, "enter");
    let filtered = sorted(rows(&app));
    assert_eq!(filtered, naive_ids(&app, "rate<=90 -placed:yes"));
    press(&mut app, "s s s s r");
    assert_eq!(shown_filter(&app).as_deref(), Some("rate<=90 -placed:yes"));
    assert_eq!(sorted(rows(&app)), filtered, "the same people");
    let rates: Vec<u32> = app
        .candidates()
        .order
        .iter()
        .map(|&i| {
            let c = &app.data().candidates()[i as usize];
            c.rate.as_ref().map_or(0, |r| r.min)
        })
        .collect();
    assert!(
        rates.windows(2).all(|w| w[0] >= w[1]),
        "by rate, descending"
    );
}

#[test]
fn a_palette_role_becomes_a_term_the_line_refines_best_fit_first() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 300, 4), 120, 40);
    press(&mut app, "1"); // past My work, to the candidates
    press(&mut app, "/");
    type_text(&mut app, "sre");
    press(&mut app, "enter");
    assert_eq!(shown_filter(&app).as_deref(), Some("role:devops"));
    press(&mut app, "f");
    assert_eq!(line_text(&app).as_deref(), Some("role:devops"));
    type_text(&mut app, " rate<=90");
    press(&mut app, "enter");
    assert_eq!(sorted(rows(&app)), naive_ids(&app, "role:devops rate<=90"));
    let role = app
        .catalog()
        .role(&hireterm::domain::RoleId::new("devops"))
        .unwrap();
    let fits: Vec<u8> = app
        .candidates()
        .order
        .iter()
        .map(|&i| hireterm::domain::role_fit(&app.data().candidates()[i as usize], role))
        .collect();
    assert!(
        fits.windows(2).all(|w| w[0] >= w[1]),
        "best fit first: {fits:?}"
    );
    let screen = screen_text(&draw(&app, 120, 40));
    assert!(
        screen.contains("role:devops rate<=90 · best fit first"),
        "{screen}"
    );
    press(&mut app, "s");
    assert!(screen_text(&draw(&app, 120, 40)).contains("sorted by role"));
}

#[test]
fn a_palette_command_opens_the_line_with_its_text() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 60, 2), 120, 40);
    press(&mut app, "1"); // past My work, to the candidates
    press(&mut app, "2 /");
    type_text(&mut app, ":filter tag:remote-only");
    press(&mut app, "enter");
    assert_eq!(line_text(&app).as_deref(), Some("tag:remote-only"));
    assert_eq!(app.pane(), hireterm::app::Pane::Candidates);
    assert_eq!(
        sorted(rows(&app)),
        naive_ids(&app, "tag:remote-only"),
        "live at once"
    );
}

#[test]
fn a_changed_record_is_filtered_again() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 200, 3), 120, 40);
    press(&mut app, "1"); // past My work, to the candidates
    press(&mut app, "f");
    type_text(&mut app, "-tag:call-back");
    press(&mut app, "enter");
    let before = rows(&app);
    press(&mut app, "#");
    type_text(&mut app, "call-back");
    press(&mut app, "enter");
    let after = rows(&app);
    assert_eq!(
        after.len() + 1,
        before.len(),
        "the tagged one leaves the table"
    );
    assert!(!after.contains(&before[0]));
    assert_eq!(shown_filter(&app).as_deref(), Some("-tag:call-back"));
}

#[test]
fn a_saved_view_comes_back_here_and_in_a_session_started_later() {
    let db = TempDb::new();
    let store = demo_store(&db, 300, 4);
    let mut app = app_on(store.clone(), 120, 40);
    press(&mut app, "1"); // past My work, to the candidates
    press(&mut app, "f");
    type_text(&mut app, "role:devops placed:no");
    press(&mut app, "enter s s s s r");
    let (expected, sort) = (rows(&app), app.candidates().sort);
    press(&mut app, "V");
    type_text(&mut app, "devops by rate");
    press(&mut app, "enter");
    assert!(app.status().text.contains("saved"), "{:?}", app.status());
    press(&mut app, "esc s");
    assert_eq!(shown_filter(&app), None);
    press(&mut app, "/");
    type_text(&mut app, ":view devops by");
    press(&mut app, "enter");
    assert_eq!(rows(&app), expected);
    assert_eq!(
        (app.candidates().sort, app.candidates().descending),
        (sort, true)
    );

    let views = app.saved_views().to_vec();
    let mut later = app_on(store, 120, 40).with_saved_views(views);
    press(&mut later, "1"); // past My work, to the candidates
    press(&mut later, "/");
    type_text(&mut later, "by rate");
    press(&mut later, "enter");
    assert_eq!(rows(&later), expected, "listed as a hit, applied by Enter");
    assert_eq!(
        shown_filter(&later).as_deref(),
        Some("role:devops placed:no")
    );
}

#[test]
fn a_view_shows_its_columns_in_its_order_until_esc() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 120, 3), 120, 40);
    press(&mut app, "1"); // past My work, to the candidates
    press(&mut app, "/");
    type_text(&mut app, ":view devops bench");
    press(&mut app, "enter");
    assert_eq!(sorted(rows(&app)), naive_ids(&app, "role:devops placed:no"));
    let screen = screen_text(&draw(&app, 120, 40));
    let header = screen.lines().find(|l| l.contains("Name")).unwrap();
    let at = |title: &str| header.find(title).unwrap_or_else(|| panic!("{header}"));
    assert!(at("Top skills") < at("Location") && at("Rate") < at("Available▲"));
    assert!(
        !header.contains("Stage") && !header.contains("Role"),
        "{header}"
    );
    press(&mut app, "esc");
    let screen = screen_text(&draw(&app, 120, 40));
    assert!(
        screen
            .lines()
            .any(|l| l.contains("Role") && l.contains("Stage"))
    );
}
