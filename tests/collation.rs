//! Names sort as a person expects (Unicode collation), not by their bytes:
//! Çağrı among the Cs, Ömer among the Os, Łukasz among the Ls, Cyrillic
//! after Latin; in the candidates table, `hireterm list` and the bench.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::domain::candidate::rank_by_name;

const NAMES: [&str; 8] = [
    "Zofia Mazur",
    "Олена Шевченко",
    "Ömer Yılmaz",
    "Łukasz Wójcik",
    "Çağrı Demir",
    "Carla Reyes",
    "Ola Nordmann",
    "Dmytro Melnyk",
];

const EXPECTED: [&str; 8] = [
    "Çağrı Demir",
    "Carla Reyes",
    "Dmytro Melnyk",
    "Łukasz Wójcik",
    "Ola Nordmann",
    "Ömer Yılmaz",
    "Zofia Mazur",
    "Олена Шевченко",
];

fn people() -> Vec<hireterm::domain::Candidate> {
    NAMES
        .iter()
        .enumerate()
        .map(|(i, name)| candidate(name, &format!("p{i}@example.com")))
        .collect()
}

#[test]
fn the_name_order_is_a_collation() {
    let people = people();
    let rank = rank_by_name(&people);
    let mut sorted = vec![""; people.len()];
    for (i, &place) in rank.iter().enumerate() {
        sorted[place as usize] = &people[i].name;
    }
    assert_eq!(sorted, EXPECTED);
}

#[test]
fn list_and_the_table_sort_names_by_collation() {
    let db = TempDb::new();
    let store = db.open();
    for person in people() {
        store.add_candidate(person, &stamp()).unwrap();
    }
    store.close().unwrap();
    let out = hireterm_on(
        &db.path(),
        &["list", "--sort", "name", "--columns", "name", "--csv"],
    );
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stderr}");
    // Each row is `id,name`.
    let listed: Vec<&str> = stdout
        .lines()
        .skip(1)
        .filter_map(|row| row.split_once(',').map(|(_, name)| name))
        .collect();
    assert_eq!(listed, EXPECTED);

    let app = app_on(std::sync::Arc::new(db.open()), 120, 40);
    let data = app.data();
    let table: Vec<&str> = data
        .by_name()
        .iter()
        .map(|&i| data.candidates()[i as usize].name.as_str())
        .collect();
    assert_eq!(table, EXPECTED);
}
