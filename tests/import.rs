//! `hireterm import`, run as a real process on real databases.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::agency::{AgencyRecords, add_agency_records};
use common::*;
use hireterm::domain::{CandidateId, Level, SkillId};
use std::path::{Path, PathBuf};

fn write(dir: &TempDb, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Nothing was written: no candidate, no event.
fn assert_untouched(db: &TempDb) {
    let store = db.open();
    assert_eq!(store.candidate_count(), 0, "candidates were written");
    assert_eq!(
        store.recent_events(1).unwrap().len(),
        0,
        "events were written"
    );
}

fn import(db: &TempDb, file: &Path, extra: &[&str]) -> (bool, String, String) {
    let mut args = vec!["import", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = hireterm_on(&db.path(), &args);
    let (stdout, stderr) = output_text(&out);
    (out.status.success(), stdout, stderr)
}

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
    let db = TempDb::new();
    let file = write(&db, "mixed.csv", MIXED.as_bytes());
    let (ok, stdout, stderr) = import(&db, &file, &[]);
    assert!(!ok, "{stdout}");
    for error in MIXED_ERRORS {
        assert!(stdout.contains(error), "missing {error:?} in\n{stdout}");
    }
    assert!(stderr.contains("2 of 5 rows have problems"), "{stderr}");
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    assert_untouched(&db);
}

#[test]
fn skip_invalid_imports_the_good_rows_exactly() {
    let db = TempDb::new();
    let file = write(&db, "mixed.csv", MIXED.as_bytes());
    let (ok, stdout, stderr) = import(&db, &file, &["--skip-invalid"]);
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
    let db = TempDb::new();
    let file = write(&db, "mixed.csv", MIXED.as_bytes());
    let (ok, stdout, _) = import(&db, &file, &["--dry-run", "--skip-invalid"]);
    assert!(ok);
    assert!(
        stdout.contains("dry run: would import 3 of 5 candidates"),
        "{stdout}"
    );
    assert_untouched(&db);
}

#[test]
fn the_example_file_imports_as_documented() {
    let db = TempDb::new();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/import-example.csv");
    let (ok, stdout, stderr) = import(&db, &example, &[]);
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
    let db = TempDb::new();
    let file = write(
        &db,
        "aliases.csv",
        b"CANDIDATE,Mail,Telephone,time-zone,Role Types,skillset,hourly_rate,AVAILABLE,labels,Links\n\
          Kim Lee,kim@example.com,555 0100 200,Asia/Seoul,SRE,Go:3,95,2026-08-01,a; b,https://x.example\n",
    );
    let (ok, stdout, stderr) = import(&db, &file, &[]);
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
    let db = TempDb::new();
    drop(db.open());
    let file = write(&db, "bad-header.csv", b"name,salary\nAna,100\n");
    // Without --strict the unknown column would be kept, but the email is
    // still missing.
    let (ok, stdout, stderr) = import(&db, &file, &[]);
    assert!(!ok);
    assert!(stdout.contains("no column gives the email"), "{stdout}");
    assert!(stderr.contains("the header row cannot be used"), "{stderr}");
    let (ok, stdout, stderr) = import(&db, &file, &["--strict"]);
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
    let db = TempDb::new();
    let file = write(&db, "latin1.csv", b"name,email\nJos\xe9,jose@example.com\n");
    let (ok, stdout, _) = import(&db, &file, &[]);
    assert!(!ok);
    assert!(
        stdout.contains("line 2, column 1 (name): invalid UTF-8"),
        "{stdout}"
    );
}

#[test]
fn json_arrays_import_with_skill_objects_and_name_their_errors() {
    let db = TempDb::new();
    let json = br#"[
  {"name": "Ana Silva", "email": "ana@example.com", "skills": {"kubernetes": 4, "Go": "3"},
   "roles": ["devops"], "rate": 80, "tags": ["a;b"]},
  {"name": "Bad Level", "email": "bad@example.com",
   "skills": {"kubernetes": 7}, "salary": 3}
]"#;
    let file = write(&db, "people.json", json);
    let (ok, stdout, _) = import(&db, &file, &["--strict"]);
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
    let (ok, stdout, _) = import(&db, &file, &[]);
    assert!(!ok);
    assert!(!stdout.contains("salary"), "{stdout}");
    let (ok, _, stderr) = import(&db, &file, &["--skip-invalid"]);
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
    let db = TempDb::new();
    let file = write(
        &db,
        "broken.json",
        b"[\n  {\"name\": \"A\",\n   \"email\" \"x\"}\n]",
    );
    let (ok, stdout, stderr) = import(&db, &file, &[]);
    assert!(!ok);
    assert!(
        stdout.contains("line 3, column 12: expected `:`"),
        "{stdout}"
    );
    assert!(stderr.contains("nothing was imported"), "{stderr}");
}

