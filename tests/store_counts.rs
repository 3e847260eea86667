//! `stats` reads counters kept beside the records (`store/counts.rs`):
//! after a write of every kind its figures are exactly those recounted
//! from the records, the way `stats` counted before it had counters, and
//! `check` finds every counter right. On sled and on PostgreSQL
//! (`common/engines.rs`), but for what needs a folder: the import command
//! (the binary) and counters removed with sled itself.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::NaiveDate;
use common::agency::add_agency_records;
use common::engines::{EngineDb, each_engine};
use common::*;
use hireterm::domain::*;
use hireterm::store::{Stats, Store};
use std::collections::BTreeMap;

const ENDING_DAYS: i64 = 30;

fn today() -> NaiveDate {
    now().date_naive()
}

/// Every figure of `stats`, recounted from the records as `stats_on`
/// did before it read counters.
fn recount(store: &Store) -> Stats {
    let candidates = store.candidates().unwrap();
    let mut roles: BTreeMap<RoleId, usize> = BTreeMap::new();
    for role in candidates.iter().filter_map(Candidate::primary_role) {
        *roles.entry(role.clone()).or_default() += 1;
    }
    let mut by_role: Vec<_> = roles.into_iter().collect();
    by_role.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let applications = store.applications().unwrap();
    let engagements = store.engagements().unwrap();
    let submittals = store.submittals().unwrap();
    let placements = store.placements().unwrap();
    let count = |f: &dyn Fn(&Placement) -> bool| placements.iter().filter(|p| f(p)).count();
    Stats {
        candidates: candidates.len(),
        engagements: engagements.len(),
        applications: applications.len(),
        events: store.events().unwrap().len(),
        by_stage: Stage::ALL
            .map(|s| (s, applications.iter().filter(|a| a.stage == s).count()))
            .to_vec(),
        by_role,
        by_status: EngagementStatus::ALL
            .map(|s| (s, engagements.iter().filter(|e| e.status == s).count()))
            .to_vec(),
        clients: store.clients().unwrap().len(),
        submittals: submittals.len(),
        submittals_answered: submittals.iter().filter(|s| !s.awaits_answer()).count(),
        placements: placements.len(),
        placements_active: count(&|p| p.is_active(today())),
        placements_ending: count(&|p| p.ends_within(today(), ENDING_DAYS)),
    }
}

/// `stats` agrees with the records, and `check` with the counters.
fn agrees(store: &Store, after: &str) {
    let stats = store.stats_on(today(), ENDING_DAYS).unwrap();
    assert_eq!(stats, recount(store), "stats after {after}");
    let candidates = store.candidates().unwrap().len();
    assert_eq!(store.candidate_count(), candidates, "count after {after}");
    let mut problems = store.check().unwrap().problems;
    // An erasure's rewrite waits for the close, by design.
    problems.retain(|p| !p.starts_with("erasure: an erasure's rewrite is pending"));
    assert_eq!(problems, Vec::<String>::new(), "check after {after}");
}

fn active_card(store: &Store) -> Application {
    let apps = store.applications().unwrap();
    apps.into_iter().find(|a| a.stage.is_active()).unwrap()
}

/// A candidate's primary role changes to another.
fn change_primary_role(store: &Store) {
    let mut person = store.candidates().unwrap().remove(3);
    let roles = hireterm::catalog::Catalog::builtin().roles();
    let mut other = roles.iter().map(|r| r.id.clone());
    let other = other.find(|r| Some(r) != person.primary_role());
    person.roles.insert(0, other.expect("another role"));
    store.update_candidate(&person, &stamp()).unwrap();
}

/// The last card that can move on short of an offer (the first active
/// card's person is erased below).
fn movable_card(store: &Store) -> Application {
    let apps = store.applications().unwrap();
    let early = |a: &Application| a.stage.is_active() && a.stage < Stage::Offer;
    apps.into_iter().rev().find(early).unwrap()
}

