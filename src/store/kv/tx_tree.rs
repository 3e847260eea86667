//! A tree as one transaction sees it, and how a transaction ends early.

use super::pg::PgTxTree;
use crate::store::error::StoreError;
use sled::IVec;
use sled::transaction::{TransactionalTree, UnabortableTransactionError};

/// Why a transaction's closure stopped.
#[derive(Debug)]
pub enum TxError {
    /// The store refused the change: the transaction is given up and the
    /// caller gets this error.
    Abort(StoreError),
    /// Another writer got there first: the engine runs the closure again.
    Conflict,
    /// The engine failed.
    Storage(StoreError),
}

pub type TxResult<T> = std::result::Result<T, TxError>;

impl From<UnabortableTransactionError> for TxError {
    fn from(error: UnabortableTransactionError) -> TxError {
        match error {
            UnabortableTransactionError::Conflict => TxError::Conflict,
            UnabortableTransactionError::Storage(error) => TxError::Storage(error.into()),
        }
    }
}

/// One tree inside a transaction: what it reads includes what the
/// transaction wrote so far.
pub enum TxTree<'t> {
    Sled(&'t TransactionalTree),
    Pg(PgTxTree<'t>),
}

impl TxTree<'_> {
    pub fn get(&self, key: impl AsRef<[u8]>) -> TxResult<Option<IVec>> {
        match self {
            TxTree::Sled(tree) => Ok(tree.get(key)?),
            TxTree::Pg(tree) => tree.get(key.as_ref()),
        }
    }

    /// Sets `key` to `value` (the old value is not read: on PostgreSQL
    /// that would be a round trip more).
    pub fn insert(&self, key: impl AsRef<[u8]>, value: impl Into<IVec>) -> TxResult<()> {
        match self {
            TxTree::Sled(tree) => Ok(tree.insert(key.as_ref(), value).map(drop)?),
            TxTree::Pg(tree) => tree.insert(key.as_ref(), &value.into()),
        }
    }

    pub fn remove(&self, key: impl AsRef<[u8]>) -> TxResult<Option<IVec>> {
        match self {
            TxTree::Sled(tree) => Ok(tree.remove(key.as_ref())?),
            TxTree::Pg(tree) => tree.remove(key.as_ref()),
        }
    }
}
