//! The agency's loop from the command line, run as a real process: client,
//! engagement, pipeline, submittal and answer, placement and its changes,
//! the bench. After each command the test opens the database (the process
//! has exited, so its lock is free) and checks what it holds.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{NaiveDate, TimeDelta, Utc};
use common::*;
use hireterm::domain::{
    AnswerKind, CandidateId, ChangeKind, ClientId, EngagementId, EngagementStatus, HourlyRate,
    PlacementId, Priority, Stage, SubmittalId,
};
use serde_json::Value;
use std::process::Output;

/// The binary on `db`, with a config folder of the test's own (empty
/// unless a test writes `config.toml` into it).
///
/// Tests run on threads of one process, and a child spawned by one thread
/// holds a copy of every descriptor the process has open until it execs:
/// the lock of a database another thread has just closed can outlive it
/// by that instant. A run refused for that is run again.
fn run(db: &TempDb, args: &[&str]) -> Output {
    let once = || {
        hireterm()
            .env("HIRETERM_CONFIG_DIR", config_dir(db))
            .arg("--db")
            .arg(db.path())
            .args(args)
            .output()
            .unwrap()
    };
    let mut out = once();
    for _ in 0..20 {
        if !output_text(&out)
            .1
            .contains("in use by another hireterm process")
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        out = once();
    }
    out
}

fn config_dir(db: &TempDb) -> std::path::PathBuf {
    db.dir.path().join("config")
}

/// Runs a command that must succeed; its stdout.
fn ok(db: &TempDb, args: &[&str]) -> String {
    let out = run(db, args);
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{args:?}: {stderr}");
    stdout
}

/// Runs a command that must fail; its stderr.
fn refused(db: &TempDb, args: &[&str]) -> String {
    let out = run(db, args);
    let (stdout, stderr) = output_text(&out);
    assert!(!out.status.success(), "{args:?} succeeded: {stdout}");
    stderr
}

fn json(db: &TempDb, args: &[&str]) -> Vec<Value> {
    serde_json::from_str(ok(db, args).trim()).unwrap()
}

/// Today (the binary stamps with the clock) moved by `days`.
fn day(days: i64) -> NaiveDate {
    Utc::now().date_naive() + TimeDelta::days(days)
}

fn date(days: i64) -> String {
    day(days).to_string()
}

/// A database with three candidates, C1 to C3 (Lisbon, a phone, a
/// GitHub link, available since 2026-07-01), and no agency records.
fn seeded() -> TempDb {
    let db = TempDb::new();
    let store = db.open();
    for (name, email) in [
        ("Ana Silva", "ana@example.com"),
        ("Bo Chen", "bo@example.com"),
        ("Cy Diaz", "cy@example.com"),
    ] {
        store
            .add_candidate(candidate(name, email), &stamp())
            .unwrap();
    }
    db
}

/// Acme with two contacts, E1 for it, and C1 to C3 in its pipeline.
fn with_pipeline() -> TempDb {
    let db = seeded();
    ok(
        &db,
        &[
            "client",
            "add",
            "Acme Corp",
            "--contact",
            "Jane Roe <jane@acme.com> +1 555 0100",
            "--contact",
            "Li Wei <li@acme.com>",
        ],
    );
    ok(
        &db,
        &[
            "engagement",
            "add",
            "--client",
            "acme corp",
            "--title",
            "Platform engineers",
            "--role",
            "sre",
            "--require",
            "k8s:4:must",
            "--require",
            "golang:3:nice",
            "--headcount",
            "2",
            "--budget",
            "60-90",
            "--bill",
            "95",
            "--as",
            "sam",
        ],
    );
    ok(
        &db,
        &[
            "pipeline",
            "add",
            "--engagement",
            "E1",
            "C1",
            "2",
            "cy@example.com",
        ],
    );
    db
}

