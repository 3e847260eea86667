//! `hireterm export`, and the round trip export → import into an empty
//! database → export, which must give the same bytes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::domain::{CandidateId, Recommendation, Scorecard, SkillId, Stage, text::clean};
use std::path::{Path, PathBuf};

/// A demo database with notes (one about an application, one with
/// several lines and quotes) and a scorecard, so every kind of record and
/// every awkward character is in the export.
fn rich_demo(db: &TempDb) {
    let store = demo_store(db, 120, 4);
    let app = store
        .applications()
        .unwrap()
        .into_iter()
        .find(|a| a.stage == Stage::TechnicalInterview)
        .expect("a demo application in a technical interview");
    let card = Scorecard {
        stage: Stage::TechnicalInterview,
        author: "Rui".into(),
        at: now(),
        ratings: vec![(SkillId::new("kubernetes"), 3)],
        recommendation: Recommendation::Yes,
        notes: "Solid, \"careful\";\nwould hire".into(),
    };
    store
        .add_scorecard(app.engagement, app.candidate, card, &stamp())
        .unwrap();
    store
        .add_note(
            app.candidate,
            Some(app.engagement),
            "Asked for $90/h, flexible",
            &stamp(),
        )
        .unwrap();
    store
        .add_note(
            CandidateId(7),
            None,
            "line one, \"quoted\"\nline two; 三",
            &stamp(),
        )
        .unwrap();
}

fn export(db: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    let out = hireterm_on(db, &all);
    assert!(out.status.success(), "{:?}", output_text(&out));
    out
}

fn import_into(db: &TempDb, path: &Path) {
    let out = hireterm_on(&db.path(), &["import", path.to_str().unwrap()]);
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(stdout.contains("ids in the file were kept"), "{stdout}");
}

fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn json_export_imports_into_an_empty_database_and_exports_the_same_bytes() {
    let (a, b) = (TempDb::new(), TempDb::new());
    rich_demo(&a);
    let first = a.dir.path().join("first.json");
    export(&a.path(), &["--out", first.to_str().unwrap()]);
    import_into(&b, &first);
    let again = export(&b.path(), &[]).stdout;
    assert_eq!(
        String::from_utf8(again).unwrap(),
        std::fs::read_to_string(&first).unwrap()
    );

    let (original, copy) = (a.open(), b.open());
    assert_eq!(original.candidates().unwrap(), copy.candidates().unwrap());
    assert_eq!(original.engagements().unwrap(), copy.engagements().unwrap());
    assert_eq!(
        original.applications().unwrap(),
        copy.applications().unwrap()
    );
    assert_eq!(original.notes().unwrap(), copy.notes().unwrap());
    assert!(
        copy.check().unwrap().problems.is_empty(),
        "{:?}",
        copy.check()
    );
}

#[test]
fn csv_export_folder_round_trips_byte_for_byte() {
    let (a, b) = (TempDb::new(), TempDb::new());
    rich_demo(&a);
    let (first, second) = (a.dir.path().join("first"), b.dir.path().join("second"));
    export(
        &a.path(),
        &["--format", "csv", "--out", first.to_str().unwrap()],
    );
    import_into(&b, &first);
    export(
        &b.path(),
        &["--format", "csv", "--out", second.to_str().unwrap()],
    );
    let names: Vec<String> = tree(&first).into_iter().map(|f| f.0).collect();
    assert_eq!(
        names,
        [
            "applications.csv",
            "candidates.csv",
            "engagements.csv",
            "notes.csv"
        ]
    );
    assert_eq!(tree(&first), tree(&second));
    assert_eq!(a.open().notes().unwrap(), b.open().notes().unwrap());
    assert!(b.open().check().unwrap().problems.is_empty());
}

#[test]
fn the_candidates_file_of_an_export_has_exactly_the_import_columns() {
    let db = TempDb::new();
    rich_demo(&db);
    let dir = db.dir.path().join("out");
    export(
        &db.path(),
        &["--format", "csv", "--out", dir.to_str().unwrap()],
    );
    let text = std::fs::read_to_string(dir.join("candidates.csv")).unwrap();
    let header = text.lines().next().unwrap();
    let columns: Vec<&str> = hireterm::interchange::columns::Column::ALL
        .iter()
        .map(|c| c.name())
        .collect();
    assert_eq!(header, columns.join(","));
    // A plain candidates file goes into a database that has records: the
    // ids are not kept, and duplicates are caught.
    let out = hireterm_on(
        &db.path(),
        &["import", dir.join("candidates.csv").to_str().unwrap()],
    );
    let (stdout, _) = output_text(&out);
    assert!(!out.status.success());
    assert!(stdout.contains("line 2: duplicate of C1 "), "{stdout}");
}

