//! `hireterm import` and `hireterm add` meeting a person twice: in the
//! same file, or already stored, refused unless skipped or merged, each
//! merge reported with the event `hireterm unmerge` takes back. Run as a
//! real process, each test on sled and on PostgreSQL
//! (`common/engines.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::engines::{EngineDb, hireterm_at, import_at as import, on_each_engine};
use common::*;
use hireterm::domain::{CandidateId, Level, SkillId};

#[test]
fn duplicates_within_the_file_name_the_earlier_line() {
    on_each_engine(duplicates_within_the_file_name_the_earlier_line_on);
}

fn duplicates_within_the_file_name_the_earlier_line_on(db: &EngineDb) {
    let file = db.write_file(
        "twice.csv",
        b"name,email,phone\n\
          Ana Silva,ana@example.com,+351 912 345 678\n\
          Ana S,ANA@Example.com ,\n\
          Silva Ana,other@example.com,912-345-678\n",
    );
    let (ok, stdout, _) = import(db, &file, &[]);
    assert!(!ok);
    assert!(
        stdout.contains("line 3: duplicate of line 2 (same email)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("line 4: duplicate of line 2 (same name and phone)"),
        "{stdout}"
    );
}

fn demo_with_one_known(db: &EngineDb) -> (CandidateId, String, String) {
    let store = demo_store(db, 30, 2);
    let known = store.candidate(CandidateId(5)).unwrap().unwrap();
    (known.id, known.name, known.email)
}

#[test]
fn rows_matching_stored_candidates_are_errors_unless_skipped_or_merged() {
    on_each_engine(rows_matching_stored_candidates_are_errors_unless_skipped_or_merged_on);
}

fn rows_matching_stored_candidates_are_errors_unless_skipped_or_merged_on(db: &EngineDb) {
    let (id, name, email) = demo_with_one_known(db);
    let text = format!(
        "name,email,tags,skills\nSomeone,{},imported,Rust:5\nNew Person,new@example.com,,\n",
        email.to_uppercase()
    );
    let file = db.write_file("dupes.csv", text.as_bytes());
    let (ok, stdout, _) = import(db, &file, &[]);
    assert!(!ok);
    let expected = format!("line 2: duplicate of {id} {name} (same email)");
    assert!(stdout.contains(&expected), "{stdout}");
    assert_eq!(db.open().candidate_count(), 30);

    let (ok, stdout, stderr) = import(db, &file, &["--on-duplicate", "skip"]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains(&format!("{expected}: skipped")), "{stdout}");
    let store = db.open();
    assert_eq!(store.candidate_count(), 31);
    assert!(
        !store
            .candidate(id)
            .unwrap()
            .unwrap()
            .tags
            .contains(&"imported".to_string())
    );
    drop(store);

    let file = db.write_file(
        "dupe.csv",
        text.lines()
            .take(2)
            .collect::<Vec<_>>()
            .join("\n")
            .as_bytes(),
    );
    let (ok, stdout, stderr) = import(db, &file, &["--on-duplicate", "merge"]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("(same email): merged as event V") && stdout.contains("1 merged"),
        "{stdout}"
    );
    let before = {
        let store = db.open();
        let merged = store.candidate(id).unwrap().unwrap();
        assert_eq!(merged.name, name, "the stored record keeps its name");
        assert!(merged.tags.contains(&"imported".to_string()));
        assert_eq!(merged.level(&SkillId::new("rust")), Level::new(5).unwrap());
        match &store.events_of(id, 1).unwrap()[0].kind {
            hireterm::domain::EventKind::CandidateMerged { before, .. } => (**before).clone(),
            other => panic!("{other:?}"),
        }
    };
    // The notice names the merge's event; unmerge takes it back.
    let event = stdout
        .lines()
        .find_map(|l| l.split("undo with hireterm unmerge ").nth(1))
        .unwrap()
        .trim()
        .to_string();
    let out = hireterm_at(db, &["unmerge", &event]);
    assert!(out.status.success(), "{:?}", output_text(&out));
    assert_eq!(db.open().candidate(id).unwrap().unwrap(), before);
}

#[test]
fn add_refuses_a_duplicate_unless_told_to_merge_and_unmerge_takes_it_back() {
    on_each_engine(add_refuses_a_duplicate_unless_told_to_merge_and_unmerge_takes_it_back_on);
}

fn add_refuses_a_duplicate_unless_told_to_merge_and_unmerge_takes_it_back_on(db: &EngineDb) {
    let first = hireterm_at(
        db,
        &[
            "add",
            "--name",
            "Ana Lima",
            "--email",
            "ana@x.io",
            "--phone",
            "+351 912 345 678",
        ],
    );
    assert!(first.status.success(), "{:?}", output_text(&first));
    // Same name and phone, another address: the same person.
    let again = [
        "add",
        "--name",
        "lima, ana",
        "--email",
        "ana@y.io",
        "--phone",
        "912-345-678",
        "--tag",
        "rust",
    ];
    let refused = hireterm_at(db, &again);
    let (_, stderr) = output_text(&refused);
    assert!(!refused.status.success());
    assert!(
        stderr.contains("Ana Lima is already stored (same name and phone)")
            && stderr.contains("--merge"),
        "{stderr}"
    );
    assert_eq!(db.open().candidate_count(), 1);

    let mut merge = again.to_vec();
    merge.push("--merge");
    let merged = hireterm_at(db, &merge);
    let (stdout, _) = output_text(&merged);
    assert!(merged.status.success(), "{stdout}");
    let ana = db.open().candidate_by_email("ana@x.io").unwrap().unwrap();
    assert_eq!(ana.tags, vec!["rust"]);
    assert!(ana.links.contains(&"mailto:ana@y.io".to_string()));
    let event = stdout
        .split('`')
        .nth(1)
        .unwrap()
        .split_whitespace()
        .last()
        .unwrap()
        .to_string();
    let undone = hireterm_at(db, &["unmerge", &event]);
    assert!(undone.status.success(), "{:?}", output_text(&undone));
    let ana = db.open().candidate_by_email("ana@x.io").unwrap().unwrap();
    assert!(ana.tags.is_empty() && ana.links.is_empty());
    let twice = hireterm_at(db, &["unmerge", &event]);
    assert!(!twice.status.success(), "a merge is undone once");
}

#[test]
fn a_merge_that_would_overflow_a_list_is_refused_before_anything_is_written() {
    on_each_engine(a_merge_that_would_overflow_a_list_is_refused_before_anything_is_written_on);
}

fn a_merge_that_would_overflow_a_list_is_refused_before_anything_is_written_on(db: &EngineDb) {
    let mut full = candidate("Ana Lima", "ana@x.io");
    full.tags = (0..200).map(|i| format!("t{i}")).collect();
    db.open().add_candidate(full, &stamp()).unwrap();
    let file = db.write_file(
        "more.csv",
        b"name,email,tags\nNew Person,new@x.io,\nAna L,ana@x.io,one more\n",
    );
    let merge = ["--on-duplicate", "merge"];
    let (ok, stdout, _) = import(db, &file, &[&merge[..], &["--dry-run"]].concat());
    assert!(!ok, "{stdout}");
    assert!(
        stdout.contains("line 3: ") && stdout.contains("201 tags is more than 200"),
        "{stdout}"
    );
    let (ok, stdout, stderr) = import(db, &file, &merge);
    assert!(!ok, "{stdout}");
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    assert_eq!(db.open().candidate_count(), 1, "nothing was written");
    let (ok, stdout, stderr) = import(db, &file, &[&merge[..], &["--skip-invalid"]].concat());
    assert!(ok, "{stdout}{stderr}");
    let store = db.open();
    assert_eq!(store.candidate_count(), 2);
    let ana = store.candidate_by_email("ana@x.io").unwrap().unwrap();
    assert_eq!(ana.tags.len(), 200);
}

#[test]
fn each_merge_is_reported_with_its_own_event_to_undo_it_by() {
    on_each_engine(each_merge_is_reported_with_its_own_event_to_undo_it_by_on);
}

fn each_merge_is_reported_with_its_own_event_to_undo_it_by_on(db: &EngineDb) {
    let store = demo_store(db, 30, 2);
    let (one, two) = (
        store.candidate(CandidateId(3)).unwrap().unwrap(),
        store.candidate(CandidateId(9)).unwrap().unwrap(),
    );
    drop(store);
    let text = format!(
        "name,email,tags\nX,{},first\nNew Person,new@example.com,\nY,{},second\n",
        one.email, two.email
    );
    let file = db.write_file("merges.csv", text.as_bytes());
    let (ok, stdout, stderr) = import(db, &file, &["--on-duplicate", "merge", "--dry-run"]);
    assert!(ok, "{stderr}");
    assert!(
        !stdout.contains("merged as event"),
        "a dry run merges nothing: {stdout}"
    );
    let (ok, stdout, stderr) = import(db, &file, &["--on-duplicate", "merge"]);
    assert!(ok, "{stderr}");
    let mut events = Vec::new();
    for (line, who) in [(2, &one), (4, &two)] {
        let prefix = format!(
            "line {line}: duplicate of {} {} (same email): merged as event V",
            who.id, who.name
        );
        let notice = stdout
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("no {prefix:?} in\n{stdout}"));
        let event = notice[prefix.len() - 1..].split(';').next().unwrap();
        assert!(
            notice.ends_with(&format!("; undo with hireterm unmerge {event}")),
            "{notice}"
        );
        events.push(event.to_string());
    }
    assert!(!stdout.contains(" to V"), "no range of events: {stdout}");
    for event in events.iter().rev() {
        let out = hireterm_at(db, &["unmerge", event]);
        assert!(out.status.success(), "{event}: {:?}", output_text(&out));
    }
    let store = db.open();
    assert_eq!(store.candidate(one.id).unwrap().unwrap(), one);
    assert_eq!(store.candidate(two.id).unwrap().unwrap(), two);
    drop(store);
    let help = output_text(&hireterm_at(db, &["unmerge", "--help"])).0;
    assert!(help.contains("V123") && !help.contains("E123"), "{help}");
}
