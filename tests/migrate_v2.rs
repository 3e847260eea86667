//! A database written by schema v2 opens with the current code: every
//! record of its export is there unchanged, each engagement's client name
//! has become a client record, and the database takes new writes. A
//! migration cut short finishes on the next open.
//!
//! tests/fixtures/schema-v2 is a real schema-v2 database and
//! schema-v2.export.json its `hireterm export` (see schema-v2.README).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{DateTime, NaiveDate};
use common::*;
use hireterm::domain::*;
use hireterm::store::codec::{self, RecordKind};
use hireterm::store::migrate::{EngagementV2, engagements_from_v2};
use hireterm::store::{SCHEMA_VERSION, Store, SubmittalDraft};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v2")
}

fn export() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v2.export.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A copy of the fixture in a temporary folder, not yet opened.
fn v2_copy() -> TempDb {
    let db = TempDb::new();
    copy_folder(&fixture(), &db.path());
    db
}

fn list<'a>(export: &'a Value, key: &str) -> &'a [Value] {
    export[key].as_array().unwrap()
}

fn id(value: &Value) -> u64 {
    value.as_u64().unwrap()
}

fn text(value: &Value) -> Option<&str> {
    value.as_str()
}

fn instant(value: &Value) -> Timestamp {
    DateTime::parse_from_rfc3339(value.as_str().unwrap())
        .unwrap()
        .to_utc()
}

fn date(value: &Value) -> Option<NaiveDate> {
    value.as_str().map(|d| d.parse().unwrap())
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

/// `"50-60"` and `"45"` with their currency, as the export writes a rate.
fn rate(value: &Value, currency: &Value) -> Option<RateRange> {
    let text = value.as_str()?;
    let (min, max) = text.split_once('-').unwrap_or((text, text));
    Some(RateRange {
        min: min.parse().unwrap(),
        max: max.parse().unwrap(),
        currency: currency.as_str().unwrap().to_string(),
    })
}

/// An enum as serde writes its variant, which is how the export names
/// stages, models, statuses and priorities.
fn variant<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap()
}

fn assert_candidate(stored: &Candidate, json: &Value) {
    let name = &stored.name;
    assert_eq!(stored.id, CandidateId(id(&json["id"])), "{name}");
    assert_eq!(Some(stored.name.as_str()), text(&json["name"]));
    assert_eq!(Some(stored.email.as_str()), text(&json["email"]), "{name}");
    assert_eq!(stored.phone.as_deref(), text(&json["phone"]), "{name}");
    assert_eq!(Some(stored.location.city.as_str()), text(&json["city"]));
    assert_eq!(
        Some(stored.location.country.as_str()),
        text(&json["country"])
    );
    assert_eq!(
        Some(stored.location.timezone.as_str()),
        text(&json["timezone"])
    );
    let roles: Vec<&str> = stored.roles.iter().map(|r| r.as_str()).collect();
    assert_eq!(roles, strings(&json["roles"]), "{name}");
    let skills: Vec<(&str, u64)> = stored
        .skills
        .iter()
        .map(|s| (s.skill.as_str(), u64::from(s.level.get())))
        .collect();
    let exported: Vec<(&str, u64)> = json["skills"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.as_str(), id(v)))
        .collect();
    assert_eq!(skills, exported, "{name}");
    assert_eq!(
        stored.rate,
        rate(&json["rate"], &json["currency"]),
        "{name}"
    );
    assert_eq!(
        stored.available_from,
        date(&json["available_from"]),
        "{name}"
    );
    let source = format!("{:?}", stored.source).to_lowercase();
    assert_eq!(source, json["source"].as_str().unwrap().replace('_', ""));
    assert_eq!(stored.tags, strings(&json["tags"]), "{name}");
    assert_eq!(stored.links, strings(&json["links"]), "{name}");
    assert_eq!(stored.created_at, instant(&json["created_at"]), "{name}");
}

