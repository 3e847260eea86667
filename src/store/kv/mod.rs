//! The store's seam to its engine: trees of ordered byte keys and values
//! ([`Tree`], read in order through [`Iter`], written many at a time with
//! a [`Batch`]), and transactions over several trees at once
//! ([`Transactional`], each tree seen inside one as a [`TxTree`]).
//!
//! Everything the store does with its records goes through this module,
//! so that an engine is a matter of this module alone (issue 20: sled
//! today, PostgreSQL next). What is sled's own (opening its files, its
//! log, backups by copying them) still talks to sled directly.
//!
//! Errors arrive as the store's own ([`StoreError`](super::StoreError)),
//! so nothing that calls a tree knows which engine answered.

mod batch;
mod iter;
pub(in crate::store) mod pg;
mod transaction;
mod tree;
mod tx_tree;

pub use batch::Batch;
pub use iter::Iter;
pub use pg::Pg;
pub use transaction::Transactional;
pub use tree::Tree;
pub use tx_tree::{TxError, TxResult, TxTree};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_held;
