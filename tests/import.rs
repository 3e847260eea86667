//! `hireterm import`, run as a real process on real databases.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::agency::{AgencyRecords, add_agency_records};
use common::engines::assert_untouched;
use common::*;
use hireterm::domain::CandidateId;
use std::path::{Path, PathBuf};

fn write(dir: &TempDb, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn import(db: &TempDb, file: &Path, extra: &[&str]) -> (bool, String, String) {
    let mut args = vec!["import", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = hireterm_on(&db.path(), &args);
    let (stdout, stderr) = output_text(&out);
    (out.status.success(), stdout, stderr)
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
