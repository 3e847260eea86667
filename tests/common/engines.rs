//! One suite, two engines: a database on sled (a temporary folder) and,
//! when the test server is there, one on PostgreSQL (`postgres.rs`), for
//! tests that must hold on both.

use super::TempDb;
use super::postgres::{self, PgDb};
use hireterm::store::Store;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Output;

/// A database of the test's own on one engine, gone with it.
pub enum EngineDb {
    Sled(TempDb),
    Postgres(PgDb),
}

impl EngineDb {
    /// The engine's name, for assertion messages.
    pub fn engine(&self) -> &'static str {
        match self {
            EngineDb::Sled(_) => "sled",
            EngineDb::Postgres(_) => "postgres",
        }
    }

    /// Opens (or reopens) the store, as a command would: by its folder or
    /// its `postgres://` address.
    pub fn open(&self) -> Store {
        match self {
            EngineDb::Sled(db) => db.open(),
            EngineDb::Postgres(db) => Store::open(&db.address).unwrap(),
        }
    }

    /// Writes `bytes` to a file `name` beside the database (in the test's
    /// own folder for PostgreSQL); its path.
    pub fn write_file(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        match self {
            EngineDb::Sled(db) => db.write_file(name, bytes),
            EngineDb::Postgres(db) => {
                let path = db.files.path().join(name);
                std::fs::write(&path, bytes).unwrap();
                path
            }
        }
    }

    /// Everything the database holds, as (where, bytes), sorted: a
    /// folder's files, or every row of every table. Equal before and after
    /// a command that must write nothing.
    pub fn held(&self) -> Vec<(String, Vec<u8>)> {
        match self {
            EngineDb::Sled(db) => (super::snapshot_files(&db.path()).into_iter())
                .map(|(path, bytes)| (path.display().to_string(), bytes))
                .collect(),
            EngineDb::Postgres(db) => postgres::rows(&db.address),
        }
    }
}

/// Where the binary finds a database: what `--db` takes.
pub trait Address {
    fn address(&self) -> OsString;
}

impl Address for TempDb {
    fn address(&self) -> OsString {
        self.path().into_os_string()
    }
}

impl Address for EngineDb {
    /// The folder's path or the `postgres://` address.
    fn address(&self) -> OsString {
        match self {
            EngineDb::Sled(db) => db.address(),
            EngineDb::Postgres(db) => db.address.clone().into(),
        }
    }
}

/// Runs the binary on the database `db` (either engine) and returns what
/// it did: [`super::hireterm_on`] for any address.
pub fn hireterm_at(db: &impl Address, args: &[&str]) -> Output {
    (super::hireterm().arg("--db").arg(db.address()))
        .args(args)
        .output()
        .unwrap()
}

/// What a test opens its store from: a folder or either engine.
pub trait Opens {
    fn open(&self) -> Store;
}

impl Opens for TempDb {
    fn open(&self) -> Store {
        TempDb::open(self)
    }
}

impl Opens for EngineDb {
    fn open(&self) -> Store {
        EngineDb::open(self)
    }
}

/// A fresh database on each engine there is: sled always, PostgreSQL
/// when `HIRETERM_TEST_POSTGRES` names a server (required under `CI`).
pub fn each_engine() -> Vec<EngineDb> {
    let mut all = vec![EngineDb::Sled(TempDb::new())];
    all.extend(PgDb::new().map(EngineDb::Postgres));
    all
}

/// Runs `test` on a fresh database on each engine, saying which on
/// stderr so that a failure names it.
pub fn on_each_engine(test: impl Fn(&EngineDb)) {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        test(&db);
    }
}

/// Runs `hireterm import FILE EXTRA...` on `db`: whether it succeeded,
/// and its stdout and stderr.
pub fn import_at(db: &impl Address, file: &Path, extra: &[&str]) -> (bool, String, String) {
    let mut args = vec!["import", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = hireterm_at(db, &args);
    let (stdout, stderr) = super::output_text(&out);
    (out.status.success(), stdout, stderr)
}

/// Nothing was written: no candidate, no event.
pub fn assert_untouched(db: &impl Opens) {
    let store = db.open();
    assert_eq!(store.candidate_count(), 0, "candidates were written");
    assert_eq!(
        store.recent_events(1).unwrap().len(),
        0,
        "events were written"
    );
}
