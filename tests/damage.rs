//! The damage suite: byte flips, zeroed pages and truncations at many
//! offsets in every file of a database, with the file times put back, in
//! a cleanly closed database and in one whose writer was killed. Each case
//! runs the real binary (`check`) under a timeout and must end one of two
//! ways: refused, in words, with every file byte-for-byte as it was; or
//! opened, holding every note that was acknowledged. None may hang.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "damage/mutate.rs"]
mod mutate;

use common::*;
use hireterm::domain::CandidateId;
use hireterm::store::Store;
use mutate::Damage;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const NOTES: usize = 40;
const CHILD_ENV: &str = "HIRETERM_DAMAGE_CHILD_DB";
/// The binary's own open deadline, short so a spinning case ends soon.
const OPEN_DEADLINE_SECS: &str = "4";
/// The test's bound on one run: far above the open deadline.
/// A case slower than this is named in the output.
const SLOW_CASE: Duration = Duration::from_secs(2);
const RUN_LIMIT: Duration = Duration::from_secs(40);

/// A database and what was acknowledged in it.
struct Base {
    dir: TempDb,
    candidate: CandidateId,
    notes: Vec<String>,
}

fn note_text(i: usize) -> String {
    format!("acknowledged note number {i}")
}

/// Closed cleanly after its last note.
fn clean_base() -> Base {
    let dir = TempDb::new();
    let store = dir.open();
    let candidate = store
        .add_candidate(candidate("Ada", "ada@example.com"), &stamp())
        .unwrap()
        .id;
    let notes: Vec<String> = (0..NOTES).map(note_text).collect();
    for text in &notes {
        store.add_note(candidate, None, text, &stamp()).unwrap();
    }
    store.close().unwrap();
    Base {
        dir,
        candidate,
        notes,
    }
}

/// The child's side of `crashed_base`: not a test of its own (see
/// tests/crash.rs for why it is one); run by hand, it fails.
#[test]
#[ignore = "the child process of the damage suite's crashed database"]
fn damage_child() {
    let path = std::env::var(CHILD_ENV).expect("run only by the damage suite");
    let store = Store::open(&path).unwrap();
    let added = store
        .add_candidate(candidate("Ada", "ada@example.com"), &stamp())
        .unwrap()
        .id;
    println!("candidate {}", added.0);
    for i in 0..NOTES {
        store
            .add_note(added, None, &note_text(i), &stamp())
            .unwrap();
        println!("acked {i}");
    }
    println!("ready");
    std::thread::sleep(Duration::from_secs(600));
}

/// Killed with SIGKILL after acknowledging every note: no clean close.
fn crashed_base() -> Base {
    let dir = TempDb::new();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--ignored", "--exact", "damage_child", "--nocapture"])
        .env(CHILD_ENV, dir.path())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let (mut candidate, mut notes) = (None, Vec::new());
    for line in lines.map_while(Result::ok) {
        if let Some(id) = line.strip_prefix("candidate ") {
            candidate = Some(CandidateId(id.parse().unwrap()));
        } else if let Some(i) = line.strip_prefix("acked ") {
            notes.push(note_text(i.parse().unwrap()));
        } else if line == "ready" {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(notes.len(), NOTES, "the child stopped early");
    Base {
        dir,
        candidate: candidate.unwrap(),
        notes,
    }
}

/// One damaged copy of a base, and how its run ended.
struct Case<'a> {
    base: &'a Base,
    file: String,
    damage: Damage,
}

enum Ending {
    Refused,
    Opened,
}

impl Case<'_> {
    fn name(&self) -> String {
        format!("`{}` {}", self.file, self.damage)
    }

    /// Damages a copy, runs `check` on it and judges the result.
    fn run(&self) -> Result<Ending, String> {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db");
        copy_folder(&self.base.dir.path(), &db);
        mutate::apply(&db.join(&self.file), self.damage);
        let before = snapshot_files(&db);
        let (ok, stderr) = run_check(&db)?;
        if !ok {
            return self.judge_refusal(&db, &before, &stderr);
        }
        self.judge_opened(&db)
    }

    fn judge_refusal(
        &self,
        db: &Path,
        before: &[(PathBuf, Vec<u8>)],
        stderr: &str,
    ) -> Result<Ending, String> {
        if stderr.trim().is_empty() || stderr.contains("panicked") || stderr.contains("Os {") {
            return Err(format!("refused without a clear message: {stderr:?}"));
        }
        if snapshot_files(db) != before {
            return Err(format!(
                "refused, but its files changed ({})",
                stderr.trim()
            ));
        }
        Ok(Ending::Refused)
    }

    fn judge_opened(&self, db: &Path) -> Result<Ending, String> {
        let store = Store::open(db).map_err(|e| format!("`check` passed, then: {e}"))?;
        let kept: Vec<String> = store
            .notes_of(self.base.candidate)
            .map_err(|e| e.to_string())?
            .into_iter()
            .map(|n| n.text)
            .collect();
        let lost = self.base.notes.iter().filter(|n| !kept.contains(n)).count();
        store.close().map_err(|e| e.to_string())?;
        match lost {
            0 => Ok(Ending::Opened),
            n => Err(format!(
                "opened and `check` passed, but {n} acknowledged notes are gone"
            )),
        }
    }
}

