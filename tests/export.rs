//! `hireterm export`, and the round trip export → import into an empty
//! database → export, which must give the same bytes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::agency::{AgencyRecords, add_agency_records, day, later};
use common::*;
use hireterm::domain::{CandidateId, Recommendation, Scorecard, SkillId, Stage, text::clean};
use std::path::{Path, PathBuf};

/// A demo database with notes (one about an application, one with
/// several lines and quotes), a scorecard, clients with contacts,
/// submittals with answers and placements with changes, so every kind of
/// record and every awkward character is in the export. The demo has
/// clients, submittals and placements of its own; the agency records
/// added here are returned.
fn rich_demo(db: &TempDb) -> AgencyRecords {
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
    let mut known = store.candidate(CandidateId(3)).unwrap().unwrap();
    known.company = "Kestrel Insurance, \"Ops\"".into();
    known.title = "Staff Engineer; SRE".into();
    known.external_ids = vec![
        hireterm::domain::ExternalId::new("greenhouse", "48213"),
        hireterm::domain::ExternalId::new("lever", "a1:b2"),
    ];
    known.consent = Some(hireterm::domain::Consent::for_days(
        "2026-02-01".parse().unwrap(),
        365,
        "sign-up form, page 2",
    ));
    store.update_candidate(&known, &stamp()).unwrap();
    add_agency_records(&store)
}

/// Every record of both databases is the same.
fn assert_same_records(original: &hireterm::store::Store, copy: &hireterm::store::Store) {
    assert_eq!(original.candidates().unwrap(), copy.candidates().unwrap());
    assert_eq!(original.clients().unwrap(), copy.clients().unwrap());
    assert_eq!(original.engagements().unwrap(), copy.engagements().unwrap());
    assert_eq!(
        original.applications().unwrap(),
        copy.applications().unwrap()
    );
    assert_eq!(original.submittals().unwrap(), copy.submittals().unwrap());
    assert_eq!(original.placements().unwrap(), copy.placements().unwrap());
    assert_eq!(original.notes().unwrap(), copy.notes().unwrap());
    assert!(
        copy.check().unwrap().problems.is_empty(),
        "{:?}",
        copy.check()
    );
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
    let records = rich_demo(&a);
    let first = a.dir.path().join("first.json");
    export(&a.path(), &["--out", first.to_str().unwrap()]);
    import_into(&b, &first);
    let again = export(&b.path(), &[]).stdout;
    assert_eq!(
        String::from_utf8(again).unwrap(),
        std::fs::read_to_string(&first).unwrap()
    );

    let (original, copy) = (a.open(), b.open());
    assert_same_records(&original, &copy);
    // The records' own times and actors are kept in their events.
    let extended = copy.placement(records.placements[0].id).unwrap().unwrap();
    assert_eq!(extended.changes[0].by, "Rui");
    let events = copy.events().unwrap();
    assert!(
        events
            .iter()
            .any(|e| e.actor == "Jane Roe" && e.at == later(5, "").at),
        "the interview request keeps its time and actor"
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
            "clients.csv",
            "engagements.csv",
            "notes.csv",
            "placements.csv",
            "submittals.csv"
        ]
    );
    assert_eq!(tree(&first), tree(&second));
    assert_same_records(&a.open(), &b.open());
    let clients = std::fs::read_to_string(first.join("clients.csv")).unwrap();
    assert!(
        clients.starts_with("id,name,contacts,notes,created_at\n"),
        "{clients}"
    );
    assert!(
        clients.contains(r#""[{""name"":""Jane Roe"",""email"":""jane@client.example"",""phone"":""+1 555 0100""}"#),
        "{clients}"
    );
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
    let records = rich_demo(&db);
    let one = export(&db.path(), &[]).stdout;
    let two = export(&db.path(), &[]).stdout;
    assert_eq!(one, two);
    let doc: serde_json::Value = serde_json::from_slice(&one).unwrap();
    assert_eq!(doc["format"], "hireterm-export");
    assert_eq!(doc["version"], 2);
    let keys: Vec<&String> = doc.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "format",
            "version",
            "candidates",
            "clients",
            "engagements",
            "applications",
            "submittals",
            "placements",
            "notes"
        ]
    );
    assert_eq!(doc["candidates"].as_array().unwrap().len(), 120);
    assert_eq!(doc["engagements"].as_array().unwrap().len(), 4);
    assert_eq!(doc["notes"].as_array().unwrap().len(), 2);
    // Engagements name their client for the reader, and link it by id.
    let engagement = &doc["engagements"][0];
    let client = doc["clients"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == engagement["client_id"])
        .unwrap();
    assert_eq!(engagement["client"], client["name"]);
    let text = String::from_utf8(one.clone()).unwrap();
    for line in [
        r#""name":"Acme Staffing Partners","contacts":[{"name":"Bo Chen","email":"bo@acme.example","phone":null}],"notes":"","created_at":"2026-06-01T09:00:00.000Z"}"#,
        r#""to":["jane@client.example"],"at":"2026-06-01T10:00:00.000Z","by":"Rui","bill_rate":{"amount":95,"currency":"USD"},"profile":"Senior Go developer, \"careful\"; Kubernetes 4, Go 3","answers":[{"kind":"OnHold","reason":null,"at":"2026-06-01T11:00:00.000Z","by":"Jane Roe"},{"kind":"InterviewRequested","reason":null,"at":"2026-06-01T14:00:00.000Z","by":"Jane Roe"}]}"#,
        r#""history":[{"kind":"Started","start":"2026-06-15","end":"2026-12-31","bill":{"amount":100,"currency":"USD"},"pay":{"amount":70,"currency":"USD"},"reason":null,"at":"2026-06-01T15:00:00.000Z","by":"Rui"},{"kind":"Extended","start":"2026-06-15","end":"2027-06-30","bill":{"amount":100,"currency":"USD"},"pay":{"amount":70,"currency":"USD"},"reason":null,"at":"2026-06-02T15:00:00.000Z","by":"Rui"}]}"#,
        r#"{"kind":"EndedEarly","start":"2026-06-08","end":"2026-08-14","bill":{"amount":110,"currency":"EUR"},"pay":{"amount":80,"currency":"EUR"},"reason":"client budget cut","at":"2026-06-03T01:00:00.000Z","by":"Ana"}]}"#,
    ] {
        assert!(text.contains(line), "missing {line} in\n{text}");
    }
    // Every submittal and placement, the demo's and those added here,
    // in id order.
    let ids = |section: &str| -> Vec<u64> {
        let records = doc[section].as_array().unwrap();
        records.iter().map(|r| r["id"].as_u64().unwrap()).collect()
    };
    let store = db.open();
    let stored: Vec<u64> = store.submittals().unwrap().iter().map(|s| s.id.0).collect();
    assert_eq!(ids("submittals"), stored);
    let stored: Vec<u64> = store.placements().unwrap().iter().map(|p| p.id.0).collect();
    assert_eq!(ids("placements"), stored);
    for s in &records.submittals {
        assert!(ids("submittals").contains(&s.id.0), "{} is exported", s.id);
    }
    for p in &records.placements {
        assert!(ids("placements").contains(&p.id.0), "{} is exported", p.id);
    }
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

