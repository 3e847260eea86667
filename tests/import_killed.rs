//! An import killed half-way (SIGKILL, a real process) leaves nothing of
//! itself: the next open takes back what it wrote, the database holds
//! exactly what it held before, `check` passes, and running the import
//! again imports every row once. The process is stopped at a chosen point
//! (`HIRETERM_TEST_PAUSE`: after the journal, after a chunk, after the last
//! chunk, half-way through a rollback), then killed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::agency::add_agency_records;
use common::under::kill_at;
use common::*;
use hireterm::domain::Event;
use hireterm::interchange::export::export_json;
use hireterm::store::journal::PAUSE_ENV;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;

/// Rows in the files below: three chunks of a thousand.
const ROWS: usize = 3000;

/// A CSV of `rows` new candidates, `first` on in numbering.
fn candidates_csv(dir: &TempDb, first: usize, rows: usize) -> PathBuf {
    let mut text = String::from("name,email,city\n");
    for n in first..first + rows {
        text.push_str(&format!("Person {n},person{n}@example.com,Lisbon\n"));
    }
    let path = dir.dir.path().join(format!("rows-{first}.csv"));
    std::fs::write(&path, text).unwrap();
    path
}

fn import_args(file: &Path) -> Vec<&str> {
    vec!["import", file.to_str().unwrap()]
}

/// Everything the database holds: its export (every record with its id)
/// and its event log.
fn contents(db: &TempDb) -> (String, Vec<Event>) {
    let store = db.open();
    let mut out = Vec::new();
    export_json(&store, &mut out).unwrap();
    let events = store.events().unwrap();
    (String::from_utf8(out).unwrap(), events)
}

fn assert_checks(db: &TempDb) {
    let problems = db.open().check().unwrap().problems;
    assert!(problems.is_empty(), "{problems:?}");
}

/// Runs `args` on the database after an import of `file` was killed: the
/// open rolls it back, and the command says so once, on stderr, naming
/// what it took back. Its stdout.
///
/// A chunk is durable once sled flushes it (at the latest after the
/// last one, or every half second in the background): a process killed
/// after its second chunk may have left one, two or none of them on
/// disk, so what was taken back is one of `possible`.
fn reopen_says_rolled_back(db: &TempDb, args: &[&str], file: &Path, possible: &[&str]) -> String {
    let out = hireterm_on(&db.path(), args);
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stdout}{stderr}");
    assert_eq!(stderr.matches("was interrupted").count(), 1, "{stderr}");
    let name = file.display();
    let said = |rolled_back| {
        let notice = format!("the import of {name} was interrupted; {rolled_back}; run it again");
        stderr.contains(&notice)
    };
    assert!(possible.iter().any(said), "{stderr}");
    stdout
}

/// Runs the import again (after the open rolled it back): every row goes
/// in once.
fn rerun_imports_every_row_once(db: &TempDb, file: &Path) {
    let out = hireterm_on(&db.path(), &import_args(file));
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(!stderr.contains("interrupted"), "{stderr}");
    let store = db.open();
    assert_eq!(store.candidate_count(), ROWS);
    for n in [0, 999, 1000, ROWS - 1] {
        let email = format!("person{n}@example.com");
        assert!(store.candidate_by_email(&email).unwrap().is_some(), "{n}");
    }
    drop(store);
    assert_checks(db);
}

fn killed_into_an_empty_database(point: &str, rolled_back: &[&str]) {
    let db = TempDb::new();
    let file = candidates_csv(&db, 0, ROWS);
    kill_at(&db.path(), point, &import_args(&file));
    let stats = reopen_says_rolled_back(&db, &["stats"], &file, rolled_back);
    assert!(stats.contains("candidates    0\n"), "{stats}");
    let (export, events) = contents(&db);
    assert!(events.is_empty(), "{point}: {} events left", events.len());
    assert!(db.open().has_no_records().unwrap(), "{point}: {export}");
    assert_checks(&db);
    rerun_imports_every_row_once(&db, &file);
}

