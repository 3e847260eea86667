//! Filtering the candidates table: the one [`Finder`] of this session,
//! built the first time a filter needs it after the records or the day
//! changed, and kept across keystrokes, so that typing a filter works out
//! only the term being typed.

use super::App;
use super::filtering::{Finder, Words};
use super::table_filter::ActiveFilter;
use crate::search::SearchIndex;
use chrono::NaiveDate;
use fixedbitset::FixedBitSet;
use std::cell::OnceCell;
use std::sync::Arc;

/// The finder and the records version it was built from.
#[derive(Default)]
pub struct Finding {
    finder: Option<(u64, Finder)>,
}

impl Finding {
    /// Whether the finder was built from records at `version` on `today`.
    fn is_fresh(&self, version: u64, today: NaiveDate) -> bool {
        matches!(&self.finder, Some((v, f)) if *v == version && f.today() == today)
    }
}

impl App {
    /// Shows the candidates `filter` lets through (everyone when there is
    /// none or it is empty), and works out the matrix rows again.
    pub(super) fn show_filter(&mut self, filter: Option<ActiveFilter>) {
        match filter.filter(|f| !f.filter.groups.is_empty()) {
            None => {
                self.candidates.filter = None;
                self.candidates.order = self.data.by_name();
                self.candidates.resort(&self.data, self.catalog);
            }
            Some(filter) => {
                let rows = self.select_rows(&filter);
                self.candidates.filter = Some(filter);
                let data = Arc::clone(&self.data);
                self.candidates.show_rows(&rows, &data, self.catalog);
            }
        }
        let page = self.page_rows();
        let count = self.candidates.order.len();
        self.candidates.cursor.clamp(count, page);
        self.rebuild_matrix();
    }

    /// The filter worked out again over the current records (they changed,
    /// or the day did).
    pub(super) fn refilter(&mut self) {
        if let Some(filter) = self.candidates.filter.clone() {
            self.show_filter(Some(filter));
        }
    }

    /// [`App::refilter`] when a filter's days (`avail<=14d`) moved on.
    pub(super) fn refilter_on_new_day(&mut self) {
        let today = self.clock.now().date_naive();
        if self.candidates.filter.is_some() && !self.finding.is_fresh(self.seen, today) {
            self.refilter();
        }
    }

    /// The rows `filter` lets through, from a finder over these records.
    fn select_rows(&mut self, filter: &ActiveFilter) -> FixedBitSet {
        let today = self.clock.now().date_naive();
        if !self.finding.is_fresh(self.seen, today) {
            let finder = Finder::build(&self.data, &self.policy, today);
            self.finding.finder = Some((self.seen, finder));
        }
        let words = IndexWords {
            index_of: &|| self.access.search_index(&self.records, self.catalog),
            count: self.data.candidates().len(),
            index: OnceCell::new(),
        };
        match &mut self.finding.finder {
            Some((_, finder)) => finder.select(&filter.filter, &self.data, &self.policy, &words),
            None => FixedBitSet::new(),
        }
    }
}

/// Plain words go to the palette's search index, fetched (and waited for,
/// while it is first built) only when a filter has a word.
struct IndexWords<'a> {
    /// The session's search index (see `access.rs`: a restricted role's
    /// is over its own records).
    index_of: &'a dyn Fn() -> Option<Arc<SearchIndex>>,
    /// The candidates of the snapshot filtered: an index built from newer
    /// records may know more.
    count: usize,
    index: OnceCell<Option<Arc<SearchIndex>>>,
}

impl Words for IndexWords<'_> {
    fn mark_matching(&self, word: &str, found: &mut fixedbitset::FixedBitSet) {
        let index = self.index.get_or_init(self.index_of);
        let Some(index) = index else {
            return;
        };
        // An index built from an older snapshot may know more candidates.
        let count = self.count;
        index.mark_candidates(word, |i| {
            if (i as usize) < count {
                found.insert(i as usize);
            }
        });
    }
}
