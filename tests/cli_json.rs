//! `hireterm stats --json` holds every figure `stats` prints, and
//! `hireterm search --json` gives candidate hits the rate, first free day
//! and top skills that `hireterm list --json` gives the same people.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use serde_json::Value;
use std::collections::HashMap;

/// A demo database of `candidates` made by the CLI (around now), and a
/// way to run commands on it with a config folder of its own.
fn demo(candidates: &str) -> (TempDb, impl Fn(&[&str]) -> (String, bool)) {
    let db = TempDb::new();
    let (path, config) = (db.path(), db.dir.path().join("config"));
    let run = move |args: &[&str]| {
        let out = hireterm()
            .env("HIRETERM_CONFIG_DIR", &config)
            .arg("--db")
            .arg(&path)
            .args(args)
            .output()
            .unwrap();
        let (stdout, stderr) = output_text(&out);
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
        (stdout, out.status.success())
    };
    let (_, made) = run(&["demo", "--candidates", candidates, "--engagements", "6"]);
    assert!(made);
    (db, run)
}

/// The whole numbers in a line of text, in order.
fn numbers(line: &str) -> Vec<u64> {
    let digits = line.split(|c: char| !c.is_ascii_digit());
    digits.filter_map(|d| d.parse().ok()).collect()
}

/// The `  name   count` lines under a heading of `stats`, as JSON.
fn section(text: &str, heading: &str) -> Value {
    let lines = text.lines().skip_while(|l| *l != heading).skip(1);
    let rows = lines.take_while(|l| l.starts_with("  ")).map(|l| {
        let (name, count) = l.trim().rsplit_once(' ').unwrap();
        (
            name.trim().to_string(),
            Value::from(count.parse::<u64>().unwrap()),
        )
    });
    Value::Object(rows.collect())
}

#[test]
fn stats_json_holds_every_figure_stats_prints() {
    let (_db, run) = demo("300");
    let (text, ok) = run(&["stats"]);
    assert!(ok);
    let (json, ok) = run(&["stats", "--json"]);
    assert!(ok);
    let json: Value = serde_json::from_str(json.trim()).unwrap();
    let line = |label: &str| {
        let found = text.lines().find(|l| l.starts_with(label));
        numbers(found.unwrap_or_else(|| panic!("no {label} in {text}")))
    };
    for key in [
        "candidates",
        "engagements",
        "applications",
        "events",
        "clients",
    ] {
        assert_eq!(json[key].as_u64(), Some(line(key)[0]), "{key}");
    }
    let submittals = &json["submittals"];
    let said = [
        &submittals["total"],
        &submittals["answered"],
        &submittals["waiting"],
    ];
    assert_eq!(
        said.map(|v| v.as_u64().unwrap()).to_vec(),
        line("submittals")
    );
    let placements = &json["placements"];
    let said = ["total", "active", "ending", "ending_days"].map(|k| placements[k].as_u64());
    assert_eq!(said.map(Option::unwrap).to_vec(), line("placements"));
    let json_db = json["database"].as_str().unwrap();
    assert!(
        text.starts_with(&format!("database      {json_db}\n")),
        "{text}"
    );
    for (key, heading) in [
        ("by_stage", "Applications by stage"),
        ("by_role", "Candidates by primary role"),
        ("by_status", "Engagements by status"),
    ] {
        let listed = section(&text, heading);
        assert!(
            listed.as_object().is_some_and(|o| !o.is_empty()),
            "{heading}"
        );
        // The same names, counts and order.
        assert_eq!(json[key].to_string(), listed.to_string(), "{key}");
    }
}

#[test]
fn search_json_gives_candidate_hits_what_list_json_gives_them() {
    let (_db, run) = demo("300");
    let (everyone, ok) = run(&["list", "--json"]);
    assert!(ok);
    let everyone: Vec<Value> = serde_json::from_str(everyone.trim()).unwrap();
    let by_id: HashMap<&str, &Value> = everyone
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c))
        .collect();
    let (hits, ok) = run(&["search", "an", "--kind", "candidate", "--json"]);
    assert!(ok);
    let hits: Vec<Value> = serde_json::from_str(hits.trim()).unwrap();
    assert!(hits.len() >= 10, "{hits:?}");
    let mut with_rate_and_day = 0;
    for hit in &hits {
        for key in ["kind", "id", "label", "score", "detail", "positions"] {
            assert!(hit.get(key).is_some(), "{key} kept: {hit}");
        }
        let listed = by_id[hit["id"].as_str().unwrap()];
        assert_eq!(hit["top_skills"], listed["skills"], "{hit}");
        assert!(!hit["top_skills"].as_array().unwrap().is_empty(), "{hit}");
        assert_eq!(hit.get("rate"), listed.get("rate").filter(|r| !r.is_null()));
        let day = listed.get("available").filter(|d| !d.is_null());
        assert_eq!(hit.get("available"), day, "{hit}");
        with_rate_and_day += usize::from(hit.get("rate").is_some() && day.is_some());
    }
    assert!(with_rate_and_day > 0, "the demo data exercises neither");
    let (skills, ok) = run(&["search", "k8s", "--kind", "skill", "--json"]);
    assert!(ok);
    let skills: Vec<Value> = serde_json::from_str(skills.trim()).unwrap();
    for key in ["rate", "available", "top_skills"] {
        assert!(
            skills.iter().all(|s| s.get(key).is_none()),
            "{key}: {skills:?}"
        );
    }
}