fn assert_engagement(stored: &Engagement, json: &Value) {
    assert_eq!(stored.id, EngagementId(id(&json["id"])));
    assert_eq!(Some(stored.title.as_str()), text(&json["title"]));
    assert_eq!(Some(stored.role.as_str()), text(&json["role"]));
    assert_eq!(
        stored.requirements.len(),
        json["requirements"].as_array().unwrap().len()
    );
    for (r, j) in stored
        .requirements
        .iter()
        .zip(json["requirements"].as_array().unwrap())
    {
        assert_eq!(Some(r.skill.as_str()), text(&j["skill"]));
        assert_eq!(u64::from(r.min_level.get()), id(&j["min_level"]));
        assert_eq!(variant(&r.priority), j["priority"]);
    }
    assert_eq!(u64::from(stored.headcount), id(&json["headcount"]));
    let budget = &json["budget"];
    let expected = (!budget.is_null()).then(|| RateRange {
        min: id(&budget["min"]) as u32,
        max: id(&budget["max"]) as u32,
        currency: budget["currency"].as_str().unwrap().to_string(),
    });
    assert_eq!(stored.budget, expected);
    assert_eq!(variant(&stored.model), json["model"]);
    assert_eq!(variant(&stored.status), json["status"]);
    assert_eq!(stored.opened_at, instant(&json["opened_at"]));
    assert_eq!(stored.target_start, date(&json["target_start"]));
    // What schema 2 did not know.
    assert_eq!((stored.owner.as_str(), &stored.bill_rate), ("", &None));
}

fn assert_application(stored: &Application, json: &Value) {
    let card = format!("{}/{}", stored.engagement, stored.candidate);
    assert_eq!(variant(&stored.stage), json["stage"], "{card}");
    let history = json["history"].as_array().unwrap();
    assert_eq!(stored.history.len(), history.len(), "{card}");
    for (change, j) in stored.history.iter().zip(history) {
        assert_eq!(
            change.from.map(|f| variant(&f)).unwrap_or(Value::Null),
            j["from"]
        );
        assert_eq!(variant(&change.to), j["to"], "{card}");
        assert_eq!(change.at, instant(&j["at"]), "{card}");
        assert_eq!(Some(change.actor.as_str()), text(&j["actor"]), "{card}");
        assert_eq!(change.reason.as_deref(), text(&j["reason"]), "{card}");
    }
    assert!(stored.scorecards.is_empty() && json["scorecards"] == Value::Array(Vec::new()));
}

fn assert_note(stored: &Note, json: &Value) {
    assert_eq!(stored.id, NoteId(id(&json["id"])));
    assert_eq!(stored.candidate, CandidateId(id(&json["candidate"])));
    assert_eq!(stored.engagement.map(|e| e.0), json["engagement"].as_u64());
    assert_eq!(stored.at, instant(&json["at"]));
    assert_eq!(Some(stored.author.as_str()), text(&json["author"]));
    assert_eq!(Some(stored.text.as_str()), text(&json["text"]));
}

/// Every record of the export, unchanged; every engagement linked to the
/// client its name became.
fn assert_everything_of_the_export(store: &Store) {
    let export = export();
    let candidates = store.candidates().unwrap();
    assert_eq!(candidates.len(), list(&export, "candidates").len());
    for (stored, json) in candidates.iter().zip(list(&export, "candidates")) {
        assert_candidate(stored, json);
    }
    let clients = store.clients().unwrap();
    let engagements = store.engagements().unwrap();
    assert_eq!(engagements.len(), list(&export, "engagements").len());
    for (stored, json) in engagements.iter().zip(list(&export, "engagements")) {
        assert_engagement(stored, json);
        let client = clients.iter().find(|c| c.id == stored.client).unwrap();
        assert_eq!(Some(client.name.as_str()), text(&json["client"]));
        assert!(client.contacts.is_empty() && client.notes.is_empty());
    }
    let names: Vec<&str> = clients.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["Nimbus Cloudworks", "Banco Andino", "Kestrel Insurance"]
    );
    let applications = store.applications().unwrap();
    assert_eq!(applications.len(), list(&export, "applications").len());
    for json in list(&export, "applications") {
        let (e, c) = (id(&json["engagement"]), id(&json["candidate"]));
        let stored = store
            .application(EngagementId(e), CandidateId(c))
            .unwrap()
            .unwrap();
        assert_application(&stored, json);
    }
    let notes = store.notes().unwrap();
    assert_eq!(notes.len(), list(&export, "notes").len());
    for (stored, json) in notes.iter().zip(list(&export, "notes")) {
        assert_note(stored, json);
    }
    assert_events_retell_the_export(store, &export);
}

