//! Writing a copy into PostgreSQL: every row in one transaction, so the
//! records appear all at once at its commit or not at all (the links
//! between them are checked at that commit). The tables are locked
//! against other writers first, so a database found empty stays empty
//! until the copy is in.

use super::error::CopyError;
use super::rows::{self, Params};
use super::tables::Table;
use super::{Result, Sink};
use crate::store::postgres::address::shown;
use postgres::types::ToSql;
use postgres::{Client, Statement, Transaction};

pub struct PgSink<'a> {
    tx: Transaction<'a>,
    address: String,
    /// The insert of the table being copied, prepared once for it.
    insert: Option<(Table, Statement)>,
}

impl<'a> PgSink<'a> {
    /// Starts the copy's transaction on a database that holds no records.
    pub fn begin(client: &'a mut Client, address: &str) -> Result<PgSink<'a>> {
        let failed = |e: postgres::Error| CopyError::sql(address, "could not be written", &e);
        let mut tx = client.transaction().map_err(failed)?;
        let all: Vec<&str> = Table::ALL.iter().map(|t| t.name()).collect();
        tx.batch_execute(&format!("LOCK TABLE {} IN EXCLUSIVE MODE", all.join(", ")))
            .map_err(failed)?;
        if let Some(table) = first_with_rows(&mut tx).map_err(failed)? {
            return Err(CopyError::TargetNotEmpty {
                target: shown(address),
                what: format!("records (its table `{table}` has rows)"),
                kind: "database",
            });
        }
        Ok(PgSink {
            tx,
            address: address.to_string(),
            insert: None,
        })
    }

    fn statement(&mut self, table: Table) -> Result<Statement> {
        match &self.insert {
            Some((prepared, statement)) if *prepared == table => Ok(statement.clone()),
            _ => {
                let statement = self
                    .tx
                    .prepare(rows::insert_sql(table))
                    .map_err(|e| CopyError::sql(&self.address, "could not be written", &e))?;
                self.insert = Some((table, statement.clone()));
                Ok(statement)
            }
        }
    }
}

/// The first table that holds a row, if any does.
fn first_with_rows(
    tx: &mut Transaction,
) -> std::result::Result<Option<&'static str>, postgres::Error> {
    for table in Table::ALL {
        let sql = format!("SELECT EXISTS (SELECT 1 FROM {})", table.name());
        if tx.query_one(&sql, &[])?.get::<_, bool>(0) {
            return Ok(Some(table.name()));
        }
    }
    Ok(None)
}

impl Sink for PgSink<'_> {
    fn put(&mut self, table: Table, key: &[u8], value: &[u8]) -> Result<()> {
        let statement = self.statement(table)?;
        let params: Params = rows::params(table, key, value)?;
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p.as_ref()).collect();
        self.tx
            .execute(&statement, &refs)
            .map_err(|e| CopyError::sql(&self.address, "refused a record", &e))?;
        Ok(())
    }

    fn finish(self: Box<Self>) -> Result<()> {
        let address = self.address;
        self.tx
            .commit()
            .map_err(|e| CopyError::sql(&address, "refused the records at commit", &e))
    }
}