#[test]
fn the_json_document_is_deterministic_and_shaped_as_documented() {
    let db = TempDb::new();
    rich_demo(&db);
    let one = export(&db.path(), &[]).stdout;
    let two = export(&db.path(), &[]).stdout;
    assert_eq!(one, two);
    let doc: serde_json::Value = serde_json::from_slice(&one).unwrap();
    assert_eq!(doc["format"], "hireterm-export");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["candidates"].as_array().unwrap().len(), 120);
    assert_eq!(doc["engagements"].as_array().unwrap().len(), 4);
    assert_eq!(doc["notes"].as_array().unwrap().len(), 2);
    let first = &doc["candidates"][0];
    assert_eq!(first["id"], 1);
    assert!(
        first["created_at"].as_str().unwrap().ends_with(".000Z"),
        "{first}"
    );
    let apps = doc["applications"].as_array().unwrap();
    assert!(
        apps.iter()
            .any(|a| !a["scorecards"].as_array().unwrap().is_empty())
    );
    assert!(
        apps.iter()
            .all(|a| !a["history"].as_array().unwrap().is_empty())
    );
}

#[test]
fn csv_goes_to_standard_output_only_when_there_are_only_candidates() {
    let db = TempDb::new();
    rich_demo(&db);
    let out = hireterm_on(&db.path(), &["export", "--format", "csv"]);
    let (_, stderr) = output_text(&out);
    assert!(!out.status.success());
    assert!(stderr.contains("pass --out DIR"), "{stderr}");

    let plain = TempDb::new();
    plain
        .open()
        .add_candidate(candidate("Ana Silva", "ana@example.com"), &stamp())
        .unwrap();
    let out = export(&plain.path(), &["--format", "csv"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("id,name,email,"), "{text}");
    assert!(
        text.contains("1,Ana Silva,ana@example.com,+351 912 345 678,Lisbon"),
        "{text}"
    );
}

#[test]
fn exports_never_overwrite_a_file() {
    let db = TempDb::new();
    drop(db.open());
    let taken: PathBuf = db.dir.path().join("taken.json");
    std::fs::write(&taken, "keep me").unwrap();
    let out = hireterm_on(&db.path(), &["export", "--out", taken.to_str().unwrap()]);
    assert!(!out.status.success());
    assert_eq!(std::fs::read_to_string(&taken).unwrap(), "keep me");
    let dir = db.dir.path().join("dir");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("notes.csv"), "keep").unwrap();
    let out = hireterm_on(
        &db.path(),
        &["export", "--format", "csv", "--out", dir.to_str().unwrap()],
    );
    assert!(!out.status.success());
    assert_eq!(
        std::fs::read_to_string(dir.join("notes.csv")).unwrap(),
        "keep"
    );
}

#[test]
fn exported_text_carries_no_raw_control_characters() {
    let db = TempDb::new();
    rich_demo(&db);
    for args in [vec![], vec!["--format", "json"]] {
        let text = String::from_utf8(export(&db.path(), &args).stdout).unwrap();
        assert_eq!(clean(&text, true), text, "only newlines may remain");
    }
}

#[test]
fn ids_and_codes_stored_with_control_characters_are_exported_clean() {
    use hireterm::domain::{Level, RoleId, SkillLevel};
    let db = TempDb::new();
    let store = db.open();
    let mut ana = candidate("Ana Silva", "ana@example.com");
    ana.roles = vec![RoleId::new("sre\u{202e}")];
    ana.skills = vec![SkillLevel::new("go\u{1b}[2J", Level::new(3).unwrap())];
    let ana = store.add_candidate(ana, &stamp()).unwrap();
    let mut hostile = engagement("Platform");
    hostile.role = RoleId::new("devops\u{202e}\u{1b}[2J");
    let hostile = store_engagement(&store, hostile);
    store
        .open_application(hostile.id, ana.id, Stage::TechnicalInterview, &stamp())
        .unwrap();
    let card = Scorecard {
        stage: Stage::TechnicalInterview,
        author: "Rui".into(),
        at: now(),
        ratings: vec![(SkillId::new("rust\u{9b}31m\u{202e}"), 3)],
        recommendation: Recommendation::Yes,
        notes: String::new(),
    };
    store
        .add_scorecard(hostile.id, ana.id, card, &stamp())
        .unwrap();
    drop(store);
    let csv = db.dir.path().join("csv");
    export(
        &db.path(),
        &["--format", "csv", "--out", csv.to_str().unwrap()],
    );
    let json = String::from_utf8(export(&db.path(), &[]).stdout).unwrap();
    for (name, text) in tree(&csv)
        .into_iter()
        .map(|(n, b)| (n, String::from_utf8(b).unwrap()))
        .chain([("json".to_string(), json)])
    {
        assert_eq!(clean(&text, true), text, "{name}: only newlines may remain");
        assert!(
            !text.contains("\\u001b") && !text.contains("\\u009b"),
            "{name}: escaped controls in {text}"
        );
    }
}