#[test]
fn duplicates_within_the_file_name_the_earlier_line() {
    let db = TempDb::new();
    let file = write(
        &db,
        "twice.csv",
        b"name,email,phone\n\
          Ana Silva,ana@example.com,+351 912 345 678\n\
          Ana S,ANA@Example.com ,\n\
          Silva Ana,other@example.com,912-345-678\n",
    );
    let (ok, stdout, _) = import(&db, &file, &[]);
    assert!(!ok);
    assert!(
        stdout.contains("line 3: duplicate of line 2 (same email)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("line 4: duplicate of line 2 (same name and phone)"),
        "{stdout}"
    );
}

fn demo_with_one_known(db: &TempDb) -> (CandidateId, String, String) {
    let store = demo_store(db, 30, 2);
    let known = store.candidate(CandidateId(5)).unwrap().unwrap();
    (known.id, known.name, known.email)
}

#[test]
fn rows_matching_stored_candidates_are_errors_unless_skipped_or_merged() {
    let db = TempDb::new();
    let (id, name, email) = demo_with_one_known(&db);
    let text = format!(
        "name,email,tags,skills\nSomeone,{},imported,Rust:5\nNew Person,new@example.com,,\n",
        email.to_uppercase()
    );
    let file = write(&db, "dupes.csv", text.as_bytes());
    let (ok, stdout, _) = import(&db, &file, &[]);
    assert!(!ok);
    let expected = format!("line 2: duplicate of {id} {name} (same email)");
    assert!(stdout.contains(&expected), "{stdout}");
    assert_eq!(db.open().candidate_count(), 30);

    let (ok, stdout, stderr) = import(&db, &file, &["--on-duplicate", "skip"]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains(&format!("{expected}: skipped")), "{stdout}");
    let store = db.open();
    assert_eq!(store.candidate_count(), 31);
    assert!(
        !store
            .candidate(id)
            .unwrap()
            .unwrap()
            .tags
            .contains(&"imported".to_string())
    );
    drop(store);

    let file = write(
        &db,
        "dupe.csv",
        text.lines()
            .take(2)
            .collect::<Vec<_>>()
            .join("\n")
            .as_bytes(),
    );
    let (ok, stdout, stderr) = import(&db, &file, &["--on-duplicate", "merge"]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("(same email): merged as event V") && stdout.contains("1 merged"),
        "{stdout}"
    );
    let before = {
        let store = db.open();
        let merged = store.candidate(id).unwrap().unwrap();
        assert_eq!(merged.name, name, "the stored record keeps its name");
        assert!(merged.tags.contains(&"imported".to_string()));
        assert_eq!(merged.level(&SkillId::new("rust")), Level::new(5).unwrap());
        match &store.events_of(id, 1).unwrap()[0].kind {
            hireterm::domain::EventKind::CandidateMerged { before, .. } => (**before).clone(),
            other => panic!("{other:?}"),
        }
    };
    // The notice names the merge's event; unmerge takes it back.
    let event = stdout
        .lines()
        .find_map(|l| l.split("undo with hireterm unmerge ").nth(1))
        .unwrap()
        .trim()
        .to_string();
    let out = hireterm_on(&db.path(), &["unmerge", &event]);
    assert!(out.status.success(), "{:?}", output_text(&out));
    assert_eq!(db.open().candidate(id).unwrap().unwrap(), before);
}

#[test]
fn a_full_export_is_refused_by_a_database_with_records() {
    let source = TempDb::new();
    drop(demo_store(&source, 20, 2));
    let export = source.dir.path().join("all.json");
    let out = hireterm_on(
        &source.path(),
        &["export", "--out", export.to_str().unwrap()],
    );
    assert!(out.status.success());
    let (ok, _, stderr) = import(&source, &export, &[]);
    assert!(!ok);
    assert!(
        stderr.contains("a full export only goes into an empty database"),
        "{stderr}"
    );
    // A client is a record too: its id could clash with the file's.
    let clients_only = TempDb::new();
    test_client(&clients_only.open());
    let (ok, _, stderr) = import(&clients_only, &export, &[]);
    assert!(!ok);
    assert!(
        stderr.contains("a full export only goes into an empty database"),
        "{stderr}"
    );
    assert_eq!(clients_only.open().engagements().unwrap().len(), 0);
}

/// Names carrying terminal escapes: an OSC 52 clipboard write, a screen
/// clear, CR, a C1 CSI and a right-to-left override.
const HOSTILE: &str = "Eve\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\r\u{9b}31m\u{202E}gnp";

fn assert_no_raw_controls(what: &str, text: &str) {
    for forbidden in ["\u{1b}", "\u{7}", "\r", "\u{9b}", "\u{202E}"] {
        assert!(
            !text.contains(forbidden),
            "{what}: {forbidden:?} in {text:?}"
        );
    }
}

#[test]
fn hostile_names_are_stored_clean_and_never_printed_raw() {
    let db = TempDb::new();
    let csv = format!(
        "name,email,city\n\"{HOSTILE}\",eve@example.com,\"Lis{HOSTILE}\"\n\"{HOSTILE}\",bad,x\n"
    );
    let file = write(&db, "hostile.csv", csv.as_bytes());
    let (ok, stdout, stderr) = import(&db, &file, &["--skip-invalid"]);
    assert!(ok, "{stderr}");
    assert_no_raw_controls("import report", &(stdout + &stderr));
    let eve = db
        .open()
        .candidate_by_email("eve@example.com")
        .unwrap()
        .unwrap();
    assert_eq!(eve.name, "Eve]52;c;aGk=[2J31mgnp");
    assert!(hireterm::domain::text::is_clean(&eve.location.city, false));
    for args in [
        vec!["search", "eve"],
        vec!["search", "eve", "--json"],
        vec!["export"],
        vec!["export", "--format", "csv"],
    ] {
        let (stdout, stderr) = output_text(&hireterm_on(&db.path(), &args));
        assert!(stdout.contains("Eve]52;c;aGk="), "{args:?}: {stdout}");
        assert_no_raw_controls(&format!("{args:?}"), &(stdout + &stderr));
    }
}

#[test]
fn add_refuses_a_duplicate_unless_told_to_merge_and_unmerge_takes_it_back() {
    let db = TempDb::new();
    let first = hireterm_on(
        &db.path(),
        &[
            "add",
            "--name",
            "Ana Lima",
            "--email",
            "ana@x.io",
            "--phone",
            "+351 912 345 678",
        ],
    );
    assert!(first.status.success(), "{:?}", output_text(&first));
    // Same name and phone, another address: the same person.
    let again = [
        "add",
        "--name",
        "lima, ana",
        "--email",
        "ana@y.io",
        "--phone",
        "912-345-678",
        "--tag",
        "rust",
    ];
    let refused = hireterm_on(&db.path(), &again);
    let (_, stderr) = output_text(&refused);
    assert!(!refused.status.success());
    assert!(
        stderr.contains("Ana Lima is already stored (same name and phone)")
            && stderr.contains("--merge"),
        "{stderr}"
    );
    assert_eq!(db.open().candidate_count(), 1);

    let mut merge = again.to_vec();
    merge.push("--merge");
    let merged = hireterm_on(&db.path(), &merge);
    let (stdout, _) = output_text(&merged);
    assert!(merged.status.success(), "{stdout}");
    let ana = db.open().candidate_by_email("ana@x.io").unwrap().unwrap();
    assert_eq!(ana.tags, vec!["rust"]);
    assert!(ana.links.contains(&"mailto:ana@y.io".to_string()));
    let event = stdout
        .split('`')
        .nth(1)
        .unwrap()
        .split_whitespace()
        .last()
        .unwrap()
        .to_string();
    let undone = hireterm_on(&db.path(), &["unmerge", &event]);
    assert!(undone.status.success(), "{:?}", output_text(&undone));
    let ana = db.open().candidate_by_email("ana@x.io").unwrap().unwrap();
    assert!(ana.tags.is_empty() && ana.links.is_empty());
    let twice = hireterm_on(&db.path(), &["unmerge", &event]);
    assert!(!twice.status.success(), "a merge is undone once");
}

/// A small demo database's full export, with a note and a scorecard, as a
/// JSON value to tamper with.
fn demo_document(candidates: usize, engagements: usize) -> serde_json::Value {
    let source = TempDb::new();
    let store = demo_store(&source, candidates, engagements);
    let app = store.applications().unwrap()[0].clone();
    store
        .add_note(
            app.candidate,
            Some(app.engagement),
            "Asked for $90/h",
            &stamp(),
        )
        .unwrap();
    store
        .add_note(CandidateId(2), None, "line one\nline two", &stamp())
        .unwrap();
    let mut bytes = Vec::new();
    hireterm::interchange::export::export_json(&store, &mut bytes).unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

fn write_json(db: &TempDb, name: &str, doc: &serde_json::Value) -> PathBuf {
    write(
        db,
        name,
        serde_json::to_string_pretty(doc).unwrap().as_bytes(),
    )
}

/// A scorecard as the export writes one.
fn scorecard_json(skill: &str, notes: &str) -> serde_json::Value {
    serde_json::json!({
        "stage": "TechnicalInterview",
        "author": "Rui",
        "at": "2026-05-30T10:00:00.000Z",
        "ratings": [[skill, 3]],
        "recommendation": "Yes",
        "notes": notes,
    })
}

#[test]
fn a_problem_only_the_store_used_to_find_refuses_the_whole_file_up_front() {
    let mut doc = demo_document(20, 2);
    doc["engagements"][1]["title"] = "\u{200b}".into();
    let db = TempDb::new();
    let file = write_json(&db, "export.json", &doc);
    let (ok, stdout, _) = import(&db, &file, &["--dry-run"]);
    assert!(!ok, "a dry run finds it too: {stdout}");
    assert!(stdout.contains(": title is empty"), "{stdout}");
    let (ok, stdout, stderr) = import(&db, &file, &[]);
    assert!(!ok, "{stdout}");
    assert!(stdout.contains(": title is empty"), "{stdout}");
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    assert_untouched(&db);
}

#[test]
fn a_merge_that_would_overflow_a_list_is_refused_before_anything_is_written() {
    let db = TempDb::new();
    let mut full = candidate("Ana Lima", "ana@x.io");
    full.tags = (0..200).map(|i| format!("t{i}")).collect();
    db.open().add_candidate(full, &stamp()).unwrap();
    let file = write(
        &db,
        "more.csv",
        b"name,email,tags\nNew Person,new@x.io,\nAna L,ana@x.io,one more\n",
    );
    let merge = ["--on-duplicate", "merge"];
    let (ok, stdout, _) = import(&db, &file, &[&merge[..], &["--dry-run"]].concat());
    assert!(!ok, "{stdout}");
    assert!(
        stdout.contains("line 3: ") && stdout.contains("201 tags is more than 200"),
        "{stdout}"
    );
    let (ok, stdout, stderr) = import(&db, &file, &merge);
    assert!(!ok, "{stdout}");
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    assert_eq!(db.open().candidate_count(), 1, "nothing was written");
    let (ok, stdout, stderr) = import(&db, &file, &[&merge[..], &["--skip-invalid"]].concat());
    assert!(ok, "{stdout}{stderr}");
    let store = db.open();
    assert_eq!(store.candidate_count(), 2);
    let ana = store.candidate_by_email("ana@x.io").unwrap().unwrap();
    assert_eq!(ana.tags.len(), 200);
}

#[test]
fn engagement_and_scorecard_values_are_checked_against_the_catalog_and_the_rules() {
    let mut doc = demo_document(20, 4);
    doc["engagements"][0]["requirements"][0]["skill"] = "cobol".into();
    doc["engagements"][1]["budget"] =
        serde_json::json!({"min": 60, "max": 90, "currency": "\u{1b}SD"});
    doc["engagements"][2]["budget"] = serde_json::json!({"min": 90, "max": 60, "currency": "USD"});
    // On an application of the one engagement left as it was.
    let fine = doc["engagements"][3]["id"].clone();
    let app = doc["applications"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|a| a["engagement"] == fine)
        .unwrap();
    app["scorecards"] = serde_json::json!([scorecard_json("nope", "")]);
    let db = TempDb::new();
    let file = write_json(&db, "export.json", &doc);
    let (ok, stdout, _) = import(&db, &file, &[]);
    assert!(!ok, "{stdout}");
    for expected in [
        "unknown skill `cobol`",
        "currency `SD` is not a 3-letter code",
        "rate minimum 90 is above maximum 60",
        "unknown skill `nope`",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in\n{stdout}"
        );
    }
    assert_no_raw_controls("import report", &stdout);
    assert_untouched(&db);
}

#[test]
fn engagement_and_scorecard_text_from_a_file_is_cleaned() {
    let mut doc = demo_document(20, 2);
    let engagement = &mut doc["engagements"][0];
    engagement["title"] = "Platform\u{202e} team".into();
    // The client's name, in its record and where the engagement names it.
    engagement["client"] = "\u{202e}ACME ".into();
    let client_id = engagement["client_id"].clone();
    let client = doc["clients"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|c| c["id"] == client_id)
        .unwrap();
    client["name"] = "Acme\u{202e}".into();
    let engagement = &mut doc["engagements"][0];
    engagement["requirements"][0]["skill"] = "Kubernetes\u{202e}".into();
    let app = &mut doc["applications"][0];
    app["scorecards"] =
        serde_json::json!([scorecard_json("go\u{200b}", "fine\u{1b}]52;c;aGk=\u{7}")]);
    app["history"][0]["actor"] = "Eve\u{202e}".into();
    doc["notes"][0]["author"] = "Mal\u{9b}31m".into();
    let db = TempDb::new();
    let file = write_json(&db, "export.json", &doc);
    let (ok, stdout, stderr) = import(&db, &file, &[]);
    assert!(ok, "{stdout}{stderr}");
    let store = db.open();
    let stored = &store.engagements().unwrap()[0];
    assert_eq!(stored.title, "Platform team");
    let client = store.client(stored.client).unwrap().unwrap();
    assert_eq!(client.name, "Acme", "the client's name, cleaned");
    assert_eq!(stored.requirements[0].skill.as_str(), "kubernetes");
    let apps = store.applications().unwrap();
    let scored = apps.iter().find(|a| !a.scorecards.is_empty()).unwrap();
    assert_eq!(scored.scorecards[0].ratings[0].0.as_str(), "go");
    assert_eq!(scored.scorecards[0].notes, "fine]52;c;aGk=");
    assert_eq!(scored.history[0].actor, "Eve");
    assert!(store.notes().unwrap().iter().any(|n| n.author == "Mal31m"));
    drop(store);
    for args in [vec!["export"], vec!["export", "--format", "json"]] {
        let (stdout, _) = output_text(&hireterm_on(&db.path(), &args));
        assert_no_raw_controls("export", &stdout);
    }

    // A version 1 document names clients only in its engagements: the
    // client is made from the name, cleaned.
    let mut doc = as_version_1(demo_document(20, 2));
    doc["engagements"][0]["client"] = "\u{1b}[2JAcme".into();
    let db = TempDb::new();
    let file = write_json(&db, "v1.json", &doc);
    let (ok, stdout, stderr) = import(&db, &file, &[]);
    assert!(ok, "{stdout}{stderr}");
    let store = db.open();
    let stored = &store.engagements().unwrap()[0];
    let client = store.client(stored.client).unwrap().unwrap();
    assert_eq!(
        client.name, "[2JAcme",
        "the client made from the name, cleaned"
    );
}

/// A version 2 document as version 1 wrote it: no clients, submittals or
/// placements, and engagements that name their client only.
fn as_version_1(mut doc: serde_json::Value) -> serde_json::Value {
    doc["version"] = 1.into();
    let map = doc.as_object_mut().unwrap();
    for section in ["clients", "submittals", "placements"] {
        map.shift_remove(section);
    }
    for engagement in doc["engagements"].as_array_mut().unwrap() {
        engagement
            .as_object_mut()
            .unwrap()
            .shift_remove("client_id");
    }
    doc
}

#[test]
fn ids_too_large_to_count_past_are_refused_not_overflowed() {
    let db = TempDb::new();
    let file = write(
        &db,
        "huge.csv",
        b"id,name,email\nC18446744073709551615,Ana,a@x.io\n,Bo,b@x.io\n",
    );
    let (ok, stdout, stderr) = import(&db, &file, &[]);
    assert!(!ok, "{stdout}");
    assert!(
        stdout.contains("line 2, column 1 (id): ") && stdout.contains("is too large"),
        "{stdout}{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_untouched(&db);

    let mut doc = demo_document(10, 1);
    doc["engagements"][0]["id"] = serde_json::json!(u64::MAX);
    doc["notes"][1]["id"] = serde_json::json!(u64::MAX);
    let file = write_json(&db, "huge.json", &doc);
    let (ok, stdout, stderr) = import(&db, &file, &[]);
    assert!(!ok, "{stdout}");
    assert!(
        stdout.contains("engagement id 18446744073709551615 is too large")
            && stdout.contains("note id 18446744073709551615 is too large"),
        "{stdout}{stderr}"
    );
    assert_untouched(&db);
    // The store's own import calls refusing such ids, on both engines:
    // tests/store_import.rs.
}

#[test]
fn times_and_dates_outside_years_1_to_9999_are_refused_so_exports_read_back() {
    let db = TempDb::new();
    let json = br#"[
{"name": "Ana", "email": "a@x.io", "created_at": "9999-12-31T23:59:59-23:59"},
{"name": "Bo", "email": "b@x.io", "available_from": "+10000-01-01"},
{"name": "Cy", "email": "c@x.io", "available_from": "0000-12-31"},
{"name": "Di", "email": "d@x.io", "created_at": "9999-12-31T23:59:59.999Z", "available_from": "9999-12-31"}
]"#;
    let file = write(&db, "times.json", json);
    let (ok, stdout, _) = import(&db, &file, &[]);
    assert!(!ok, "{stdout}");
    for line in ["line 2, column ", "(created_at)", "line 3, ", "line 4, "] {
        assert!(stdout.contains(line), "missing {line:?} in\n{stdout}");
    }
    assert!(!stdout.contains("line 5"), "{stdout}");
    let (ok, stdout, stderr) = import(&db, &file, &["--skip-invalid"]);
    assert!(ok, "{stdout}{stderr}");
    // The last moment of year 9999 goes out and comes back.
    let export = db.dir.path().join("out.json");
    let out = hireterm_on(&db.path(), &["export", "--out", export.to_str().unwrap()]);
    assert!(out.status.success(), "{:?}", output_text(&out));
    let again = TempDb::new();
    let (ok, stdout, stderr) = import(&again, &export, &[]);
    assert!(ok, "{stdout}{stderr}");
}

#[test]
fn line_numbers_hold_in_crlf_and_cr_files() {
    for (name, eol) in [("lf.csv", "\n"), ("crlf.csv", "\r\n"), ("cr.csv", "\r")] {
        let db = TempDb::new();
        let text = [
            "name,email",
            "Ana,ana@x.io",
            &format!("\"Multi{eol}Line\",bad"),
            "",
            "Bo,also-bad",
            "",
        ]
        .join(eol);
        let file = write(&db, name, text.as_bytes());
        let (ok, stdout, _) = import(&db, &file, &[]);
        assert!(!ok, "{name}: {stdout}");
        for expected in [
            "line 4, column 2 (email): `bad` is not an email address",
            "line 6, column 2 (email): `also-bad` is not an email address",
        ] {
            assert!(
                stdout.contains(expected),
                "{name}: missing {expected:?} in\n{stdout}"
            );
        }
    }
}

#[test]
fn the_problem_that_stopped_the_reading_is_the_one_reported() {
    let db = TempDb::new();
    let mut text = "name,email\n".to_string();
    for i in 0..120 {
        text += &format!("Bad {i},not-an-email\n");
    }
    text += &format!("Huge,\"{}", "a".repeat(200 * 1024));
    let file = write(&db, "stops.csv", text.as_bytes());
    let (ok, stdout, stderr) = import(&db, &file, &["--skip-invalid"]);
    assert!(!ok, "{stdout}");
    assert!(
        stderr.contains("line 122: a row is longer than 64 KiB"),
        "{stderr}"
    );
    assert_untouched(&db);
}

#[test]
fn a_bad_json_engagement_application_or_note_is_a_row_problem_as_in_csv() {
    let mut doc = demo_document(20, 3);
    doc["engagements"][0]["headcount"] = "lots".into();
    let last = doc["applications"].as_array().unwrap().len() - 1;
    doc["applications"][last]["stage"] = "Nowhere".into();
    // The note on a card (of the first engagement) goes bad; the other,
    // on no card, is the one left to import.
    let notes = doc["notes"].as_array().unwrap();
    let on_card = notes
        .iter()
        .position(|n| !n["engagement"].is_null())
        .unwrap();
    doc["notes"][on_card]["colour"] = "red".into();
    let db = TempDb::new();
    let file = write_json(&db, "export.json", &doc);
    let (ok, stdout, stderr) = import(&db, &file, &[]);
    assert!(!ok, "{stdout}");
    assert!(stderr.contains("have problems"), "not a stop: {stderr}");
    for expected in ["headcount", "Nowhere", "colour"] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in\n{stdout}"
        );
    }
    assert_untouched(&db);
    let (ok, stdout, stderr) = import(&db, &file, &["--skip-invalid"]);
    assert!(ok, "{stdout}{stderr}");
    let store = db.open();
    assert_eq!(store.candidate_count(), 20);
    assert_eq!(store.engagements().unwrap().len(), 2);
    assert_eq!(store.notes().unwrap().len(), 1);
    assert!(store.check().unwrap().problems.is_empty());
}

