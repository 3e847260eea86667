//! "My work", the home screen, through `App` on a real database: it is the
//! first screen once there is an engagement, it shows the actor's own
//! engagements (owner compared whatever the case) or, when they own none,
//! the team's, and every line is one Enter away from its card.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod home;

use common::*;
use hireterm::app::home::{Group, Row, Scope};
use hireterm::app::{App, Pane};
use hireterm::domain::*;
use home::{Workload, workload};
use std::sync::Arc;

fn app_with_workload(actor: &str) -> (TempDb, Workload, App) {
    let db = TempDb::new();
    let store = db.open();
    let work = workload(&store);
    let app = app_as(Arc::new(store), actor, 120, 40);
    (db, work, app)
}

/// The rows of one group of the home screen.
fn group(app: &App, wanted: Group) -> Vec<Row> {
    let home = app.views().home();
    let found = home.groups.iter().find(|(group, _)| *group == wanted);
    found.map(|(_, rows)| rows.clone()).unwrap_or_default()
}

/// Moves the cursor onto the first row `pick` accepts and presses Enter.
fn open_row(app: &mut App, pick: impl Fn(&Row) -> bool) {
    let index = app.views().home().rows().position(pick).expect("a row");
    press(app, "g");
    for _ in 0..index {
        press(app, "j");
    }
    assert_eq!(app.home().cursor.selected, index);
    press(app, "enter");
}

/// The pipeline pane shows `engagement` with the cursor on `candidate`.
fn assert_on_card(app: &App, engagement: EngagementId, candidate: CandidateId) {
    assert_eq!(app.pane(), Pane::Pipeline);
    assert_eq!(app.engagement().map(|e| e.id), Some(engagement));
    let board = app.board();
    let card = app.pipeline().selected(&board).expect("a card selected");
    assert_eq!(card.candidate.id, candidate);
}

fn is_card(row: &Row, candidate: CandidateId) -> bool {
    row.card().is_some_and(|(_, c)| c == candidate)
}

#[test]
fn the_home_screen_comes_first_and_says_whose_work_it_is() {
    let (_db, _, app) = app_with_workload("ana");
    assert_eq!(app.pane(), Pane::Home);
    let text = screen_text(&draw(&app, 120, 40));
    assert!(
        text.contains("My work · ana · enter goes to the card"),
        "{text}"
    );
    assert!(text.contains("Your engagements (1)"), "{text}");
    assert!(text.contains("Due or stuck in their stage (1)"), "{text}");
    assert!(text.contains("Client answers overdue (1)"), "{text}");
    assert!(text.contains("In an interview stage (1)"), "{text}");
    assert!(
        text.contains("Placements starting or ending within 30d (2)"),
        "{text}"
    );
    assert!(
        text.contains(
            "E1 ‼ shortlist 1/3 · breached 6d ago · Platform engineers · Northwind Logistics"
        ),
        "{text}"
    );
    assert!(
        text.contains("‼ 10d in Screening (due at 2d)  Person 0"),
        "{text}"
    );
    assert!(
        text.contains("⏲ placement starts 2026-06-06  Person 3"),
        "{text}"
    );
    assert!(
        text.contains("⏲ placement ends 2026-06-11  Person 2"),
        "{text}"
    );
    assert!(
        !text.contains("Payments team"),
        "bob's is not ana's: {text}"
    );
    assert!(
        !text.contains("Person 4"),
        "nor is what is stuck on it: {text}"
    );
}

#[test]
fn a_stuck_card_is_one_enter_away() {
    let (_db, work, mut app) = app_with_workload("ana");
    open_row(&mut app, |row| {
        matches!(row, Row::Concern(_)) && is_card(row, work.stuck)
    });
    assert_on_card(&app, work.ana, work.stuck);
    press(&mut app, "0");
    assert_eq!(app.pane(), Pane::Home);
}

#[test]
fn an_overdue_answer_is_one_enter_away() {
    let (_db, work, mut app) = app_with_workload("ana");
    let overdue = group(&app, Group::Unanswered);
    assert_eq!(overdue.len(), 1);
    assert!(is_card(&overdue[0], work.waiting));
    open_row(&mut app, |row| *row == overdue[0]);
    assert_on_card(&app, work.ana, work.waiting);
}

#[test]
fn placements_ending_and_starting_are_one_enter_away() {
    let (_db, work, mut app) = app_with_workload("ana");
    let placements = group(&app, Group::Placements);
    let cards: Vec<_> = placements.iter().filter_map(Row::card).collect();
    // The soonest first: the start in 5 days, then the end in 10.
    assert_eq!(cards, [(work.ana, work.starting), (work.ana, work.ending)]);
    open_row(&mut app, |row| *row == placements[1]);
    assert_on_card(&app, work.ana, work.ending);
    press(&mut app, "0");
    open_row(&mut app, |row| *row == placements[0]);
    assert_on_card(&app, work.ana, work.starting);
}

