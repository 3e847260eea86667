//! Opening a store on PostgreSQL: a `postgres://` address where a folder
//! would be (`--db`, `HIRETERM_DB`), for a firm that runs several
//! `hireterm serve` instances on one set of records (issue 20).
//!
//! Everything above the store works as on a folder: the same trees
//! (`kv/pg`), the same transactions and rules, the schema brought up to
//! date on connect. Backups, restores and an erasure's rewrite take
//! their own path here (`backup_postgres.rs`, `restore_postgres.rs`,
//! `compact_postgres.rs`); what only a folder has (the clean-close
//! marker and what it leaves beside itself) says it needs a folder.

use super::Store;
use super::engine::Engine;
use super::error::Result;
use super::kv::{Pg, Tree};
use super::postgres::address::shown;
use super::postgres::listen::Listener;
use std::path::PathBuf;
use std::sync::Arc;

impl Store {
    /// Opens the hireterm database at the PostgreSQL `address`, giving
    /// an empty one hireterm's schema.
    pub fn open_postgres(address: &str) -> Result<Store> {
        let pg = Arc::new(Pg::connect(address)?);
        let path = PathBuf::from(shown(address));
        let tree = |name: &str| Tree::on_postgres(&pg, name);
        let store = Store::on_trees(tree, path, Engine::Pg(Arc::clone(&pg)))?;
        store.settle()?;
        Ok(store)
    }

    /// Whether other processes can write this database (PostgreSQL),
    /// and so [`Store::listen_others`] has something to hear.
    pub fn hears_others(&self) -> bool {
        self.postgres().is_some()
    }

    /// On PostgreSQL, hears the writes of other instances on the same
    /// database: `changed` runs (on a thread of its own) after each burst
    /// of them, and each time the listening starts (the first time, and
    /// when a lost connection comes back). `None` on a folder, which no
    /// other process can write.
    pub fn listen_others(
        &self,
        changed: impl Fn() + Send + 'static,
    ) -> Option<std::io::Result<Listener>> {
        self.postgres().map(|pg| pg.listen_others(changed))
    }
}