#[test]
fn clients_engagements_and_pipelines_are_made_from_the_command_line() {
    let db = seeded();
    let out = ok(
        &db,
        &[
            "client",
            "add",
            "Acme Corp",
            "--contact",
            "Li Wei <li@acme.com>",
            "--notes",
            "Tuesdays",
        ],
    );
    assert!(out.contains("added CL1 Acme Corp (1 contacts)"), "{out}");
    let out = ok(
        &db,
        &[
            "client",
            "edit",
            "CL1",
            "--remove-contact",
            "LI@acme.com",
            "--add-contact",
            "Jane Roe <jane@acme.com> +1 555 0100",
            "--add-contact",
            "Max Moe <max@acme.com>",
        ],
    );
    assert!(out.contains("updated CL1 Acme Corp (2 contacts)"), "{out}");
    let client = db.open().client(ClientId(1)).unwrap().unwrap();
    let emails: Vec<&str> = client.contacts.iter().map(|c| c.email.as_str()).collect();
    assert_eq!(emails, ["jane@acme.com", "max@acme.com"]);
    assert_eq!(client.notes, "Tuesdays");

    let out = ok(
        &db,
        &[
            "engagement",
            "add",
            "--client",
            "ACME CORP",
            "--title",
            "Platform engineers",
            "--role",
            "sre",
            "--require",
            "k8s:4:must",
            "--require",
            "golang:3:nice",
            "--headcount",
            "2",
            "--budget",
            "60-90",
            "--bill",
            "95",
            "--model",
            "contract-to-hire",
            "--start",
            "2027-01-04",
            "--as",
            "sam",
        ],
    );
    assert!(
        out.contains("added E1 Platform engineers for CL1 Acme Corp (owner sam)"),
        "{out}"
    );
    let e = db.open().engagement(EngagementId(1)).unwrap().unwrap();
    assert_eq!(
        (e.client, e.owner.as_str(), e.role.as_str()),
        (ClientId(1), "sam", "devops")
    );
    let needs: Vec<(&str, u8, Priority)> = e
        .requirements
        .iter()
        .map(|r| (r.skill.as_str(), r.min_level.get(), r.priority))
        .collect();
    assert_eq!(
        needs,
        [("kubernetes", 4, Priority::Must), ("go", 3, Priority::Nice)]
    );
    assert_eq!(e.bill_rate, Some(HourlyRate::usd(95)));
    assert_eq!(e.target_start, NaiveDate::from_ymd_opt(2027, 1, 4));

    let listed = json(&db, &["engagement", "list", "--json"]);
    assert_eq!(listed[0]["client"], "Acme Corp");
    assert_eq!(
        (
            listed[0]["headcount"].as_u64(),
            listed[0]["placed"].as_u64()
        ),
        (Some(2), Some(0))
    );
    assert!(
        listed[0]["promise"]
            .as_str()
            .unwrap()
            .starts_with("shortlist 0/3"),
        "{listed:?}"
    );

    let out = ok(
        &db,
        &[
            "pipeline",
            "add",
            "--engagement",
            "E1",
            "C1",
            "2",
            "cy@example.com",
        ],
    );
    assert_eq!(out.lines().count(), 3, "{out}");
    let board = db.open().pipeline(EngagementId(1)).unwrap();
    assert_eq!(board.len(), 3);
    assert!(board.iter().all(|a| a.stage == Stage::Sourced));

    let shown = ok(&db, &["client", "show", "acme corp", "--json"]);
    let shown: Value = serde_json::from_str(shown.trim()).unwrap();
    assert_eq!(shown["engagements"][0]["id"], "E1");
    let text = ok(&db, &["client", "show", "CL1"]);
    assert!(text.contains("Max Moe <max@acme.com>"), "{text}");
    assert!(
        text.contains("Submittals: 0 (0 waiting for an answer)"),
        "{text}"
    );
    assert_eq!(json(&db, &["client", "list", "--json"]).len(), 1);
}

#[test]
fn a_pipeline_add_is_all_or_nothing_and_names_each_problem() {
    let db = with_pipeline();
    ok(
        &db,
        &[
            "reject",
            "--engagement",
            "E1",
            "--candidate",
            "C3",
            "--reason",
            "too far",
        ],
    );
    let extra = db
        .open()
        .add_candidate(candidate("Di Ek", "di@example.com"), &stamp());
    let di = extra.unwrap().id.to_string();
    let error = refused(
        &db,
        &[
            "pipeline",
            "add",
            "--engagement",
            "E1",
            &di,
            "C1",
            "C3",
            "C99",
            "nobody@example.com",
        ],
    );
    for expected in [
        "nothing was added to E1",
        "C1 is already in the pipeline of E1, at Sourced",
        "C3 left E1 earlier, at Rejected: re-open it with `hireterm move --engagement E1 \
         --candidate C3 --to sourced`",
        "no candidate C99",
        "no candidate has the email nobody@example.com",
    ] {
        assert!(error.contains(expected), "{expected} in {error}");
    }
    let error = refused(&db, &["pipeline", "add", "--engagement", "E7", "C1"]);
    assert!(error.contains("no engagement E7"), "{error}");
    let board = db.open().pipeline(EngagementId(1)).unwrap();
    assert_eq!(board.len(), 3, "nobody added");
}

