//! What each layout's test expects of the people in its file, and the
//! checks every layout goes through: the import (a real process, on a
//! real database), each value where it should land, and the round trip
//! of export and import that must give the same bytes.

use crate::common::*;
use hireterm::domain::Candidate;
use std::path::{Path, PathBuf};

/// One person of a fixture, as hireterm must hold them.
#[derive(Debug, Default)]
pub struct Person {
    pub email: &'static str,
    pub name: &'static str,
    pub phone: Option<&'static str>,
    pub city: &'static str,
    pub country: &'static str,
    pub timezone: &'static str,
    pub company: &'static str,
    pub title: &'static str,
    /// Our source's label.
    pub source: &'static str,
    pub tags: &'static [&'static str],
    pub links: &'static [&'static str],
    /// `system:id`.
    pub ids: &'static [&'static str],
    pub custom: &'static [(&'static str, &'static str)],
    /// RFC 3339 with milliseconds, when the file gives it.
    pub created: Option<&'static str>,
    pub available: Option<&'static str>,
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/layouts")
        .join(name)
}

/// Runs `hireterm import` with `args`; whether it succeeded, and stdout
/// and stderr.
pub fn import(db: &TempDb, file: &Path, args: &[&str]) -> (bool, String, String) {
    let mut all = vec!["import", file.to_str().unwrap()];
    all.extend_from_slice(args);
    let out = hireterm_on(&db.path(), &all);
    let (stdout, stderr) = output_text(&out);
    (out.status.success(), stdout, stderr)
}

/// Imports the fixture `file` into an empty database, which must read it
/// with the layout `label` (recognised from its header), checks every
/// person, and the round trip of their custom fields.
pub fn imports_as(file: &str, label: &str, people: &[Person]) -> TempDb {
    let db = TempDb::new();
    let (ok, stdout, stderr) = import(&db, &fixture(file), &[]);
    assert!(ok, "{stdout}{stderr}");
    let recognised = format!("layout: {label}, recognised from the header");
    assert!(stdout.contains(&recognised), "{stdout}");
    assert!(
        stdout.contains(&format!("imported {} candidates", people.len())),
        "{stdout}"
    );
    holds(&db, people);
    round_trip(&db);
    db
}

/// The database holds these people, and no one else.
pub fn holds(db: &TempDb, people: &[Person]) {
    let store = db.open();
    assert_eq!(store.candidate_count(), people.len());
    for person in people {
        let found = store.candidate_by_email(person.email).unwrap();
        let candidate = found.unwrap_or_else(|| panic!("{} was not imported", person.email));
        check(&candidate, person);
    }
}

fn check(c: &Candidate, p: &Person) {
    let who = p.email;
    assert_eq!(c.name, p.name, "{who}");
    assert_eq!(c.phone.as_deref(), p.phone, "{who}");
    assert_eq!(
        (c.location.city.as_str(), c.location.country.as_str()),
        (p.city, p.country),
        "{who}"
    );
    assert_eq!(c.location.timezone, p.timezone, "{who}");
    assert_eq!(
        (c.company.as_str(), c.title.as_str()),
        (p.company, p.title),
        "{who}"
    );
    assert_eq!(c.source.label(), p.source, "{who}");
    assert_eq!(c.tags, p.tags, "{who}");
    assert_eq!(c.links, p.links, "{who}");
    let ids: Vec<String> = (c.external_ids.iter())
        .map(|e| format!("{}:{}", e.system, e.id))
        .collect();
    assert_eq!(ids, p.ids, "{who}");
    let custom: Vec<(&str, &str)> = (c.custom.iter())
        .map(|f| (f.name.as_str(), f.value.as_str()))
        .collect();
    assert_eq!(custom, p.custom, "{who}");
    if let Some(created) = p.created {
        let at = c
            .created_at
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        assert_eq!(at, created, "{who}");
    }
    let available = c.available_from.map(|d| d.to_string());
    assert_eq!(available.as_deref(), p.available, "{who}");
}

/// Export (CSV folder and JSON), import into an empty database, export
/// again: the same bytes, custom fields and all.
pub fn round_trip(db: &TempDb) {
    let files = tempfile::tempdir().unwrap();
    let export = |db: &TempDb, out: &Path, format: &str| {
        let out = out.to_str().unwrap();
        let done = hireterm_on(&db.path(), &["export", "--format", format, "--out", out]);
        assert!(done.status.success(), "{:?}", output_text(&done));
    };
    for (format, first, again, read) in [
        ("csv", "a", "b", "a/candidates.csv"),
        ("json", "a.json", "b.json", "a.json"),
    ] {
        export(db, &files.path().join(first), format);
        let copy = TempDb::new();
        let (ok, stdout, stderr) = import(&copy, &files.path().join(read), &[]);
        assert!(ok, "{stdout}{stderr}");
        export(&copy, &files.path().join(again), format);
        let bytes = |name: &str| {
            let path = files.path().join(name);
            let path = if format == "csv" {
                path.join("candidates.csv")
            } else {
                path
            };
            std::fs::read(path).unwrap()
        };
        let (before, after) = (bytes(first), bytes(again));
        assert!(
            before == after,
            "{format} export changed:\n{}\n---\n{}",
            String::from_utf8_lossy(&before),
            String::from_utf8_lossy(&after)
        );
    }
}
