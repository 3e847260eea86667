//! Why a copy did not happen, in words. Every error means nothing was
//! copied: the target is as it was.

use super::super::error::StoreError;
use super::super::postgres::PgError;
use super::super::postgres::address::shown;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error("nothing was copied: {0}")]
    Store(#[from] StoreError),
    #[error("nothing was copied: {0}")]
    Postgres(#[from] PgError),
    #[error("nothing was copied: there is no hireterm database at {0}")]
    NoSource(String),
    #[error(
        "nothing was copied: {target} already holds {what}; copy into a new or empty \
         {kind} only"
    )]
    TargetNotEmpty {
        target: String,
        what: String,
        kind: &'static str,
    },
    #[error("nothing was copied: the PostgreSQL database at {address} {action}: {detail}")]
    Sql {
        address: String,
        action: &'static str,
        detail: String,
    },
    #[error("nothing was copied: {table} entry {key} cannot be copied: {detail}")]
    Entry {
        table: &'static str,
        key: String,
        detail: String,
    },
    #[error("nothing was copied: {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl CopyError {
    /// A failed statement on the database at `address`, with the server's
    /// own words (and its detail: which key, which constraint).
    pub fn sql(address: &str, action: &'static str, error: &postgres::Error) -> CopyError {
        let detail = match error.as_db_error() {
            Some(db) => match db.detail() {
                Some(more) => format!("{} ({more})", db.message()),
                None => db.message().to_string(),
            },
            None => error.to_string(),
        };
        CopyError::Sql {
            address: shown(address),
            action,
            detail,
        }
    }

    /// An entry that cannot be copied as it is.
    pub fn entry(table: &'static str, key: &[u8], detail: impl Into<String>) -> CopyError {
        CopyError::Entry {
            table,
            key: super::super::records::describe_key(key),
            detail: detail.into(),
        }
    }
}
