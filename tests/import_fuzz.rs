//! Fuzzing the importers in-process. The first pass: arbitrary bytes and
//! mutated valid files never make the CSV, JSON, applications or notes
//! reader,
//! the mapping of other systems' files, or the row checks, panic (20,000
//! inputs). The whole import: files that still read but break the rules
//! here and there (export documents with clients, submittals and
//! placements among them, applications and notes files, and other
//! systems' exports
//! read through their layouts) go into real databases, and what the first
//! pass accepts the second writes in full (360 inputs, and 240 more of
//! other systems' files, every text they leave clean). Deterministic
//! (fixed seeds), a few seconds each.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::agency::add_agency_records;
use common::rng::TestRng;
use common::*;
use hireterm::interchange::summary::Chosen;
use hireterm::interchange::{ColumnOptions, Format, check_input, check_mapped};

/// Other systems' exports (see `tests/import_layouts/`).
const GREENHOUSE: &[u8] = include_bytes!("fixtures/layouts/greenhouse.csv");
const LEVER: &[u8] = include_bytes!("fixtures/layouts/lever.csv");
const SPREADSHEET: &[u8] = include_bytes!("fixtures/layouts/spreadsheet.csv");
const GREENHOUSE_API: &[u8] = include_bytes!("fixtures/layouts/greenhouse-api.json");
const ASHBY: &[u8] = include_bytes!("fixtures/layouts/ashby.json");
const GREENHOUSE_NOTES: &[u8] = include_bytes!("fixtures/layouts/greenhouse-notes.csv");

/// A `--map` file: every kind of target, a value map.
const MAP: &str = r#"
system = "fuzz"
[columns]
"Candidate ID" = "external_id"
"First Name" = "first_name"
"Preferred First Name" = "preferred_name"
"Last Name" = "last_name"
"Email" = "email"
"Address" = "location"
"Source" = "source"
"Tags" = "tags"
"Social Media" = "links"
"Who Gets Credit" = "custom:Credit"
"Notes" = "drop"
"email_addresses[*].value" = "email"
"addresses[*].value" = "location"
"custom_fields.*" = "custom"
[values.source]
"Career Fair" = "event"
"#;

fn mapped() -> ColumnOptions {
    let layout = hireterm::interchange::layout::Layout::parse("fuzz.toml", MAP).unwrap();
    ColumnOptions {
        layout: Some((layout, Chosen::File("fuzz.toml".into()))),
        drop: vec!["Phone".into()],
        ..ColumnOptions::default()
    }
}

const MIXED: &str = "\u{feff}Full Name,E-mail,Mobile,Skill Set,Hourly Rate,Start Date,Labels\n\
\"Silva, Ana\",ana@example.com,+351 912 345 678,\"Kubernetes:4; Go:3\",60-90,2026-07-01,\"remote; senior\"\n\
Bob Bad,not-an-email,,Go:7,90-60,2026-13-01,\n\
\"王芳 🚀\",wang@example.cn,,\"k8s:5\",80,,\n";

const SPICE: &[u8] = b"\",;:\n\r\\{}[]0123456789 \xff\xef\xbb\xbf\x1b\x00-@.";

/// Flips, inserts, deletes, repeats or cuts a few bytes of `seed`.
fn mutate(rng: &mut TestRng, seed: &[u8]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(bytes.len());
        match rng.below(5) {
            0 if !bytes.is_empty() => bytes[at] = *rng.pick(SPICE),
            1 => bytes.insert(at, *rng.pick(SPICE)),
            2 if !bytes.is_empty() => {
                let end = (at + rng.below(8)).min(bytes.len());
                bytes.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(16)).min(bytes.len());
                let piece = bytes[at..end].to_vec();
                bytes.splice(at..at, piece);
            }
            _ => bytes.truncate(at),
        }
    }
    bytes
}

#[test]
fn no_input_makes_either_importer_panic() {
    let json = br#"[{"name":"Ana","email":"a@x.io","skills":{"go":3},"tags":["t"],"rate":"60-90"},
{"name":"Bo","email":"b@x.io","roles":["sre"],"created_at":"2026-06-01T09:00:00.000Z"}]"#;
    let document = br#"{"format":"hireterm-export","version":1,"candidates":[{"id":1,"name":"A","email":"a@x.io"}],"engagements":[],"applications":[],"notes":[]}"#;
    let agency = br#"{"format":"hireterm-export","version":2,"candidates":[{"id":1,"name":"A","email":"a@x.io"}],
