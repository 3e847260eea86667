//! `hireterm import` of candidates from CSV and JSON rows: every problem
//! named by line and column, nothing written unless every row is good or
//! `--skip-invalid` leaves the bad ones out, headers in other words. Run
//! as a real process, each test on sled and on PostgreSQL
//! (`common/engines.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::engines::{EngineDb, assert_untouched, import_at as import, on_each_engine};
use hireterm::domain::{Level, SkillId};
use std::path::Path;

/// Good rows, bad rows, a BOM, quoted commas, a quoted newline, emoji and
/// CJK; header names in other words and cases.
const MIXED: &str = "\u{feff}Full Name,E-mail,Mobile,City,Skill Set,Hourly Rate,Currency,Start Date,Labels\n\
\"Silva, Ana\",ana@example.com,+351 912 345 678,Lisbon,\"Kubernetes:4; Go:3\",60-90,eur,2026-07-01,\"remote; senior\"\n\
Bob Bad,not-an-email,,Porto,Go:7,90-60,,2026-13-01,\n\
\"王芳 🚀\",wang@example.cn,,\"Beijing\",\"k8s:5\",80,,,\n\
\"Multi\nLine Name\",multi@example.com,,,Cobol:3,,,,\n\
Zoë Quote,\"zoe@example.com\",,\"The \"\"Hague\"\"\",,,,,\n";

const MIXED_ERRORS: [&str; 5] = [
    "line 3, column 2 (E-mail): `not-an-email` is not an email address",
    "line 3, column 5 (Skill Set): level `7` of Go is not 0 to 5",
    "line 3, column 6 (Hourly Rate): rate 90-60 has its minimum above its maximum",
    "line 3, column 8 (Start Date): `2026-13-01` is not a date written YYYY-MM-DD",
    "line 6, column 5 (Skill Set): unknown skill `Cobol`",
];

#[test]
fn a_file_with_any_bad_row_imports_nothing_and_names_every_problem() {
    on_each_engine(a_file_with_any_bad_row_imports_nothing_and_names_every_problem_on);
}

fn a_file_with_any_bad_row_imports_nothing_and_names_every_problem_on(db: &EngineDb) {
    let file = db.write_file("mixed.csv", MIXED.as_bytes());
    let (ok, stdout, stderr) = import(db, &file, &[]);
    assert!(!ok, "{stdout}");
    for error in MIXED_ERRORS {
        assert!(stdout.contains(error), "missing {error:?} in\n{stdout}");
    }
    assert!(stderr.contains("2 of 5 rows have problems"), "{stderr}");
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    assert_untouched(db);
}

#[test]
fn skip_invalid_imports_the_good_rows_exactly() {
    on_each_engine(skip_invalid_imports_the_good_rows_exactly_on);
}

fn skip_invalid_imports_the_good_rows_exactly_on(db: &EngineDb) {
    let file = db.write_file("mixed.csv", MIXED.as_bytes());
    let (ok, stdout, stderr) = import(db, &file, &["--skip-invalid"]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains(MIXED_ERRORS[0]), "{stdout}");
    assert!(
        stdout.contains("imported 3 candidates") && stdout.contains("2 skipped as invalid"),
        "{stdout}"
    );
    let store = db.open();
    let names: Vec<String> = store
        .candidates()
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["Silva, Ana", "王芳 🚀", "Zoë Quote"]);
    let ana = store
        .candidate_by_email("ANA@example.com")
        .unwrap()
        .unwrap();
    assert_eq!(ana.phone.as_deref(), Some("+351 912 345 678"));
    assert_eq!(
        ana.level(&SkillId::new("kubernetes")),
        Level::new(4).unwrap()
    );
    let rate = ana.rate.unwrap();
    assert_eq!(
        (rate.min, rate.max, rate.currency.as_str()),
        (60, 90, "EUR")
    );
    assert_eq!(ana.tags, ["remote", "senior"]);
    assert_eq!(ana.available_from.unwrap().to_string(), "2026-07-01");
    let zoe = store
        .candidate_by_email("zoe@example.com")
        .unwrap()
        .unwrap();
    assert_eq!(zoe.location.city, "The \"Hague\"");
    assert_eq!(zoe.rate, None);
}

