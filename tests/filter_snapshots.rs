//! The filter line and the filtered table, drawn from the deterministic
//! demo database with a fixed clock: the line with its completion list
//! open, with a mistake pointed at, and the table under a filter at 80,
//! 100 and 120 columns (the columns adapt). Review changes as
//! `ui_snapshots.rs` says.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;

/// Draws the app at each size after `f`, `typed` in the filter line, then
/// `keys`, and snapshots the screen.
fn snapshot_filter(name: &str, typed: &str, keys: &str, sizes: &[(u16, u16)]) {
    let db = TempDb::new();
    let store = demo_store(&db, 120, 6);
    for &(width, height) in sizes {
        let mut app = app_on(store.clone(), width, height);
        press(&mut app, "1"); // past My work, to the candidates
        press(&mut app, "f");
        type_text(&mut app, typed);
        press(&mut app, keys);
        let terminal = draw(&app, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
    }
}

#[test]
fn the_filter_line_with_its_completion_open() {
    let sizes = [(80, 24), (120, 40)];
    snapshot_filter(
        "filter_completion",
        "role:devops skill:k",
        "tab tab",
        &sizes,
    );
}

#[test]
fn the_filter_line_pointing_at_a_mistake() {
    snapshot_filter(
        "filter_mistake",
        "role:devops skill:kubernets>=4",
        "",
        &[(100, 30)],
    );
}

#[test]
fn the_filtered_table_at_80_100_and_120_columns() {
    let sizes = [(80, 24), (100, 30), (120, 40)];
    snapshot_filter("filtered_table", "skill:k8s>=3 rate<=100", "enter", &sizes);
}