#[test]
fn a_stopped_import_names_its_cause_once() {
    use hireterm::interchange::ImportError;
    let error = ImportError::Partial {
        file: "people.csv".into(),
        written: Box::default(),
        source: hireterm::store::StoreError::Invalid(vec!["title is empty".into()]),
    };
    let report = color_eyre::eyre::Report::new(error);
    let text: Vec<String> = report.chain().map(ToString::to_string).collect();
    assert_eq!(
        text.iter().filter(|t| t.contains("title is empty")).count(),
        1,
        "{text:?}"
    );
}

#[test]
fn each_merge_is_reported_with_its_own_event_to_undo_it_by() {
    let db = TempDb::new();
    let store = demo_store(&db, 30, 2);
    let (one, two) = (
        store.candidate(CandidateId(3)).unwrap().unwrap(),
        store.candidate(CandidateId(9)).unwrap().unwrap(),
    );
    drop(store);
    let text = format!(
        "name,email,tags\nX,{},first\nNew Person,new@example.com,\nY,{},second\n",
        one.email, two.email
    );
    let file = write(&db, "merges.csv", text.as_bytes());
    let (ok, stdout, stderr) = import(&db, &file, &["--on-duplicate", "merge", "--dry-run"]);
    assert!(ok, "{stderr}");
    assert!(
        !stdout.contains("merged as event"),
        "a dry run merges nothing: {stdout}"
    );
    let (ok, stdout, stderr) = import(&db, &file, &["--on-duplicate", "merge"]);
    assert!(ok, "{stderr}");
    let mut events = Vec::new();
    for (line, who) in [(2, &one), (4, &two)] {
        let prefix = format!(
            "line {line}: duplicate of {} {} (same email): merged as event V",
            who.id, who.name
        );
        let notice = stdout
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("no {prefix:?} in\n{stdout}"));
        let event = notice[prefix.len() - 1..].split(';').next().unwrap();
        assert!(
            notice.ends_with(&format!("; undo with hireterm unmerge {event}")),
            "{notice}"
        );
        events.push(event.to_string());
    }
    assert!(!stdout.contains(" to V"), "no range of events: {stdout}");
    for event in events.iter().rev() {
        let out = hireterm_on(&db.path(), &["unmerge", event]);
        assert!(out.status.success(), "{event}: {:?}", output_text(&out));
    }
    let store = db.open();
    assert_eq!(store.candidate(one.id).unwrap().unwrap(), one);
    assert_eq!(store.candidate(two.id).unwrap().unwrap(), two);
    drop(store);
    let help = output_text(&hireterm_on(&db.path(), &["unmerge", "--help"])).0;
    assert!(help.contains("V123") && !help.contains("E123"), "{help}");
}

