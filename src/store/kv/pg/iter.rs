//! A tree's entries read a page at a time, from either end.

use super::PgTree;
use super::ops::{self, Bound};
use super::sql::Direction;
use crate::store::error::StoreError;
use sled::IVec;
use std::collections::VecDeque;

/// Entries read per round trip.
const PAGE: i64 = 500;

/// The entries of a tree between two bounds. Each end reads pages
/// towards the other and moves its bound past what it read, so the two
/// never read a row twice; when one end has read all there is, it takes
/// what the other end read and has not yet handed out.
pub struct PgIter {
    tree: PgTree,
    low: Bound,
    high: Bound,
    /// Read upwards, lowest first.
    front: VecDeque<(IVec, IVec)>,
    /// Read downwards, highest first.
    back: VecDeque<(IVec, IVec)>,
    /// No row is left between the bounds.
    drained: bool,
}

impl PgIter {
    pub fn new(tree: PgTree, low: Bound, high: Bound) -> PgIter {
        PgIter {
            tree,
            low,
            high,
            front: VecDeque::new(),
            back: VecDeque::new(),
            drained: false,
        }
    }

    /// Reads the next page from one end; `false` when there was none.
    fn fill(&mut self, direction: Direction) -> Result<bool, StoreError> {
        if self.drained {
            return Ok(false);
        }
        let page = {
            let mut conn = self.tree.pg.lock();
            let bounds = (&self.low, &self.high);
            ops::page(&mut conn.on(), &self.tree.shape, bounds, direction, PAGE)
                .map_err(|e| self.tree.pg.op_failed(e))?
        };
        self.drained = (page.len() as i64) < PAGE;
        let Some((last, _)) = page.last() else {
            return Ok(false);
        };
        let past = Some((last.to_vec(), false));
        match direction {
            Direction::Up => (self.low = past, self.front.extend(page)),
            Direction::Down => (self.high = past, self.back.extend(page)),
        };
        Ok(true)
    }

    fn failed(&mut self, error: StoreError) -> Option<Result<(IVec, IVec), StoreError>> {
        self.drained = true;
        self.front.clear();
        self.back.clear();
        Some(Err(error))
    }
}

impl Iterator for PgIter {
    type Item = Result<(IVec, IVec), StoreError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.front.is_empty()
            && let Err(error) = self.fill(Direction::Up)
        {
            return self.failed(error);
        }
        self.front
            .pop_front()
            .or_else(|| self.back.pop_back())
            .map(Ok)
    }
}

impl DoubleEndedIterator for PgIter {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.back.is_empty()
            && let Err(error) = self.fill(Direction::Down)
        {
            return self.failed(error);
        }
        self.back
            .pop_front()
            .or_else(|| self.front.pop_back())
            .map(Ok)
    }
}
