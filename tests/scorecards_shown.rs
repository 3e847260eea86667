//! Scorecards are shown (issue 16, defect 3): each one, whole, in the
//! detail a card opens; in the skill matrix an interviewer's rating (1-4)
//! stands beside the self-reported level (0-5), and shortfalls are judged
//! on one scale, said in the legend. And the matrix's headers use each
//! skill's short name from the catalog (defect 21).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::TimeZone;
use common::*;
use hireterm::app::App;
use hireterm::app::pipeline::COLUMNS;
use hireterm::catalog::Catalog;
use hireterm::domain::{Application, EngagementId, Priority, Recommendation, Scorecard, Stage};
use std::sync::Arc;

/// The 0-5 level an interviewer's 1-4 rating stands for (the rule the
/// legend states).
const AS_LEVEL: [u8; 5] = [0, 1, 2, 4, 5];

/// The demo with a scorecard on a card of E1 at Technical interview: the
/// first must-have rated 2, the others 4. Returns the app and the card.
fn with_scorecard(width: u16, height: u16) -> (TempDb, App, Application) {
    let db = TempDb::new();
    let store = demo_store(&db, 120, 6);
    let e1 = EngagementId(1);
    let card = {
        let app = app_on(Arc::clone(&store), width, height);
        app.data()
            .pipeline(e1)
            .iter()
            .find(|a| a.stage == Stage::TechnicalInterview)
            .expect("a card at Technical interview")
            .clone()
    };
    let engagement = store.engagement(e1).unwrap().unwrap();
    let mut ratings = Vec::new();
    for (index, r) in engagement.requirements.iter().enumerate() {
        ratings.push((r.skill.clone(), if index == 0 { 2 } else { 4 }));
    }
    assert_eq!(engagement.requirements[0].priority, Priority::Must);
    let at = chrono::Utc
        .with_ymd_and_hms(2026, 5, 30, 15, 30, 0)
        .unwrap();
    let scorecard = Scorecard {
        stage: Stage::TechnicalInterview,
        author: "Rui Costa".into(),
        at,
        ratings,
        recommendation: Recommendation::No,
        notes: "Solid on gRPC; unsure about\nKafka consumer groups.".into(),
    };
    store
        .add_scorecard(e1, card.candidate, scorecard, &stamp())
        .unwrap();
    let app = app_on(store, width, height);
    (db, app, card)
}

/// Opens the detail of `card` from its place on the board.
fn open_from_board(app: &mut App, card: &Application) {
    press(app, "2");
    let column = COLUMNS.iter().position(|s| *s == card.stage).unwrap();
    let row = app.board()[column]
        .iter()
        .position(|c| c.candidate.id == card.candidate)
        .unwrap();
    press(app, &"l ".repeat(column));
    press(app, &"j ".repeat(row));
    press(app, "enter");
}

fn screen(app: &App) -> String {
    let (width, height) = app.size();
    screen_text(&draw(app, width, height))
}

#[test]
fn the_card_s_detail_shows_each_scorecard_whole() {
    let (_db, mut app, card) = with_scorecard(120, 40);
    open_from_board(&mut app, &card);
    // One line down: the detail's first screen ends just short of the
    // scorecard's last line.
    press(&mut app, "j");
    let shown = screen(&app);
    let e1 = app.data().engagement(EngagementId(1)).unwrap().clone();
    for text in [
        "Technical interview scorecard",
        "2026-05-30 15:30",
        "Rui Costa",
        "recommends: no",
        "Solid on gRPC; unsure about",
        "Kafka consumer groups.",
    ] {
        assert!(shown.contains(text), "{text:?} missing:\n{shown}");
    }
    for (index, r) in e1.requirements.iter().enumerate() {
        let name = app.catalog().skill_name(&r.skill);
        let rating = if index == 0 { 2 } else { 4 };
        let text = format!("{name} {rating}/4");
        assert!(shown.contains(&text), "{text:?} missing:\n{shown}");
    }
}

#[test]
fn detail_with_scorecards_snapshot() {
    for (width, height) in [(80, 24), (120, 40)] {
        let (_db, mut app, card) = with_scorecard(width, height);
        open_from_board(&mut app, &card);
        // Down to the applications, where the scorecard is.
        match height < 30 {
            true => press(&mut app, "ctrl-d ctrl-d"),
            false => press(&mut app, "j"),
        }
        insta::assert_snapshot!(
            format!("detail_scorecards_{width}x{height}"),
            draw(&app, width, height).backend()
        );
    }
}

#[test]
fn the_matrix_shows_both_scales_and_judges_on_the_one_it_states() {
    let (_db, mut app, card) = with_scorecard(120, 40);
    press(&mut app, "3");
    let shown = screen(&app);
    let lines: Vec<&str> = shown.lines().collect();
    assert!(
        lines[2].contains("levels 0-5") && lines[2].contains("★ interviewer's 1-4 as 0-5"),
        "the legend says which scale: {}",
        lines[2]
    );
    let candidate = app.data().candidate(card.candidate).unwrap().clone();
    let e1 = app.data().engagement(EngagementId(1)).unwrap().clone();
    let name: String = candidate.name.chars().take(12).collect();
    let row = lines
        .iter()
        .find(|l| l.contains(&name))
        .unwrap_or_else(|| panic!("{name} not in the matrix:\n{shown}"));
    // The skill cells start after the name (20) and score (11) columns,
    // inside the border.
    let cells: String = row.chars().skip(1 + 20 + 11).collect();
    let words: Vec<&str> = cells.split_whitespace().collect();
    for (index, r) in e1.requirements.iter().enumerate() {
        let own = match candidate.level(&r.skill).get() {
            0 => "·".to_string(),
            level => level.to_string(),
        };
        let rated = AS_LEVEL[if index == 0 { 2 } else { 4 }];
        let short = if rated < r.min_level.get() { "!" } else { "" };
        assert_eq!(
            words[index],
            format!("{own}★{rated}{short}"),
            "{:?} in {row}",
            r.skill
        );
    }
}

#[test]
fn the_matrix_header_uses_short_names_and_names_the_cursor_s_column_in_full() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 120, 6), 120, 40);
    press(&mut app, "3");
    let shown = screen(&app);
    let names = shown.lines().nth(4).unwrap();
    assert!(!names.contains('…'), "a header cut short: {names}");
    press(&mut app, "l l");
    let e1 = app.engagement().unwrap();
    let third = app.catalog().skill(&e1.requirements[2].skill).unwrap();
    let shown = screen(&app);
    let summary = shown.lines().nth(1).unwrap();
    assert!(summary.contains(&third.name), "{summary}");
    assert!(
        shown.lines().nth(4).unwrap().contains(&third.short),
        "{shown}"
    );
}

#[test]
fn every_skill_has_a_short_name_of_its_own_that_fits_a_column() {
    use unicode_width::UnicodeWidthStr;
    let catalog = Catalog::builtin();
    let mut seen = std::collections::HashSet::new();
    for skill in catalog.skills() {
        assert!(
            (1..=6).contains(&skill.short.width()),
            "{}: {:?}",
            skill.id,
            skill.short
        );
        assert!(
            seen.insert(skill.short.to_lowercase()),
            "{} twice",
            skill.short
        );
    }
    let short = |id: &str| {
        catalog
            .skill(&hireterm::domain::SkillId::new(id))
            .unwrap()
            .short
            .clone()
    };
    assert_eq!(short("kubernetes"), "k8s");
    assert_eq!(short("postgresql"), "PG");
    assert_eq!(short("typescript"), "TS");
    assert_eq!(short("docker"), "Docker");
}