#[test]
fn dry_run_reports_and_writes_nothing() {
    on_each_engine(dry_run_reports_and_writes_nothing_on);
}

fn dry_run_reports_and_writes_nothing_on(db: &EngineDb) {
    let file = db.write_file("mixed.csv", MIXED.as_bytes());
    let (ok, stdout, _) = import(db, &file, &["--dry-run", "--skip-invalid"]);
    assert!(ok);
    assert!(
        stdout.contains("dry run: would import 3 of 5 candidates"),
        "{stdout}"
    );
    assert_untouched(db);
}

#[test]
fn the_example_file_imports_as_documented() {
    on_each_engine(the_example_file_imports_as_documented_on);
}

fn the_example_file_imports_as_documented_on(db: &EngineDb) {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/import-example.csv");
    let (ok, stdout, stderr) = import(db, &example, &[]);
    assert!(ok, "{stdout}{stderr}");
    let store = db.open();
    let jose = store
        .candidate_by_email("jose.garcia@example.es")
        .unwrap()
        .unwrap();
    assert_eq!(jose.name, "García, José");
    assert_eq!(jose.roles[0].as_str(), "database");
    assert_eq!(jose.rate.unwrap().currency, "EUR");
    let ana = store
        .candidate_by_email("ana.silva@example.com")
        .unwrap()
        .unwrap();
    assert_eq!(ana.roles.len(), 1, "devops and its alias sre are one role");
}

#[test]
fn headers_match_whatever_their_case_spacing_or_alias() {
    on_each_engine(headers_match_whatever_their_case_spacing_or_alias_on);
}

fn headers_match_whatever_their_case_spacing_or_alias_on(db: &EngineDb) {
    let file = db.write_file(
        "aliases.csv",
        b"CANDIDATE,Mail,Telephone,time-zone,Role Types,skillset,hourly_rate,AVAILABLE,labels,Links\n\
          Kim Lee,kim@example.com,555 0100 200,Asia/Seoul,SRE,Go:3,95,2026-08-01,a; b,https://x.example\n",
    );
    let (ok, stdout, stderr) = import(db, &file, &[]);
    assert!(ok, "{stdout}{stderr}");
    let kim = db
        .open()
        .candidate_by_email("kim@example.com")
        .unwrap()
        .unwrap();
    assert_eq!(kim.name, "Kim Lee");
    assert_eq!(kim.location.timezone, "Asia/Seoul");
    assert_eq!(kim.roles[0].as_str(), "devops");
    assert_eq!(kim.rate.as_ref().map(|r| (r.min, r.max)), Some((95, 95)));
    assert_eq!(kim.tags, ["a", "b"]);
    assert_eq!(kim.links, ["https://x.example"]);
}

#[test]
fn unknown_or_missing_columns_stop_before_any_row() {
    on_each_engine(unknown_or_missing_columns_stop_before_any_row_on);
}

fn unknown_or_missing_columns_stop_before_any_row_on(db: &EngineDb) {
    drop(db.open());
    let file = db.write_file("bad-header.csv", b"name,salary\nAna,100\n");
    // Without --strict the unknown column would be kept, but the email is
    // still missing.
    let (ok, stdout, stderr) = import(db, &file, &[]);
    assert!(!ok);
    assert!(stdout.contains("no column gives the email"), "{stdout}");
    assert!(stderr.contains("the header row cannot be used"), "{stderr}");
    let (ok, stdout, stderr) = import(db, &file, &["--strict"]);
    assert!(!ok);
    assert!(
        stdout.contains("column 2 (`salary`) is not a candidate field"),
        "{stdout}"
    );
    assert!(
        stdout.contains("the required column `email` is missing"),
        "{stdout}"
    );
    assert!(stderr.contains("the header row cannot be used"), "{stderr}");
    assert_eq!(db.open().candidate_count(), 0);
}

