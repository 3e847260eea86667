//! The same export imported twice: the second import finds each person
//! by the id the other system gave them and updates their record (only
//! what changed; nothing is added), while a person already on file by
//! email, with no such id, is a duplicate by the rules every import
//! follows (`--on-duplicate`).

use crate::common::*;
use crate::expect::{fixture, import};

fn greenhouse_copy(dir: &std::path::Path, edit: impl Fn(String) -> String) -> std::path::PathBuf {
    let text = std::fs::read_to_string(fixture("greenhouse.csv")).unwrap();
    let path = dir.join("greenhouse-again.csv");
    std::fs::write(&path, edit(text)).unwrap();
    path
}

#[test]
fn a_second_import_of_an_export_updates_by_external_id_instead_of_adding() {
    let db = TempDb::new();
    let file = fixture("greenhouse.csv");
    let (ok, stdout, stderr) = import(&db, &file, &[]);
    assert!(ok, "{stdout}{stderr}");
    let (ok, stdout, stderr) = import(&db, &file, &[]);
    assert!(ok, "{stdout}{stderr}");
    assert!(
        stdout.contains("imported 0 candidates") && stdout.contains("0 updated and 3 unchanged"),
        "{stdout}"
    );
    assert_eq!(db.open().candidate_count(), 3);
    let edited = greenhouse_copy(db.dir.path(), |text| {
        text.replace("Backend Engineer,", "Staff Engineer,")
            .replace(",H1B", ",Green card")
    });
    let (ok, stdout, stderr) = import(&db, &edited, &[]);
    assert!(ok, "{stdout}{stderr}");
    assert!(stdout.contains("1 updated and 2 unchanged"), "{stdout}");
    let store = db.open();
    assert_eq!(store.candidate_count(), 3, "nobody was added");
    let jose = store
        .candidate_by_email("jose.garcia@example.es")
        .unwrap()
        .unwrap();
    assert_eq!(jose.title, "Staff Engineer");
    let visa = jose
        .custom
        .iter()
        .find(|f| f.name == "Visa Status")
        .unwrap();
    assert_eq!(visa.value, "Green card");
    assert_eq!(jose.custom.len(), 3, "updated in place, not added");
    assert!(store.check().unwrap().problems.is_empty());
    // The update is an event that keeps the record before it, and the
    // audit calls it an update, not a merge of a duplicate.
    let event = store.recent_events(1).unwrap()[0].id.to_string();
    let id = jose.id.to_string();
    drop(store);
    let audit = hireterm_on(&db.path(), &["audit", "--candidate", &id]);
    let (said, _) = output_text(&audit);
    assert!(
        said.contains("updated the record from an import (found by another system's id)")
            && !said.contains("merged a duplicate"),
        "{said}"
    );
    let undone = hireterm_on(&db.path(), &["unmerge", &event]);
    assert!(undone.status.success(), "{:?}", output_text(&undone));
    let jose = db
        .open()
        .candidate_by_email("jose.garcia@example.es")
        .unwrap();
    assert_eq!(jose.unwrap().title, "Backend Engineer");
}

#[test]
fn a_person_on_file_by_email_is_a_duplicate_by_todays_rules() {
    let db = TempDb::new();
    let store = db.open();
    let known = store
        .add_candidate(candidate("José García", "jose.garcia@example.es"), &stamp())
        .unwrap();
    drop(store);
    let file = fixture("greenhouse.csv");
    let (ok, stdout, stderr) = import(&db, &file, &[]);
    assert!(!ok, "{stdout}");
    assert!(
        stdout.contains(&format!(
            "line 2: duplicate of {} José García (same email)",
            known.id
        )),
        "{stdout}"
    );
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    assert_eq!(db.open().candidate_count(), 1);
    let (ok, stdout, stderr) = import(&db, &file, &["--on-duplicate", "skip"]);
    assert!(ok, "{stdout}{stderr}");
    assert!(stdout.contains("imported 2 candidates"), "{stdout}");
    let kept = db.open().candidate(known.id).unwrap().unwrap();
    assert_eq!(
        kept.name, "José García",
        "a skipped duplicate changes nothing"
    );
    assert!(kept.external_ids.is_empty());
}