"clients":[{"id":1,"name":"Acme","contacts":[{"name":"Jane","email":"jane@acme.io","phone":null}],"notes":"","created_at":"2026-06-01T09:00:00.000Z"}],
"engagements":[{"id":1,"client":"Acme","client_id":1,"owner":"ana","title":"Platform","role":"devops","requirements":[],"headcount":1,"budget":null,"bill_rate":null,"model":"StaffAugmentation","status":"Open","opened_at":"2026-06-01T09:00:00.000Z","target_start":null}],
"applications":[{"engagement":1,"candidate":1,"stage":"Placed","history":[{"from":null,"to":"Placed","at":"2026-06-01T09:00:00.000Z","actor":"ana","reason":null}],"scorecards":[]}],
"submittals":[{"id":1,"engagement":1,"candidate":1,"client":1,"to":["jane@acme.io"],"at":"2026-06-01T09:00:00.000Z","by":"ana","bill_rate":{"amount":95,"currency":"USD"},"profile":"","answers":[{"kind":"Rejected","reason":"rate","at":"2026-06-01T09:00:00.000Z","by":"jane"}]}],
"placements":[{"id":1,"engagement":1,"candidate":1,"history":[{"kind":"Started","start":"2026-06-08","end":null,"bill":{"amount":95,"currency":"USD"},"pay":{"amount":70,"currency":"USD"},"reason":null,"at":"2026-06-01T09:00:00.000Z","by":"ana"}]}],
"notes":[]}"#;
    let applications = b"engagement,candidate,stage,date,actor
E1,a@x.io,technical,2026-05-20,rui
Platform,C2,Client interview,2026-05-28T14:30:00+02:00,
";
    let notes = b"candidate,note,author,date,engagement
a@x.io,\"Called.\nWants remote\",rui,2026-05-20,
C2,\"\xe9\x9d\xa2\xe8\xaf\x95\",,2026-05-28T14:30:00+02:00,E1
";
    let seeds: [(&[u8], hireterm::interchange::Format); 13] = [
        (MIXED.as_bytes(), Format::Csv),
        (include_bytes!("../assets/import-example.csv"), Format::Csv),
        (json, Format::Json),
        (document, Format::Json),
        (agency, Format::Json),
        (applications, Format::Applications),
        (GREENHOUSE, Format::Csv),
        (LEVER, Format::Csv),
        (SPREADSHEET, Format::Csv),
        (GREENHOUSE_API, Format::Json),
        (ASHBY, Format::Json),
        (notes, Format::Notes),
        (GREENHOUSE_NOTES, Format::Notes),
    ];
    let map = mapped();
    let mut rng = TestRng::new(0x5eed_1234_abcd_0042);
    let started = std::time::Instant::now();
    for round in 0..20_000 {
        let (seed, format) = seeds[round % seeds.len()];
        let input = if round % 10 == 0 {
            (0..rng.below(300)).map(|_| rng.byte()).collect()
        } else {
            mutate(&mut rng, seed)
        };
        // One round in three through a --map file, the rest as the
        // header (or first record) says.
        let report = std::panic::catch_unwind(|| match round % 3 {
            0 => check_mapped(input.as_slice(), format, &map, &stamp()),
            _ => check_input(input.as_slice(), format, &stamp()),
        });
        assert!(
            report.is_ok(),
            "round {round} panicked on {:?}",
            String::from_utf8_lossy(&input)
        );
        let report = report.unwrap();
        assert!(report.problems.len() <= hireterm::interchange::MAX_LISTED);
        assert!(report.problem_count >= report.problems.len());
    }
    eprintln!("took {:?}", started.elapsed());
}

