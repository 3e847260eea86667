//! One tree's reads and writes, on a connection or inside a transaction
//! alike, each statement prepared once per connection ([`Statements`]).

use super::shape::Shape;
use super::sql::{self, Direction, Param};
use super::statements::Statements;
use crate::store::copy::{rows, tables::Table};
use postgres::types::ToSql;
use postgres::{GenericClient, Row};
use sled::IVec;

/// What a statement failed with, or a value that cannot be a row.
#[derive(Debug)]
pub enum OpError {
    Sql(postgres::Error),
    /// The value does not decode to the record its tree holds.
    Value(String),
}

impl From<postgres::Error> for OpError {
    fn from(error: postgres::Error) -> OpError {
        OpError::Sql(error)
    }
}

pub type OpResult<T> = Result<T, OpError>;

/// A connection (or a transaction on one) and its prepared statements.
pub struct On<'a, C: GenericClient> {
    pub client: &'a mut C,
    pub statements: &'a mut Statements,
}

impl<C: GenericClient> On<'_, C> {
    fn rows(&mut self, sql: &str, params: &[Param]) -> OpResult<Vec<Row>> {
        let statement = self.statements.get(self.client, sql)?;
        let params: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p.as_ref() as _).collect();
        Ok(self.client.query(&statement, &params)?)
    }

    /// The first column of the one row `sql` gives, as bytes, if any.
    fn bytes(&mut self, sql: &str, params: &[Param]) -> OpResult<Option<IVec>> {
        let rows = self.rows(sql, params)?;
        let first = rows.first().map(|row| row.try_get::<_, Vec<u8>>(0));
        Ok(first.transpose()?.map(IVec::from))
    }
}

pub fn get(on: &mut On<impl GenericClient>, shape: &Shape, key: &[u8]) -> OpResult<Option<IVec>> {
    let Some(params) = sql::exact(shape, key) else {
        return Ok(None);
    };
    on.bytes(&sql::get(shape), &params)
}

/// Sets `key` to `value` (one statement: the old value is not read). An
/// index tree's entries follow from its table's rows, so writing one
/// changes nothing.
pub fn put(
    on: &mut On<impl GenericClient>,
    shape: &Shape,
    key: &[u8],
    value: &[u8],
) -> OpResult<()> {
    let Some(upsert) = shape.upsert else {
        return Ok(());
    };
    on.rows(upsert, &row(shape, key, value)?)?;
    Ok(())
}

/// Sets each key to its value in order, many rows a statement
/// (`batched.rs`): in statements of 128 rows, then 16, then one each, so
/// that a connection prepares at most three statements per tree for it.
pub fn put_many(
    on: &mut On<impl GenericClient>,
    shape: &Shape,
    entries: &[(Vec<u8>, Vec<u8>)],
) -> OpResult<()> {
    let Some(upsert) = shape.upsert else {
        return Ok(());
    };
    let mut rest = entries;
    while !rest.is_empty() {
        let rows = [128, 16, 1]
            .into_iter()
            .find(|n| *n <= rest.len())
            .unwrap_or(1);
        let (now, later) = rest.split_at(rows);
        let mut params = Vec::with_capacity(rows * 5);
        for (key, value) in now {
            params.extend(row(shape, key, value)?);
        }
        on.rows(&super::batched::batch_sql(upsert, rows), &params)?;
        rest = later;
    }
    Ok(())
}

/// Sets `key` to `value`; the value it had.
pub fn insert(
    on: &mut On<impl GenericClient>,
    shape: &Shape,
    key: &[u8],
    value: &[u8],
) -> OpResult<Option<IVec>> {
    let old = get(on, shape, key)?;
    put(on, shape, key, value)?;
    Ok(old)
}

/// The row of the entry `key` -> `value`, its columns read from the
/// record (`copy/rows.rs`, which `hireterm copy` writes rows with too).
fn row(shape: &Shape, key: &[u8], value: &[u8]) -> OpResult<Vec<Param>> {
    let table = Table::ALL.into_iter().find(|t| t.name() == shape.tree);
    let table = table.ok_or_else(|| OpError::Value(format!("no table for {}", shape.tree)))?;
    rows::params(table, key, value).map_err(|e| OpError::Value(e.to_string()))
}

/// Takes `key` away; the value it had.
pub fn remove(
    on: &mut On<impl GenericClient>,
    shape: &Shape,
    key: &[u8],
) -> OpResult<Option<IVec>> {
    if shape.upsert.is_none() {
        return get(on, shape, key);
    }
    let Some(params) = sql::exact(shape, key) else {
        return Ok(None);
    };
    on.bytes(&sql::delete(shape), &params)
}

/// A bound of a range: the key, and whether it is itself in the range.
pub type Bound = Option<(Vec<u8>, bool)>;

/// Up to `limit` entries between `low` and `high`, in `direction`.
pub fn page(
    on: &mut On<impl GenericClient>,
    shape: &Shape,
    (low, high): (&Bound, &Bound),
    direction: Direction,
    limit: i64,
) -> OpResult<Vec<(IVec, IVec)>> {
    let bounds = (low.as_ref().map(|b| b.1), high.as_ref().map(|b| b.1));
    let statement = sql::page(shape, bounds.0, bounds.1, direction);
    let mut params: Vec<Param> = Vec::new();
    for (key, _) in [low, high].into_iter().flatten() {
        params.extend(sql::bound(shape, key));
    }
    params.push(Box::new(limit));
    let rows = on.rows(&statement, &params)?;
    let entries = rows.iter().map(|row| sql::entry(shape, row));
    Ok(entries.collect::<Result<_, _>>()?)
}

/// How many entries the tree has.
pub fn count(on: &mut On<impl GenericClient>, shape: &Shape) -> OpResult<i64> {
    let statement = format!(
        "SELECT count(*) FROM {} WHERE {}",
        shape.table, shape.filter
    );
    let rows = on.rows(&statement, &[])?;
    let first = rows.first().map(|row| row.try_get(0));
    Ok(first.transpose()?.unwrap_or(0))
}

/// Takes every entry away (an index tree's follow its table's).
pub fn clear(on: &mut On<impl GenericClient>, shape: &Shape) -> OpResult<()> {
    if shape.upsert.is_some() {
        on.rows(&format!("DELETE FROM {}", shape.table), &[])?;
    }
    Ok(())
}