const NOTHING: &str = "what it had written was rolled back";
const THOUSAND: &str = "its 1000 candidates were rolled back";
const TWO_THOUSAND: &str = "its 2000 candidates were rolled back";

#[test]
fn killed_once_its_journal_is_written_it_leaves_nothing() {
    killed_into_an_empty_database("import:0", &[NOTHING]);
}

#[test]
fn killed_after_a_chunk_it_leaves_nothing() {
    killed_into_an_empty_database("import:1", &[NOTHING, THOUSAND]);
}

#[test]
fn killed_after_two_chunks_it_leaves_nothing() {
    killed_into_an_empty_database("import:2", &[NOTHING, THOUSAND, TWO_THOUSAND]);
}

#[test]
fn killed_after_its_last_chunk_but_before_it_committed_it_leaves_nothing() {
    // The last chunk is flushed before the commit: all of it is on disk.
    killed_into_an_empty_database("import:end", &["its 3000 candidates were rolled back"]);
}

#[test]
fn a_rollback_killed_half_way_is_finished_by_the_next_open() {
    let db = TempDb::new();
    let file = candidates_csv(&db, 0, ROWS);
    kill_at(&db.path(), "import:2", &import_args(&file));
    kill_at(&db.path(), "rollback", &["stats"]);
    let (_, events) = contents(&db);
    assert!(events.is_empty(), "{} events left", events.len());
    assert!(db.open().has_no_records().unwrap());
    assert_checks(&db);
}

/// A database in use: candidates, engagements, applications, notes,
/// clients, submittals and placements, all acknowledged. An import with
/// merges into it is killed; the database comes back as it was, to the
/// byte of every record and event.
#[test]
fn a_killed_import_touches_no_one_elses_writes_and_undoes_its_merges() {
    let db = TempDb::new();
    let store = demo_store(&db, 40, 3);
    add_agency_records(&store);
    let stored: Vec<_> = store.candidates().unwrap().into_iter().take(2).collect();
    drop(store);
    let before = contents(&db);
    // Two rows merge into stored candidates (each its own write), then
    // new rows follow in chunks.
    let mut text = String::from("name,email,city,tags\n");
    for (n, c) in stored.iter().enumerate() {
        text.push_str(&format!("Someone,{},Porto,merged{n}\n", c.email));
    }
    for n in 0..2500 {
        text.push_str(&format!("Person {n},person{n}@example.com,Lisbon,\n"));
    }
    let file = db.dir.path().join("merges.csv");
    std::fs::write(&file, text).unwrap();
    let args = ["import", file.to_str().unwrap(), "--on-duplicate", "merge"];
    kill_at(&db.path(), "import:4", &args);
    let after = contents(&db);
    assert!(before.0 == after.0, "the records differ after the rollback");
    assert!(before.1 == after.1, "the events differ after the rollback");
    assert_checks(&db);

    let out = hireterm_on(&db.path(), &args);
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(stdout.contains("imported 2500 candidates"), "{stdout}");
    assert!(stdout.contains("2 merged"), "{stdout}");
    let store = db.open();
    assert_eq!(store.candidate_count(), 40 + 2500);
    let merged = store.candidate(stored[1].id).unwrap().unwrap();
    assert!(merged.tags.contains(&"merged1".to_string()), "{merged:?}");
    drop(store);
    assert_checks(&db);
}

