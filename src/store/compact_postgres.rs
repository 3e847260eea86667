//! The rewrite an erasure asks for (`compact.rs`), on PostgreSQL: an
//! update or delete leaves the old row in the table's files until a
//! vacuum, and a plain vacuum only marks its room as free. `VACUUM FULL`
//! writes each table (and its TOAST table, where long values live) into
//! new files and removes the old ones, as sled's rewrite does a folder.
//!
//! It takes each table's strongest lock for the moment it rewrites it,
//! so other instances' statements wait for it; it runs when the holder
//! closes, as on sled. What it cannot reach is PostgreSQL's own history:
//! the write-ahead log until it is recycled, its archive, replicas'
//! files until they vacuum, and backups. Those age out as the firm's
//! PostgreSQL retention says (see the README).

use super::Store;
use super::copy::Table;
use super::error::Result;
use super::kv::Pg;
use super::tombstones::REWRITE_PENDING;

impl Store {
    /// Rewrites every table of records, then takes the erasure's mark
    /// away (after: a rewrite cut short leaves it for the next close).
    pub(super) fn compact_postgres(&self, pg: &Pg) -> Result<()> {
        let tables: Vec<&str> = Table::ALL.iter().map(|t| t.name()).collect();
        // Outside a transaction: PostgreSQL refuses a vacuum inside one.
        let sql = format!("VACUUM FULL {}", tables.join(", "));
        pg.lock()
            .client
            .batch_execute(&sql)
            .map_err(|e| pg.failed(&e))?;
        self.meta.remove(REWRITE_PENDING)?;
        Ok(())
    }
}