/// The export holds no events; the log must still tell what it holds:
/// each candidate and engagement added, every move of every application
/// with its time and actor, the note. The migration adds none.
fn assert_events_retell_the_export(store: &Store, export: &Value) {
    let events = store.events().unwrap();
    for (i, event) in events.iter().enumerate() {
        assert_eq!(event.id, EventId(i as u64 + 1));
    }
    let count = |f: &dyn Fn(&EventKind) -> bool| events.iter().filter(|e| f(&e.kind)).count();
    let added = count(&|k| matches!(k, EventKind::CandidateAdded { .. }));
    assert_eq!(added, list(export, "candidates").len());
    let opened = count(&|k| matches!(k, EventKind::EngagementAdded { .. }));
    assert_eq!(opened, list(export, "engagements").len());
    assert_eq!(count(&|k| matches!(k, EventKind::NoteAdded { .. })), 1);
    let mut moves = 0;
    for json in list(export, "applications") {
        let card = (
            EngagementId(id(&json["engagement"])),
            CandidateId(id(&json["candidate"])),
        );
        let told: Vec<&Event> = events
            .iter()
            .filter(|e| e.kind.application() == Some(card))
            .collect();
        let history = json["history"].as_array().unwrap();
        assert_eq!(told.len(), history.len(), "{card:?}");
        for (event, change) in told.iter().zip(history) {
            assert_eq!(event.at, instant(&change["at"]));
            assert_eq!(Some(event.actor.as_str()), text(&change["actor"]));
            assert_eq!(
                event.kind.stage_reached().map(|s| variant(&s)),
                Some(change["to"].clone())
            );
        }
        moves += told.len();
    }
    assert_eq!(
        events.len(),
        added + opened + moves + 1,
        "nothing else in the log"
    );
}

#[test]
fn a_schema_v2_database_opens_migrated_with_every_record() {
    let db = v2_copy();
    let store = db.open();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(SCHEMA_VERSION, 4);
    assert_everything_of_the_export(&store);
    let report = store.check().unwrap();
    assert_eq!(report.problems, Vec::<String>::new());
    assert_eq!(
        (report.clients, report.submittals, report.placements),
        (3, 0, 0)
    );
    drop(store);

    // Every record was rewritten at the current version.
    let raw = open_raw(&db);
    for (tree, kind) in [
        ("candidates", RecordKind::Candidate),
        ("engagements", RecordKind::Engagement),
        ("clients", RecordKind::Client),
        ("applications", RecordKind::Application),
        ("events", RecordKind::Event),
        ("notes", RecordKind::Note),
    ] {
        let tree = raw.open_tree(tree).unwrap();
        assert!(!tree.is_empty());
        for entry in tree.iter() {
            let (_, bytes) = entry.unwrap();
            assert_eq!(codec::open(kind, &bytes).unwrap().version, SCHEMA_VERSION);
        }
    }
}

#[test]
fn a_migrated_database_takes_new_clients_contacts_and_submittals() {
    let db = v2_copy();
    {
        let store = db.open();
        let mut client = store.client(ClientId(1)).unwrap().unwrap();
        client.contacts = vec![Contact::parse("Ines Prado <ines@nimbus.example>").unwrap()];
        store.update_client(&client, &stamp()).unwrap();
        let card = store.pipeline(EngagementId(1)).unwrap();
        let waiting = card.iter().find(|a| a.stage.is_active()).unwrap();
        let draft = SubmittalDraft {
            engagement: EngagementId(1),
            candidate: waiting.candidate,
            to: vec!["ines@nimbus.example".into()],
            bill_rate: Some(HourlyRate::usd(95)),
            profile: "A profile\nwritten after the migration".into(),
        };
        let sent = store.submit(draft, &stamp()).unwrap();
        assert_eq!((sent.id, sent.client), (SubmittalId(1), ClientId(1)));
        let fourth = Client {
            id: ClientId(0),
            name: "Globex".into(),
            contacts: Vec::new(),
            notes: String::new(),
            created_at: now(),
        };
        assert_eq!(store.add_client(fourth, &stamp()).unwrap().id, ClientId(4));
        let mut again = store.client(ClientId(2)).unwrap().unwrap();
        again.name = "nimbus cloudworks".into();
        assert!(
            store.update_client(&again, &stamp()).is_err(),
            "names stay distinct"
        );
    }
    let store = db.open();
    let submittals = store.submittals().unwrap();
    assert_eq!(submittals.len(), 1);
    assert_eq!(submittals[0].to, ["ines@nimbus.example"]);
    assert_eq!(store.check().unwrap().problems, Vec::<String>::new());
}

