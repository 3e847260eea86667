//! One suite, two engines: a database on sled (a temporary folder) and,
//! when the test server is there, one on PostgreSQL (`postgres.rs`), for
//! tests that must hold on both.

use super::TempDb;
use super::postgres::PgDb;
use hireterm::store::Store;

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