/// The rollback says what it took back, merges included, in the command
/// that opens the database next: here the import run again.
#[test]
fn the_rerun_says_what_was_rolled_back_before_it_imports() {
    let db = TempDb::new();
    let store = demo_store(&db, 10, 1);
    let stored = store.candidates().unwrap()[0].clone();
    drop(store);
    let mut text = format!("name,email\nSomeone,{}\n", stored.email);
    for n in 0..1500 {
        text.push_str(&format!("Person {n},person{n}@example.com\n"));
    }
    let file = db.dir.path().join("merge.csv");
    std::fs::write(&file, text).unwrap();
    let args = ["import", file.to_str().unwrap(), "--on-duplicate", "merge"];
    kill_at(&db.path(), "import:2", &args);
    // A merge is flushed as it is written (each is its own change).
    let rolled_back = [
        "its 1 merge was rolled back",
        "its 1000 candidates and 1 merge were rolled back",
    ];
    let stdout = reopen_says_rolled_back(&db, &args, &file, &rolled_back);
    assert!(stdout.contains("imported 1500 candidates"), "{stdout}");
    assert_eq!(db.open().candidate_count(), 10 + 1500);
    assert_checks(&db);
}

/// A whole export (clients, engagements, applications, submittals,
/// placements, notes) into an empty database, killed among its later
/// chunks, leaves the database empty; run again, it is all there.
#[test]
fn a_killed_whole_export_leaves_an_empty_database() {
    let source = TempDb::new();
    let store = demo_store(&source, 1200, 4);
    add_agency_records(&store);
    let file = source.dir.path().join("export.json");
    export_json(&store, std::fs::File::create(&file).unwrap()).unwrap();
    drop(store);
    let db = TempDb::new();
    kill_at(&db.path(), "import:3", &import_args(&file));
    let (_, events) = contents(&db);
    assert!(events.is_empty(), "{} events left", events.len());
    assert!(db.open().has_no_records().unwrap());
    assert_checks(&db);

    let out = hireterm_on(&db.path(), &import_args(&file));
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(stdout.contains("the ids in the file were kept"), "{stdout}");
    assert_eq!(contents(&db).0, contents(&source).0);
    assert_checks(&db);
}

/// Applications from another system, into engagements and candidates on
/// file: killed after a chunk, only the applications it opened go.
#[test]
fn a_killed_applications_import_takes_back_only_its_applications() {
    let db = TempDb::new();
    let store = demo_store(&db, 1500, 2);
    let engagement = store.engagements().unwrap()[0].id;
    let in_pipeline = store.pipeline(engagement).unwrap();
    let mut text = String::from("engagement,candidate,stage,date\n");
    let mut rows = 0;
    for candidate in store.candidates().unwrap() {
        if in_pipeline.iter().all(|a| a.candidate != candidate.id) {
            text.push_str(&format!(
                "{engagement},{},screening,2026-05-01\n",
                candidate.id
            ));
            rows += 1;
        }
    }
    assert!(rows > 1000, "{rows} rows make one chunk");
    drop(store);
    let file = db.dir.path().join("applications.csv");
    std::fs::write(&file, text).unwrap();
    let before = contents(&db);
    kill_at(&db.path(), "import:1", &import_args(&file));
    let after = contents(&db);
    assert!(before.0 == after.0, "the records differ after the rollback");
    assert!(before.1 == after.1, "the events differ after the rollback");
    assert_checks(&db);

    let out = hireterm_on(&db.path(), &import_args(&file));
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(
        stdout.contains(&format!("imported {rows} applications")),
        "{stdout}"
    );
    assert_checks(&db);
}

/// The engagements and clients an import created for its applications
/// (`--create-engagements`) go with them when it is killed.
#[test]
fn a_killed_import_takes_back_the_engagements_it_created() {
    let db = TempDb::new();
    let store = demo_store(&db, 12, 2);
    let emails: Vec<String> = (store.candidates().unwrap().into_iter())
        .take(3)
        .map(|c| c.email)
        .collect();
    drop(store);
    let mut text = String::from("job,client,candidate,stage,date\n");
    for email in &emails {
        text.push_str(&format!(
            "Rust Backend Lead,Nordwind Freight,{email},screening,2026-05-01\n"
        ));
    }
    let file = db.dir.path().join("history.csv");
    std::fs::write(&file, text).unwrap();
    let before = contents(&db);
    let mut args = import_args(&file);
    args.push("--create-engagements");
    kill_at(&db.path(), "import:1", &args);
    let after = contents(&db);
    assert!(before.0 == after.0, "the records differ after the rollback");
    assert!(before.1 == after.1, "the events differ after the rollback");
    assert_checks(&db);
}

