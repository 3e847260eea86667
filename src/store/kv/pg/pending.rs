//! A transaction's writes held until they must be sent, then sent many
//! rows a statement (`ops::put_many`): a bulk write (`demo`, an import,
//! a restore into PostgreSQL) was a round trip per row.
//!
//! What the transaction sees is unchanged:
//! - a read of a key held is answered with the value held;
//! - a read or removal of anything else in a table sends that table's
//!   held rows first (an index tree's table is the one it reads);
//! - everything held is sent before the commit, so an error a write
//!   meets (a constraint) still ends the transaction, and a conflict
//!   still runs it again.
//!
//! One table's rows go in the order they were written, and a key written
//! again sends its table's rows first, so that no statement writes a row
//! twice and a unique column (a candidate's email) is never asked to
//! hold a value twice on the way; except in `meta`, whose only key is
//! its own, where the held value is replaced (its counters and id
//! counters are written again by every record of a bulk write). Tables
//! may be sent in another order than written, which only the links
//! between them could notice, and those are checked at the commit.

use super::Shape;
use super::ops::{self, On, OpResult};
use postgres::GenericClient;
use std::collections::HashMap;

/// Rows held at most before they are all sent.
const MOST: usize = 1024;

/// One table's held rows, in the order written, and where each key is.
struct Held {
    shape: Shape,
    rows: Vec<(Vec<u8>, Vec<u8>)>,
    at: HashMap<Vec<u8>, usize>,
}

/// Writes not sent yet, by tree.
#[derive(Default)]
pub struct Pending {
    trees: Vec<Held>,
    rows: usize,
}

impl Pending {
    /// Holds the write of `value` at `key` (see the module's header for
    /// when it sends first).
    pub fn put(
        &mut self,
        on: &mut On<impl GenericClient>,
        shape: &Shape,
        key: &[u8],
        value: &[u8],
    ) -> OpResult<()> {
        if shape.upsert.is_none() {
            return Ok(());
        }
        if self.rows >= MOST {
            self.send(on)?;
        }
        if let Some(row) = self.tree(shape).and_then(|held| held.at.get(key).copied()) {
            if shape.tree == "meta" {
                self.tree_mut(shape).rows[row].1 = value.to_vec();
                return Ok(());
            }
            self.send_table(on, shape.table)?;
        }
        let held = self.tree_mut(shape);
        held.at.insert(key.to_vec(), held.rows.len());
        held.rows.push((key.to_vec(), value.to_vec()));
        self.rows += 1;
        Ok(())
    }

    /// The value held for `key` in `shape`'s tree, if one is.
    pub fn held(&self, shape: &Shape, key: &[u8]) -> Option<&[u8]> {
        let held = self.tree(shape)?;
        held.at.get(key).map(|&row| held.rows[row].1.as_slice())
    }

    /// Sends the rows held for `table` (whichever trees write it).
    pub fn send_table(&mut self, on: &mut On<impl GenericClient>, table: &str) -> OpResult<()> {
        let (now, later) = std::mem::take(&mut self.trees)
            .into_iter()
            .partition(|held| held.shape.table == table);
        self.trees = later;
        self.send_trees(on, now)
    }

    /// Sends every row held.
    pub fn send(&mut self, on: &mut On<impl GenericClient>) -> OpResult<()> {
        let all = std::mem::take(&mut self.trees);
        self.send_trees(on, all)
    }

    fn send_trees(&mut self, on: &mut On<impl GenericClient>, trees: Vec<Held>) -> OpResult<()> {
        for held in trees {
            self.rows -= held.rows.len();
            ops::put_many(on, &held.shape, &held.rows)?;
        }
        Ok(())
    }

    fn tree(&self, shape: &Shape) -> Option<&Held> {
        self.trees.iter().find(|held| held.shape.tree == shape.tree)
    }

    fn tree_mut(&mut self, shape: &Shape) -> &mut Held {
        let at = match self
            .trees
            .iter()
            .position(|held| held.shape.tree == shape.tree)
        {
            Some(at) => at,
            None => {
                self.trees.push(Held {
                    shape: *shape,
                    rows: Vec::new(),
                    at: HashMap::new(),
                });
                self.trees.len() - 1
            }
        };
        &mut self.trees[at]
    }
}
