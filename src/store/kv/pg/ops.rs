//! One tree's reads and writes, on a connection or inside a transaction
//! alike.

use super::shape::Shape;
use super::sql::{self, Direction, Param};
use crate::store::copy::{rows, tables::Table};
use postgres::GenericClient;
use postgres::types::ToSql;
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

fn refs(params: &[Param]) -> Vec<&(dyn ToSql + Sync)> {
    params
        .iter()
        .map(|p| p.as_ref() as &(dyn ToSql + Sync))
        .collect()
}

pub fn get(client: &mut impl GenericClient, shape: &Shape, key: &[u8]) -> OpResult<Option<IVec>> {
    let Some(params) = sql::exact(shape, key) else {
        return Ok(None);
    };
    let row = client.query_opt(&sql::get(shape), &refs(&params))?;
    Ok(row
        .map(|row| row.try_get::<_, Vec<u8>>(0))
        .transpose()?
        .map(IVec::from))
}

/// Sets `key` to `value`; the value it had. An index tree's entries
/// follow from its table's rows, so writing one changes nothing.
pub fn insert(
    client: &mut impl GenericClient,
    shape: &Shape,
    key: &[u8],
    value: &[u8],
) -> OpResult<Option<IVec>> {
    let old = get(client, shape, key)?;
    let Some(upsert) = shape.upsert else {
        return Ok(old);
    };
    let params = row(shape, key, value)?;
    client.execute(upsert, &refs(&params))?;
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
    client: &mut impl GenericClient,
    shape: &Shape,
    key: &[u8],
) -> OpResult<Option<IVec>> {
    if shape.upsert.is_none() {
        return get(client, shape, key);
    }
    let Some(params) = sql::exact(shape, key) else {
        return Ok(None);
    };
    let row = client.query_opt(&sql::delete(shape), &refs(&params))?;
    Ok(row
        .map(|row| row.try_get::<_, Vec<u8>>(0))
        .transpose()?
        .map(IVec::from))
}

/// A bound of a range: the key, and whether it is itself in the range.
pub type Bound = Option<(Vec<u8>, bool)>;

/// Up to `limit` entries between `low` and `high`, in `direction`.
pub fn page(
    client: &mut impl GenericClient,
    shape: &Shape,
    (low, high): (&Bound, &Bound),
    direction: Direction,
    limit: i64,
) -> OpResult<Vec<(IVec, IVec)>> {
    let statement = sql::page(
        shape,
        low.as_ref().map(|b| b.1),
        high.as_ref().map(|b| b.1),
        direction,
    );
    let mut params: Vec<Param> = Vec::new();
    for (key, _) in [low, high].into_iter().flatten() {
        params.extend(sql::bound(shape, key));
    }
    params.push(Box::new(limit));
    let rows = client.query(&statement, &refs(&params))?;
    let entries = rows.iter().map(|row| sql::entry(shape, row));
    Ok(entries.collect::<Result<_, _>>()?)
}

/// How many entries the tree has.
pub fn count(client: &mut impl GenericClient, shape: &Shape) -> OpResult<i64> {
    let statement = format!(
        "SELECT count(*) FROM {} WHERE {}",
        shape.table, shape.filter
    );
    Ok(client.query_one(&statement, &[])?.try_get(0)?)
}

/// Takes every entry away (an index tree's follow its table's).
pub fn clear(client: &mut impl GenericClient, shape: &Shape) -> OpResult<()> {
    if shape.upsert.is_some() {
        client.execute(&format!("DELETE FROM {}", shape.table), &[])?;
    }
    Ok(())
}
