//! `hireterm erase` on PostgreSQL: an update or delete leaves the old
//! row in the table's files until a vacuum, so the erasure's rewrite
//! there is `VACUUM FULL` at the close (`store/compact_postgres.rs`), as
//! on a folder it is a fresh copy. Shown on the files themselves: the
//! person's name is in the database's files after the erasure's own
//! transaction and in none of them after the close. The server's
//! write-ahead log is not read: it holds the name until PostgreSQL
//! recycles it (the README says so). Skipped without a test server,
//! except under CI.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::keys::files_holding;
use common::postgres::{PgDb, admin};
use common::{candidate, hireterm_on, output_text, stamp};
use hireterm::store::Store;
use std::path::{Path, PathBuf};

const NAME: &str = "Zebulon Quartermaine";

/// The folder of the test database's own tables in the server's data
/// directory, its dirty pages written out first.
fn table_files(address: &str) -> PathBuf {
    let mut client = admin(address);
    client.batch_execute("CHECKPOINT").unwrap();
    let data: String = client.query_one("SHOW data_directory", &[]).unwrap().get(0);
    let sql = "SELECT oid::bigint FROM pg_database WHERE datname = current_database()";
    let oid: i64 = client.query_one(sql, &[]).unwrap().get(0);
    Path::new(&data).join("base").join(oid.to_string())
}

#[test]
fn an_erased_name_is_in_no_table_file_once_the_database_is_closed() {
    let Some(pg) = PgDb::new() else { return };
    let store = Store::open(&pg.address).unwrap();
    let person = candidate(NAME, "zebulon@example.com");
    let person = store.add_candidate(person, &stamp()).unwrap();
    let mut moved = person.clone();
    moved.phone = Some("+351 912 345 678".into());
    store.update_candidate(&moved, &stamp()).unwrap();
    let note = format!("{NAME} asks for remote work");
    store.add_note(person.id, None, &note, &stamp()).unwrap();
    store
        .erase_candidate(person.id, "request R-7", &stamp())
        .unwrap();
    assert!(store.compaction_pending().unwrap());
    // The erasure's own transaction leaves the old rows in the files: what
    // the rewrite is for (and what makes this test able to fail).
    let before = files_holding(&table_files(&pg.address), NAME);
    assert!(
        !before.is_empty(),
        "the old rows are in no file before the rewrite"
    );

    let rewritten = store.close_rewriting().unwrap();
    assert!(rewritten.is_some(), "the close made the rewrite");
    let after = files_holding(&table_files(&pg.address), NAME);
    assert_eq!(after, Vec::<String>::new(), "files still holding the name");

    let out = hireterm_on(Path::new(&pg.address), &["check"]);
    let (text, err) = output_text(&out);
    assert!(out.status.success(), "{text}{err}");
    assert!(
        text.contains("0 remnants") && text.contains("no problems found"),
        "{text}"
    );
    let again = Store::open(&pg.address).unwrap();
    assert!(!again.compaction_pending().unwrap());
    assert!(
        again.erased_match(&person).unwrap().is_some(),
        "the tombstone stays"
    );
}

#[test]
fn the_command_erases_and_rewrites_in_one_run() {
    let Some(pg) = PgDb::new() else { return };
    let store = Store::open(&pg.address).unwrap();
    let person = candidate(NAME, "zebulon@example.com");
    let person = store.add_candidate(person, &stamp()).unwrap();
    drop(store);
    let id = person.id.0.to_string();
    let args = [
        "erase",
        "--candidate",
        &id,
        "--reason",
        "request R-8",
        "--as",
        "admin",
    ];
    let out = hireterm_on(Path::new(&pg.address), &args);
    let (text, err) = output_text(&out);
    assert!(out.status.success(), "{text}{err}");
    assert!(
        text.contains("rewrote the database so that no earlier version remains"),
        "{text}"
    );
    // What it cannot reach is named, and where its own backups would be.
    assert!(
        text.contains("on PostgreSQL, the write-ahead log"),
        "{text}"
    );
    assert!(
        text.contains("no backups hireterm took of this database"),
        "{text}"
    );
    assert!(
        !text.contains(&pg.address),
        "the password is never shown: {text}"
    );
    let files = files_holding(&table_files(&pg.address), NAME);
    assert_eq!(files, Vec::<String>::new());
}