/// Values that look right but push at a rule: invisible and control
/// characters, limits, far dates, huge numbers, names of other things.
const TRICKY: &[&str] = &[
    "",
    " ",
    "\u{200b}",
    "\u{202e}x",
    "\u{1b}[2J",
    "a\r\nb",
    "9999-12-31",
    "+10000-01-01",
    "0000-12-31",
    "9999-12-31T23:59:59-23:59",
    "0001-01-01T00:00:00+00:01",
    "2026-06-01T09:00:00.000Z",
    "18446744073709551615",
    "C18446744073709551615",
    "9007199254740993",
    "0",
    "-1",
    "100001",
    "90-60",
    "usd",
    "\u{1b}SD",
    "Kubernetes:9",
    "kubernetes:3",
    "cobol:3",
    "kubernetes",
    "Kubernetes\u{202e}",
    "devops",
    "sre; sre",
    "C1",
    "ana@example.com",
    "not-an-email",
    "123",
    "TechnicalInterview",
    "Placed",
    "Rejected",
    "Nice",
    "Started",
    "EndedEarly",
    "OnHold",
    "technical",
    "interview",
    "E1",
    "CL1",
    "jane@client.example",
    "JANE@CLIENT.EXAMPLE",
    "2026-06-14",
];

const NUMBERS: &[i128] = &[
    0,
    1,
    2,
    4,
    5,
    200,
    10_001,
    100_001,
    1 << 53,
    (1 << 53) + 1,
    u64::MAX as i128,
    -1,
];

/// 150 list items: two such lists merged into one record pass the limit
/// of 200 unless they share a prefix.
fn long_list(rng: &mut TestRng) -> Vec<String> {
    let prefix = *rng.pick(&["a", "b", "c"]);
    (0..150).map(|i| format!("{prefix}{i}")).collect()
}

fn tricky_text(rng: &mut TestRng) -> String {
    if rng.below(8) == 0 {
        return long_list(rng).join("; ");
    }
    rng.pick(TRICKY).to_string()
}

/// Characters a clean text must not keep.
const HOSTILE: &[char] = &['\u{200b}', '\u{202e}', '\u{1b}', '\u{9b}', '\r', '\t', '\n'];

/// `text` with a hostile character slipped in: valid once cleaned, unless
/// cleaning leaves it empty.
fn dirtied(rng: &mut TestRng, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let at = rng.below(chars.len() + 1);
    chars.insert(at, *rng.pick(HOSTILE));
    chars.into_iter().collect()
}

/// A value to put where `old` was: mostly one of the same kind, so that
/// the file still reads and the record's rules are what it tests.
fn tricky_value(rng: &mut TestRng, old: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    let number = |rng: &mut TestRng| {
        let number = rng.pick(NUMBERS).to_string();
        serde_json::from_str(&number).unwrap()
    };
    if rng.below(10) == 0 {
        return match rng.below(3) {
            0 => long_list(rng).into(),
            1 => number(rng),
            _ => tricky_text(rng).into(),
        };
    }
    match old {
        Value::Array(_) => long_list(rng).into(),
        Value::String(text) if rng.below(2) == 0 => dirtied(rng, text).into(),
        Value::Number(_) => number(rng),
        _ => tricky_text(rng).into(),
    }
}

/// Every place in a JSON value, as a path of keys and indexes.
fn paths(value: &serde_json::Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(at.clone());
    match value {
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                at.push(i.to_string());
                paths(item, at, out);
                at.pop();
            }
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                at.push(key.clone());
                paths(item, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn at_path<'v>(value: &'v mut serde_json::Value, path: &[String]) -> &'v mut serde_json::Value {
    path.iter().fold(value, |v, key| match v {
        serde_json::Value::Array(items) => &mut items[key.parse::<usize>().unwrap()],
        other => &mut other[key.as_str()],
    })
}

/// A few well-formed changes to a JSON file: a value replaced with a
/// tricky one, an element repeated or dropped, a key removed.
fn mutate_json(rng: &mut TestRng, seed: &serde_json::Value) -> Vec<u8> {
    let mut doc = seed.clone();
    for _ in 0..=rng.below(2) {
        // A section first, so that the few engagements and notes of a
        // document are picked as often as its many candidates.
        let start: Vec<String> = match doc.as_object() {
            Some(map) if rng.below(8) > 0 => {
                let keys: Vec<&String> = map.keys().skip(2).collect();
                vec![(*rng.pick(&keys)).clone()]
            }
            _ => Vec::new(),
        };
        let mut all = Vec::new();
        paths(at_path(&mut doc, &start), &mut start.clone(), &mut all);
        let path = rng.pick(&all).clone();
        let Some((last, parent)) = path.split_last() else {
            continue;
        };
        let parent = at_path(&mut doc, parent);
        match (rng.below(8), parent) {
            (0, serde_json::Value::Array(items)) => {
                let i = last.parse::<usize>().unwrap();
                items.insert(i, items[i].clone());
            }
            (1, serde_json::Value::Array(items)) => {
                items.remove(last.parse::<usize>().unwrap());
            }
            (1, serde_json::Value::Object(map)) => {
                map.shift_remove(last);
            }
            (_, parent) => {
                let slot = at_path(parent, std::slice::from_ref(last));
                *slot = tricky_value(rng, slot);
            }
        }
    }
    if rng.below(2) == 0 {
        serde_json::to_vec_pretty(&doc).unwrap()
    } else {
        serde_json::to_vec(&doc).unwrap()
    }
}

