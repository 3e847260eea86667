//! `hireterm report`, run as the built binary on a demo database for May
//! 2026: its numbers equal counts made here straight from the store's
//! records (and, for the funnel, the naive count over the store's own
//! event log); JSON, CSV and text agree; every drill-down filter parses;
//! goals come from config.toml; and mistakes are said in words.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use common::*;
use hireterm::catalog::Catalog;
use hireterm::domain::{AnswerKind, Stage};
use hireterm::metrics::{Period, Scope, naive};
use serde_json::Value;
use std::process::Output;

const MAY: [&str; 4] = ["--since", "2026-05-01", "--until", "2026-05-31"];

/// A demo database generated around `common::now()` (2026-06-01), closed.
fn demo_db() -> TempDb {
    let db = TempDb::new();
    let store = demo_store(&db, 400, 10);
    std::sync::Arc::try_unwrap(store)
        .ok()
        .unwrap()
        .close()
        .unwrap();
    db
}

fn run(db: &TempDb, args: &[&str]) -> Output {
    hireterm()
        .env("HIRETERM_CONFIG_DIR", db.dir.path().join("config"))
        .arg("--db")
        .arg(db.path())
        .args(args)
        .output()
        .unwrap()
}

/// `report NAME --json` for May, with `more` arguments.
fn json(db: &TempDb, name: &str, more: &[&str]) -> Value {
    let mut args = vec!["report", name, "--json"];
    args.extend(MAY);
    args.extend(more);
    let out = run(db, &args);
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stderr}");
    serde_json::from_str(stdout.trim()).unwrap()
}

fn in_may(at: DateTime<Utc>) -> bool {
    let start = Utc.with_ymd_and_hms(2026, 5, 1, 0, 0, 0).unwrap();
    let end = Utc.with_ymd_and_hms(2026, 6, 1, 0, 0, 0).unwrap();
    start <= at && at < end
}

fn may() -> Period {
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    Period::new(day(5, 1), day(5, 31)).unwrap()
}

fn rows(report: &Value) -> &Vec<Value> {
    report["rows"].as_array().unwrap()
}

fn count(value: &Value) -> usize {
    value.as_u64().unwrap() as usize
}

#[test]
fn the_funnel_equals_a_count_over_the_store_and_its_event_log() {
    let db = demo_db();
    let all = json(&db, "funnel", &[]);
    let acme = json(&db, "funnel", &["--client", "northwind logistics"]);
    let store = db.open();
    let apps = store.applications().unwrap();
    assert!(
        apps.iter()
            .flat_map(|a| &a.history)
            .all(|c| c.reason.as_deref() != Some("undo")),
        "the demo undoes nothing, so entering is any move into the stage"
    );
    assert_eq!(rows(&all).len(), Stage::PIPELINE.len());
    for (row, stage) in rows(&all).iter().zip(Stage::PIPELINE) {
        let entered = apps
            .iter()
            .filter(|a| a.history.iter().any(|c| c.to == stage && in_may(c.at)))
            .count();
        assert_eq!(row["stage"], stage.label());
        assert_eq!(count(&row["entered"]), entered, "{stage}");
    }
    assert!(count(&rows(&all)[0]["entered"]) > 0, "May has activity");
    let events = store.events().unwrap();
    let engagements = store.engagements().unwrap();
    let northwind = store
        .client_by_name("Northwind Logistics")
        .unwrap()
        .unwrap();
    for (report, scope) in [(&all, Scope::All), (&acme, Scope::Client(northwind.id))] {
        let naive = naive::funnel(&events, &engagements, may(), &scope);
        for (row, stage) in rows(report).iter().zip(&naive.stages) {
            let counted = (
                count(&row["entered"]),
                count(&row["left"]),
                count(&row["forward"]),
            );
            let direct = (stage.entered, stage.finished, stage.forward);
            assert_eq!(
                counted,
                (direct.0 as usize, direct.1 as usize, direct.2 as usize)
            );
        }
    }
    assert!(
        acme["scope"]
            .as_str()
            .unwrap()
            .contains("Northwind Logistics")
    );
}

