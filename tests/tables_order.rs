//! A table's order is said once and drawn once (issue 16, defect 8): its
//! title and the header's ▲/▼ never disagree, after a search, a sort or a
//! reversal; the skill matrix's "by name" is its own order, not another
//! pane's.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::App;

fn lines(app: &App) -> Vec<String> {
    let (width, height) = app.size();
    screen_text(&draw(app, width, height))
        .lines()
        .map(str::to_string)
        .collect()
}

/// The candidates table's title line and header line.
fn title_and_header(app: &App) -> (String, String) {
    let lines = lines(app);
    (lines[1].clone(), lines[2].clone())
}

fn arrows(text: &str) -> usize {
    text.matches(['▲', '▼']).count()
}

#[test]
fn a_search_order_and_the_header_agree() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 120, 3), 120, 40);
    press(&mut app, "1");
    let (title, header) = title_and_header(&app);
    assert!(title.contains("sorted by name ▲") && header.contains("Name▲"));

    // A skill from the palette: highest level first, and no column claims
    // an order of its own.
    press(&mut app, "/");
    type_text(&mut app, "k8s");
    press(&mut app, "enter");
    let (title, header) = title_and_header(&app);
    assert!(title.contains("highest level first"), "{title}");
    assert_eq!(
        arrows(&header),
        0,
        "the header claims another order: {header}"
    );
    assert_eq!(arrows(&title), 0, "{title}");

    // Sorting takes over, and both say so.
    press(&mut app, "s");
    let (title, header) = title_and_header(&app);
    assert!(title.contains("sorted by role ▲"), "{title}");
    assert!(header.contains("Role▲") && arrows(&header) == 1, "{header}");
    press(&mut app, "r");
    let (title, header) = title_and_header(&app);
    assert!(title.contains("sorted by role ▼"), "{title}");
    assert!(header.contains("Role▼") && arrows(&header) == 1, "{header}");
}

#[test]
fn the_matrix_by_name_is_by_name_whatever_the_table_shows() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 120, 3), 120, 40);
    // The table by rate, highest first; then the matrix of everyone.
    press(&mut app, "1 s s s s r 3 t");
    let summary = lines(&app)[1].clone();
    assert!(summary.contains("by name"), "{summary}");
    assert!(by_name(&app), "the matrix's rows are by name");

    // By score and back: still its own order, and the summary says which.
    press(&mut app, "s");
    assert!(lines(&app)[1].contains("by score ▼"));
    press(&mut app, "s");
    assert!(lines(&app)[1].contains("by name"));
    assert!(by_name(&app));
}

/// Whether the matrix's rows are in name order.
fn by_name(app: &App) -> bool {
    let ranks: Vec<_> = (app.matrix().order.iter())
        .map(|&i| app.data().name_rank(i as usize))
        .collect();
    !ranks.is_empty() && ranks.windows(2).all(|w| w[0] <= w[1])
}

#[test]
fn the_bench_says_its_order_in_the_title_and_the_header_alike() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 300, 6), 120, 40);
    press(&mut app, "6 w");
    for (keys, said, column) in [
        ("", "sorted by free from ▲", "Free from▲"),
        ("r", "sorted by free from ▼", "Free from▼"),
        ("s", "sorted by rate ▲", "Rate▲"),
        ("r", "sorted by rate ▼", "Rate▼"),
        ("s", "sorted by name ▲", "Name▲"),
    ] {
        press(&mut app, keys);
        let lines = lines(&app);
        assert!(lines[1].contains(said), "{keys}: {}", lines[1]);
        assert!(
            lines[2].contains(column) && arrows(&lines[2]) == 1,
            "{keys}: {}",
            lines[2]
        );
    }
}
