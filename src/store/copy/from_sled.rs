//! Reading a sled database for a copy: opened as every command opens it
//! (its lock taken, so nothing writes it meanwhile, and a damaged folder
//! refused), then read tree by tree.

use super::error::CopyError;
use super::tables::{DERIVED_TREES, Table};
use super::{Put, Result, Source};
use crate::store::kv::Tree;
use crate::store::{Store, open, tombstones};
use std::path::Path;

/// The database at `path`, which must exist: opening a missing one would
/// create it.
pub fn open(path: &Path) -> Result<Store> {
    if !open::is_database(path) {
        return Err(CopyError::NoSource(path.display().to_string()));
    }
    Ok(Store::open(path)?)
}

pub struct SledSource<'a> {
    store: &'a Store,
}

impl<'a> SledSource<'a> {
    /// Refuses a database with a tree this build does not know (one a
    /// newer hireterm wrote): its records would be left behind.
    pub fn new(store: &'a Store) -> Result<SledSource<'a>> {
        let db = store.sled_db("copying from a folder")?;
        for name in db.tree_names() {
            let name = String::from_utf8_lossy(&name).into_owned();
            let known = Table::ALL.iter().any(|t| t.name() == name)
                || DERIVED_TREES.contains(&name.as_str());
            if !known && !db.open_tree(&name).map_err(sled_error)?.is_empty() {
                return Err(CopyError::entry(
                    "database",
                    name.as_bytes(),
                    "it holds records of a kind this hireterm does not know",
                ));
            }
        }
        Ok(SledSource { store })
    }

    fn tree(&self, table: Table) -> Result<Tree> {
        Ok(table.tree_in(self.store)?)
    }
}

impl Source for SledSource<'_> {
    fn each(&mut self, table: Table, put: &mut Put) -> Result<()> {
        for entry in self.tree(table)?.iter() {
            let (key, value) = entry?;
            if !is_pending_mark(table, &key) {
                put(&key, &value)?;
            }
        }
        Ok(())
    }
}

/// An erasure's pending rewrite (`compact.rs`) is about the source's
/// files: a copy holds no old versions of erased records, so, as with a
/// backup, the mark is not copied.
fn is_pending_mark(table: Table, key: &[u8]) -> bool {
    table == Table::Meta && key == tombstones::REWRITE_PENDING
}

fn sled_error(error: sled::Error) -> CopyError {
    CopyError::Store(error.into())
}