#[test]
fn submittals_interviews_and_placements_equal_the_stored_records() {
    let db = demo_db();
    let ratios = json(&db, "ratios", &[]);
    let sources = json(&db, "sources", &[]);
    let trends = json(&db, "trends", &[]);
    let recruiters = json(&db, "recruiters", &[]);
    let store = db.open();
    let submittals = store.submittals().unwrap();
    let candidates = store.candidates().unwrap();
    let sent: Vec<_> = submittals.iter().filter(|s| in_may(s.at)).collect();
    let asked = |s: &&&hireterm::domain::Submittal| {
        s.answers
            .iter()
            .any(|a| a.kind == AnswerKind::InterviewRequested)
    };
    let row = |metric: &str| {
        let found = rows(&ratios).iter().find(|r| r["metric"] == metric);
        found.unwrap().clone()
    };
    let interview = row("submittal to interview");
    assert_eq!(count(&interview["of"]), sent.len());
    assert_eq!(
        count(&interview["count"]),
        sent.iter().filter(asked).count()
    );
    assert!(!sent.is_empty());
    // Sources: distinct referral candidates submitted in May.
    let referral = rows(&sources)
        .iter()
        .find(|r| r["source"] == "referral")
        .unwrap();
    let mut submitted: Vec<_> = sent
        .iter()
        .filter(|s| {
            let c = candidates.iter().find(|c| c.id == s.candidate).unwrap();
            c.source == hireterm::domain::Source::Referral
        })
        .map(|s| s.candidate)
        .collect();
    submitted.sort();
    submitted.dedup();
    assert_eq!(count(&referral["submitted"]), submitted.len());
    // Trends: the last four weeks of May hold May 4-31's submittals.
    let weekly: usize = rows(&trends)
        .iter()
        .rev()
        .take(4)
        .map(|w| count(&w["submittals"]))
        .sum();
    let from = Utc.with_ymd_and_hms(2026, 5, 4, 0, 0, 0).unwrap();
    assert_eq!(weekly, sent.iter().filter(|s| s.at >= from).count());
    // Recruiters: each one's submittals sent in May.
    for recruiter in rows(&recruiters) {
        let name = recruiter["recruiter"].as_str().unwrap().to_lowercase();
        let theirs = sent.iter().filter(|s| s.by.to_lowercase() == name).count();
        assert_eq!(count(&recruiter["submittals"]), theirs, "{name}");
        assert_eq!(recruiter["submittals_goal"], 20.0, "May is one month");
    }
}

#[test]
fn margin_sums_the_spread_of_the_placements_running_in_may() {
    let db = demo_db();
    let margin = json(&db, "margin", &[]);
    let store = db.open();
    let placements = store.placements().unwrap();
    let engagements = store.engagements().unwrap();
    let clients = store.clients().unwrap();
    let day = |d| NaiveDate::from_ymd_opt(2026, 5, d).unwrap();
    assert!(!rows(&margin).is_empty(), "placements ran in May");
    for row in rows(&margin) {
        let running = placements.iter().filter(|p| {
            let terms = p.terms();
            let engagement = engagements.iter().find(|e| e.id == p.engagement).unwrap();
            let client = clients.iter().find(|c| c.id == engagement.client).unwrap();
            client.name == row["client"]
                && terms.bill.currency == row["currency"]
                && terms.start <= day(31)
                && terms.end.is_none_or(|end| end >= day(1))
        });
        let spread: f64 = running
            .map(|p| f64::from(p.terms().bill.amount) - f64::from(p.terms().pay.amount))
            .sum();
        let shown = row["total_spread"].as_f64().unwrap();
        assert!((shown - spread).abs() < 0.005, "{row}: {spread}");
    }
}

