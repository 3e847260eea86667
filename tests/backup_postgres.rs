//! `hireterm backup` and `restore` on PostgreSQL (issue 20: "hireterm's
//! own backup keeps working on either engine"). A backup of a database
//! on PostgreSQL is the same folder a backup of a folder is: it restores
//! into a folder or into PostgreSQL, and every side exports the same
//! bytes. A restore into PostgreSQL refuses records already there
//! without `--force`, and with it keeps them in a schema of their own.
//! Real sled in temporary folders and the real PostgreSQL of
//! `common/postgres.rs`; skipped without it, except under CI.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::agency::filled_agency;
use common::engines::EngineDb;
use common::postgres::{PgDb, admin};
use common::{TempDb, demo_store, hireterm_on, output_text};
use hireterm::store::Store;
use hireterm::store::copy::copy;
use hireterm::store::postgres::address::shown;
use std::path::Path;

fn run(db: &str, args: &[&str]) -> (String, String) {
    let out = hireterm_on(Path::new(db), args);
    let (text, err) = output_text(&out);
    assert!(out.status.success(), "{args:?}: {text}{err}");
    (text, err)
}

/// `hireterm export` of the database at `db`: its bytes.
fn exported(db: &str, file: &Path) -> Vec<u8> {
    run(db, &["export", "--out", file.to_str().unwrap()]);
    std::fs::read(file).unwrap()
}

fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn a_backup_of_postgres_restores_into_a_folder_and_into_postgres_alike() {
    let Some(pg) = PgDb::new() else { return };
    let Some(fresh) = PgDb::new() else { return };
    let db = TempDb::new();
    filled_agency(&db);
    copy(text(&db.path()), &pg.address).unwrap();
    let backup = db.dir.path().join("backup");
    let (said, _) = run(&pg.address, &["backup", text(&backup)]);
    assert!(
        said.contains(&shown(&pg.address)) && said.contains("(checked)"),
        "{said}"
    );
    assert!(
        !said.contains(&pg.address),
        "the password is never shown: {said}"
    );

    let folder = db.dir.path().join("restored");
    run(text(&folder), &["restore", text(&backup)]);
    // A database hireterm has already opened (its flags in `meta`) takes
    // a restore as an empty one.
    drop(Store::open(&fresh.address).unwrap());
    let (said, _) = run(&fresh.address, &["restore", text(&backup)]);
    assert!(
        said.contains("restored") && !said.contains("kept"),
        "{said}"
    );

    let file = |name: &str| db.dir.path().join(name);
    let original = exported(text(&db.path()), &file("a.json"));
    assert!(original == exported(&pg.address, &file("b.json")));
    assert!(original == exported(text(&folder), &file("c.json")));
    assert!(original == exported(&fresh.address, &file("d.json")));
    let (checked, _) = run(&fresh.address, &["check"]);
    assert!(checked.contains("no problems found"), "{checked}");
}

fn candidates_in(address: &str, schema: &str) -> i64 {
    let sql = format!("SELECT count(*) FROM {schema}.candidates");
    admin(address).query_one(&sql, &[]).unwrap().get(0)
}

#[test]
fn a_restore_into_postgres_with_records_needs_force_and_keeps_them_aside() {
    let Some(pg) = PgDb::new() else { return };
    let source = TempDb::new();
    let backup = source.dir.path().join("backup");
    demo_store(&source, 40, 2).backup_to(&backup).unwrap();
    let engine = EngineDb::Postgres(pg);
    drop(demo_store(&engine, 7, 1));
    let EngineDb::Postgres(pg) = &engine else {
        unreachable!()
    };
    let address = pg.address.clone();

    let out = hireterm_on(Path::new(&address), &["restore", text(&backup)]);
    let (_, err) = output_text(&out);
    assert!(!out.status.success());
    assert!(
        err.contains("holds records") && err.contains("pass --force"),
        "{err}"
    );
    assert!(
        !err.contains(&address),
        "the password is never shown: {err}"
    );
    assert_eq!(candidates_in(&address, "public"), 7, "nothing was replaced");

    let (said, _) = run(&address, &["restore", "--force", text(&backup)]);
    let schema = said
        .split_whitespace()
        .find(|word| word.starts_with("hireterm_replaced_"))
        .unwrap_or_else(|| panic!("no schema named: {said}"));
    assert_eq!(candidates_in(&address, "public"), 40);
    assert_eq!(
        candidates_in(&address, schema),
        7,
        "the replaced records are kept"
    );
    let (checked, _) = run(&address, &["check"]);
    assert!(checked.contains("no problems found"), "{checked}");
}

#[test]
fn a_damaged_backup_is_refused_and_postgres_left_as_it_was() {
    let Some(pg) = PgDb::new() else { return };
    let source = TempDb::new();
    let backup = source.dir.path().join("backup");
    demo_store(&source, 30, 2).backup_to(&backup).unwrap();
    common::damage_middle(&backup);
    drop(Store::open(&pg.address).unwrap());
    let out = hireterm_on(
        Path::new(&pg.address),
        &["restore", "--force", text(&backup)],
    );
    let (_, err) = output_text(&out);
    assert!(!out.status.success());
    assert!(err.contains("is damaged"), "{err}");
    assert_eq!(candidates_in(&pg.address, "public"), 0);
}
