//! Filtering candidates with the filter language (`crate::filter`): the
//! one evaluator behind the app's filter line, saved views and
//! `hireterm list`.
//!
//! A keystroke in the filter line changes one term at most, so each term's
//! set of candidates is kept (`Finder`'s cache, for one snapshot of the
//! records) and a filter is the intersection of its groups, each the
//! union of its terms: only the term being typed is worked out afresh.

mod eval;
mod index;
pub mod naive;

pub use eval::Words;
pub use index::FilterIndex;

use crate::app::records::data::Data;
use crate::domain::Policy;
use crate::filter::{Filter, Term, Test};
use chrono::NaiveDate;
use eval::Scope;
use fixedbitset::FixedBitSet;
use std::collections::HashMap;

/// How many term results are kept before the cache starts afresh.
const CACHE_LIMIT: usize = 512;

/// Filters one snapshot of the records.
pub struct Finder {
    index: FilterIndex,
    cache: HashMap<Test, FixedBitSet>,
}

impl Finder {
    /// Lays out `data` for filtering on `today`. Build it again when the
    /// records or the day change.
    pub fn build(data: &Data, policy: &Policy, today: NaiveDate) -> Finder {
        Finder {
            index: FilterIndex::build(data, policy, today),
            cache: HashMap::new(),
        }
    }

    /// Drops every term's kept result (the benchmark's cold start).
    pub fn forget(&mut self) {
        self.cache.clear();
    }

    pub fn today(&self) -> NaiveDate {
        self.index.today
    }

    /// The candidates (indices into `data.candidates()`) `filter` lets
    /// through. `data` and `policy` must be those it was built from.
    pub fn select(
        &mut self,
        filter: &Filter,
        data: &Data,
        policy: &Policy,
        words: &dyn Words,
    ) -> FixedBitSet {
        let Finder { index, cache } = self;
        let scope = Scope {
            data,
            index,
            policy,
            words,
        };
        let mut all = FixedBitSet::with_capacity(index.len);
        all.insert_range(..);
        for group in &filter.groups {
            let mut any = FixedBitSet::with_capacity(index.len);
            for term in &group.any_of {
                union_term(cache, &mut any, term, &scope);
            }
            all.intersect_with(&any);
        }
        all
    }
}

/// Adds the candidates `term` holds for to `into`, working the term out
/// only when the cache does not have it.
fn union_term(
    cache: &mut HashMap<Test, FixedBitSet>,
    into: &mut FixedBitSet,
    term: &Term,
    scope: &Scope<'_>,
) {
    if cache.len() > CACHE_LIMIT {
        cache.clear();
    }
    let holds = cache
        .entry(term.test.clone())
        .or_insert_with(|| scope.holds(&term.test));
    if term.negated {
        let mut not = holds.clone();
        not.toggle_range(..);
        into.union_with(&not);
    } else {
        into.union_with(holds);
    }
}
