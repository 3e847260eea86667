//! The statements a tree's reads and writes become, and its keys as
//! their parameters.

use super::shape::{Key, Shape};
use postgres::Row;
use postgres::types::ToSql;
use sled::IVec;

pub type Param = Box<dyn ToSql + Sync>;

/// The parameters of the key `key` exactly; `None` when no row can have
/// it (the wrong length for ids; text that is not UTF-8, or holds a NUL,
/// which PostgreSQL's text cannot).
pub fn exact(shape: &Shape, key: &[u8]) -> Option<Vec<Param>> {
    match shape.key {
        Key::Text(_) if key.contains(&0) => None,
        Key::Text(_) => Some(vec![Box::new(std::str::from_utf8(key).ok()?.to_string())]),
        Key::Bytes(_) => Some(vec![Box::new(key.to_vec())]),
        Key::Ids(columns) if key.len() == columns.len() * 8 => Some(ids(key)),
        Key::Ids(_) => None,
    }
}

/// The parameters of a range's bound: text as its bytes (a bound may
/// hold what text cannot, a NUL); ids padded with zero bytes to their
/// full width (a shorter key sorts just where its padding does, among
/// keys of full width) and an id past the largest stored one held at it.
pub fn bound(shape: &Shape, key: &[u8]) -> Vec<Param> {
    match shape.key {
        Key::Text(_) | Key::Bytes(_) => vec![Box::new(key.to_vec())],
        Key::Ids(columns) => {
            let mut full = key.to_vec();
            full.resize(columns.len() * 8, 0);
            ids(&full)
        }
    }
}

fn ids(key: &[u8]) -> Vec<Param> {
    key.chunks_exact(8)
        .map(|chunk| {
            let id = u64::from_be_bytes(chunk.try_into().unwrap_or_default());
            Box::new(i64::try_from(id).unwrap_or(i64::MAX)) as Param
        })
        .collect()
}

/// The key, as compared: `(engagement, candidate)`; text as its UTF-8
/// bytes, which order as sled's keys do.
fn compared(shape: &Shape) -> String {
    match shape.key {
        Key::Text(column) => format!("convert_to({column}, 'UTF8')"),
        Key::Bytes(column) => column.to_string(),
        Key::Ids(columns) => format!("({})", columns.join(", ")),
    }
}

/// The key, as looked up exactly (by the columns themselves, so that
/// their indexes serve).
fn matched(shape: &Shape) -> String {
    match shape.key {
        Key::Text(column) | Key::Bytes(column) => column.to_string(),
        Key::Ids(columns) => format!("({})", columns.join(", ")),
    }
}

/// `($first, …)`: the placeholders of a key's parameters from `first`.
fn placeholders(shape: &Shape, first: usize) -> String {
    let all: Vec<String> = (first..first + shape.key_width())
        .map(|n| format!("${n}"))
        .collect();
    format!("({})", all.join(", "))
}

/// Reads one value by its key.
pub fn get(shape: &Shape) -> String {
    format!(
        "SELECT {} FROM {} WHERE {} AND {} = {}",
        shape.value,
        shape.table,
        shape.filter,
        matched(shape),
        placeholders(shape, 1)
    )
}

/// Takes one row away by its key, giving its value.
pub fn delete(shape: &Shape) -> String {
    format!(
        "DELETE FROM {} WHERE {} = {} RETURNING {}",
        shape.table,
        matched(shape),
        placeholders(shape, 1),
        shape.value
    )
}

/// Which way a page of rows is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// A page of at most `limit` rows between the bounds given (each
/// `Some(inclusive)`, or `None` for open), in `direction`.
pub fn page(shape: &Shape, low: Option<bool>, high: Option<bool>, direction: Direction) -> String {
    let mut sql = format!(
        "SELECT {}, {} FROM {} WHERE {}",
        shape.key_columns(),
        shape.value,
        shape.table,
        shape.filter
    );
    let mut next = 1;
    for (bound, below, above) in [(low, ">=", ">"), (high, "<=", "<")] {
        if let Some(inclusive) = bound {
            let op = if inclusive { below } else { above };
            sql += &format!(
                " AND {} {op} {}",
                compared(shape),
                placeholders(shape, next)
            );
            next += shape.key_width();
        }
    }
    let order = match direction {
        Direction::Up => "",
        Direction::Down => " DESC",
    };
    let columns: Vec<String> = match shape.key {
        Key::Text(column) => vec![format!("convert_to({column}, 'UTF8'){order}")],
        Key::Bytes(column) => vec![format!("{column}{order}")],
        Key::Ids(columns) => columns.iter().map(|c| format!("{c}{order}")).collect(),
    };
    sql + &format!(" ORDER BY {} LIMIT ${next}", columns.join(", "))
}

/// The key and value of a row read by [`page`].
pub fn entry(shape: &Shape, row: &Row) -> Result<(IVec, IVec), postgres::Error> {
    let width = shape.key_width();
    let key: Vec<u8> = match shape.key {
        Key::Text(_) => row.try_get::<_, String>(0)?.into_bytes(),
        Key::Bytes(_) => row.try_get::<_, Vec<u8>>(0)?,
        Key::Ids(_) => {
            let mut key = Vec::with_capacity(width * 8);
            for column in 0..width {
                key.extend_from_slice(&row.try_get::<_, i64>(column)?.to_be_bytes());
            }
            key
        }
    };
    let value: Vec<u8> = row.try_get(width)?;
    Ok((key.into(), value.into()))
}