/// Runs `hireterm check` on `db` within `RUN_LIMIT`: (passed, stderr).
fn run_check(db: &Path) -> Result<(bool, String), String> {
    let mut child = hireterm()
        .arg("--db")
        .arg(db)
        .arg("check")
        .env("HIRETERM_OPEN_TIMEOUT_SECS", OPEN_DEADLINE_SECS)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > RUN_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("still running after {}s", RUN_LIMIT.as_secs()));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    Ok((out.status.success(), output_text(&out).1))
}

/// Every case for every file of `base`.
fn cases(base: &Base) -> Vec<Case<'_>> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(base.dir.path()).unwrap() {
        let entry = entry.unwrap();
        if !entry.file_type().unwrap().is_file() {
            continue;
        }
        let file = entry.file_name().to_string_lossy().into_owned();
        let spread = if file == "db" { 40 } else { 8 };
        let len = entry.metadata().unwrap().len();
        for damage in mutate::damages_for(len, spread) {
            all.push(Case {
                base,
                file: file.clone(),
                damage,
            });
        }
    }
    all
}

type Judged = (String, Result<Ending, String>);

fn run_all(cases: &[Case<'_>]) -> Vec<Judged> {
    cases
        .iter()
        .map(|c| {
            let started = Instant::now();
            let judged = c.run();
            if started.elapsed() > SLOW_CASE {
                eprintln!("{} took {:.1?}", c.name(), started.elapsed());
            }
            (c.name(), judged)
        })
        .collect()
}

/// Runs every case on two threads; fails listing each case that broke a rule.
fn sweep(base: &Base, label: &str) {
    let all = cases(base);
    let results: Vec<(String, Result<Ending, String>)> = std::thread::scope(|scope| {
        let halves: Vec<_> = all
            .chunks(all.len().div_ceil(2))
            .map(|chunk| scope.spawn(move || run_all(chunk)))
            .collect();
        halves
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect::<Vec<_>>()
    });
    let refused = results
        .iter()
        .filter(|(_, r)| matches!(r, Ok(Ending::Refused)))
        .count();
    let opened = results
        .iter()
        .filter(|(_, r)| matches!(r, Ok(Ending::Opened)))
        .count();
    eprintln!(
        "{label}: {} cases, {refused} refused untouched, {opened} opened whole",
        results.len()
    );
    let broken: Vec<String> = results
        .into_iter()
        .filter_map(|(name, r)| r.err().map(|why| format!("{name}: {why}")))
        .collect();
    assert!(broken.is_empty(), "{label}:\n{}", broken.join("\n"));
}

#[test]
fn damage_to_a_cleanly_closed_database_is_refused_untouched_or_harmless() {
    sweep(&clean_base(), "clean");
}

#[test]
fn damage_to_a_crashed_database_is_refused_untouched_or_harmless() {
    sweep(&crashed_base(), "crashed");
}
