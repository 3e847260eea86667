//! Every pane, overlay and special screen at 80x24 and 120x40, drawn from a
//! deterministic demo database with a fixed clock. Review changes with
//! `cargo insta review` (or INSTA_UPDATE=always, then git diff).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;

/// Draws the app after `keys` at each size and snapshots the screen.
fn snapshot_after(name: &str, keys: &str) {
    let db = TempDb::new();
    let store = demo_store(&db, 120, 6);
    for (width, height) in [(80, 24), (120, 40)] {
        let mut app = app_on(store.clone(), width, height);
        press(&mut app, keys);
        let terminal = draw(&app, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
    }
}

/// My work, the first screen: as one of the demo's recruiters (who owns
/// some of its engagements), and as someone who owns none (the team's).
#[test]
fn home_screen() {
    let db = TempDb::new();
    let store = demo_store(&db, 120, 6);
    for (width, height) in [(80, 24), (120, 40)] {
        for (actor, name) in [("Ana Ribeiro", "home"), ("tester", "home_team")] {
            let app = app_as(store.clone(), actor, width, height);
            let terminal = draw(&app, width, height);
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
        }
    }
}

#[test]
fn candidates_pane() {
    snapshot_after("candidates", "1 j j j");
}

#[test]
fn candidates_sorted_by_rate_descending() {
    snapshot_after("candidates_by_rate", "1 s s s s r");
}

#[test]
fn candidate_detail() {
    snapshot_after("detail", "1 j enter");
}

#[test]
fn pipeline_pane() {
    snapshot_after("pipeline", "2 l j");
}

#[test]
fn skill_matrix_pane() {
    snapshot_after("skills", "3 j l l");
}

#[test]
fn skill_matrix_sorted_by_score() {
    snapshot_after("skills_by_score", "3 s");
}

#[test]
fn help_overlay() {
    snapshot_after("help", "2 ?");
}

/// The help on a large screen takes the width it wants (issue 16).
#[test]
fn help_overlay_on_a_wide_screen() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 120, 6), 200, 60);
    press(&mut app, "2 ?");
    insta::assert_snapshot!("help_200x60", draw(&app, 200, 60).backend());
}

#[test]
fn engagement_picker() {
    snapshot_after("picker", "2 e down");
}

#[test]
fn reject_prompt() {
    snapshot_after("reject", "2 x down down a s k e d space 1 4 0");
}

#[test]
fn too_small_screen() {
    let db = TempDb::new();
    let store = demo_store(&db, 20, 2);
    let app = app_on(store, 50, 12);
    insta::assert_snapshot!("too_small_50x12", draw(&app, 50, 12).backend());
}

#[test]
fn first_run_screen_of_an_empty_database() {
    let db = TempDb::new();
    let store = std::sync::Arc::new(db.open());
    for (width, height) in [(80, 24), (120, 40)] {
        let app = app_on(store.clone(), width, height);
        let terminal = draw(&app, width, height);
        let text = screen_text(&terminal);
        assert!(text.contains("hireterm demo --db"), "{text}");
        assert!(text.contains("hireterm add"), "{text}");
        // The path differs per run; the rest of the screen is pinned.
        let path = db.path().display().to_string();
        let shown = text.replace(&path, "<db>");
        insta::assert_snapshot!(format!("first_run_{width}x{height}"), shown);
    }
}

#[test]
fn search_palette() {
    snapshot_after("palette", "1 / k u b e down");
}

#[test]
fn search_palette_empty_query() {
    snapshot_after("palette_empty", "2 ctrl-k");
}

#[test]
fn candidates_filtered_by_a_skill() {
    snapshot_after("filtered_by_skill", "1 / p o s t g r e s enter");
}

#[test]
fn attention_pane() {
    snapshot_after("attention", "4 j");
}

#[test]
fn scorecard_form() {
    // E1's board: l l reaches Technical interview, which holds a card.
    snapshot_after("scorecard", "2 l l c 3 down 2 down down");
}

#[test]
fn bench_pane() {
    snapshot_after("bench", "6 j");
}

#[test]
fn add_to_pipeline_picker() {
    snapshot_after("add_to_pipeline", "1 j p");
}

#[test]
fn submit_prompt() {
    // E1's board: l l reaches Technical interview.
    snapshot_after("submit", "2 l l S");
}

#[test]
fn resubmission_question() {
    snapshot_after("resubmit", "2 l l S enter");
}

#[test]
fn answer_prompt() {
    snapshot_after("answer", "2 l l l a down");
}

#[test]
fn placement_terms_form() {
    snapshot_after("place", "2 l l l l >");
}

#[test]
fn placement_change_form() {
    snapshot_after("placement_change", "2 l l l l l P");
}

#[test]
fn client_form() {
    snapshot_after("client", "2 K");
}

#[test]
fn detail_with_submittals_and_a_placement() {
    snapshot_after("detail_placed", "2 l l l l l enter");
}
