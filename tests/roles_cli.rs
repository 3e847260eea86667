//! The command line under the local user's role (`[access]` in
//! config.toml): refused commands say so and change nothing; an
//! interviewer's note and a guest's answer only on their own records;
//! `engagement assign`; and `hireterm audit`, the log of everything done
//! to (and every look at) one person, exports included.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::domain::access::{Act, Role};
use hireterm::domain::{EngagementId, Submittal};
use std::path::Path;

/// A demo database (closed) and a config folder of its own.
struct Setup {
    db: TempDb,
    config: tempfile::TempDir,
    engagement: EngagementId,
    waiting: Submittal,
    client: String,
}

fn setup() -> Setup {
    let db = TempDb::new();
    let store = demo_store(&db, 60, 4);
    let waiting = (store.submittals().unwrap().into_iter())
        .find(|s| s.answers.is_empty())
        .unwrap();
    let client = store.client(waiting.client).unwrap().unwrap().name;
    drop(store);
    Setup {
        db,
        config: tempfile::tempdir().unwrap(),
        engagement: waiting.engagement,
        waiting,
        client,
    }
}

impl Setup {
    /// Runs hireterm as `actor` with `role` in config.toml.
    fn run(&self, role: &str, actor: &str, args: &[&str]) -> (bool, String, String) {
        let config = format!("[access]\nrole = \"{role}\"\n");
        std::fs::write(self.config.path().join("config.toml"), config).unwrap();
        let out = hireterm()
            .env("HIRETERM_CONFIG_DIR", self.config.path())
            .arg("--db")
            .arg(self.db.path())
            .args(["--as", actor])
            .args(args)
            .output()
            .unwrap();
        let (stdout, stderr) = output_text(&out);
        (out.status.success(), stdout, stderr)
    }

    fn files(&self) -> Vec<(std::path::PathBuf, Vec<u8>)> {
        snapshot_files(&self.db.path())
    }
}

#[test]
fn commands_the_local_role_may_not_run_are_refused_and_change_nothing() {
    let s = setup();
    let e = s.engagement.to_string();
    let c = s.waiting.candidate.to_string();
    let backup = s.config.path().join("backup");
    let backup = backup.to_str().unwrap();
    let cases: [(&str, Act, Vec<&str>); 7] = [
        (
            "viewer",
            Act::Move,
            vec![
                "move",
                "--engagement",
                &e,
                "--candidate",
                &c,
                "--to",
                "next",
            ],
        ),
        (
            "interviewer",
            Act::Move,
            vec![
                "reject",
                "--engagement",
                &e,
                "--candidate",
                &c,
                "--reason",
                "x",
            ],
        ),
        (
            "client:Acme",
            Act::Note,
            vec!["note", "--candidate", &c, "hello"],
        ),
        ("interviewer", Act::Export, vec!["export"]),
        ("viewer", Act::Backup, vec!["backup", backup]),
        ("recruiter", Act::Restore, vec!["restore", backup]),
        (
            "viewer",
            Act::Submit,
            vec!["submit", "--engagement", &e, &c],
        ),
    ];
    let before = s.files();
    for (role, act, args) in cases {
        let (ok, _, stderr) = s.run(role, "ana", &args);
        assert!(!ok, "{role} {args:?}");
        let refusal = Role::parse(role).unwrap().refusal(act);
        assert!(stderr.contains(&refusal), "{role} {args:?}: {stderr}");
    }
    assert!(
        before == s.files(),
        "the database is byte for byte as it was"
    );
    let (ok, _, stderr) = s.run("boss", "ana", &["export"]);
    assert!(!ok);
    assert!(stderr.contains("`boss` is not a role"), "{stderr}");
    assert!(
        stderr.contains("A viewer may not export records"),
        "{stderr}"
    );
}