/// A few well-formed changes to a CSV file: a cell replaced with a tricky
/// value, a row repeated or dropped; written back with LF or CRLF.
fn mutate_csv(rng: &mut TestRng, seed: &[u8]) -> Vec<u8> {
    let mut rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(seed)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    for _ in 0..=rng.below(3) {
        let row = 1 + rng.below(rows.len() - 1);
        match rng.below(6) {
            0 => rows.insert(row, rows[row].clone()),
            1 if rows.len() > 2 => {
                rows.remove(row);
            }
            2 | 3 => {
                let cell = rng.below(rows[row].len());
                rows[row][cell] = dirtied(rng, &rows[row][cell]);
            }
            _ => {
                let cell = rng.below(rows[row].len());
                rows[row][cell] = tricky_text(rng);
            }
        }
    }
    let terminator = if rng.below(2) == 0 {
        csv::Terminator::CRLF
    } else {
        csv::Terminator::Any(b'\n')
    };
    let mut out = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(terminator)
        .from_writer(Vec::new());
    for row in rows {
        out.write_record(row).unwrap();
    }
    out.into_inner().unwrap()
}

/// A small full export: candidates, clients with contacts, engagements,
/// applications with a scorecard, submittals with answers, placements with
/// changes, and notes.
fn export_document() -> serde_json::Value {
    use hireterm::domain::{Recommendation, Scorecard, SkillId, Stage};
    let db = TempDb::new();
    let store = demo_store(&db, 12, 2);
    add_agency_records(&store);
    let apps = store.applications().unwrap();
    let app = &apps[0];
    store
        .move_stage(
            app.engagement,
            app.candidate,
            Stage::Screening,
            None,
            &stamp(),
        )
        .ok();
    // Read again: the move may have taken the first card out of a
    // technical interview.
    let cards = store.applications().unwrap();
    let interview = cards
        .iter()
        .find(|a| a.stage == Stage::TechnicalInterview)
        .expect("a card in a technical interview, for the scorecard");
    let card = Scorecard {
        stage: Stage::TechnicalInterview,
        author: "Rui".into(),
        at: now(),
        ratings: vec![(SkillId::new("kubernetes"), 3)],
        recommendation: Recommendation::Yes,
        notes: "fine".into(),
    };
    store
        .add_scorecard(interview.engagement, interview.candidate, card, &stamp())
        .unwrap();
    store
        .add_note(
            app.candidate,
            Some(app.engagement),
            "Asked for $90/h",
            &stamp(),
        )
        .unwrap();
    store
        .add_note(app.candidate, None, "line one\nline two", &stamp())
        .unwrap();
    let mut bytes = Vec::new();
    hireterm::interchange::export::export_json(&store, &mut bytes).unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

fn last_event(store: &hireterm::store::Store) -> Option<hireterm::domain::EventId> {
    store.recent_events(1).unwrap().first().map(|e| e.id)
}

/// The whole import, write pass included, over files that are mostly
/// well-formed but break the rules here and there: no panic, a refused
/// file writes nothing, a write never fails half-way, and a database an
/// import wrote to passes `check`.
#[test]
fn imports_that_write_never_panic_and_leave_a_sound_database() {
    use hireterm::interchange::{ImportError, ImportOptions, ImportSource, OnDuplicate, import};
    let document = export_document();
    let array = serde_json::json!(document["candidates"]);
    let csv_seed = MIXED.replace(
        "Bob Bad,not-an-email,,Go:7,90-60,2026-13-01,",
        "Bob Good,bob@example.com,,Go:4,60-90,2026-12-01,",
    );
    let busy = TempDb::new();
    drop(demo_store(&busy, 20, 2));
    let busy_store = busy.open();
    // Applications from another system, into the busy database: who is
    // not yet in E1's pipeline, by id and by email.
    let outside: Vec<hireterm::domain::Candidate> = busy_store
        .candidates()
        .unwrap()
        .into_iter()
        .filter(|c| {
            let e1 = hireterm::domain::EngagementId(1);
            busy_store.application(e1, c.id).unwrap().is_none()
        })
        .collect();
    let mut pipeline_seed = String::from("engagement,candidate,stage,date,actor\n");
    for (i, c) in outside.iter().take(6).enumerate() {
        let (who, stage) = if i % 2 == 0 {
            (c.email.clone(), "technical")
        } else {
            (c.id.to_string(), "Client interview")
        };
        pipeline_seed += &format!("E{},{who},{stage},2026-05-{:02},rui\n", 1 + i % 2, 10 + i);
    }
    let notes_seed = notes_seed(&busy_store, &outside);
    let files = tempfile::tempdir().unwrap();
    let mut rng = TestRng::new(0x5eed_0000_feed_0010);
    let started = std::time::Instant::now();
    let (mut wrote, mut refused) = (0, 0);
    // A database for full exports, empty until an import writes to it.
    let mut empty: Option<(TempDb, hireterm::store::Store)> = None;
    for round in 0..360 {
        let (bytes, name, fresh) = match round % 6 {
            0 | 1 => (mutate_json(&mut rng, &document), "doc.json", true),
            2 if round % 12 == 2 => (mutate_json(&mut rng, &array), "array.json", false),
            2 => (
                mutate_csv(&mut rng, pipeline_seed.as_bytes()),
                "pipeline.csv",
                false,
            ),
            3 => (mutate_csv(&mut rng, csv_seed.as_bytes()), "rows.csv", false),
            5 if round % 12 == 11 => (
                mutate_csv(&mut rng, notes_seed.as_bytes()),
                "notes.csv",
                false,
            ),
            _ => (
                mutate_csv(&mut rng, include_bytes!("../assets/import-example.csv")),
                "example.csv",
                false,
            ),
        };
        let path = files.path().join(format!("{round}-{name}"));
        std::fs::write(&path, &bytes).unwrap();
        let input = ImportSource::at(&path, None).unwrap();
        let options = ImportOptions {
            skip_invalid: rng.below(2) == 0,
            dry_run: rng.below(10) == 0,
            on_duplicate: *rng.pick(&[OnDuplicate::Error, OnDuplicate::Skip, OnDuplicate::Merge]),
            allow_erased: false,
            columns: ColumnOptions::default(),
            create_engagements: rng.below(2) == 0,
        };
        if fresh && empty.as_ref().is_none_or(|(_, s)| last_event(s).is_some()) {
            let db = TempDb::new();
            let store = db.open();
            empty = Some((db, store));
        }
        let fresh_store = empty.as_ref().filter(|_| fresh).map(|(_, s)| s);
        let store = fresh_store.unwrap_or(&busy_store);
        let before = last_event(store);
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            import(store, &input, &options, &stamp())
        }));
        let text = String::from_utf8_lossy(&bytes);
        let Ok(outcome) = outcome else {
            panic!("round {round} panicked on {options:?} {text}");
        };
        match outcome {
            Ok(report) if report.written.is_some() => {
                assert_clean_after(store, round, &text);
                wrote += 1;
            }
            Ok(_) | Err(ImportError::NeedsEmptyDatabase(_)) => {
                assert_eq!(last_event(store), before, "round {round} wrote: {text}");
                refused += 1;
            }
            Err(error) => {
                panic!("round {round}: the write failed half-way: {error} ({options:?}) {text}")
            }
        }
    }
    // How long it took is for the log, not an assertion: the rounds are
    // fixed, and a busy machine must not fail a test of correctness.
    eprintln!(
        "{wrote} imports wrote, {refused} wrote nothing, in {:?}",
        started.elapsed()
    );
    assert!(wrote > 0 && refused > 0, "both kinds of file were tried");
}

