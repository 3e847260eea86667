//! Reading a PostgreSQL database for a copy: in one read-only snapshot
//! (repeatable read), so a copy taken while `hireterm serve` writes is
//! the database as it was at one moment; table by table in key order, a
//! batch of rows at a time, so memory does not grow with the database.

use super::error::CopyError;
use super::tables::Table;
use super::{Put, Result, Source};
use crate::store::postgres::{self, address::shown, schema};
use ::postgres::{Client, IsolationLevel, Row, Transaction};

/// Rows fetched per round trip.
const BATCH: i32 = 1000;

/// Connects to a database that must already be hireterm's: it is only
/// read, so one without hireterm's tables is refused, not given them.
pub fn connect(address: &str) -> Result<Client> {
    let mut client = postgres::connect::connect_only(address)?;
    let found = client
        .query_one("SELECT to_regclass('hireterm_schema') IS NOT NULL", &[])
        .map_err(|e| CopyError::sql(address, "could not be read", &e))?;
    if !found.get::<_, bool>(0) {
        return Err(CopyError::NoSource(shown(address)));
    }
    // Refuses a schema newer than this build; brings an older one up to
    // date, as any hireterm connecting would.
    schema::migrate(&mut client, address)?;
    Ok(client)
}

pub struct PgSource<'a> {
    tx: Transaction<'a>,
    address: String,
}

impl<'a> PgSource<'a> {
    pub fn begin(client: &'a mut Client, address: &str) -> Result<PgSource<'a>> {
        let tx = client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(|e| CopyError::sql(address, "could not be read", &e))?;
        Ok(PgSource {
            tx,
            address: address.to_string(),
        })
    }
}

impl Source for PgSource<'_> {
    fn each(&mut self, table: Table, put: &mut Put) -> Result<()> {
        let address = self.address.clone();
        let failed = |e: ::postgres::Error| CopyError::sql(&address, "could not be read", &e);
        let portal = self.tx.bind(select_sql(table), &[]).map_err(failed)?;
        loop {
            let rows = self.tx.query_portal(&portal, BATCH).map_err(failed)?;
            for row in &rows {
                let value: Vec<u8> = row.try_get(row.len() - 1).map_err(failed)?;
                put(&key_of(table, row).map_err(failed)?, &value)?;
            }
            if rows.len() < BATCH as usize {
                return Ok(());
            }
        }
    }
}

/// The key columns of `table` (those sled's key is made of, in its
/// order), then the record's bytes; in the order of sled's keys.
fn select_sql(table: Table) -> &'static str {
    match table {
        Table::Meta => "SELECT key, value FROM meta ORDER BY key COLLATE \"C\"",
        Table::Clients => "SELECT id, record FROM clients ORDER BY id",
        Table::Candidates => "SELECT id, record FROM candidates ORDER BY id",
        Table::Engagements => "SELECT id, record FROM engagements ORDER BY id",
        Table::Applications => {
            "SELECT engagement, candidate, record FROM applications \
             ORDER BY engagement, candidate"
        }
        Table::Notes => "SELECT candidate, id, record FROM notes ORDER BY candidate, id",
        Table::Submittals => "SELECT id, record FROM submittals ORDER BY id",
        Table::Placements => "SELECT id, record FROM placements ORDER BY id",
        Table::Assignments => "SELECT engagement, record FROM assignments ORDER BY engagement",
        Table::Events => "SELECT id, record FROM events ORDER BY id",
        Table::Tombstones => "SELECT hash, record FROM tombstones ORDER BY hash",
    }
}

/// sled's key of a row: `meta`'s text key as its bytes, a tombstone's
/// hash as it is, ids as 8 big-endian bytes each, one after the other
/// (an application is engagement then candidate, a note candidate then
/// note).
fn key_of(table: Table, row: &Row) -> std::result::Result<Vec<u8>, ::postgres::Error> {
    match table {
        Table::Meta => Ok(row.try_get::<_, String>(0)?.into_bytes()),
        Table::Tombstones => row.try_get::<_, Vec<u8>>(0),
        _ => {
            let mut key = Vec::with_capacity(16);
            for column in 0..row.len() - 1 {
                let id: i64 = row.try_get(column)?;
                key.extend_from_slice(&id.to_be_bytes());
            }
            Ok(key)
        }
    }
}
