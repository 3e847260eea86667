//! Search finds a tag as it was typed and says why each hit matched (issue
//! 16, defect 13), in the palette and in `hireterm search`; and the CLI's
//! columns never run into each other (defect 5).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::domain::CandidateId;
use std::process::Output;

/// A database of a few candidates, one of them tagged `lisbon-pool`.
fn tagged_db() -> (TempDb, CandidateId) {
    let db = TempDb::new();
    let store = db.open();
    let mut tagged = candidate("Inês Tavares", "ines.t@quinta.pt");
    tagged.tags = vec!["lisbon-pool".into(), "senior".into()];
    tagged.location.city = "Porto".into();
    let id = store.add_candidate(tagged, &stamp()).unwrap().id;
    let mut other = candidate("Rui Lisboa", "rui@example.com");
    other.tags = vec!["pool".into()];
    store.add_candidate(other, &stamp()).unwrap();
    let mut local = candidate("Ana Marques", "ana.marques@example.com");
    local.tags.clear();
    store.add_candidate(local, &stamp()).unwrap();
    (db, id)
}

fn palette_screen(db: &TempDb, query: &str) -> String {
    let store = std::sync::Arc::new(db.open());
    let mut app = app_on(store, 120, 40);
    app.wait_for_search_index();
    press(&mut app, "/");
    type_text(&mut app, query);
    screen_text(&draw(&app, 120, 40))
}

#[test]
fn a_tag_is_found_as_typed_and_the_hit_says_it_matched_the_tag() {
    let (db, _) = tagged_db();
    let screen = palette_screen(&db, "lisbon-pool");
    let hit = screen
        .lines()
        .find(|l| l.contains("Inês Tavares"))
        .unwrap_or_else(|| panic!("the tagged candidate is not found:\n{screen}"));
    assert!(hit.contains("tag: lisbon-pool"), "{hit}");
    assert!(!screen.contains("Ana Marques"), "{screen}");
}

#[test]
fn each_hit_names_the_field_it_matched() {
    let (db, _) = tagged_db();
    let screen = palette_screen(&db, "lisbon");
    let line_of = |name: &str| {
        (screen.lines().find(|l| l.contains(name)))
            .unwrap_or_else(|| panic!("{name} not found:\n{screen}"))
            .to_string()
    };
    assert!(line_of("Ana Marques").contains("city: Lisbon"), "{screen}");
    assert!(
        line_of("Inês Tavares").contains("tag: lisbon-pool"),
        "{screen}"
    );
    // A match in the name is shown by its highlighted letters; no word.
    assert!(!line_of("Rui Lisboa").contains("name:"), "{screen}");

    let screen = palette_screen(&db, "quinta");
    assert!(screen.contains("email: ines.t@quinta.pt"), "{screen}");
}

fn search(db: &TempDb, args: &[&str]) -> Output {
    let mut command = hireterm();
    command.arg("search").args(args).arg("--db").arg(db.path());
    for _ in 0..50 {
        let out = command.output().unwrap();
        if !String::from_utf8_lossy(&out.stderr).contains("in use") {
            return out;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    command.output().unwrap()
}

#[test]
fn hireterm_search_finds_the_tag_and_says_why_as_text_and_json() {
    let (db, id) = tagged_db();
    let out = search(&db, &["lisbon-pool"]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{text}");
    let first = text.lines().next().unwrap();
    assert!(
        first.contains("Inês Tavares") && first.contains("tag: lisbon-pool"),
        "{text}"
    );

    let out = search(&db, &["lisbon-pool", "--json"]);
    let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(hits[0]["id"], id.to_string());
    assert_eq!(hits[0]["matched"], serde_json::json!(["tag: lisbon-pool"]));
}

#[test]
fn hireterm_search_keeps_its_columns_apart() {
    let db = TempDb::new();
    drop(demo_store(&db, 30, 3));
    let out = search(&db, &["kubernetes", "--limit", "30"]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(text.contains("kubernetes  Kubernetes"), "{text}");
    // Kind, id and label: each followed by two spaces at least, aligned.
    let label_at: Vec<usize> = text
        .lines()
        .map(|line| {
            let mut rest = line;
            let mut at = 0;
            for _ in 0..2 {
                let word = rest.find("  ").unwrap_or_else(|| panic!("{line:?}"));
                let gap = rest[word..].len() - rest[word..].trim_start().len();
                at += rest[..word + gap].chars().count();
                rest = &rest[word + gap..];
            }
            at
        })
        .collect();
    assert!(label_at.windows(2).all(|w| w[0] == w[1]), "{text}");
}