/// Notes from another system, on people of the busy database: by email
/// and by id, on the candidate and on an application, one of several
/// lines. Imported again and again, most are already there.
fn notes_seed(store: &hireterm::store::Store, outside: &[hireterm::domain::Candidate]) -> String {
    let mut seed = String::from("candidate,note,author,date,engagement\n");
    for (i, c) in outside.iter().take(4).enumerate() {
        let who = if i % 2 == 0 {
            c.email.clone()
        } else {
            c.id.to_string()
        };
        seed += &format!(
            "{who},\"Called {i}.\nWants remote\",rui,2026-05-{:02},\n",
            10 + i
        );
    }
    let e1 = hireterm::domain::EngagementId(1);
    for app in store.pipeline(e1).unwrap().iter().take(2) {
        seed += &format!("{},面试很好,王芳,2026-05-20T10:00:00Z,E1\n", app.candidate);
    }
    seed
}

/// Other systems' exports, mutated as above, read through their layouts
/// (recognised, or a `--map` file) into a database with people in it,
/// again and again: some rows update what earlier rounds wrote (by their
/// ids in the other system). No panic; a refused file writes nothing; a
/// written one leaves the database sound and every record clean (custom
/// fields included), whatever text the file held.
#[test]
fn mapped_imports_never_panic_and_leave_clean_records() {
    use hireterm::interchange::{ImportError, ImportOptions, ImportSource, OnDuplicate, import};
    let ashby: serde_json::Value = serde_json::from_slice(ASHBY).unwrap();
    let api: serde_json::Value = serde_json::from_slice(GREENHOUSE_API).unwrap();
    let busy = TempDb::new();
    drop(demo_store(&busy, 20, 2));
    let store = busy.open();
    let files = tempfile::tempdir().unwrap();
    let mut rng = TestRng::new(0x5eed_0000_0018_0018);
    let started = std::time::Instant::now();
    let (mut wrote, mut refused) = (0, 0);
    for round in 0..240 {
        let (bytes, name) = match round % 5 {
            0 => (mutate_csv(&mut rng, GREENHOUSE), "greenhouse.csv"),
            1 => (mutate_csv(&mut rng, LEVER), "lever.csv"),
            2 => (mutate_csv(&mut rng, SPREADSHEET), "sheet.csv"),
            3 => (mutate_json(&mut rng, &ashby), "ashby.json"),
            _ => (mutate_json(&mut rng, &api), "api.json"),
        };
        let path = files.path().join(format!("{round}-{name}"));
        std::fs::write(&path, &bytes).unwrap();
        let options = ImportOptions {
            skip_invalid: rng.below(2) == 0,
            dry_run: rng.below(10) == 0,
            on_duplicate: *rng.pick(&[OnDuplicate::Error, OnDuplicate::Skip, OnDuplicate::Merge]),
            allow_erased: false,
            columns: if rng.below(4) == 0 {
                mapped()
            } else {
                ColumnOptions::default()
            },
            create_engagements: rng.below(2) == 0,
        };
        let before = last_event(&store);
        let input = ImportSource::at(&path, None).unwrap();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            import(&store, &input, &options, &stamp())
        }));
        let text = String::from_utf8_lossy(&bytes);
        let Ok(outcome) = outcome else {
            panic!("round {round} panicked on {options:?} {text}");
        };
        match outcome {
            Ok(report) if report.written.is_some() => {
                assert_clean_after(&store, round, &text);
                wrote += 1;
            }
            Ok(report) => {
                assert_eq!(last_event(&store), before, "round {round} wrote: {text}");
                assert!(
                    report.problems.iter().all(|p| p.starts_with("line ")),
                    "{report:?}"
                );
                refused += 1;
            }
            Err(ImportError::NeedsEmptyDatabase(_)) => refused += 1,
            Err(error) => panic!("round {round}: the write failed half-way: {error} {text}"),
        }
    }
    eprintln!(
        "{wrote} mapped imports wrote, {refused} wrote nothing, in {:?}",
        started.elapsed()
    );
    assert!(
        wrote > 20 && refused > 20,
        "{wrote} wrote, {refused} refused"
    );
    eprintln!("took {:?}", started.elapsed());
}

/// A written database passes `check`, and every record is one the store
/// would accept.
fn assert_clean_after(store: &hireterm::store::Store, round: usize, text: &str) {
    let check = store.check().unwrap();
    assert!(
        check.problems.is_empty(),
        "round {round}: {check:?} after {text}"
    );
    for candidate in store.candidates().unwrap() {
        let problems = candidate.problems();
        assert!(
            problems.is_empty(),
            "round {round}: {problems:?} after {text}"
        );
    }
}