#[test]
fn json_csv_and_text_show_the_same_numbers() {
    let db = demo_db();
    let json = json(&db, "funnel", &[]);
    let mut args = vec!["report", "funnel", "--csv"];
    args.extend(MAY);
    let out = run(&db, &args);
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(&out.stdout[..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(serde_json::json!(header), json["columns"]);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), rows(&json).len());
    for (record, row) in records.iter().zip(rows(&json)) {
        assert_eq!(&record[1], row["entered"].to_string(), "{row}");
        let pass = record[5].parse::<f64>().ok();
        assert_eq!(pass, row["pass_through"].as_f64(), "{row}");
    }
    let mut args = vec!["report", "funnel"];
    args.extend(MAY);
    let text = output_text(&run(&db, &args)).0;
    assert!(
        text.starts_with("Funnel · 2026-05-01 to 2026-05-31 · all engagements\n"),
        "{text}"
    );
    let sourced = text.lines().find(|l| l.starts_with("Sourced")).unwrap();
    let entered = rows(&json)[0]["entered"].to_string();
    assert_eq!(
        sourced.split_whitespace().nth(1),
        Some(entered.as_str()),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn every_drill_down_filter_parses_and_list_names_every_report() {
    let db = demo_db();
    let list = output_text(&run(&db, &["report", "--list"])).0;
    for name in hireterm::metrics::ReportName::ALL {
        assert!(list.contains(name.key()), "{list}");
        let report = json(&db, name.key(), &["--client", "CL1"]);
        for row in rows(&report) {
            if let Some(filter) = row["filter"].as_str() {
                let parsed = hireterm::filter::parse(filter, Catalog::builtin());
                assert!(parsed.is_ok(), "{filter}: {parsed:?}");
            }
        }
    }
}

#[test]
fn goals_come_from_the_config_file() {
    let db = demo_db();
    let config = db.dir.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    let goals = "[goals]\nsubmittals = 10\n[goals.\"Ana Ribeiro\"]\nsubmittals = 4\n";
    std::fs::write(config.join("config.toml"), goals).unwrap();
    let report = json(&db, "recruiters", &[]);
    let goal = |name: &str| {
        let row = rows(&report).iter().find(|r| r["recruiter"] == name);
        row.map(|r| r["submittals_goal"].as_f64().unwrap())
    };
    assert_eq!(goal("Ana Ribeiro"), Some(4.0));
    assert!(rows(&report).iter().any(|r| r["submittals_goal"] == 10.0));
    std::fs::write(config.join("config.toml"), "[goals]\nsubmitals = 3\n").unwrap();
    let mut args = vec!["report", "recruiters"];
    args.extend(MAY);
    let (_, stderr) = output_text(&run(&db, &args));
    assert!(stderr.contains("[goals] has no `submitals`"), "{stderr}");
}

#[test]
fn mistakes_are_said_in_words() {
    let db = demo_db();
    let refused = |args: &[&str], code: i32| {
        let out = run(&db, args);
        assert_eq!(out.status.code(), Some(code), "{args:?}");
        let (stdout, stderr) = output_text(&out);
        assert!(stdout.is_empty(), "{stdout}");
        assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
        stderr
    };
    let typo = refused(&["report", "funel"], 2);
    assert!(
        typo.contains("no report is called `funel`; did you mean `funnel`?"),
        "{typo}"
    );
    let backwards = refused(
        &[
            "report",
            "funnel",
            "--since",
            "2026-05-31",
            "--until",
            "2026-05-01",
        ],
        2,
    );
    assert!(
        backwards.contains("--since 2026-05-31 is after --until 2026-05-01"),
        "{backwards}"
    );
    let date = refused(&["report", "funnel", "--until", "31/05/2026"], 2);
    assert!(
        date.contains("--until `31/05/2026` is not a date like 2026-05-01"),
        "{date}"
    );
    let client = refused(&["report", "funnel", "--client", "Acme\u{1b}[31m"], 1);
    assert!(
        client.contains("no client is called or numbered `Acme[31m`"),
        "{client}"
    );
    assert!(
        client.contains("Northwind Logistics (CL1)"),
        "the clients there are: {client}"
    );
    let engagement = refused(&["report", "funnel", "--engagement", "E999"], 1);
    assert!(
        engagement.contains("no engagement is called or numbered `E999`; the engagements are E1 ")
    );
    let recruiter = refused(&["report", "funnel", "--recruiter", "nobody"], 1);
    assert!(
        recruiter.contains("no engagement is owned by `nobody`; the owners are"),
        "{recruiter}"
    );
    refused(
        &["report", "funnel", "--client", "CL1", "--engagement", "E1"],
        2,
    );
    refused(&["report", "funnel", "--json", "--csv"], 2);
}