/// A demo database's full export with the agency's records (clients with
/// contacts, submittals with answers, placements with changes: see
/// `common::agency`), as a JSON value to tamper with, and the records
/// `common::agency` added (the demo has clients, submittals and
/// placements of its own besides).
fn agency_document() -> (serde_json::Value, AgencyRecords) {
    let source = TempDb::new();
    let store = demo_store(&source, 30, 3);
    let records = add_agency_records(&store);
    let mut bytes = Vec::new();
    hireterm::interchange::export::export_json(&store, &mut bytes).unwrap();
    (serde_json::from_slice(&bytes).unwrap(), records)
}

/// Where the record with `id` is in `section` of `doc`.
fn position(doc: &serde_json::Value, section: &str, id: u64) -> usize {
    doc[section]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no {section} {id} in the document"))
}

/// The ids of `section` of `doc`, in order.
fn ids(doc: &serde_json::Value, section: &str) -> Vec<u64> {
    let records = doc[section].as_array().unwrap();
    records.iter().map(|r| r["id"].as_u64().unwrap()).collect()
}

/// The ids of `section` of `doc` but `left_out`.
fn ids_but(doc: &serde_json::Value, section: &str, left_out: u64) -> Vec<u64> {
    let all = ids(doc, section);
    assert!(
        all.contains(&left_out),
        "{section} {left_out} is in the file"
    );
    all.into_iter().filter(|id| *id != left_out).collect()
}

