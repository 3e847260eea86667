//! A transaction's writes held until it next reads or commits, then sent
//! many rows a statement (`ops::put_many`): a bulk write (`demo`, an
//! import, a backup's restore into PostgreSQL) was a round trip per row.
//!
//! What the transaction sees is unchanged: every read and every removal
//! sends what is held first, and the rest is sent before the commit, so
//! an error a write meets (a constraint) still ends the transaction and
//! a conflict still runs it again. The writes to one table go in the
//! order they were made; a key written twice sends what was held first,
//! so no statement writes a row twice. Writes to different tables may go
//! in another order than they were made, which only the links between
//! tables could notice, and those are checked at the commit.

use super::Shape;
use super::ops::{self, On, OpResult};
use postgres::GenericClient;
use std::collections::HashSet;

/// Rows held at most before they are sent.
const MOST: usize = 1024;

/// Keys and values, in the order written.
type Rows = Vec<(Vec<u8>, Vec<u8>)>;

/// Writes not sent yet, by table, tables in the order first written.
#[derive(Default)]
pub struct Pending {
    tables: Vec<(Shape, Rows)>,
    /// Each held row's tree and key.
    held: HashSet<(&'static str, Vec<u8>)>,
}

impl Pending {
    /// Holds the write of `value` at `key`, sending what is held first
    /// when `key` is held already or enough rows are.
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
        if self.held.len() >= MOST || self.held.contains(&(shape.tree, key.to_vec())) {
            self.send(on)?;
        }
        let at = match self.tables.iter().position(|(s, _)| s.tree == shape.tree) {
            Some(at) => at,
            None => {
                self.tables.push((*shape, Vec::new()));
                self.tables.len() - 1
            }
        };
        self.tables[at].1.push((key.to_vec(), value.to_vec()));
        self.held.insert((shape.tree, key.to_vec()));
        Ok(())
    }

    /// Sends every write held, table by table.
    pub fn send(&mut self, on: &mut On<impl GenericClient>) -> OpResult<()> {
        self.held.clear();
        for (shape, rows) in std::mem::take(&mut self.tables) {
            ops::put_many(on, &shape, &rows)?;
        }
        Ok(())
    }
}
