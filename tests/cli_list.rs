//! `hireterm list`, run as the built binary on a demo database: the daily
//! question finds exactly the people the obvious filter (`naive::select`)
//! finds, each fitting it; views (default and from the config file),
//! CSV that reads back, and mistakes shown with a caret (exit 2).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{NaiveDate, Utc};
use common::*;
use hireterm::app::filtering::naive;
use hireterm::app::records::data::Data;
use hireterm::catalog::Catalog;
use hireterm::domain::{Policy, Stamp};
use hireterm::filter::parse;
use serde_json::Value;
use std::collections::BTreeSet;
use std::process::Output;

const DAILY: &str = "role:devops skill:k8s>=4 rate<=80 avail<=14d tz:Europe/*";

/// A demo database generated around the real now (the CLI's today), closed.
pub fn demo_db(candidates: usize) -> TempDb {
    let db = TempDb::new();
    let store = db.open();
    let options = hireterm::demo::DemoOptions {
        candidates,
        engagements: 10,
        seed: 42,
        now: Utc::now(),
    };
    let data = hireterm::demo::generate(&options, Catalog::builtin());
    hireterm::demo::write(&store, data, &Stamp::new(Utc::now(), "tester")).unwrap();
    store.close().unwrap();
    db
}

/// `hireterm --db DB ARGS`, with a config folder of the test's own.
pub fn run(db: &TempDb, args: &[&str]) -> Output {
    hireterm()
        .env("HIRETERM_CONFIG_DIR", db.dir.path().join("config"))
        .arg("--db")
        .arg(db.path())
        .args(args)
        .output()
        .unwrap()
}

/// The JSON array a successful run printed.
pub fn listed(out: &Output) -> Vec<Value> {
    let (stdout, stderr) = output_text(out);
    assert!(out.status.success(), "{stderr}");
    serde_json::from_str(stdout.trim()).unwrap()
}

pub fn ids(listed: &[Value]) -> Vec<String> {
    listed
        .iter()
        .map(|c| c["id"].as_str().unwrap().into())
        .collect()
}

/// Everything a person on the daily question's list must be.
fn fits_the_daily_question(c: &Value, today: NaiveDate) {
    let roles = c["roles"].as_array().unwrap();
    assert!(roles.iter().any(|r| r["id"] == "devops"), "{c}");
    // The skill the filter names shows first.
    assert_eq!(c["skills"][0]["id"], "kubernetes", "{c}");
    assert!(c["skills"][0]["level"].as_u64().unwrap() >= 4, "{c}");
    assert_eq!(c["rate"]["currency"], "USD", "{c}");
    assert!(c["rate"]["min"].as_u64().unwrap() <= 80, "{c}");
    let free: NaiveDate = c["available"].as_str().unwrap().parse().unwrap();
    assert!(free <= today + chrono::Days::new(14), "{c}");
    assert!(
        c["timezone"].as_str().unwrap().starts_with("Europe/"),
        "{c}"
    );
}

#[test]
fn the_daily_question_lists_exactly_whom_the_obvious_filter_finds() {
    let db = demo_db(3000);
    let out = run(&db, &["list", "--where", DAILY, "--json"]);
    let today = Utc::now().date_naive();
    let listed = listed(&out);
    let store = db.open();
    let data = Data::load(&store).unwrap();
    let filter = parse(DAILY, Catalog::builtin()).unwrap();
    let found = naive::select(&filter, &data, &Policy::default(), today);
    let expected: BTreeSet<String> = found
        .iter()
        .map(|&i| data.candidates()[i as usize].id.to_string())
        .collect();
    assert!(!expected.is_empty(), "the demo data has no one for it");
    assert_eq!(ids(&listed).into_iter().collect::<BTreeSet<_>>(), expected);
    assert_eq!(listed.len(), expected.len());
    for c in &listed {
        fits_the_daily_question(c, today);
    }
    // By name, as the app's table sorts by default.
    let ranks: Vec<u32> = ids(&listed)
        .iter()
        .map(|id| data.index_of(id.parse().unwrap()).unwrap())
        .map(|i| data.name_rank(i))
        .collect();
    assert!(ranks.is_sorted(), "{ranks:?}");
}

#[test]
fn a_default_view_lists_as_its_filter_sort_and_columns_say() {
    let db = demo_db(800);
    let by_view = listed(&run(&db, &["list", "--view", "DevOps Bench", "--json"]));
    let by_hand = ["--sort", "available", "--where", "role:devops placed:no"];
    let by_hand = run(&db, &[&["list", "--json"][..], &by_hand].concat());
    assert!(!by_view.is_empty());
    assert_eq!(ids(&by_view), ids(&listed(&by_hand)));

    let out = run(&db, &["list", "--view", "devops bench", "--limit", "3"]);
    let (text, _) = output_text(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    let columns = ["ID", "NAME", "SKILLS", "LOCATION", "RATE", "AVAILABLE"];
    assert_eq!(header, columns, "{text}");

    let out = run(&db, &["list", "--view", "bench"]);
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("no view is called \"bench\"; the views are \"available this week\""),
        "{stderr}"
    );
}

