//! The connection a store's trees share, and its errors in the store's
//! words.

use super::statements::Statements;
use crate::store::error::StoreError;
use crate::store::postgres::{self, PgError, address::shown};
use postgres_client::Client;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use ::postgres as postgres_client;

/// The connection, and the statements prepared on it.
pub struct Conn {
    pub client: Client,
    pub statements: Statements,
}

impl Conn {
    /// The connection as the tree operations take it.
    pub fn on(&mut self) -> super::ops::On<'_, Client> {
        super::ops::On {
            client: &mut self.client,
            statements: &mut self.statements,
        }
    }
}

/// A connection to one database, shared by the trees of one store: one
/// statement (or transaction) at a time.
pub struct Pg {
    conn: Mutex<Conn>,
    address: String,
    /// The server's process for this connection: the events it
    /// commits are this store's own (see `postgres/listen.rs`). Shared
    /// with the listener, since a new connection has a new one.
    backend: Arc<AtomicI32>,
}

impl Pg {
    /// Connects to `address` and brings its schema up to date.
    pub fn connect(address: &str) -> Result<Pg, StoreError> {
        let (client, backend) = open(address)?;
        Ok(Pg {
            conn: Mutex::new(Conn {
                client,
                statements: Statements::default(),
            }),
            address: address.to_string(),
            backend: Arc::new(AtomicI32::new(backend)),
        })
    }

    /// The address this store connects to, password and all: for a
    /// second connection of its own (a backup's snapshot).
    pub fn address(&self) -> &str {
        &self.address
    }

    /// Listens for the events other connections commit (another
    /// instance's writes); `changed` runs after each burst of them,
    /// and each time the listening starts.
    pub fn listen_others(
        &self,
        changed: impl Fn() + Send + 'static,
    ) -> std::io::Result<postgres::listen::Listener> {
        let own = Arc::clone(&self.backend);
        postgres::listen::Listener::start(self.address.clone(), own, changed)
    }

    /// The connection, connected again first if the server closed it (a
    /// restart, a failover): the statement about to run then goes to
    /// the new one. One that cannot be made yet leaves the closed one,
    /// whose error the statement then gives.
    pub fn lock(&self) -> MutexGuard<'_, Conn> {
        let mut conn = self.conn.lock().unwrap_or_else(PoisonError::into_inner);
        if conn.client.is_closed()
            && let Ok((client, backend)) = open(&self.address)
        {
            *conn = Conn {
                client,
                statements: Statements::default(),
            };
            self.backend.store(backend, Ordering::Relaxed);
        }
        conn
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

/// A use of the trees the store never makes (a tree it does not keep, a
/// transaction over two engines), should one come: said, not panicked.
pub fn unexpected(detail: impl Into<String>) -> StoreError {
    StoreError::Postgres(PgError::Other {
        address: String::new(),
        detail: detail.into(),
    })
}

/// A connection to `address` (the schema brought up to date) and its
/// server process.
fn open(address: &str) -> Result<(Client, i32), StoreError> {
    let mut client = postgres::connect(address)?;
    let backend = client
        .query_one("SELECT pg_backend_pid()", &[])
        .and_then(|row| row.try_get(0));
    match backend {
        Ok(backend) => Ok((client, backend)),
        Err(error) => Err(StoreError::Postgres(PgError::Other {
            address: shown(address),
            detail: error.to_string(),
        })),
    }
}