#[test]
fn an_interviewer_notes_only_on_their_cards_and_a_guest_answers_only_its_own() {
    let s = setup();
    let e = s.engagement.to_string();
    let (ok, out, err) = s.run(
        "admin",
        "ana",
        &["engagement", "assign", &e, "--interviewer", "bob"],
    );
    assert!(ok, "{err}");
    assert!(out.contains(&format!("bob assigned to {e}")), "{out}");
    let (ok, _, err) = s.run(
        "admin",
        "ana",
        &["engagement", "assign", &e, "--interviewer", "BOB"],
    );
    assert!(!ok && err.contains("already assigned"), "{err}");
    let mine = s.waiting.candidate.to_string();
    let (ok, _, err) = s.run(
        "interviewer",
        "bob",
        &["note", "--candidate", &mine, "--engagement", &e, "fine"],
    );
    assert!(ok, "{err}");
    let store = s.db.open();
    let other = (store.applications().unwrap().into_iter())
        .find(|a| {
            a.engagement != s.engagement
                && store
                    .application(s.engagement, a.candidate)
                    .unwrap()
                    .is_none()
        })
        .unwrap();
    let elsewhere = (store.submittals().unwrap().into_iter())
        .find(|x| x.client != s.waiting.client)
        .unwrap();
    drop(store);
    let theirs = other.candidate.to_string();
    let (ok, _, err) = s.run(
        "interviewer",
        "bob",
        &["note", "--candidate", &theirs, "more"],
    );
    assert!(
        !ok && err.contains("not in an engagement bob is assigned to"),
        "{err}"
    );
    let guest = format!("client:{}", s.client.to_lowercase());
    let (ok, _, err) = s.run(
        &guest,
        "jane",
        &["answer", &elsewhere.id.to_string(), "hold"],
    );
    assert!(
        !ok && err.contains(&format!("is not {}'s", s.client.to_lowercase())),
        "{err}"
    );
    let (ok, out, err) = s.run(
        &guest,
        "jane",
        &["answer", &s.waiting.id.to_string(), "hold"],
    );
    assert!(ok, "{err}");
    assert!(out.contains("on hold"), "{out}");
    let (ok, out, _) = s.run(
        "recruiter",
        "rui",
        &[
            "engagement",
            "assign",
            &e,
            "--interviewer",
            "bob",
            "--remove",
        ],
    );
    assert!(ok && out.contains("its interviewers: none"), "{out}");
    let store = s.db.open();
    assert!(
        store
            .assignment(s.engagement)
            .unwrap()
            .interviewers
            .is_empty()
    );
}

#[test]
fn audit_lists_what_was_done_to_a_person_and_who_looked_oldest_first() {
    let s = setup();
    let c = s.waiting.candidate;
    let store = s.db.open();
    store
        .record_view(c, &hireterm::domain::Stamp::new(now(), "vic"))
        .unwrap();
    drop(store);
    let out_file = s.config.path().join("all.json");
    let (ok, _, err) = s.run(
        "admin",
        "ana",
        &["export", "--out", out_file.to_str().unwrap()],
    );
    assert!(ok, "{err}");
    let (ok, out, err) = s.run(
        "recruiter",
        "rui",
        &["audit", "--candidate", &c.to_string()],
    );
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with(&format!("{c} ")), "{out}");
    let at = |what: &str| {
        lines
            .iter()
            .position(|l| l.contains(what))
            .unwrap_or_else(|| panic!("{what}: {out}"))
    };
    let (sent, opened, exported) = (
        at("sent the profile"),
        at("vic  opened the record"),
        at("ana  exported every record (export as json to"),
    );
    at("added the record");
    assert!(sent < opened && opened < exported, "{out}");
    let times: Vec<&str> = lines[1..].iter().map(|l| &l[..19]).collect();
    assert!(
        times.windows(2).all(|w| w[0] <= w[1]),
        "oldest first: {out}"
    );
    let (ok, _, err) = s.run("viewer", "vic", &["audit", "--candidate", &c.to_string()]);
    assert!(
        !ok && err.contains("A viewer may not export records"),
        "{err}"
    );
    let (ok, json, _) = s.run(
        "admin",
        "ana",
        &["audit", "--candidate", &c.to_string(), "--json"],
    );
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(ok && rows.as_array().unwrap().len() == lines.len() - 1);
    assert!(Path::new(&out_file).exists());
}
