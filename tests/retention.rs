//! `hireterm retention`, run as the built binary on a demo database with a
//! fixed clock (`--now`): the dry run lists exactly what the selector
//! selects, spares those whose consent holds and those in a pipeline or
//! placement, and writes nothing; applying erases exactly those, `check`
//! passes with no remnant, the funnel counts the same, and a second run
//! finds no one. A role other than admin is refused; a bad config stops
//! it; no rule selects no one; the README's example rules find the demo's
//! old records. Each test runs on sled and on PostgreSQL
//! (`common/engines.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::engines::{Address, EngineDb, each_engine};
use common::*;
use hireterm::domain::erasure::is_erased;
use hireterm::domain::retention::{Person, RetentionRules, counts_as_activity, select};
use hireterm::domain::{CandidateId, EventKind};
use serde_json::Value;
use std::collections::BTreeSet;

/// A year and a month after the demo's now: the demo's rejections are
/// over a year old, its sign-up consents partly still hold.
const LATER: &str = "2027-07-01T09:00:00Z";
const RULES: &str =
    "[retention]\nerase_after_inactive_days = 300\nerase_after_rejected_days = 365\n";

struct Setup {
    db: EngineDb,
    config: tempfile::TempDir,
}

/// Runs `test` on a demo database on each engine, under `config`.
fn on_each_engine(config: &str, test: impl Fn(&Setup)) {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        drop(demo_store(&db, 300, 8));
        let setup = Setup {
            db,
            config: tempfile::tempdir().unwrap(),
        };
        setup.configure(config);
        test(&setup);
    }
}

impl Setup {
    fn configure(&self, text: &str) {
        std::fs::write(self.config.path().join("config.toml"), text).unwrap();
    }

    fn run(&self, args: &[&str]) -> (bool, String, String) {
        let out = hireterm()
            .env("HIRETERM_CONFIG_DIR", self.config.path())
            .arg("--db")
            .arg(self.db.address())
            .args(args)
            .output()
            .unwrap();
        let (stdout, stderr) = output_text(&out);
        (out.status.success(), stdout, stderr)
    }

    fn json(&self, args: &[&str]) -> Value {
        let (ok, stdout, stderr) = self.run(args);
        assert!(ok, "{stdout}{stderr}");
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
    }
}

fn ids(rows: &Value) -> BTreeSet<String> {
    let rows = rows.as_array().unwrap();
    rows.iter()
        .map(|r| r.as_str().or(r["id"].as_str()).unwrap().to_string())
        .collect()
}

/// What the selector makes of the database, read in this process.
fn selector_on(
    db: &EngineDb,
    rules: &RetentionRules,
    today: &str,
) -> (BTreeSet<String>, BTreeSet<String>) {
    let store = db.open();
    let candidates = store.candidates().unwrap();
    let applications = store.applications().unwrap();
    let placements = store.placements().unwrap();
    let last = store.last_activities(counts_as_activity).unwrap();
    let people = candidates.iter().map(|c| Person {
        candidate: c,
        last_activity: last.get(&c.id).copied(),
        applications: applications
            .iter()
            .filter(|a| a.candidate == c.id)
            .collect(),
        placements: placements.iter().filter(|p| p.candidate == c.id).collect(),
    });
    let selection = select(people, rules, today[..10].parse().unwrap());
    let named = |ids: Vec<CandidateId>| ids.into_iter().map(|id| id.to_string()).collect();
    (
        named(selection.selected.iter().map(|s| s.candidate).collect()),
        named(selection.spared.iter().map(|s| s.candidate).collect()),
    )
}

fn rules() -> RetentionRules {
    RetentionRules {
        inactive_days: Some(300),
        rejected_days: Some(365),
        ..RetentionRules::default()
    }
}

#[test]
fn the_dry_run_lists_what_the_selector_selects_spares_whom_it_must_and_writes_nothing() {
    on_each_engine(
        RULES,
        the_dry_run_lists_what_the_selector_selects_spares_whom_it_must_and_writes_nothing_on,
    );
}

fn the_dry_run_lists_what_the_selector_selects_spares_whom_it_must_and_writes_nothing_on(
    s: &Setup,
) {
    let export = || s.run(&["export", "--format", "json"]).1;
    let before = export();
    let events = s.db.open().events().unwrap().len();
    let dry = s.json(&["retention", "--dry-run", "--now", LATER, "--json"]);
    assert_eq!(export(), before, "the records are as they were");
    assert_eq!(
        s.db.open().events().unwrap().len(),
        events + 1,
        "the second export's event only"
    );
    let (selected, spared) = selector_on(&s.db, &rules(), LATER);
    assert_eq!(ids(&dry["selected"]), selected);
    assert_eq!(ids(&dry["spared"]), spared);
    let whys: Vec<&str> = dry["spared"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["why"].as_str().unwrap())
        .collect();
    assert!(
        whys.iter().any(|w| w.starts_with("consent holds until")),
        "{whys:?}"
    );
    assert!(
        whys.iter().any(|w| w.starts_with("in the pipeline of")),
        "{whys:?}"
    );
    let rules_used: BTreeSet<&str> = (dry["selected"].as_array().unwrap().iter())
        .flat_map(|r| {
            r["rules"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap())
        })
        .collect();
    assert_eq!(rules_used, BTreeSet::from(["inactive", "rejected"]));
    let first = &dry["selected"][0];
    assert!(
        !first["name"].as_str().unwrap().is_empty(),
        "a dry run names them: {first}"
    );
    // The spared are spared for a reason the records bear out.
    let store = s.db.open();
    let today = LATER[..10].parse().unwrap();
    for row in dry["spared"].as_array().unwrap() {
        let id: CandidateId = row["id"].as_str().unwrap().parse().unwrap();
        let person = store.candidate(id).unwrap().unwrap();
        let holds = person.consent.as_ref().is_some_and(|c| c.holds_on(today));
        let busy =
            (store.applications().unwrap().iter()).any(|a| a.candidate == id && !a.stage.is_exit());
        assert!(holds || busy, "{row}");
    }
    drop(store);
    let (ok, text, _) = s.run(&["retention", "--dry-run", "--now", LATER]);
    assert!(ok && text.contains("dry run: nothing was erased"), "{text}");
    assert!(
        text.contains(&format!("{} selected", selected.len())),
        "{text}"
    );
}

