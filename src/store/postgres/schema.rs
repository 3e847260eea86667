//! hireterm's tables on PostgreSQL, versioned: each file of
//! `migrations/` is one version, applied in order on connect, inside one
//! transaction under an advisory lock, so that two `hireterm serve`
//! instances starting at once apply each exactly once. The versions
//! applied are recorded in `hireterm_schema`; a database whose schema is
//! newer than this build knows is refused before anything is read.

use super::address::shown;
use super::error::PgError;
use postgres::Client;

/// Every version, in order: the committed history of the schema.
const MIGRATIONS: &[(i32, &str, &str)] = &[
    (1, "records", include_str!("migrations/0001_records.sql")),
    (
        2,
        "tombstones",
        include_str!("migrations/0002_tombstones.sql"),
    ),
    (3, "notify", include_str!("migrations/0003_notify.sql")),
];

/// The newest schema this build knows.
pub const KNOWN: i32 = MIGRATIONS.len() as i32;

/// Taken for the length of a migration: one key for hireterm's schema.
const LOCK_KEY: i64 = 0x6869_7265_7465_726d; // "hireterm"

/// Applies the versions the database lacks; returns the version it is at.
pub fn migrate(client: &mut Client, address: &str) -> Result<i32, PgError> {
    let failed = |e: postgres::Error| PgError::Other {
        address: shown(address),
        detail: format!("its schema could not be brought up to date: {e}"),
    };
    let mut tx = client.transaction().map_err(failed)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LOCK_KEY])
        .map_err(failed)?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS hireterm_schema (
             version integer PRIMARY KEY,
             name text NOT NULL,
             applied_at timestamptz NOT NULL DEFAULT now())",
    )
    .map_err(failed)?;
    let row = tx
        .query_one("SELECT coalesce(max(version), 0) FROM hireterm_schema", &[])
        .map_err(failed)?;
    let found: i32 = row.get(0);
    if found > KNOWN {
        return Err(PgError::SchemaNewer {
            address: shown(address),
            found,
            known: KNOWN,
        });
    }
    for (version, name, sql) in MIGRATIONS.iter().filter(|(v, ..)| *v > found) {
        tx.batch_execute(sql).map_err(failed)?;
        tx.execute(
            "INSERT INTO hireterm_schema (version, name) VALUES ($1, $2)",
            &[version, name],
        )
        .map_err(failed)?;
    }
    tx.commit().map_err(failed)?;
    Ok(KNOWN.max(found))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_history_is_numbered_from_one_without_gaps() {
        for (index, (version, name, sql)) in MIGRATIONS.iter().enumerate() {
            assert_eq!(*version, index as i32 + 1);
            assert!(!name.is_empty() && !sql.trim().is_empty());
        }
    }
}