fn submittal_ids(store: &hireterm::store::Store) -> Vec<u64> {
    store.submittals().unwrap().iter().map(|s| s.id.0).collect()
}

fn placement_ids(store: &hireterm::store::Store) -> Vec<u64> {
    store.placements().unwrap().iter().map(|p| p.id.0).collect()
}

/// Imports `doc`, which must be refused naming each of `expected`, with
/// nothing written; then with `--skip-invalid`, which must write the
/// rest and leave a sound database.
fn assert_refused(doc: &serde_json::Value, expected: &[&str]) -> hireterm::store::Store {
    let db = TempDb::new();
    let file = write_json(&db, "export.json", doc);
    let (ok, stdout, stderr) = import(&db, &file, &[]);
    assert!(!ok, "{stdout}");
    assert!(stderr.contains("have problems"), "not a stop: {stderr}");
    for expected in expected {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in\n{stdout}"
        );
    }
    assert_untouched(&db);
    assert!(db.open().clients().unwrap().is_empty());
    let (ok, stdout, stderr) = import(&db, &file, &["--skip-invalid"]);
    assert!(ok, "{stdout}{stderr}");
    let store = db.open();
    assert!(store.check().unwrap().problems.is_empty());
    store
}

#[test]
fn a_submittal_to_a_malformed_or_hostile_address_is_refused() {
    let (doc, records) = agency_document();
    let sent = records.submittals[1].id.0;
    let at = position(&doc, "submittals", sent);
    for (to, expected) in [
        ("eve@else", "to: `eve@else` is not an email address"),
        // A header slipped into an address: cleaned, it is still no
        // address, and it is shown cleaned.
        (
            "eve@else.example\r\nBcc: all@else.example",
            "to: `eve@else.exampleBcc: all@else.example` is not an email address",
        ),
    ] {
        let mut doc = doc.clone();
        doc["submittals"][at]["to"] = serde_json::json!(["jane@client.example", to]);
        let store = assert_refused(&doc, &[expected]);
        assert_eq!(submittal_ids(&store), ids_but(&doc, "submittals", sent));
        assert_eq!(placement_ids(&store), ids(&doc, "placements"));
    }
}