#[test]
fn a_version_1_document_imports_with_its_clients_made_by_name() {
    let db = TempDb::new();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v2.export.json");
    let text = std::fs::read_to_string(&fixture).unwrap();
    assert!(
        text.contains("\"version\": 1,"),
        "the fixture is a version 1 export"
    );
    import_into(&db, &fixture);
    let store = db.open();
    let clients = store.clients().unwrap();
    let names: Vec<(u64, String)> = store
        .engagements()
        .unwrap()
        .iter()
        .map(|e| {
            let client = clients.iter().find(|c| c.id == e.client).unwrap();
            (e.id.0, client.name.clone())
        })
        .collect();
    assert_eq!(
        names,
        [
            (1, "Nimbus Cloudworks".to_string()),
            (2, "Banco Andino".to_string()),
            (3, "Kestrel Insurance".to_string())
        ]
    );
    assert_eq!(clients.len(), 3);
    assert!(clients.iter().all(|c| c.contacts.is_empty()));
    assert_eq!(store.candidate_count(), 12);
    assert!(store.submittals().unwrap().is_empty() && store.placements().unwrap().is_empty());
    assert!(store.check().unwrap().problems.is_empty());
}

#[test]
fn agency_text_stored_with_control_characters_is_exported_clean() {
    use hireterm::domain::{
        Answer, AnswerKind, ChangeKind, HourlyRate, Placement, PlacementChange, PlacementId,
        Submittal, SubmittalId, Terms,
    };
    let db = TempDb::new();
    let store = demo_store(&db, 40, 2);
    let records = add_agency_records(&store);
    // Written past the store's checks (which refuse control characters),
    // as an older or foreign writer might have.
    let card = store
        .applications()
        .unwrap()
        .into_iter()
        .find(|a| a.stage.is_active())
        .unwrap();
    let (next_submittal, next_placement) = store.next_ids().unwrap();
    let hostile = Submittal {
        id: SubmittalId(next_submittal.0),
        engagement: card.engagement,
        candidate: card.candidate,
        client: records.client,
        to: vec!["jane@client.example\u{202e}".into()],
        at: now(),
        by: "Eve\u{1b}]52;c;aGk=\u{7}".into(),
        bill_rate: Some(HourlyRate::new(90, "US\u{1b}D")),
        profile: "Go\u{9b}31m\r\nKubernetes\u{200b}".into(),
        answers: vec![Answer {
            kind: AnswerKind::Rejected,
            reason: Some("no\u{202e} thanks\u{1b}[2J".into()),
            at: now(),
            by: "Jane\u{7}".into(),
        }],
    };
    let clean_submittal = Submittal {
        to: vec!["jane@client.example".into()],
        by: "Eve".into(),
        bill_rate: Some(HourlyRate::usd(90)),
        profile: "Go".into(),
        answers: Vec::new(),
        ..hostile.clone()
    };
    store.add_submittals(&[clean_submittal]).unwrap();
    let change = |kind, end, reason: Option<&str>| PlacementChange {
        kind,
        terms: Terms {
            start: day(2026, 7, 1),
            end,
            bill: HourlyRate::usd(100),
            pay: HourlyRate::usd(70),
        },
        reason: reason.map(Into::into),
        at: now(),
        by: "Mal\u{9b}31m".into(),
    };
    let placement = Placement {
        id: PlacementId(next_placement.0),
        engagement: card.engagement,
        candidate: card.candidate,
        started: change(ChangeKind::Started, None, None),
        changes: vec![change(
            ChangeKind::EndedEarly,
            Some(day(2026, 7, 31)),
            Some("left\u{202e}\u{1b}[2J"),
        )],
    };
    drop(store);
    plant_raw(&db, &hostile.id.to_key(), &hostile);
    plant_raw(&db, &placement.id.to_key(), &placement);
    let csv = db.dir.path().join("csv");
    export(
        &db.path(),
        &["--format", "csv", "--out", csv.to_str().unwrap()],
    );
    let json = String::from_utf8(export(&db.path(), &[]).stdout).unwrap();
    for (name, text) in tree(&csv)
        .into_iter()
        .map(|(n, b)| (n, String::from_utf8(b).unwrap()))
        .chain([("json".to_string(), json.clone())])
    {
        assert_eq!(clean(&text, true), text, "{name}: only newlines may remain");
        assert!(
            !text.contains("\\u001b") && !text.contains("\\u009b") && !text.contains("\\r"),
            "{name}: escaped controls in {text}"
        );
    }
    assert!(json.contains(r#""by":"Eve]52;c;aGk=""#), "{json}");
    assert!(json.contains(r#""profile":"Go31m\nKubernetes""#), "{json}");
    // What was cleaned on the way out reads back in, as it was written.
    let again = TempDb::new();
    let file = db.dir.path().join("clean.json");
    std::fs::write(&file, &json).unwrap();
    import_into(&again, &file);
    let copy = again.open();
    let submittal = copy.submittals().unwrap().pop().unwrap();
    assert_eq!(submittal.to, ["jane@client.example"]);
    assert_eq!(submittal.bill_rate, Some(HourlyRate::usd(90)));
    assert_eq!(submittal.answers[0].reason.as_deref(), Some("no thanks[2J"));
    let placed = copy.placements().unwrap().pop().unwrap();
    assert_eq!(placed.changes[0].reason.as_deref(), Some("left[2J"));
}

/// A placement that has not ended early stands on a card at Placed, as
/// `check` has it: a whole export whose placement names another card is
/// refused, and writes nothing.
#[test]
fn a_placement_on_a_card_not_at_placed_is_refused() {
    let (a, b) = (TempDb::new(), TempDb::new());
    rich_demo(&a);
    let out = export(&a.path(), &[]).stdout;
    let mut document: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let running = |p: &serde_json::Value| {
        p["history"].as_array().unwrap().last().unwrap()["kind"] != "EndedEarly"
    };
    let index = (document["placements"].as_array().unwrap().iter())
        .position(running)
        .unwrap();
    let engagement = document["placements"][index]["engagement"].clone();
    let elsewhere = (document["applications"].as_array().unwrap().iter())
        .find(|a| a["engagement"] == engagement && a["stage"] != "Placed")
        .map(|a| a["candidate"].clone())
        .unwrap();
    document["placements"][index]["candidate"] = elsewhere.clone();
    let file = b.dir.path().join("moved.json");
    std::fs::write(&file, document.to_string()).unwrap();
    let out = hireterm_on(&b.path(), &["import", file.to_str().unwrap()]);
    let (stdout, stderr) = output_text(&out);
    let said = format!("{stdout}{stderr}");
    assert!(!out.status.success(), "{said}");
    let problem = format!("C{elsewhere} is not at Placed in E{engagement}");
    assert!(said.contains(&problem), "{said}");
    assert!(b.open().placements().unwrap().is_empty(), "nothing written");
}