#[test]
fn an_engagement_line_opens_its_board_and_an_interview_its_card() {
    let (_db, work, mut app) = app_with_workload("ana");
    open_row(&mut app, |row| matches!(row, Row::Engagement { .. }));
    assert_eq!(app.pane(), Pane::Pipeline);
    assert_eq!(app.engagement().map(|e| e.id), Some(work.ana));
    press(&mut app, "0");
    open_row(&mut app, |row| matches!(row, Row::Interview { .. }));
    assert_on_card(&app, work.ana, work.waiting);
}

#[test]
fn another_actor_sees_their_own_engagements_whatever_the_case() {
    let (_db, work, app) = app_with_workload("BOB");
    let home = app.views().home();
    assert_eq!(home.scope, Scope::Mine);
    let engagements: Vec<_> = group(&app, Group::Engagements)
        .iter()
        .map(Row::engagement)
        .collect();
    assert_eq!(engagements, [work.bob]);
    let stuck: Vec<_> = group(&app, Group::Stuck)
        .iter()
        .filter_map(Row::card)
        .collect();
    assert_eq!(stuck, [(work.bob, work.bobs_stuck)]);
    assert!(group(&app, Group::Unanswered).is_empty());
    assert!(group(&app, Group::Placements).is_empty());
    assert!(home.rows().all(|row| row.engagement() == work.bob));
    let text = screen_text(&draw(&app, 120, 40));
    assert!(
        text.contains("My work · BOB · enter goes to the card"),
        "{text}"
    );
    assert!(text.contains("Client answers overdue: none"), "{text}");
    assert!(text.contains("Payments team") && !text.contains("Platform engineers"));
}

#[test]
fn an_actor_who_owns_nothing_is_told_so_and_sees_the_teams_work() {
    let (_db, work, app) = app_with_workload("carol");
    let home = app.views().home();
    assert_eq!(home.scope, Scope::Team);
    let engagements: Vec<_> = group(&app, Group::Engagements)
        .iter()
        .map(Row::engagement)
        .collect();
    assert_eq!(engagements.len(), 2);
    assert!(engagements.contains(&work.ana) && engagements.contains(&work.bob));
    assert_eq!(group(&app, Group::Stuck).len(), 2);
    let text = screen_text(&draw(&app, 120, 40));
    assert!(text.contains("My work · carol owns no engagement: the team's work"));
    assert!(text.contains("The team's engagements (2)"), "{text}");
    assert!(
        text.contains("owner Ana") && text.contains("owner bob"),
        "{text}"
    );
}

#[test]
fn a_move_updates_the_home_screen() {
    let (_db, work, mut app) = app_with_workload("ana");
    assert_eq!(group(&app, Group::Interviews).len(), 1);
    open_row(&mut app, |row| {
        matches!(row, Row::Concern(_)) && is_card(row, work.stuck)
    });
    press(&mut app, "> 0");
    assert_eq!(app.pane(), Pane::Home);
    assert!(group(&app, Group::Stuck).is_empty());
    let interviews: Vec<_> = group(&app, Group::Interviews)
        .iter()
        .filter_map(Row::card)
        .collect();
    assert_eq!(
        interviews,
        [(work.ana, work.waiting), (work.ana, work.stuck)]
    );
    let text = screen_text(&draw(&app, 120, 40));
    assert!(text.contains("Due or stuck in their stage: none"), "{text}");
}

#[test]
fn without_an_engagement_the_first_screen_stays() {
    let db = TempDb::new();
    let store = db.open();
    store
        .add_candidate(candidate("Ana Silva", "ana@example.com"), &stamp())
        .unwrap();
    let app = app_on(Arc::new(store), 80, 24);
    assert_eq!(app.pane(), Pane::Candidates);
}

/// The team's work on the demo data is longer than a 24-row screen: the
/// cursor scrolls it, its row always on screen, and `g` is back at the top.
#[test]
fn the_cursor_scrolls_the_groups_and_keeps_its_row_on_screen() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 120, 6), 80, 24);
    let home = app.views().home();
    assert_eq!(home.scope, Scope::Team);
    assert!(home.line_of(home.len() - 1) > 24, "longer than the screen");
    let last = home.row(home.len() - 1).unwrap().card().unwrap().1;
    let name = app.data().candidate(last).unwrap().name.clone();
    press(&mut app, "G");
    let text = screen_text(&draw(&app, 80, 24));
    assert!(text.contains(&name), "the last row shows: {text}");
    assert!(!text.contains("The team's engagements"), "{text}");
    press(&mut app, "g");
    let text = screen_text(&draw(&app, 80, 24));
    assert!(text.contains("The team's engagements (6)"), "{text}");
}

#[test]
fn owners_match_whatever_the_case_and_nobody_owns_an_ownerless_engagement() {
    use hireterm::app::home::owns;
    assert!(owns("Ana Ribeiro", "ana ribeiro"));
    assert!(owns(" Łukasz ", "ŁUKASZ"));
    assert!(!owns("Ana Ribeiro", "ana"));
    assert!(!owns("", ""));
    assert!(!owns("  ", "  "));
}