/// The agency document, in which Jane has left the client since both
/// profiles went to her.
fn after_jane_left() -> (serde_json::Value, AgencyRecords) {
    let (mut doc, records) = agency_document();
    let client = position(&doc, "clients", records.client.0);
    let contacts = doc["clients"][client]["contacts"].as_array_mut().unwrap();
    let before = contacts.len();
    contacts.retain(|c| c["email"] != "jane@client.example");
    assert_eq!(contacts.len(), before - 1, "Jane was a contact");
    (doc, records)
}

#[test]
fn a_submittal_to_a_former_contact_of_its_client_is_imported_as_sent() {
    let (doc, records) = after_jane_left();
    let db = TempDb::new();
    let file = write_json(&db, "export.json", &doc);
    let (ok, stdout, stderr) = import(&db, &file, &[]);
    assert!(ok, "{stdout}{stderr}");
    let store = db.open();
    assert_eq!(submittal_ids(&store), ids(&doc, "submittals"));
    for sent in &records.submittals {
        let stored = store.submittal(sent.id).unwrap().unwrap();
        assert_eq!(&stored, sent, "kept as it was sent");
        assert!(stored.to.contains(&"jane@client.example".to_string()));
    }
    let client = store.client(records.client).unwrap().unwrap();
    assert!(client.contact("jane@client.example").is_none());
    assert_eq!(store.check().unwrap().problems, Vec::<String>::new());
}

