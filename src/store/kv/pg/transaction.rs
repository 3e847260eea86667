//! A transaction on PostgreSQL over several trees, run again from the
//! start when PostgreSQL finds it conflicted with another's.

use super::ops::{self, OpError, OpResult};
use super::pending::Pending;
use super::statements::Statements;
use super::{Pg, PgTree, Shape};
use crate::store::error::StoreError;
use crate::store::kv::{TxError, TxResult};
use postgres::error::SqlState;
use postgres::{IsolationLevel, Transaction};
use sled::IVec;
use std::cell::RefCell;

/// What a tree inside a transaction does with the transaction.
trait Session {
    fn get(&self, shape: &Shape, key: &[u8]) -> OpResult<Option<IVec>>;
    fn put(&self, shape: &Shape, key: &[u8], value: &[u8]) -> OpResult<()>;
    fn remove(&self, shape: &Shape, key: &[u8]) -> OpResult<Option<IVec>>;
}

/// A transaction, its connection's prepared statements, and its writes
/// not sent yet (`pending.rs`).
struct Open<'c> {
    tx: Transaction<'c>,
    statements: &'c mut Statements,
    pending: Pending,
}

type Shared<'c> = RefCell<Open<'c>>;

impl<'c> Open<'c> {
    /// The transaction to run statements on, and the writes it holds.
    fn parts(&mut self) -> (ops::On<'_, Transaction<'c>>, &mut Pending) {
        let on = ops::On {
            client: &mut self.tx,
            statements: &mut *self.statements,
        };
        (on, &mut self.pending)
    }
}

/// Runs `op` on the transaction of `open`, the writes held for `table`
/// (every one, for `None`) sent first.
fn on<T>(
    open: &Shared<'_>,
    table: Option<&str>,
    op: impl FnOnce(&mut ops::On<Transaction<'_>>) -> OpResult<T>,
) -> OpResult<T> {
    let mut open = open.borrow_mut();
    let (mut on, pending) = open.parts();
    match table {
        Some(table) => pending.send_table(&mut on, table)?,
        None => pending.send(&mut on)?,
    }
    op(&mut on)
}

impl Session for Shared<'_> {
    fn get(&self, shape: &Shape, key: &[u8]) -> OpResult<Option<IVec>> {
        if let Some(value) = self.borrow().pending.held(shape, key) {
            return Ok(Some(IVec::from(value)));
        }
        on(self, Some(shape.table), |c| ops::get(c, shape, key))
    }
    fn put(&self, shape: &Shape, key: &[u8], value: &[u8]) -> OpResult<()> {
        let mut open = self.borrow_mut();
        let (mut on, pending) = open.parts();
        pending.put(&mut on, shape, key, value)
    }
    fn remove(&self, shape: &Shape, key: &[u8]) -> OpResult<Option<IVec>> {
        on(self, Some(shape.table), |c| ops::remove(c, shape, key))
    }
}

/// One tree inside a PostgreSQL transaction.
#[derive(Clone, Copy)]
pub struct PgTxTree<'t> {
    session: &'t dyn Session,
    shape: Shape,
    pg: &'t Pg,
}

impl PgTxTree<'_> {
    pub fn get(&self, key: &[u8]) -> TxResult<Option<IVec>> {
        self.session
            .get(&self.shape, key)
            .map_err(|e| self.error(e))
    }

    pub fn insert(&self, key: &[u8], value: &[u8]) -> TxResult<()> {
        let shape = &self.shape;
        self.session
            .put(shape, key, value)
            .map_err(|e| self.error(e))
    }

    pub fn remove(&self, key: &[u8]) -> TxResult<Option<IVec>> {
        self.session
            .remove(&self.shape, key)
            .map_err(|e| self.error(e))
    }

    fn error(&self, error: OpError) -> TxError {
        match error {
            OpError::Sql(error) if conflicted(&error) => TxError::Conflict,
            error => TxError::Storage(self.pg.op_failed(error)),
        }
    }
}

/// Whether PostgreSQL gave the transaction up for another's sake: it
/// would succeed if run again.
fn conflicted(error: &postgres::Error) -> bool {
    let code = error.code();
    code == Some(&SqlState::T_R_SERIALIZATION_FAILURE)
        || code == Some(&SqlState::T_R_DEADLOCK_DETECTED)
}

/// Runs `change` over `trees` (all on one database) in one serializable
/// transaction and commits, again from the start after a conflict.
pub fn run<R>(
    trees: &[&PgTree],
    change: impl Fn(&[PgTxTree<'_>]) -> TxResult<R>,
) -> Result<R, StoreError> {
    let Some(pg) = trees.first().map(|tree| &*tree.pg) else {
        return change(&[]).map_err(given_up);
    };
    let mut conn = pg.lock();
    let conn = &mut *conn;
    loop {
        let tx = conn
            .client
            .build_transaction()
            .isolation_level(IsolationLevel::Serializable)
            .start()
            .map_err(|e| pg.failed(&e))?;
        let session: Shared = RefCell::new(Open {
            tx,
            statements: &mut conn.statements,
            pending: Pending::default(),
        });
        let outcome = {
            let views: Vec<PgTxTree> = trees
                .iter()
                .map(|tree| PgTxTree {
                    session: &session,
                    shape: tree.shape,
                    pg,
                })
                .collect();
            // What is held goes before the commit, and can fail as any
            // write: a conflict, run again; anything else, given up.
            change(&views).and_then(|value| {
                on(&session, None, |_| Ok(()))
                    .map(|()| value)
                    .map_err(|e| views[0].error(e))
            })
        };
        // A transaction not committed is rolled back as it is dropped.
        let Open { tx, .. } = session.into_inner();
        let value = match outcome {
            Ok(value) => value,
            Err(TxError::Conflict) => continue,
            Err(error) => return Err(given_up(error)),
        };
        match tx.commit() {
            Ok(()) => return Ok(value),
            Err(error) if conflicted(&error) => continue,
            Err(error) => return Err(pg.failed(&error)),
        }
    }
}

/// The error a transaction given up ends with (a conflict is run again,
/// never given up, except by a transaction over no tree at all).
fn given_up(error: TxError) -> StoreError {
    match error {
        TxError::Abort(error) | TxError::Storage(error) => error,
        TxError::Conflict => super::unexpected("a transaction over no tree conflicted"),
    }
}