#[test]
fn a_view_from_the_config_file_lists_and_a_bad_filter_is_named() {
    let db = demo_db(800);
    let config = db.dir.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    let text = "[aging]\nscreening = 3\n\n\
                [[views]]\nname = \"go seniors\"\nfilter = \"skill:go>=3\"\n\
                sort = \"rate\"\ndescending = true\ncolumns = [\"name\", \"rate\"]\n\n\
                [[views]]\nname = \"typo\"\nfilter = \"skil:go\"\n";
    std::fs::write(config.join("config.toml"), text).unwrap();

    let listed = listed(&run(&db, &["list", "--view", "Go Seniors", "--json"]));
    assert!(!listed.is_empty());
    let rates: Vec<u64> = listed
        .iter()
        .filter_map(|c| c["rate"]["min"].as_u64())
        .collect();
    assert!(rates.windows(2).all(|w| w[0] >= w[1]), "{rates:?}");
    let out = run(
        &db,
        &["list", "--view", "go seniors", "--csv", "--limit", "2"],
    );
    let (csv, _) = output_text(&out);
    assert!(csv.starts_with("id,name,rate\n"), "{csv}");

    let out = run(&db, &["list", "--view", "typo"]);
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let shown = "hireterm: view \"typo\": `skil:` is not a field\n  skil:go\n  \
                 ^^^^^ did you mean `skill:`?\n";
    assert!(stderr.ends_with(shown), "{stderr}");
}

#[test]
fn csv_reads_back_with_the_same_people_in_the_same_order() {
    let db = demo_db(800);
    let filter = ["--where", "role:devops"];
    let json = listed(&run(&db, &[&["list", "--json"][..], &filter].concat()));
    let columns = ["--columns", "name,location,rate,available,skills"];
    let out = run(&db, &[&["list", "--csv"][..], &filter, &columns].concat());
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(&out.stdout[..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let expected = ["id", "name", "location", "rate", "available", "skills"];
    assert_eq!(header, expected);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let csv_ids: Vec<String> = rows.iter().map(|r| r[0].to_string()).collect();
    assert_eq!(csv_ids, ids(&json));
    for (row, c) in rows.iter().zip(&json) {
        assert_eq!(row[1], *c["name"].as_str().unwrap());
        assert_eq!(row[2], *c["location"].as_str().unwrap(), "a comma, quoted");
        assert_eq!(row[4], *c["available"].as_str().unwrap_or(""));
    }
}

#[test]
fn a_bad_filter_is_shown_with_a_caret_before_the_database_opens() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let list = |args: &[&str]| {
        let out = hireterm_on(&db, &[&["list"][..], args].concat());
        (out.status.code(), output_text(&out).1)
    };
    let (code, stderr) = list(&["--where", "role:devops skil:k8s>=4 rate<=80"]);
    assert_eq!(code, Some(2), "{stderr}");
    let shown = "hireterm: --where: `skil:` is not a field\n  \
                 role:devops skil:k8s>=4 rate<=80\n              \
                 ^^^^^ did you mean `skill:`?\n";
    assert_eq!(stderr, shown);
    let (code, stderr) = list(&["--where", "city:\u{1b}[2Jlisbon\u{7}"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("  city:[2Jlisbon\n       ^\n"), "{stderr}");
    assert!(!stderr.contains(['\u{1b}', '\u{7}']), "{stderr:?}");
    let (code, stderr) = list(&["--sort", "salary"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("--sort: `salary` is not a column; the columns are name, role"));
    let (code, stderr) = list(&["--columns", "name,wage"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("--columns: `wage` is not a column"),
        "{stderr}"
    );
    assert!(!db.exists(), "the database was opened");
}

#[test]
fn no_one_matching_exits_1_and_limit_cuts_the_list() {
    let db = demo_db(300);
    let out = run(&db, &["list", "--where", "rate<=1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let out = run(&db, &["list", "--where", "rate<=1", "--json"]);
    assert_eq!(
        (out.status.code(), output_text(&out).0.trim()),
        (Some(1), "[]")
    );
    let out = run(&db, &["list", "--limit", "5"]);
    assert_eq!(output_text(&out).0.lines().count(), 6, "a header and five");
}

#[test]
fn control_characters_in_a_stored_candidate_never_reach_the_output() {
    const HOSTILE: &str = "Aaa\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\r\u{9b}31m\u{202E}Evil\u{200B}";
    let db = demo_db(50);
    let mut evil = candidate(HOSTILE, "eve@example.com");
    evil.id = hireterm::domain::CandidateId(9_999);
    evil.location.city = format!("Lis\nbon{HOSTILE}");
    evil.location.timezone = format!("Europe/{HOSTILE}");
    evil.tags = vec![format!("hot{HOSTILE}")];
    plant_raw_candidate(&db, &evil);
    let forbidden = |c: char| {
        c.is_control() && c != '\n'
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}'..='\u{200F}')
    };
    for format in [None, Some("--json"), Some("--csv")] {
        let args = [&["list", "--where", "aaa"][..], format.as_slice()].concat();
        let out = run(&db, &args);
        let (stdout, stderr) = output_text(&out);
        assert!(out.status.success(), "{args:?}: {stderr}");
        assert!(
            stdout.contains("C9999") && stdout.contains("Evil"),
            "{stdout}"
        );
        assert!(!stdout.chars().any(forbidden), "{args:?}: {stdout:?}");
        assert!(!stderr.chars().any(forbidden), "{args:?}: {stderr:?}");
    }
}