/// The v2 engagements as raw sled holds them in a copy of the fixture.
fn raw_v2_engagements(raw: &sled::Db) -> Vec<EngagementV2> {
    raw.open_tree("engagements")
        .unwrap()
        .iter()
        .map(|entry| {
            let (_, bytes) = entry.unwrap();
            let opened = codec::open(RecordKind::Engagement, &bytes).unwrap();
            assert_eq!(opened.version, 2);
            codec::decode_payload(opened.payload).unwrap()
        })
        .collect()
}

/// Where a migration can stop: `Store::migrate` writes the client
/// counter, then each tree's batch (candidates, clients, engagements,
/// applications, events, notes), then the schema version.
#[derive(Debug, Clone, Copy)]
enum StoppedAfter {
    /// The client counter moved; no client written yet.
    Counter,
    /// The clients written, the engagements still at v2.
    Clients,
    /// Clients and engagements written; the rest, and the version, not.
    Engagements,
}

/// Leaves a copy of the fixture as a migration stopped at `cut` would,
/// with the migration's own pieces and raw sled, as sled holds it after
/// the process died (no clean-close marker).
fn cut_short(cut: StoppedAfter) -> TempDb {
    let db = v2_copy();
    std::fs::remove_file(db.path().join("hireterm.clean")).unwrap();
    let raw = open_raw(&db);
    let (clients, engagements) = engagements_from_v2(raw_v2_engagements(&raw), &[], 1);
    let meta = raw.open_tree("meta").unwrap();
    meta.insert("seq:client", &(clients.len() as u64 + 1).to_be_bytes())
        .unwrap();
    if !matches!(cut, StoppedAfter::Counter) {
        let tree = raw.open_tree("clients").unwrap();
        for client in &clients {
            let bytes = hireterm::store::encode(client).unwrap();
            tree.insert(client.id.to_key(), bytes).unwrap();
        }
    }
    if matches!(cut, StoppedAfter::Engagements) {
        let tree = raw.open_tree("engagements").unwrap();
        for engagement in &engagements {
            let bytes = hireterm::store::encode(engagement).unwrap();
            tree.insert(engagement.id.to_key(), bytes).unwrap();
        }
    }
    assert_eq!(
        meta.get("schema").unwrap().as_deref(),
        Some(&2u16.to_be_bytes()[..])
    );
    raw.flush().unwrap();
    db
}

#[test]
fn a_migration_cut_short_finishes_on_the_next_open() {
    for cut in [
        StoppedAfter::Counter,
        StoppedAfter::Clients,
        StoppedAfter::Engagements,
    ] {
        let db = cut_short(cut);
        let store = Store::open(db.path()).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION, "{cut:?}");
        let report = store.check().unwrap();
        assert_eq!(report.problems, Vec::<String>::new(), "{cut:?}");
        assert_eq!(report.clients, 3, "{cut:?}: no client twice");
        assert_everything_of_the_export(&store);
        let ids: Vec<u64> = store.clients().unwrap().iter().map(|c| c.id.0).collect();
        match cut {
            // The ids reserved before the cut are not handed out again.
            StoppedAfter::Counter => assert_eq!(ids, [4, 5, 6]),
            _ => assert_eq!(ids, [1, 2, 3], "{cut:?}: the clients written are found"),
        }
        let next = Client {
            id: ClientId(0),
            name: "Globex".into(),
            contacts: Vec::new(),
            notes: String::new(),
            created_at: now(),
        };
        let added = store.add_client(next, &stamp()).unwrap();
        assert_eq!(added.id.0, ids[2] + 1, "{cut:?}");
    }
}
