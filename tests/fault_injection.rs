//! I/O errors and full disks injected into real hireterm processes, for
//! every write path and every failing call (see `fault/`): the command
//! either succeeds or fails with a clear message, and afterwards the
//! database opens, passes `check`, and holds every acknowledged write.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod fault;

use common::*;
use fault::{Armed, CALLS, Fault};
use hireterm::domain::{CandidateId, EngagementId, Stage};
use hireterm::store::Store;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// A demo database, built once and copied for every case.
struct Template {
    _dir: tempfile::TempDir,
    db: PathBuf,
    /// A card in Screening: (engagement, candidate).
    card: (EngagementId, CandidateId),
    candidates: usize,
}

fn template() -> &'static Template {
    static TEMPLATE: OnceLock<Template> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db");
        let out = hireterm_on(&db, &["demo", "--candidates", "30", "--seed", "3"]);
        assert!(out.status.success(), "{:?}", output_text(&out));
        let store = Store::open(&db).unwrap();
        let card = store
            .applications()
            .unwrap()
            .into_iter()
            .find(|a| a.stage == Stage::Screening)
            .map(|a| (a.engagement, a.candidate))
            .unwrap();
        let candidates = store.candidate_count();
        drop(store);
        Template {
            _dir: dir,
            db,
            card,
            candidates,
        }
    })
}

/// One case's own copy of the template, in a folder of its own: faults
/// count on every file under that folder (the lock, scratch, backups).
struct Case {
    dir: tempfile::TempDir,
    db: PathBuf,
}

impl Case {
    fn new() -> Case {
        let dir = fault::scratch_dir();
        let db = dir.path().join("db");
        copy_folder(&template().db, &db);
        Case { dir, db }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = hireterm();
        command.args(args).arg("--db").arg(&self.db);
        command
    }

    /// Opens the database after the fault: it must pass `check`.
    fn open_checked(&self, label: &str) -> Store {
        let out = hireterm_on(&self.db, &["check"]);
        let (stdout, stderr) = output_text(&out);
        assert!(
            out.status.success() && stdout.contains("no problems found"),
            "{label}: the database does not pass check afterwards:\n{stdout}\n{stderr}"
        );
        let store = Store::open(&self.db).unwrap();
        assert!(
            store.candidate_count() >= template().candidates,
            "{label}: records were lost"
        );
        store
    }
}

/// Runs `command` under every fault at a sample of positions and hands
/// each outcome (did the command report success?) to `verify`.
fn sweep(
    name: &str,
    command: impl Fn(&Case) -> Command,
    verify: impl Fn(&Case, &Store, bool, &str),
) {
    let Some(shim) = fault::shim() else {
        return;
    };
    for call in CALLS {
        let faults: &[Fault] = match call {
            "write" | "sync" => &[Fault::Once, Fault::Full],
            _ => &[Fault::Once],
        };
        for fault in faults {
            let case = Case::new();
            let counting = Armed {
                shim,
                under: case.dir.path(),
                call,
                nth: 0,
                fault: *fault,
            };
            let (out, count) = counting.run(command(&case));
            assert!(out.status.success(), "{name}: {:?}", output_text(&out));
            let mut refused = 0;
            let sampled = fault::sample(count);
            for &nth in &sampled {
                let case = Case::new();
                let armed = Armed {
                    nth,
                    under: case.dir.path(),
                    ..counting
                };
                let (out, _) = armed.run(command(&case));
                let label = format!("{name}, {call} #{nth} of {count} failing ({fault:?})");
                if !out.status.success() {
                    fault::assert_clear_failure(&out, &label);
                    if *fault == Fault::Full {
                        fault::assert_names_full_disk(&out, &label);
                    }
                    refused += 1;
                }
                let store = case.open_checked(&label);
                verify(&case, &store, out.status.success(), &label);
            }
            eprintln!(
                "{name}: {call} ({fault:?}): {count} calls, {} runs, {refused} refused",
                sampled.len()
            );
        }
    }
}

#[test]
fn a_note_is_kept_if_acknowledged_whatever_call_fails() {
    sweep(
        "note",
        |case| case.command(&["note", "--candidate", "1", "the fault-injection note"]),
        |_, store, acknowledged, label| {
            let kept = store
                .notes_of(CandidateId(1))
                .unwrap()
                .iter()
                .any(|n| n.text == "the fault-injection note");
            assert!(
                kept || !acknowledged,
                "{label}: an acknowledged note was lost"
            );
        },
    );
}

