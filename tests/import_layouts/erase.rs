//! What another system brought does not outlive an erasure: the custom
//! fields and external ids of an erased person are gone from the record,
//! from the images an import's update kept in its event, from search and
//! from exports, and `hireterm check` finds no remnant.

use crate::common::*;
use crate::expect::{fixture, import};

#[test]
fn erasing_a_person_removes_their_custom_fields_and_ids_everywhere() {
    let db = TempDb::new();
    let (ok, stdout, stderr) = import(&db, &fixture("greenhouse.csv"), &[]);
    assert!(ok, "{stdout}{stderr}");
    // A second import that changes them: an update event with images.
    let text = std::fs::read_to_string(fixture("greenhouse.csv")).unwrap();
    let again = db.dir.path().join("again.csv");
    std::fs::write(&again, text.replace(",H1B", ",Green card")).unwrap();
    let (ok, stdout, stderr) = import(&db, &again, &[]);
    assert!(ok && stdout.contains("1 updated"), "{stdout}{stderr}");
    let jose = db
        .open()
        .candidate_by_email("jose.garcia@example.es")
        .unwrap()
        .unwrap();
    let id = jose.id.to_string();
    let found = hireterm_on(&db.path(), &["search", "green card", "--json"]);
    assert!(
        String::from_utf8_lossy(&found.stdout).contains(&id),
        "found by a custom field"
    );

    let erased = hireterm_on(
        &db.path(),
        &["erase", "--candidate", &id, "--reason", "request R-7"],
    );
    assert!(erased.status.success(), "{:?}", output_text(&erased));
    let store = db.open();
    let after = store.candidate(jose.id).unwrap().unwrap();
    assert!(
        after.custom.is_empty() && after.external_ids.is_empty(),
        "{after:?}"
    );
    let mut images = 0;
    for event in store.events_of(jose.id, usize::MAX).unwrap() {
        for image in event.kind.candidate_images().into_iter().flatten() {
            images += 1;
            assert!(
                image.custom.is_empty() && image.external_ids.is_empty(),
                "{image:?}"
            );
        }
    }
    assert!(images > 0, "the second import's update kept images");
    assert!(store.check().unwrap().problems.is_empty());
    drop(store);
    let found = hireterm_on(&db.path(), &["search", "green card", "--json"]);
    assert!(!String::from_utf8_lossy(&found.stdout).contains(&id));
    let export = hireterm_on(&db.path(), &["export", "--format", "json"]);
    let export = String::from_utf8_lossy(&export.stdout);
    assert!(
        !export.contains("Green card") && !export.contains("48213"),
        "{export}"
    );
}