#[test]
fn a_submittal_dated_after_the_import_must_have_gone_to_contacts_in_the_file() {
    // Not sent yet when the file's client was as it is: Jane is no
    // contact of it then.
    let (mut doc, records) = after_jane_left();
    let sent = records.submittals[0].id.0;
    let at = position(&doc, "submittals", sent);
    doc["submittals"][at]["at"] = "2999-01-01T09:00:00.000Z".into();
    let store = assert_refused(
        &doc,
        &[
            "jane@client.example is not a contact of ",
            "not dated before this import",
        ],
    );
    assert_eq!(submittal_ids(&store), ids_but(&doc, "submittals", sent));
    // To a contact it still has, it is fine.
    let (mut doc, records) = agency_document();
    let sent = records.submittals[0].id.0;
    let at = position(&doc, "submittals", sent);
    doc["submittals"][at]["at"] = "2999-01-01T09:00:00.000Z".into();
    let db = TempDb::new();
    let file = write_json(&db, "export.json", &doc);
    let (ok, stdout, stderr) = import(&db, &file, &[]);
    assert!(ok, "{stdout}{stderr}");
    let store = db.open();
    assert_eq!(submittal_ids(&store), ids(&doc, "submittals"));
    assert_eq!(store.check().unwrap().problems, Vec::<String>::new());
}