#[test]
fn invalid_utf8_is_reported_with_its_line() {
    on_each_engine(invalid_utf8_is_reported_with_its_line_on);
}

fn invalid_utf8_is_reported_with_its_line_on(db: &EngineDb) {
    let file = db.write_file("latin1.csv", b"name,email\nJos\xe9,jose@example.com\n");
    let (ok, stdout, _) = import(db, &file, &[]);
    assert!(!ok);
    assert!(
        stdout.contains("line 2, column 1 (name): invalid UTF-8"),
        "{stdout}"
    );
}

#[test]
fn json_arrays_import_with_skill_objects_and_name_their_errors() {
    on_each_engine(json_arrays_import_with_skill_objects_and_name_their_errors_on);
}

fn json_arrays_import_with_skill_objects_and_name_their_errors_on(db: &EngineDb) {
    let json = br#"[
  {"name": "Ana Silva", "email": "ana@example.com", "skills": {"kubernetes": 4, "Go": "3"},
   "roles": ["devops"], "rate": 80, "tags": ["a;b"]},
  {"name": "Bad Level", "email": "bad@example.com",
   "skills": {"kubernetes": 7}, "salary": 3}
]"#;
    let file = db.write_file("people.json", json);
    let (ok, stdout, _) = import(db, &file, &["--strict"]);
    assert!(!ok);
    assert!(
        stdout.contains("line 5, column 4 (skills): level `7` of Kubernetes is not 0 to 5"),
        "{stdout}"
    );
    assert!(
        stdout.contains("line 5, column 33 (salary): `salary` is not a candidate field"),
        "{stdout}"
    );
    // Without --strict a key that is no field is kept as a custom field.
    let (ok, stdout, _) = import(db, &file, &[]);
    assert!(!ok);
    assert!(!stdout.contains("salary"), "{stdout}");
    let (ok, _, stderr) = import(db, &file, &["--skip-invalid"]);
    assert!(ok, "{stderr}");
    let ana = db
        .open()
        .candidate_by_email("ana@example.com")
        .unwrap()
        .unwrap();
    let skills: Vec<&str> = ana.skills.iter().map(|s| s.skill.as_str()).collect();
    assert_eq!(skills, ["kubernetes", "go"], "in the file's order");
    assert_eq!(ana.tags, ["a;b"]);
}

#[test]
fn broken_json_is_reported_with_line_and_column() {
    on_each_engine(broken_json_is_reported_with_line_and_column_on);
}

fn broken_json_is_reported_with_line_and_column_on(db: &EngineDb) {
    let file = db.write_file(
        "broken.json",
        b"[\n  {\"name\": \"A\",\n   \"email\" \"x\"}\n]",
    );
    let (ok, stdout, stderr) = import(db, &file, &[]);
    assert!(!ok);
    assert!(
        stdout.contains("line 3, column 12: expected `:`"),
        "{stdout}"
    );
    assert!(stderr.contains("nothing was imported"), "{stderr}");
}

#[test]
fn the_problem_that_stopped_the_reading_is_the_one_reported() {
    on_each_engine(the_problem_that_stopped_the_reading_is_the_one_reported_on);
}

fn the_problem_that_stopped_the_reading_is_the_one_reported_on(db: &EngineDb) {
    let mut text = "name,email\n".to_string();
    for i in 0..120 {
        text += &format!("Bad {i},not-an-email\n");
    }
    text += &format!("Huge,\"{}", "a".repeat(200 * 1024));
    let file = db.write_file("stops.csv", text.as_bytes());
    let (ok, stdout, stderr) = import(db, &file, &["--skip-invalid"]);
    assert!(!ok, "{stdout}");
    assert!(
        stderr.contains("line 122: a row is longer than 64 KiB"),
        "{stderr}"
    );
    assert_untouched(db);
}