fn pipeline_writes(store: &Store) {
    let card = movable_card(store);
    let next = Stage::ALL[Stage::ALL.iter().position(|s| *s == card.stage).unwrap() + 1];
    store
        .move_stage(card.engagement, card.candidate, next, None, &stamp())
        .unwrap();
    agrees(store, "a move");
    let card = movable_card(store);
    let reason = Some("not a fit".to_string());
    store
        .move_stage(
            card.engagement,
            card.candidate,
            Stage::Rejected,
            reason,
            &stamp(),
        )
        .unwrap();
    agrees(store, "a rejection");
}

fn candidate_writes(store: &Store) {
    let added = store
        .add_candidate(candidate("New Person", "new.person@example.com"), &stamp())
        .unwrap();
    agrees(store, "an add");
    change_primary_role(store);
    agrees(store, "an edit of the primary role");
    let deleted = store.delete_candidate(added.id, &stamp()).unwrap();
    agrees(store, "a delete");
    store.restore_candidate(&deleted, &stamp()).unwrap();
    agrees(store, "the undo of a delete");
    let mut incoming = store.candidate(added.id).unwrap().unwrap();
    incoming.roles = vec![RoleId::new("data-engineer")];
    let merged = store
        .merge_candidate(added.id, &incoming, &stamp())
        .unwrap();
    agrees(store, "a merge");
    store.undo_merge(merged.event, &stamp()).unwrap();
    agrees(store, "the undo of a merge");
    let person = active_card(store).candidate;
    store
        .erase_candidate(person, "asked to be forgotten", &stamp())
        .unwrap();
    agrees(store, "an erasure");
}

fn rolled_back_import(store: &Store) {
    store.begin_import("rows.csv").unwrap();
    let rows = [candidate("Rolled Back", "rolled.back@example.com")];
    let ids = store.import_candidates(&rows, &stamp()).unwrap();
    let card = movable_card(store);
    let existing = store.candidate(card.candidate).unwrap().unwrap();
    store
        .merge_candidate(existing.id, &existing, &stamp())
        .unwrap();
    store
        .open_applications(card.engagement, &ids, &stamp())
        .unwrap();
    store
        .roll_back_import()
        .unwrap()
        .expect("an import to roll back");
    agrees(store, "an import's rollback");
}

#[test]
fn stats_from_counters_match_the_records_after_every_kind_of_write() {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let store = demo_store(&db, 60, 6);
        agrees(&store, "the demo data");
        candidate_writes(&store);
        pipeline_writes(&store);
        add_agency_records(&store);
        agrees(&store, "submittals, answers and placements");
        rolled_back_import(&store);
        drop(store);
        // The import command is the binary, run on a folder.
        if let EngineDb::Sled(folder) = &db {
            imported_by_the_command(folder);
        }
    }
}

/// `hireterm import` of a row, and the counters after it.
fn imported_by_the_command(db: &TempDb) {
    let rows = "name,email,city\nAna Import,ana.import@example.com,Lisbon\n";
    let file = db.write_file("rows.csv", rows);
    let (imported, _, stderr) = import_as_importer(db, &file, &[]);
    assert!(imported, "{stderr}");
    agrees(&db.open(), "an import");
}

// On sled only: the counters are removed with sled itself.
#[test]
fn a_database_without_counters_gets_them_on_open() {
    let db = TempDb::new();
    let before = {
        let store = demo_store(&db, 30, 3);
        add_agency_records(&store);
        store.stats_on(today(), ENDING_DAYS).unwrap()
    };
    let _ = std::fs::remove_file(db.path().join("hireterm.clean"));
    let raw = open_raw(&db);
    let meta = raw.open_tree("meta").unwrap();
    let keys: Vec<_> = meta
        .scan_prefix("count:")
        .keys()
        .map(Result::unwrap)
        .collect();
    assert!(keys.len() > 10, "counters were kept: {}", keys.len());
    for key in keys {
        meta.remove(key).unwrap();
    }
    meta.remove("index:counts").unwrap();
    raw.flush().unwrap();
    // The tree holds the database open too.
    drop((meta, raw));
    let store = db.open();
    assert_eq!(store.stats_on(today(), ENDING_DAYS).unwrap(), before);
    agrees(&store, "rebuilding the counters");
}
