//! The connection a store's trees share, and its errors in the store's
//! words.

use super::statements::Statements;
use crate::store::error::StoreError;
use crate::store::postgres::{self, PgError, address::shown};
use postgres_client::Client;
use std::sync::{Mutex, MutexGuard, PoisonError};

use ::postgres as postgres_client;

/// The connection, and the statements prepared on it.
pub struct Conn {
    pub client: Client,
    pub statements: Statements,
}

/// A connection to one database, shared by the trees of one store: one
/// statement (or transaction) at a time.
pub struct Pg {
    conn: Mutex<Conn>,
    address: String,
    /// The server's process for this connection: the events it
    /// commits are this store's own (see `postgres/listen.rs`).
    backend: i32,
}

impl Pg {
    /// Connects to `address` and brings its schema up to date.
    pub fn connect(address: &str) -> Result<Pg, StoreError> {
        let mut client = postgres::connect(address)?;
        let row = client.query_one("SELECT pg_backend_pid()", &[]);
        let pg = |backend| Pg {
            conn: Mutex::new(Conn {
                client,
                statements: Statements::default(),
            }),
            address: address.to_string(),
            backend,
        };
        match row.and_then(|row| row.try_get(0)) {
            Ok(backend) => Ok(pg(backend)),
            Err(error) => Err(pg(0).failed(&error)),
        }
    }

    /// Listens for the events other connections commit (another
    /// instance's writes); `changed` runs after each burst of them.
    pub fn listen_others(
        &self,
        changed: impl Fn() + Send + 'static,
    ) -> std::io::Result<postgres::listen::Listener> {
        postgres::listen::Listener::start(self.address.clone(), self.backend, changed)
    }

    pub fn lock(&self) -> MutexGuard<'_, Conn> {
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
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