#[test]
fn submittals_guard_resubmission_and_record_each_answer() {
    let db = with_pipeline();
    let out = ok(&db, &["submit", "--engagement", "E1", "C1"]);
    assert!(
        out.starts_with("S1: C1 Ana Silva submitted to Acme Corp"),
        "{out}"
    );
    let sent = db.open().submittal(SubmittalId(1)).unwrap().unwrap();
    assert_eq!(sent.to, ["jane@acme.com", "li@acme.com"], "every contact");
    assert_eq!(
        sent.bill_rate,
        Some(HourlyRate::usd(95)),
        "the engagement's rate"
    );
    assert!(sent.profile.contains("# Ana Silva") && !sent.profile.contains("ana@example.com"));

    let error = refused(
        &db,
        &[
            "submit",
            "--engagement",
            "E1",
            "C1",
            "--to",
            "jane@acme.com",
        ],
    );
    assert!(error.contains("was submitted to Acme Corp on"), "{error}");
    assert!(
        error.contains("as S1 (for E1 Platform engineers)"),
        "{error}"
    );
    assert!(error.contains("--force"), "{error}");
    assert_eq!(
        db.open().submittals().unwrap().len(),
        1,
        "refused: nothing sent"
    );
    let args = [
        "submit",
        "--engagement",
        "E1",
        "C1",
        "--to",
        "jane@acme.com",
        "--bill",
        "99",
    ];
    let out = ok(&db, &[&args[..], &["--force"][..]].concat());
    assert!(out.contains("S2: C1"), "{out}");
    let again = db.open().submittal(SubmittalId(2)).unwrap().unwrap();
    assert_eq!(
        (again.to.len(), again.bill_rate),
        (1, Some(HourlyRate::usd(99)))
    );
    ok(&db, &["submit", "--engagement", "E1", "C2"]);
    ok(&db, &["submit", "--engagement", "E1", "cy@example.com"]);

    let out = ok(&db, &["answer", "S1", "interview"]);
    assert!(out.contains("S1: interview requested"), "{out}");
    assert!(out.contains("E1/C1: Sourced → Client interview"), "{out}");
    ok(
        &db,
        &["answer", "S3", "reject", "--reason", "rate too high"],
    );
    ok(&db, &["answer", "S4", "hold"]);
    let store = db.open();
    let stage = store
        .application(EngagementId(1), CandidateId(1))
        .unwrap()
        .unwrap()
        .stage;
    assert_eq!(stage, Stage::ClientInterview);
    let answer = |id| store.submittal(SubmittalId(id)).unwrap().unwrap().answers;
    assert_eq!(answer(1)[0].kind, AnswerKind::InterviewRequested);
    assert_eq!(
        (answer(3)[0].kind, answer(3)[0].reason.as_deref()),
        (AnswerKind::Rejected, Some("rate too high"))
    );
    assert_eq!(answer(4)[0].kind, AnswerKind::OnHold);
    drop(store);

    let waiting = json(&db, &["submittals", "--waiting", "--json"]);
    let ids: Vec<&str> = waiting.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["S2", "S4"]);
    let text = ok(&db, &["submittals", "--engagement", "E1"]);
    assert!(
        text.contains("rejected by the client: rate too high"),
        "{text}"
    );
    let listed = json(&db, &["engagement", "list", "--json"]);
    assert_eq!(
        listed[0]["promise"], "shortlist met",
        "3 distinct candidates at once"
    );
}

