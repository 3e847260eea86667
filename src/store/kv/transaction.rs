//! Transactions over several trees: all of a closure's writes, or none.

use super::pg::{self, PgTree};
use super::{Tree, TxError, TxResult, TxTree};
use crate::store::error::Result;
use sled::transaction::{ConflictableTransactionError, TransactionError};

/// Trees that can take part in one transaction together: a tuple of
/// trees (the closure gets a tuple of [`TxTree`]s in the same order) or a
/// slice of them (a `Vec`).
///
/// The closure may run more than once (after a conflict with another
/// writer), so everything in it must be a pure function of what it reads.
pub trait Transactional {
    type View<'t>;

    /// Runs `change` in one transaction and commits what it wrote, or
    /// gives up on the first [`TxError::Abort`] and returns its error.
    fn transaction<R>(&self, change: impl Fn(&Self::View<'_>) -> TxResult<R>) -> Result<R>;
}

/// sled's form of a closure's outcome.
fn to_sled<R>(
    outcome: TxResult<R>,
) -> std::result::Result<R, ConflictableTransactionError<crate::store::StoreError>> {
    outcome.map_err(|error| match error {
        TxError::Abort(error) | TxError::Storage(error) => {
            ConflictableTransactionError::Abort(error)
        }
        TxError::Conflict => ConflictableTransactionError::Conflict,
    })
}

/// The store's form of a transaction's outcome.
fn finish<R>(
    outcome: sled::transaction::TransactionResult<R, crate::store::StoreError>,
) -> Result<R> {
    outcome.map_err(|error| match error {
        TransactionError::Abort(error) => error,
        TransactionError::Storage(error) => error.into(),
    })
}

/// The trees, when all are on PostgreSQL (a transaction never mixes
/// engines: one store has one).
fn all_on_pg<'a>(trees: &[&'a Tree]) -> Result<Vec<&'a PgTree>> {
    trees
        .iter()
        .map(|tree| tree.pg())
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| pg::unexpected("one transaction over trees of two engines"))
}

macro_rules! tuple_transactional {
    ($($index:tt),+) => {
        impl<'a> Transactional for ($(tuple_transactional!(@tree $index),)+) {
            type View<'t> = ($(tuple_transactional!(@view $index, 't),)+);

            fn transaction<R>(&self, change: impl Fn(&Self::View<'_>) -> TxResult<R>) -> Result<R> {
                use sled::Transactional as _;
                let on_sled = 'sled: {
                    Some(($(match self.$index.sled() {
                        Some(tree) => tree,
                        None => break 'sled None,
                    },)+))
                };
                if let Some(trees) = on_sled {
                    return finish(trees.transaction(|views| {
                        to_sled(change(&($(TxTree::Sled(&views.$index),)+)))
                    }));
                }
                let trees = all_on_pg(&[$(self.$index,)+])?;
                pg::run(&trees, |views| change(&($(TxTree::Pg(views[$index]),)+)))
            }
        }
    };
    (@tree $index:tt) => { &'a Tree };
    (@view $index:tt, $t:lifetime) => { TxTree<$t> };
}

tuple_transactional!(0);
tuple_transactional!(0, 1);
tuple_transactional!(0, 1, 2);
tuple_transactional!(0, 1, 2, 3);
tuple_transactional!(0, 1, 2, 3, 4);
tuple_transactional!(0, 1, 2, 3, 4, 5);
tuple_transactional!(0, 1, 2, 3, 4, 5, 6);
tuple_transactional!(0, 1, 2, 3, 4, 5, 6, 7);

impl Transactional for [&Tree] {
    type View<'t> = Vec<TxTree<'t>>;

    fn transaction<R>(&self, change: impl Fn(&Self::View<'_>) -> TxResult<R>) -> Result<R> {
        use sled::Transactional as _;
        let on_sled: Option<Vec<sled::Tree>> =
            self.iter().map(|tree| tree.sled().cloned()).collect();
        if let Some(trees) = on_sled {
            return finish(
                trees[..].transaction(|views| {
                    to_sled(change(&views.iter().map(TxTree::Sled).collect()))
                }),
            );
        }
        let trees = all_on_pg(self)?;
        pg::run(&trees, |views| {
            change(&views.iter().copied().map(TxTree::Pg).collect())
        })
    }
}

impl Transactional for Tree {
    type View<'t> = TxTree<'t>;

    fn transaction<R>(&self, change: impl Fn(&Self::View<'_>) -> TxResult<R>) -> Result<R> {
        if let Some(tree) = self.sled() {
            return finish(tree.transaction(|view| to_sled(change(&TxTree::Sled(view)))));
        }
        let trees = all_on_pg(&[self])?;
        pg::run(&trees, |views| change(&TxTree::Pg(views[0])))
    }
}