#[test]
fn applying_erases_exactly_those_and_keeps_the_counts() {
    on_each_engine(RULES, applying_erases_exactly_those_and_keeps_the_counts_on);
}

fn applying_erases_exactly_those_and_keeps_the_counts_on(s: &Setup) {
    let funnel = || s.run(&["report", "funnel", "--json"]).1;
    let counts = funnel();
    let dry = s.json(&["retention", "--dry-run", "--now", LATER, "--json"]);
    let names: Vec<String> = (dry["selected"].as_array().unwrap().iter().take(3))
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect();
    let applied = s.json(&[
        "--as",
        "dpo",
        "retention",
        "--now",
        LATER,
        "--reason",
        "policy P-2",
        "--json",
    ]);
    assert_eq!(ids(&applied["erased"]), ids(&dry["selected"]));
    assert!(
        applied["selected"][0].get("name").is_none(),
        "an erasing run names no one"
    );
    let (ok, checked, _) = s.run(&["check"]);
    assert!(ok && checked.contains("no problems found"), "{checked}");
    assert!(checked.contains(": 0 remnants"), "{checked}");
    assert_eq!(funnel(), counts, "the funnel counts the same");
    let store = s.db.open();
    let erased: BTreeSet<String> = (store.candidates().unwrap().iter())
        .filter(|c| is_erased(c))
        .map(|c| c.id.to_string())
        .collect();
    assert_eq!(erased, ids(&dry["selected"]), "no one else");
    let reasons: Vec<String> = (store.events().unwrap().into_iter())
        .filter_map(|e| match e.kind {
            EventKind::CandidateErased { reason, .. } if e.actor == "dpo" => Some(reason),
            _ => None,
        })
        .collect();
    assert_eq!(reasons.len(), erased.len());
    assert!(
        reasons
            .iter()
            .all(|r| r.starts_with("policy P-2 (erase_after_")),
        "{reasons:?}"
    );
    drop(store);
    // Every byte of the folder's files; on PostgreSQL every row of every
    // table (what a dead row keeps until it is vacuumed, no query sees).
    let held = s.db.held();
    for name in names {
        let left = (held.iter())
            .find(|(_, bytes)| bytes.windows(name.len()).any(|w| w == name.as_bytes()));
        assert!(
            left.is_none(),
            "{name} is still in {:?}",
            left.map(|l| &l.0)
        );
    }
    let again = s.json(&["retention", "--dry-run", "--now", LATER, "--json"]);
    assert_eq!(again["selected"].as_array().unwrap().len(), 0);
    assert_eq!(ids(&again["spared"]), ids(&dry["spared"]));
}

#[test]
fn only_an_admin_may_run_it_and_a_mistake_in_the_rules_stops_it() {
    on_each_engine(
        &format!("[access]\nrole = \"recruiter\"\n{RULES}"),
        only_an_admin_may_run_it_and_a_mistake_in_the_rules_stops_it_on,
    );
}

fn only_an_admin_may_run_it_and_a_mistake_in_the_rules_stops_it_on(s: &Setup) {
    let before = s.db.held();
    let (ok, _, said) = s.run(&["retention", "--now", LATER]);
    assert!(
        !ok && said.contains("A recruiter may not erase a person's data"),
        "{said}"
    );
    let (ok, _, said) = s.run(&["retention", "--dry-run"]);
    assert!(!ok && said.contains("may not erase"), "{said}");
    assert_eq!(s.db.held(), before, "nothing changed");
    s.configure("[retention]\nerase_after_inactive_days = 0\n");
    let (ok, _, said) = s.run(&["retention", "--now", LATER]);
    assert!(!ok, "{said}");
    assert!(
        said.contains("erase_after_inactive_days must be a whole number of days from 1 to 36500")
    );
    assert!(
        said.contains("no retention rule is applied until it is mended"),
        "{said}"
    );
    s.configure("[aging]\nscreening = 2\n");
    let (ok, text, _) = s.run(&["retention", "--now", LATER]);
    assert!(ok && text.contains("no retention rule is set"), "{text}");
}

#[test]
fn the_readme_rules_find_the_demos_old_records_on_its_own_day() {
    on_each_engine(
        "[retention]\nerase_after_inactive_days = 1095\nerase_after_rejected_days = 365\n",
        the_readme_rules_find_the_demos_old_records_on_its_own_day_on,
    );
}

fn the_readme_rules_find_the_demos_old_records_on_its_own_day_on(s: &Setup) {
    let dry = s.json(&[
        "retention",
        "--dry-run",
        "--now",
        "2026-06-01T09:00:00Z",
        "--json",
    ]);
    let selected = dry["selected"].as_array().unwrap();
    assert!(selected.len() >= 5, "{dry}");
    let reason = selected[0]["reasons"][0].as_str().unwrap();
    assert!(
        reason.starts_with("no activity since ") && reason.ends_with("rule: 1,095)"),
        "{reason}"
    );
}