#[test]
fn placements_extend_end_early_and_feed_the_bench() {
    let db = with_pipeline();
    let (start, end) = (date(-20), date(10));
    let place = [
        "place",
        "--engagement",
        "E1",
        "C1",
        "--start",
        &start,
        "--end",
        &end,
    ];
    let out = ok(
        &db,
        &[&place[..], &["--bill", "95", "--pay", "70"][..]].concat(),
    );
    assert!(out.starts_with("P1: C1 Ana Silva placed in E1"), "{out}");
    assert!(out.contains("margin 26 %"), "{out}");
    let p1 = db.open().placement(PlacementId(1)).unwrap().unwrap();
    assert_eq!((p1.terms().bill.amount, p1.terms().pay.amount), (95, 70));
    let app = db
        .open()
        .application(EngagementId(1), CandidateId(1))
        .unwrap()
        .unwrap();
    assert_eq!(app.stage, Stage::Placed);

    let out = ok(&db, &["placement", "extend", "P1", "--end", &date(20)]);
    assert!(out.contains("P1 extended"), "{out}");
    let p1 = db.open().placement(PlacementId(1)).unwrap().unwrap();
    assert_eq!(
        (p1.ends_on(), p1.latest().kind),
        (Some(day(20)), ChangeKind::Extended)
    );

    let out = ok(
        &db,
        &[
            "place",
            "--engagement",
            "E1",
            "C2",
            "--start",
            &date(-5),
            "--bill",
            "100",
            "--pay",
            "90",
        ],
    );
    assert!(out.contains("E1 is now filled"), "{out}");
    assert_eq!(
        db.open()
            .engagement(EngagementId(1))
            .unwrap()
            .unwrap()
            .status,
        EngagementStatus::Filled
    );
    let out = ok(
        &db,
        &[
            "placement",
            "end",
            "P2",
            "--on",
            &date(3),
            "--reason",
            "budget cut",
        ],
    );
    assert!(out.contains("P2 ended early (budget cut)"), "{out}");
    let p2 = db.open().placement(PlacementId(2)).unwrap().unwrap();
    assert!(p2.is_ended_early() && p2.ends_on() == Some(day(3)));

    let listed = json(&db, &["placement", "list", "--json"]);
    assert_eq!(
        (
            listed[0]["margin_percent"].as_f64(),
            listed[0]["below_floor"].as_bool()
        ),
        (Some(26.3), Some(false))
    );
    assert_eq!(
        (
            listed[1]["margin_percent"].as_f64(),
            listed[1]["below_floor"].as_bool()
        ),
        (Some(10.0), Some(true))
    );
    let text = ok(&db, &["placement", "list"]);
    let p2_line = text.lines().find(|l| l.starts_with("P2")).unwrap();
    assert!(p2_line.contains("margin 10 % ! below the floor"), "{text}");
    let soon = json(
        &db,
        &["placement", "list", "--ending-within", "10", "--json"],
    );
    assert_eq!(soon.len(), 1);
    assert_eq!(soon[0]["id"], "P2");

    let bench = json(&db, &["bench", "--within", "30", "--json"]);
    let rows: Vec<(&str, &str, &str)> = bench
        .iter()
        .map(|b| {
            (
                b["id"].as_str().unwrap(),
                b["free"].as_str().unwrap(),
                b["why"].as_str().unwrap(),
            )
        })
        .collect();
    let (p2_free, p1_free) = (date(4), date(21));
    let (p2_why, p1_why) = (
        format!("P2 ends {}", date(3)),
        format!("P1 ends {}", date(20)),
    );
    assert_eq!(
        rows,
        [
            ("C3", "now", "available"),
            ("C2", p2_free.as_str(), p2_why.as_str()),
            ("C1", p1_free.as_str(), p1_why.as_str()),
        ]
    );
    let week: Vec<Value> = json(&db, &["bench", "--within", "7", "--sort", "name", "--json"]);
    let ids: Vec<&str> = week.iter().map(|b| b["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["C2", "C3"], "C1 is free only after 7 days");
    assert!(refused(&db, &["bench", "--within", "10"]).contains("possible values"));

    let stats = ok(&db, &["stats"]);
    assert!(stats.contains("clients       1"), "{stats}");
    assert!(
        stats.contains("submittals    0 (0 answered, 0 awaiting an answer)"),
        "{stats}"
    );
    assert!(
        stats.contains("placements    2 (2 active, 2 ending within 30 days)"),
        "{stats}"
    );
}

#[test]
fn the_profile_carries_skills_and_the_bill_rate_but_no_contact_or_pay() {
    let db = with_pipeline();
    let out = ok(
        &db,
        &["profile", "C1", "--engagement", "E1", "--bill", "105"],
    );
    for expected in [
        "# Ana Silva",
        "DevOps Developer (also Microservices Developer)",
        "Lisbon, Portugal · time zone Europe/Lisbon",
        "- Kubernetes (must, level 4): 4 · met",
        "- Go (nice to have, level 3): 3 · met",
        "Rate proposed: $105/h",
        "https://github.com/example",
    ] {
        assert!(out.contains(expected), "{expected} in\n{out}");
    }
    for hidden in ["ana@example.com", "+351", "912 345", "60-90", "remote-only"] {
        assert!(!out.contains(hidden), "{hidden} in\n{out}");
    }
}

#[test]
fn mistakes_are_refused_with_clear_messages_and_nothing_written() {
    let db = with_pipeline();
    ok(&db, &["submit", "--engagement", "E1", "C1"]);
    let events = || db.open().events().unwrap().len();
    let before = events();
    let engagement = |extra: &[&str]| -> Vec<String> {
        let base = [
            "engagement",
            "add",
            "--title",
            "X",
            "--role",
            "devops",
            "--require",
            "go:3",
        ];
        base.iter().chain(extra).map(|s| s.to_string()).collect()
    };
    for (args, expected) in [
        (
            engagement(&["--client", "Nobody"]),
            "no client is called or numbered `Nobody`",
        ),
        (
            engagement(&["--client", "CL1", "--bill", "lots"]),
            "--bill: `lots` is not a rate like 95 or 95 EUR",
        ),
        (
            engagement(&["--client", "CL1", "--budget", "90-60"]),
            "rate minimum 90 is above maximum 60",
        ),
        (
            [
                "place",
                "--engagement",
                "E1",
                "C1",
                "--start",
                "2027-02-01",
                "--end",
                "2027-01-01",
                "--bill",
                "95",
                "--pay",
                "70",
            ]
            .map(String::from)
            .to_vec(),
            "the end 2027-01-01 is before the start 2027-02-01",
        ),
        (
            [
                "place",
                "--engagement",
                "E1",
                "C1",
                "--start",
                "2027-02-01",
                "--bill",
                "95",
                "--pay",
                "70 dollars",
            ]
            .map(String::from)
            .to_vec(),
            "--pay: currency `DOLLARS` is not a 3-letter code like USD",
        ),
        (
            ["answer", "S99", "interview"].map(String::from).to_vec(),
            "no submittal S99",
        ),
        (
            ["answer", "S1", "reject"].map(String::from).to_vec(),
            "a rejection by the client needs --reason",
        ),
        (
            [
                "move",
                "--engagement",
                "E1",
                "--candidate",
                "C1",
                "--to",
                "placed",
            ]
            .map(String::from)
            .to_vec(),
            "use `hireterm place --engagement E1 C1",
        ),
        (
            ["placement", "extend", "P4", "--open-ended"]
                .map(String::from)
                .to_vec(),
            "no placement P4",
        ),
        (
            ["client", "edit", "CL1", "--remove-contact", "x@acme.com"]
                .map(String::from)
                .to_vec(),
            "Acme Corp has no contact x@acme.com",
        ),
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let error = refused(&db, &args);
        assert!(error.contains(expected), "{args:?}: {error}");
        assert!(!error.contains("invalid record"), "{error}");
    }
    assert_eq!(events(), before, "no event: nothing was written");
    let store = db.open();
    assert_eq!(store.engagements().unwrap().len(), 1);
    assert!(store.placements().unwrap().is_empty());
    assert!(
        store
            .submittal(SubmittalId(1))
            .unwrap()
            .unwrap()
            .answers
            .is_empty()
    );
}

#[test]
fn margins_use_the_configured_rates_and_floor_and_say_a_missing_rate() {
    let db = with_pipeline();
    std::fs::create_dir_all(config_dir(&db)).unwrap();
    let config =
        "[money]\nmargin_floor_percent = 30\n[currency]\nbase = \"USD\"\nrates = { EUR = 1.25 }\n";
    std::fs::write(config_dir(&db).join("config.toml"), config).unwrap();
    let start = date(-1);
    let out = ok(
        &db,
        &[
            "place",
            "--engagement",
            "E1",
            "C1",
            "--start",
            &start,
            "--bill",
            "100",
            "--pay",
            "60 EUR",
        ],
    );
    assert!(
        out.contains("margin 25 % ! below the floor"),
        "pay 75 USD: {out}"
    );
    let out = ok(
        &db,
        &[
            "place",
            "--engagement",
            "E1",
            "C2",
            "--start",
            &start,
            "--bill",
            "100",
            "--pay",
            "60 GBP",
        ],
    );
    assert!(
        out.contains("margin unknown: no exchange rate from GBP to USD"),
        "{out}"
    );
    let listed = json(&db, &["placement", "list", "--json"]);
    assert_eq!(listed[1]["margin_percent"], Value::Null, "never guessed");
    let p2 = db.open().placement(PlacementId(2)).unwrap().unwrap();
    assert_eq!(p2.terms().pay, HourlyRate::new(60, "GBP"));
}

#[test]
fn every_agency_command_has_help() {
    for command in [
        &["client", "add"][..],
        &["client", "edit"],
        &["engagement", "add"],
        &["pipeline", "add"],
        &["submit"],
        &["answer"],
        &["submittals"],
        &["profile"],
        &["place"],
        &["placement", "extend"],
        &["placement", "renew"],
        &["placement", "end"],
        &["placement", "list"],
        &["bench"],
    ] {
        let out = hireterm().args(command).arg("--help").output().unwrap();
        let (stdout, _) = output_text(&out);
        assert!(
            out.status.success() && stdout.contains("Usage: hireterm"),
            "{command:?}"
        );
    }
}