/// An import that fails half-way in the process itself is rolled back
/// at once, and says so. Paused after its first chunk, its file changes
/// under it (row 2500 loses its email), as a file changed during an
/// import would; let go, it writes its second chunk, then meets the
/// change.
#[test]
fn an_import_that_fails_half_way_is_rolled_back_at_once() {
    let db = TempDb::new();
    let file = candidates_csv(&db, 0, ROWS);
    let mut child = hireterm()
        .arg("--db")
        .arg(db.path())
        .args(import_args(&file))
        .env(PAUSE_ENV, "import:1")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut first = String::new();
    stderr.read_line(&mut first).unwrap();
    assert!(first.contains("paused at import:1"), "{first}");
    // The same length, so that the reading goes on where it was.
    let text = std::fs::read_to_string(&file).unwrap();
    let changed = text.replace("person2500@example.com", "person2500_example.com");
    std::fs::write(&file, changed).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    std::io::Write::write_all(&mut stdin, b"go on\n").unwrap();
    let mut said = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut said).unwrap();
    assert!(!child.wait().unwrap().success(), "{said}");
    let name = file.display();
    let stopped = format!(
        "the import of {name} stopped; its 2000 candidates were rolled back, so nothing was imported"
    );
    assert!(said.contains(&stopped), "{said}");
    assert!(said.contains("line 2502 reads differently"), "{said}");
    let (_, events) = contents(&db);
    assert!(events.is_empty());
    assert!(db.open().has_no_records().unwrap());
    assert_checks(&db);
}

/// An import that meets a full disk (a small tmpfs; root only, see
/// `common::disk`) half-way stops with the disk named, in words. sled
/// takes no write after a full disk until it is reopened, so what the
/// import wrote is taken back by the next open, once there is room; then
/// the rerun imports every row once.
#[test]
fn an_import_that_meets_a_full_disk_says_so_and_leaves_nothing_once_there_is_room() {
    let Some(disk) = common::disk::SmallDisk::mount(24) else {
        return;
    };
    let db = TempDb::new();
    let file = candidates_csv(&db, 0, ROWS);
    let path = disk.path().join("db");
    drop(hireterm::store::Store::open(&path).unwrap());
    // Room for a chunk or two of the three.
    let filler = disk.fill(1 << 20);
    let out = hireterm_on(&path, &import_args(&file));
    let (stdout, stderr) = output_text(&out);
    assert!(!out.status.success(), "{stdout}");
    let stopped = format!("the import of {} stopped after writing ", file.display());
    assert!(stderr.contains(&stopped), "{stderr}");
    assert!(
        stderr.contains("the next command to open the database takes it back"),
        "{stderr}"
    );
    let full = format!("the disk holding {} is full", path.display());
    assert!(stderr.contains(&full), "{stderr}");
    for unclear in ["damaged", "Os {", "panicked", "kind: "] {
        assert!(!stderr.contains(unclear), "{stderr}");
    }

    std::fs::remove_file(filler).unwrap();
    let out = hireterm_on(&path, &["check"]);
    let (stdout, stderr) = output_text(&out);
    assert!(
        out.status.success() && stdout.contains("no problems found"),
        "{stdout}{stderr}"
    );
    assert!(stdout.contains("checked 0 candidates"), "{stdout}");
    assert!(stderr.contains("was interrupted"), "{stderr}");
    let out = hireterm_on(&path, &import_args(&file));
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stdout}{stderr}");
    let store = hireterm::store::Store::open(&path).unwrap();
    assert_eq!(store.candidate_count(), ROWS);
}
