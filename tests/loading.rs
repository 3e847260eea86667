//! The loading of a local terminal's records: how far it has come is
//! reported as it goes (what the loading frame draws, `ui/loading.rs`),
//! the records loaded are the same as without a report, and the frame
//! says which database and how far, in words.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::records::data::Data;
use hireterm::ui::Theme;
use hireterm::ui::loading::{Loading, render};

#[test]
fn loading_reports_how_far_it_has_come_and_loads_the_same_records() {
    let db = TempDb::new();
    let store = demo_store(&db, 12_000, 3);
    let mut reports = Vec::new();
    let reported = Data::load_reporting(&store, &mut |read, of| reports.push((read, of))).unwrap();
    // Two halves are read at once; the calling thread's tells the count
    // of both every 4,096 of its own, then the end.
    assert_eq!(reports.last(), Some(&(12_000, 12_000)), "{reports:?}");
    assert!(reports.len() >= 2, "a report before the end: {reports:?}");
    assert!(
        reports
            .windows(2)
            .all(|w| w[0].0 < w[1].0 && w[0].1 == 12_000),
        "{reports:?}"
    );
    let plain = Data::load(&store).unwrap();
    assert_eq!(reported.candidates(), plain.candidates());
    assert_eq!(reported.engagements(), plain.engagements());
}

#[test]
fn the_loading_frame_names_the_database_and_how_far() {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(60, 9)).unwrap();
    let progress = Loading {
        read: 430_000,
        of: 1_000_000,
    };
    terminal
        .draw(|frame| render(frame, "/srv/agency/db\u{1b}[2J", progress, &Theme::MONO))
        .unwrap();
    insta::assert_snapshot!("loading_60x9", terminal.backend());
}
