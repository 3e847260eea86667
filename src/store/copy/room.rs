//! What a copy into PostgreSQL finds there before it writes: the tables
//! are locked against other writers first, so what is found stays so
//! until the copy commits.
//!
//! A database that holds no records may still hold `meta` rows: any
//! hireterm that has connected once wrote its flags there. They are
//! cleared, so that the copy's own `meta` comes in whole. A database
//! with records is refused, or (for `restore --force`) its rows are set
//! aside in a schema of their own, in the copy's transaction: if the copy
//! fails they are where they were, and if it commits they are kept, never
//! deleted, as a restore on a folder keeps the folder it replaced.

use super::Result;
use super::error::CopyError;
use super::tables::Table;
use crate::store::postgres::address::shown;
use postgres::Transaction;

/// What a copy into PostgreSQL does with records already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnRecords {
    /// Nothing is copied (`hireterm copy`, `restore` without `--force`).
    Refuse,
    /// They move into a schema named for the moment (`restore --force`).
    SetAside,
}

/// Makes the tables of `tx` ready for the copy; the schema the records
/// found there were set aside in, if any were.
pub fn make_room(
    tx: &mut Transaction,
    address: &str,
    on_records: OnRecords,
) -> Result<Option<String>> {
    let failed = |e: postgres::Error| CopyError::sql(address, "could not be written", &e);
    tx.batch_execute(&format!("LOCK TABLE {} IN EXCLUSIVE MODE", all_tables()))
        .map_err(failed)?;
    let Some(table) = first_with_records(tx).map_err(failed)? else {
        tx.batch_execute("DELETE FROM meta").map_err(failed)?;
        return Ok(None);
    };
    match on_records {
        OnRecords::Refuse => Err(CopyError::TargetNotEmpty {
            target: shown(address),
            what: format!("records (its table `{table}` has rows)"),
            kind: "database",
        }),
        OnRecords::SetAside => set_aside(tx).map(Some).map_err(failed),
    }
}

/// Every table a copy writes, for one statement.
fn all_tables() -> String {
    let all: Vec<&str> = Table::ALL.iter().map(|t| t.name()).collect();
    all.join(", ")
}

/// The first table other than `meta` that holds a row, if any does.
fn first_with_records(
    tx: &mut Transaction,
) -> std::result::Result<Option<&'static str>, postgres::Error> {
    for table in Table::ALL.into_iter().filter(|t| *t != Table::Meta) {
        let sql = format!("SELECT EXISTS (SELECT 1 FROM {})", table.name());
        if tx.query_one(&sql, &[])?.get::<_, bool>(0) {
            return Ok(Some(table.name()));
        }
    }
    Ok(None)
}

/// Copies every table's rows into a new schema, then empties the tables
/// (their constraints, triggers and what other instances prepared on
/// them stay as they are); the schema's name.
fn set_aside(tx: &mut Transaction) -> std::result::Result<String, postgres::Error> {
    let schema = aside_name(chrono::Utc::now());
    let mut sql = format!("CREATE SCHEMA {schema};");
    for table in Table::ALL {
        let name = table.name();
        sql.push_str(&format!("CREATE TABLE {schema}.{name} AS TABLE {name};"));
    }
    sql.push_str(&format!("TRUNCATE {};", all_tables()));
    tx.batch_execute(&sql)?;
    Ok(schema)
}

/// `hireterm_replaced_` and the moment to the millisecond (UTC): a name
/// PostgreSQL takes unquoted, sorted by time.
fn aside_name(now: chrono::DateTime<chrono::Utc>) -> String {
    format!("hireterm_replaced_{}", now.format("%Y%m%d_%H%M%S_%3f"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_aside_schema_is_named_for_the_moment() {
        let at = chrono::DateTime::parse_from_rfc3339("2026-12-07T07:45:03.25Z").unwrap();
        assert_eq!(
            aside_name(at.to_utc()),
            "hireterm_replaced_20261207_074503_250"
        );
    }
}
