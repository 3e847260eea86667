//! Writing a copy into PostgreSQL: every row in one transaction, so the
//! records appear all at once at its commit or not at all (the links
//! between them are checked at that commit). What the database held
//! before is dealt with first (`room.rs`). Rows go [`BATCH`] to a
//! statement: one round trip each was most of a copy's time.

use super::error::CopyError;
use super::room::{self, OnRecords};
use super::rows::{self, Params};
use super::tables::Table;
use super::{Result, Sink};
use crate::store::kv::pg::batched::batch_sql;
use postgres::types::ToSql;
use postgres::{Client, Statement, Transaction};

/// Rows sent in one statement (at most five parameters a row, well under
/// PostgreSQL's 65,535 parameters a statement).
const BATCH: usize = 500;

pub struct PgSink<'a> {
    tx: Transaction<'a>,
    address: String,
    /// The insert of [`BATCH`] rows of the table being copied, prepared
    /// once for it.
    insert: Option<(Table, Statement)>,
    /// Rows of `table` not sent yet.
    pending: Vec<Params>,
    table: Option<Table>,
    set_aside: Option<String>,
}

impl<'a> PgSink<'a> {
    /// Starts the copy's transaction, with room made for the copy
    /// (`room.rs`): records already there are refused or set aside.
    pub fn begin(
        client: &'a mut Client,
        address: &str,
        on_records: OnRecords,
    ) -> Result<PgSink<'a>> {
        let failed = |e: postgres::Error| CopyError::sql(address, "could not be written", &e);
        let mut tx = client.transaction().map_err(failed)?;
        let set_aside = room::make_room(&mut tx, address, on_records)?;
        Ok(PgSink {
            tx,
            address: address.to_string(),
            insert: None,
            pending: Vec::with_capacity(BATCH),
            table: None,
            set_aside,
        })
    }

    /// The schema the records found in the database were set aside in.
    pub fn set_aside(&self) -> Option<&str> {
        self.set_aside.as_deref()
    }

    /// The insert of `rows` rows of `table`: prepared once per table for a
    /// whole batch, and for the last, shorter one.
    fn statement(&mut self, table: Table, rows: usize) -> Result<Statement> {
        let failed = |e: postgres::Error| CopyError::sql(&self.address, "could not be written", &e);
        match &self.insert {
            Some((prepared, statement)) if *prepared == table && rows == BATCH => {
                Ok(statement.clone())
            }
            _ => {
                let sql = batch_sql(rows::insert_sql(table), rows);
                let statement = self.tx.prepare(&sql).map_err(failed)?;
                if rows == BATCH {
                    self.insert = Some((table, statement.clone()));
                }
                Ok(statement)
            }
        }
    }

    /// Sends the rows not sent yet.
    fn flush(&mut self) -> Result<()> {
        let Some(table) = self.table else {
            return Ok(());
        };
        if self.pending.is_empty() {
            return Ok(());
        }
        let statement = self.statement(table, self.pending.len())?;
        let refs: Vec<&(dyn ToSql + Sync)> =
            self.pending.iter().flatten().map(|p| p.as_ref()).collect();
        self.tx
            .execute(&statement, &refs)
            .map_err(|e| CopyError::sql(&self.address, "refused a record", &e))?;
        self.pending.clear();
        Ok(())
    }
}

impl Sink for PgSink<'_> {
    fn put(&mut self, table: Table, key: &[u8], value: &[u8]) -> Result<()> {
        if self.table != Some(table) {
            self.flush()?;
            self.table = Some(table);
        }
        self.pending.push(rows::params(table, key, value)?);
        if self.pending.len() == BATCH {
            self.flush()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<()> {
        self.flush()?;
        let address = self.address;
        self.tx
            .commit()
            .map_err(|e| CopyError::sql(&address, "refused the records at commit", &e))
    }
}