#[test]
fn a_move_is_kept_if_acknowledged_whatever_call_fails() {
    let (engagement, candidate) = template().card;
    let (e, c) = (engagement.to_string(), candidate.to_string());
    sweep(
        "move",
        |case| {
            case.command(&[
                "move",
                "--engagement",
                &e,
                "--candidate",
                &c,
                "--to",
                "technical",
            ])
        },
        |_, store, acknowledged, label| {
            let stage = store
                .application(engagement, candidate)
                .unwrap()
                .unwrap()
                .stage;
            assert!(
                stage == Stage::TechnicalInterview || (!acknowledged && stage == Stage::Screening),
                "{label}: stage is {stage:?}"
            );
        },
    );
}

#[test]
fn an_added_candidate_is_kept_if_acknowledged_whatever_call_fails() {
    sweep(
        "add",
        |case| case.command(&["add", "--name", "Faulty Fay", "--email", "fay@example.com"]),
        |_, store, acknowledged, label| {
            let kept = store.candidate_by_email("fay@example.com").unwrap();
            assert!(
                kept.is_some() || !acknowledged,
                "{label}: the candidate was lost"
            );
        },
    );
}

fn import_file(dir: &Path) -> PathBuf {
    let file = dir.join("people.csv");
    let rows: String = (0..20)
        .map(|i| format!("Imported Person {i},imported{i}@example.com\n"))
        .collect();
    std::fs::write(&file, format!("name,email\n{rows}")).unwrap();
    file
}

#[test]
fn an_import_is_all_or_nothing_whatever_call_fails() {
    let csv_dir = tempfile::tempdir().unwrap();
    let csv = import_file(csv_dir.path());
    sweep(
        "import",
        |case| {
            let mut command = case.command(&["import"]);
            command.arg(&csv);
            command
        },
        |_, store, acknowledged, label| {
            let found = (0..20)
                .filter(|i| {
                    let email = format!("imported{i}@example.com");
                    store.candidate_by_email(&email).unwrap().is_some()
                })
                .count();
            assert!(
                found == 20 || (!acknowledged && found == 0),
                "{label}: {found} of 20 rows are there"
            );
        },
    );
}

#[test]
fn a_backup_is_whole_or_absent_whatever_call_fails() {
    sweep(
        "backup",
        |case| {
            let target = case.dir.path().join("backup");
            let mut command = case.command(&["backup"]);
            command.arg(target);
            command
        },
        |case, _, acknowledged, label| {
            let target = case.dir.path().join("backup");
            if acknowledged {
                let copy = Store::open(&target).unwrap();
                assert_eq!(copy.candidate_count(), template().candidates, "{label}");
                return;
            }
            if target.exists() {
                let out = Command::new(env!("CARGO_BIN_EXE_hireterm"))
                    .arg("restore")
                    .arg(&target)
                    .arg("--force")
                    .arg("--db")
                    .arg(case.dir.path().join("elsewhere"))
                    .output()
                    .unwrap();
                let copy = Store::open(case.dir.path().join("elsewhere")).unwrap();
                assert!(
                    !out.status.success() || copy.candidate_count() == template().candidates,
                    "{label}: a half-made backup was restored"
                );
            }
        },
    );
}

#[test]
fn a_restore_replaces_the_database_whole_or_not_at_all_whatever_call_fails() {
    let backup_dir = tempfile::tempdir().unwrap();
    let backup = backup_dir.path().join("backup");
    {
        let case = Case::new();
        let out = hireterm_on(
            &case.db,
            &["note", "--candidate", "2", "only in the backup"],
        );
        assert!(out.status.success(), "{:?}", output_text(&out));
        let out = hireterm_on(&case.db, &["backup", backup.to_str().unwrap()]);
        assert!(out.status.success(), "{:?}", output_text(&out));
    }
    sweep(
        "restore",
        |case| {
            let mut command = case.command(&["restore", "--force"]);
            command.arg(&backup);
            command
        },
        |_, store, acknowledged, label| {
            let restored = store
                .notes_of(CandidateId(2))
                .unwrap()
                .iter()
                .any(|n| n.text == "only in the backup");
            assert!(restored || !acknowledged, "{label}: the restore was lost");
        },
    );
}
