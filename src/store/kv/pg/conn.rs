//! The connection a store's trees share, and its errors in the store's
//! words.

use crate::store::error::StoreError;
use crate::store::postgres::{self, PgError, address::shown};
use postgres_client::Client;
use std::sync::{Mutex, MutexGuard, PoisonError};

use ::postgres as postgres_client;

/// A connection to one database, shared by the trees of one store: one
/// statement (or transaction) at a time.
pub struct Pg {
    client: Mutex<Client>,
    address: String,
}

impl Pg {
    /// Connects to `address` and brings its schema up to date.
    pub fn connect(address: &str) -> Result<Pg, StoreError> {
        Ok(Pg {
            client: Mutex::new(postgres::connect(address)?),
            address: address.to_string(),
        })
    }

    pub fn lock(&self) -> MutexGuard<'_, Client> {
        self.client.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// `error`, from a statement on this database, in the store's words.
    pub fn failed(&self, error: &postgres_client::Error) -> StoreError {
        let detail = match error.as_db_error() {
            Some(db) => match db.detail() {
                Some(more) => format!("{} ({more})", db.message()),
                None => db.message().to_string(),
            },
            None => error.to_string(),
        };
        StoreError::Postgres(PgError::Other {
            address: shown(&self.address),
            detail,
        })
    }
}

impl Pg {
    /// A failed read or write of a tree, in the store's words.
    pub fn op_failed(&self, error: super::ops::OpError) -> StoreError {
        match error {
            super::ops::OpError::Sql(error) => self.failed(&error),
            super::ops::OpError::Value(detail) => StoreError::Postgres(PgError::Other {
                address: shown(&self.address),
                detail,
            }),
        }
    }
}
