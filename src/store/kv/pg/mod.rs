//! The store's trees on PostgreSQL (issue 20): each tree a table of the
//! schema (`store/postgres/migrations/`), or for sled's two index trees
//! a query over one, read and written through the same calls as sled's.
//!
//! A transaction is PostgreSQL's, at the serializable level, and runs
//! again from the start when PostgreSQL says another writer got there
//! first (as sled's run again on a conflict): two instances of
//! `hireterm serve` writing one database see the same rules as two
//! sessions of one.

pub mod batched;
pub mod conn;
mod iter;
pub mod ops;
mod pending;
mod shape;
mod sql;
mod statements;
mod transaction;

pub use conn::{Pg, unexpected};
pub use iter::PgIter;
pub use shape::Shape;
pub use transaction::{PgTxTree, run};

use std::sync::Arc;

/// One tree on one PostgreSQL database.
#[derive(Clone)]
pub struct PgTree {
    pub pg: Arc<Pg>,
    pub shape: Shape,
}
