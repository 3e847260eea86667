//! Ids stop at 2^53 - 1 (`MAX_ID`), the largest whole number every JSON
//! reader keeps exact: an import refuses a larger one, naming its line,
//! and once a counter reaches the limit, `add` and `note` refuse in words
//! rather than hand out an id an export could not hold. Real processes on
//! real databases.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::domain::ids::MAX_ID;
use hireterm::interchange::export::export_json;

/// Runs `args` on the database: whether it succeeded, stdout, stderr.
fn run(db: &TempDb, args: &[&str]) -> (bool, String, String) {
    let out = hireterm_on(&db.path(), args);
    let (stdout, stderr) = output_text(&out);
    (out.status.success(), stdout, stderr)
}

/// A refusal in words: no panic, no Rust debug form.
fn assert_plain_refusal(ok: bool, stdout: &str, stderr: &str, expected: &str) {
    assert!(!ok, "{stdout}{stderr}");
    assert!(stderr.contains(expected), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains(" { "), "{stderr}");
}

fn assert_checks(db: &TempDb) {
    let (ok, stdout, stderr) = run(db, &["check"]);
    assert!(
        ok && stdout.contains("no problems found"),
        "{stdout}{stderr}"
    );
}

#[test]
fn an_id_past_the_limit_is_refused_naming_its_line_and_column() {
    assert_eq!(MAX_ID, (1 << 53) - 1);
    let db = TempDb::new();
    let csv = db.write_file(
        "big.csv",
        "id,name,email\nC12,Ana,ana@x.io\nC9007199254740992,Bo,bo@x.io\n",
    );
    let (ok, stdout, stderr) = run(&db, &["import", csv.to_str().unwrap()]);
    assert!(!ok, "{stdout}");
    let expected = "line 3, column 1 (id): candidate id 9007199254740992 is too large \
                    (ids go up to 9007199254740991)";
    assert!(stdout.contains(expected), "{stdout}{stderr}");
    assert!(db.open().has_no_records().unwrap());

    let json = db.write_file(
        "big.json",
        "[\n{\"id\": 9007199254740992, \"name\": \"Cy\", \"email\": \"cy@x.io\"}\n]\n",
    );
    let (ok, stdout, stderr) = run(&db, &["import", json.to_str().unwrap()]);
    assert!(!ok, "{stdout}");
    assert!(
        stdout.contains("line 2, column") && stdout.contains("9007199254740992 is too large"),
        "{stdout}{stderr}"
    );
    assert!(db.open().has_no_records().unwrap());
}

#[test]
fn after_the_highest_candidate_id_add_refuses_in_words_and_nothing_breaks() {
    let db = TempDb::new();
    let csv = db.write_file("max.csv", "id,name,email\nC9007199254740991,Ana,ana@x.io\n");
    let (ok, stdout, stderr) = run(&db, &["import", csv.to_str().unwrap()]);
    assert!(ok, "{stdout}{stderr}");
    for attempt in ["first", "second"] {
        let (ok, stdout, stderr) = run(&db, &["add", "--name", "Bo", "--email", "bo@x.io"]);
        assert_plain_refusal(ok, &stdout, &stderr, "no candidate id is left to give");
        assert!(
            stderr.contains("ids go up to 9007199254740991"),
            "{attempt}: {stderr}"
        );
    }
    let store = db.open();
    assert_eq!(store.candidate_count(), 1);
    assert!(store.candidate_by_email("bo@x.io").unwrap().is_none());
    drop(store);
    assert_checks(&db);
    // What is stored still exports, its id exact.
    let (ok, stdout, stderr) = run(&db, &["export"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert!(ok && doc["candidates"][0]["id"] == MAX_ID, "{stderr}");
}

#[test]
fn rows_without_ids_that_would_pass_the_limit_are_refused_before_writing() {
    let db = TempDb::new();
    let csv = db.write_file(
        "max.csv",
        "id,name,email\nC9007199254740990,Ana,ana@x.io\n,Bo,bo@x.io\n,Cy,cy@x.io\n",
    );
    for extra in [None, Some("--skip-invalid")] {
        let mut args = vec!["import", csv.to_str().unwrap()];
        args.extend(extra);
        let (ok, stdout, stderr) = run(&db, &args);
        assert_plain_refusal(ok, &stdout, &stderr, "line 3: 2 rows have no id");
        assert!(
            stderr.contains("only 1 id is left past the file's highest, C9007199254740990"),
            "{stderr}"
        );
        assert!(db.open().has_no_records().unwrap(), "{extra:?}");
    }
    // One row without an id fits: it gets the last id.
    let csv = db.write_file(
        "fits.csv",
        "id,name,email\nC9007199254740990,Ana,ana@x.io\n,Bo,bo@x.io\n",
    );
    let (ok, stdout, stderr) = run(&db, &["import", csv.to_str().unwrap()]);
    assert!(ok, "{stdout}{stderr}");
    let bo = db.open().candidate_by_email("bo@x.io").unwrap().unwrap();
    assert_eq!(bo.id.0, MAX_ID);
    assert_checks(&db);
}

#[test]
fn after_the_highest_note_id_a_note_is_refused_and_candidates_still_add() {
    let source = TempDb::new();
    let store = demo_store(&source, 3, 1);
    let first = store.candidates().unwrap()[0].id;
    drop(store);
    let (ok, _, stderr) = run(&source, &["note", "--candidate", &first.to_string(), "hi"]);
    assert!(ok, "{stderr}");
    let mut json = Vec::new();
    export_json(&source.open(), &mut json).unwrap();
    let mut doc: serde_json::Value = serde_json::from_slice(&json).unwrap();
    doc["notes"][0]["id"] = serde_json::json!(MAX_ID);

    let db = TempDb::new();
    let file = db.write_file("export.json", doc.to_string());
    let (ok, stdout, stderr) = run(&db, &["import", file.to_str().unwrap()]);
    assert!(ok, "{stdout}{stderr}");
    let (ok, stdout, stderr) = run(&db, &["note", "--candidate", &first.to_string(), "more"]);
    assert_plain_refusal(ok, &stdout, &stderr, "no note id is left to give");
    let (ok, stdout, stderr) = run(&db, &["add", "--name", "Dee", "--email", "dee@x.io"]);
    assert!(ok, "{stdout}{stderr}");
    assert_eq!(db.open().notes_of(first).unwrap().len(), 1);
    assert_checks(&db);
}
