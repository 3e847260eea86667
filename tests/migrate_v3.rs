//! A database written by schema v3 opens with the current code (v4:
//! candidates gained company, title, external ids, custom fields and
//! consent): every record its export held is exported the same, the new
//! fields are empty, the merge event's three candidate images (written in
//! the v3 layout) still undo the merge, and the migrated database checks
//! clean and takes the new fields.
//!
//! tests/fixtures/schema-v3 is a real schema-v3 database and
//! schema-v3.export.json its `hireterm export` (see schema-v3.README).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::domain::{Consent, CustomField, EventId, ExternalId, Stamp};
use hireterm::store::{SCHEMA_VERSION, Store};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn v3_copy() -> TempDb {
    let db = TempDb::new();
    copy_folder(&fixture("schema-v3"), &db.path());
    db
}

fn hireterm(db: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_hireterm"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every key of every record of `old` has the same value in `new`.
fn assert_kept(old: &Value, new: &Value) {
    for kind in [
        "candidates",
        "clients",
        "engagements",
        "applications",
        "submittals",
    ] {
        let (before, after) = (old[kind].as_array().unwrap(), new[kind].as_array().unwrap());
        assert_eq!(before.len(), after.len(), "{kind}");
        for (b, a) in before.iter().zip(after) {
            for (key, value) in b.as_object().unwrap() {
                assert_eq!(&a[key], value, "{kind} {} field {key}", b["id"]);
            }
        }
    }
}

#[test]
fn a_v3_database_migrates_and_exports_every_record_as_it_was() {
    let db = v3_copy();
    let old: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("schema-v3.export.json")).unwrap())
            .unwrap();
    let new: Value =
        serde_json::from_str(&hireterm(&db.path(), &["export", "--format", "json"])).unwrap();
    assert_kept(&old, &new);
    let store = Store::open(db.path()).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    for c in store.candidates().unwrap() {
        assert_eq!((c.company.as_str(), c.title.as_str()), ("", ""));
        assert!(c.external_ids.is_empty() && c.custom.is_empty() && c.consent.is_none());
    }
    drop(store);
    assert!(hireterm(&db.path(), &["check"]).contains("no problems found"));
}

#[test]
fn the_v3_merge_images_still_undo_the_merge() {
    let db = v3_copy();
    let store = Store::open(db.path()).unwrap();
    let merged = store
        .candidate(hireterm::domain::CandidateId(2))
        .unwrap()
        .unwrap();
    assert!(merged.tags.contains(&"merged".to_string()));
    let stamp = Stamp::new(now(), "tester");
    let restored = store.undo_merge(EventId(122), &stamp).unwrap();
    assert_eq!(restored.name, "Étienne Perrin");
    assert!(
        !restored.tags.contains(&"merged".to_string()),
        "the before image is back"
    );
    assert_eq!(store.candidate(restored.id).unwrap().unwrap(), restored);
}

#[test]
fn the_migrated_database_keeps_the_new_fields() {
    let db = v3_copy();
    let store = Store::open(db.path()).unwrap();
    let mut c = store
        .candidate(hireterm::domain::CandidateId(3))
        .unwrap()
        .unwrap();
    c.company = "Kestrel Insurance".into();
    c.title = "Staff Engineer".into();
    c.external_ids = vec![ExternalId::new("greenhouse", "48213")];
    c.custom = vec![CustomField::new(
        "Visa status",
        "EU citizen\nno sponsorship",
    )];
    c.consent = Some(Consent::for_days(
        "2026-11-01".parse().unwrap(),
        730,
        "sign-up form",
    ));
    store
        .update_candidate(&c, &Stamp::new(now(), "tester"))
        .unwrap();
    store.close().unwrap();
    let store = Store::open(db.path()).unwrap();
    assert_eq!(store.candidate(c.id).unwrap().unwrap(), c);
}
