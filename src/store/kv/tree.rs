//! One tree of records: ordered byte keys, each with its value.

use super::iter::{self, Iter};
use super::pg::{self, Pg, PgIter, PgTree, Shape};
use super::{Batch, TxTree};
use crate::store::error::Result;
use sled::IVec;
use std::ops::{Bound, RangeBounds};
use std::sync::Arc;

/// A tree of the store, on its engine. Cheap to clone (a handle).
#[derive(Clone)]
pub struct Tree(Engine);

#[derive(Clone)]
enum Engine {
    Sled(sled::Tree),
    Pg(PgTree),
}

impl Tree {
    /// The tree named `name` in `db`, made empty if it is not there.
    pub fn open(db: &sled::Db, name: &str) -> Result<Tree> {
        Ok(Tree(Engine::Sled(db.open_tree(name)?)))
    }

    /// The tree named `name` on the PostgreSQL database `pg`.
    pub fn on_postgres(pg: &Arc<Pg>, name: &str) -> Result<Tree> {
        let missing = || pg.op_failed(pg::ops::OpError::Value(format!("no tree `{name}` here")));
        let shape = Shape::of(name).ok_or_else(missing)?;
        let pg = Arc::clone(pg);
        Ok(Tree(Engine::Pg(PgTree { pg, shape })))
    }

    /// sled's own tree, when the tree is on sled.
    pub(super) fn sled(&self) -> Option<&sled::Tree> {
        match &self.0 {
            Engine::Sled(tree) => Some(tree),
            Engine::Pg(_) => None,
        }
    }

    /// The PostgreSQL table, when the tree is on PostgreSQL.
    pub(super) fn pg(&self) -> Option<&PgTree> {
        match &self.0 {
            Engine::Sled(_) => None,
            Engine::Pg(tree) => Some(tree),
        }
    }

    pub fn get(&self, key: impl AsRef<[u8]>) -> Result<Option<IVec>> {
        match &self.0 {
            Engine::Sled(tree) => Ok(tree.get(key)?),
            Engine::Pg(tree) => on_pg(tree, |c, shape| pg::ops::get(c, shape, key.as_ref())),
        }
    }

    /// Sets `key` to `value`; the value it had.
    pub fn insert(&self, key: impl AsRef<[u8]>, value: impl Into<IVec>) -> Result<Option<IVec>> {
        match &self.0 {
            Engine::Sled(tree) => Ok(tree.insert(key, value)?),
            Engine::Pg(tree) => {
                let value = value.into();
                on_pg(tree, |c, shape| {
                    pg::ops::insert(c, shape, key.as_ref(), &value)
                })
            }
        }
    }

    /// Takes `key` away; the value it had.
    pub fn remove(&self, key: impl AsRef<[u8]>) -> Result<Option<IVec>> {
        match &self.0 {
            Engine::Sled(tree) => Ok(tree.remove(key)?),
            Engine::Pg(tree) => on_pg(tree, |c, shape| pg::ops::remove(c, shape, key.as_ref())),
        }
    }

    pub fn contains_key(&self, key: impl AsRef<[u8]>) -> Result<bool> {
        Ok(self.get(key)?.is_some())
    }

    /// Every entry, in key order.
    pub fn iter(&self) -> Iter {
        self.between(Bound::Unbounded, Bound::Unbounded)
    }

    /// The entries whose keys start with `prefix`, in key order.
    pub fn scan_prefix(&self, prefix: impl AsRef<[u8]>) -> Iter {
        let prefix = prefix.as_ref();
        match &self.0 {
            Engine::Sled(tree) => Iter(iter::Engine::Sled(tree.scan_prefix(prefix))),
            Engine::Pg(_) => match successor(prefix) {
                Some(end) => self.between(Bound::Included(prefix.to_vec()), Bound::Excluded(end)),
                None => self.between(Bound::Included(prefix.to_vec()), Bound::Unbounded),
            },
        }
    }

    /// The entries whose keys are in `range`, in key order.
    pub fn range<K: AsRef<[u8]>, R: RangeBounds<K>>(&self, range: R) -> Iter {
        let owned = |bound: Bound<&K>| bound.map(|key| key.as_ref().to_vec());
        self.between(owned(range.start_bound()), owned(range.end_bound()))
    }

    fn between(&self, low: Bound<Vec<u8>>, high: Bound<Vec<u8>>) -> Iter {
        match &self.0 {
            Engine::Sled(tree) => Iter(iter::Engine::Sled(tree.range((low, high)))),
            Engine::Pg(tree) => {
                let pg = PgIter::new(tree.clone(), bound(low), bound(high));
                Iter(iter::Engine::Pg(Box::new(pg)))
            }
        }
    }

    /// The entry with the lowest key.
    pub fn first(&self) -> Result<Option<(IVec, IVec)>> {
        self.iter().next().transpose()
    }

    /// The entry with the highest key.
    pub fn last(&self) -> Result<Option<(IVec, IVec)>> {
        self.iter().next_back().transpose()
    }

    /// How many entries (a walk over them all on sled: not for a hot path).
    pub fn len(&self) -> Result<usize> {
        match &self.0 {
            Engine::Sled(tree) => Ok(tree.len()),
            Engine::Pg(tree) => {
                on_pg(tree, pg::ops::count).map(|n| usize::try_from(n).unwrap_or(0))
            }
        }
    }

    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.first()?.is_none())
    }

    /// Applies every write of `batch` at once.
    pub fn apply_batch(&self, batch: Batch) -> Result<()> {
        match &self.0 {
            Engine::Sled(tree) => Ok(tree.apply_batch(batch.into_sled())?),
            Engine::Pg(tree) => pg::run(&[tree], |views| {
                let tree = TxTree::Pg(views[0]);
                for (key, value) in &batch.writes {
                    match value {
                        Some(value) => tree.insert(key, value.clone())?,
                        None => drop(tree.remove(key)?),
                    };
                }
                Ok(())
            }),
        }
    }

    /// Takes every entry away.
    pub fn clear(&self) -> Result<()> {
        match &self.0 {
            Engine::Sled(tree) => Ok(tree.clear()?),
            Engine::Pg(tree) => on_pg(tree, pg::ops::clear),
        }
    }
}

/// Runs one statement on the tree's connection.
fn on_pg<T>(
    tree: &PgTree,
    op: impl FnOnce(&mut pg::ops::On<postgres::Client>, &Shape) -> pg::ops::OpResult<T>,
) -> Result<T> {
    let mut conn = tree.pg.lock();
    op(&mut conn.on(), &tree.shape).map_err(|e| tree.pg.op_failed(e))
}

fn bound(bound: Bound<Vec<u8>>) -> pg::ops::Bound {
    match bound {
        Bound::Included(key) => Some((key, true)),
        Bound::Excluded(key) => Some((key, false)),
        Bound::Unbounded => None,
    }
}

/// The least key greater than every key starting with `prefix`: `None`
/// when there is none (an empty prefix, or one of 0xFF bytes only).
fn successor(prefix: &[u8]) -> Option<Vec<u8>> {
    let mut end = prefix.to_vec();
    while let Some(last) = end.pop() {
        if last < u8::MAX {
            end.push(last + 1);
            return Some(end);
        }
    }
    None
}