#[test]
fn a_placement_that_ends_before_it_starts_is_refused() {
    let (mut doc, records) = agency_document();
    let placed = records.placements[0].id.0;
    let at = position(&doc, "placements", placed);
    let started = &mut doc["placements"][at]["history"][0];
    assert_eq!(started["start"], "2026-06-15");
    started["end"] = "2026-06-14".into();
    let store = assert_refused(
        &doc,
        &["history entry 1: the end 2026-06-14 is before the start 2026-06-15"],
    );
    assert_eq!(placement_ids(&store), ids_but(&doc, "placements", placed));
    assert_eq!(submittal_ids(&store), ids(&doc, "submittals"));
}

#[test]
fn an_engagement_whose_client_is_not_in_the_file_is_refused() {
    let (mut doc, _) = agency_document();
    let engagement = doc["engagements"][0]["id"].clone();
    doc["engagements"][0]["client_id"] = 999.into();
    let store = assert_refused(
        &doc,
        &[
            "client CL999 is not in the file",
            &format!("engagement E{engagement} is not in the file"),
        ],
    );
    assert!(store.engagements().unwrap().iter().all(|e| e.id.0 != 1));
    // A client of the file under another name is refused as well: the
    // name is there for the reader, and must agree.
    let (mut doc, _) = agency_document();
    doc["engagements"][0]["client"] = "Someone Else Ltd".into();
    assert_refused(&doc, &["client `Someone Else Ltd` is not the name of CL"]);
}

#[test]
fn agency_records_of_the_wrong_shape_or_version_are_named() {
    let (mut doc, records) = agency_document();
    // The client no engagement is for, so that no other record goes with
    // it.
    let spare = doc["clients"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Acme Staffing Partners")
        .unwrap()["id"]
        .as_u64()
        .unwrap();
    let (placed, sent) = (records.placements[1].id.0, records.submittals[0].id.0);
    let at = (
        position(&doc, "clients", spare),
        position(&doc, "placements", placed),
        position(&doc, "submittals", sent),
    );
    let original = doc.clone();
    doc["clients"][at.0]["contacts"] = "Jane Roe".into();
    doc["placements"][at.1] = 42.into();
    doc["submittals"][at.2]["answers"][0]["kind"] = "Maybe".into();
    let store = assert_refused(
        &doc,
        &[
            "contacts: invalid type: string",
            "expected an object, found a number",
            "unknown variant `Maybe`",
        ],
    );
    let clients: Vec<u64> = store.clients().unwrap().iter().map(|c| c.id.0).collect();
    assert_eq!(clients, ids_but(&original, "clients", spare));
    assert_eq!(
        placement_ids(&store),
        ids_but(&original, "placements", placed)
    );
    assert_eq!(
        submittal_ids(&store),
        ids_but(&original, "submittals", sent)
    );

    // Only version 2 documents have clients, submittals and placements.
    let (mut doc, _) = agency_document();
    doc["version"] = 1.into();
    let db = TempDb::new();
    let file = write_json(&db, "v1.json", &doc);
    let (ok, _, stderr) = import(&db, &file, &[]);
    assert!(!ok);
    assert!(
        stderr.contains("\"clients\" is a section of version 2 documents; this one is version 1"),
        "{stderr}"
    );
    doc["version"] = 3.into();
    let file = write_json(&db, "v3.json", &doc);
    let (ok, _, stderr) = import(&db, &file, &[]);
    assert!(!ok);
    assert!(
        stderr.contains("expected a version from 1 to 2, found 3"),
        "{stderr}"
    );
    assert_untouched(&db);
}
