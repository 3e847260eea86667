//! The candidates pane: a sortable table over every candidate (or those
//! the current filter lets through), and the detail view of one.

pub use super::column::Column;

use super::Pane;
use super::list::{ListCursor, Motion};
use super::records::data::Data;
use super::sort_keys::SortKeys;
use super::table_filter::{ActiveFilter, Ranking};
use crate::catalog::Catalog;
use crate::domain::{Candidate, CandidateId};
use chrono::NaiveDate;
use fixedbitset::FixedBitSet;
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidatesState {
    /// Indices into `Data::candidates`, in display order. Every candidate
    /// by name (the default) is `Data::by_name`, shared by the sessions
    /// showing it; another sort or a filter has rows of its own.
    pub order: Arc<Vec<u32>>,
    pub sort: Column,
    pub descending: bool,
    pub cursor: ListCursor,
    /// The candidate whose detail view is open, and how far it is scrolled.
    pub detail: Option<Detail>,
    /// Set from the filter line, the palette or a view; `order` then
    /// holds only its rows.
    pub filter: Option<ActiveFilter>,
    /// The columns a view chose, in its order; empty: those that fit.
    pub columns: Vec<Column>,
    /// The day a sort by availability is worked out for (the app keeps it
    /// current as its views refresh).
    pub today: NaiveDate,
}

/// The table's order as it is now: the one source the title and the
/// header both draw from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// A filter's own order ("highest level first"): no column's.
    Ranked(&'static str),
    Sorted {
        column: Column,
        descending: bool,
    },
}

impl Order {
    /// What the title says: "sorted by name ▲", "best fit first".
    pub fn describe(self) -> String {
        match self {
            Order::Ranked(label) => label.to_string(),
            Order::Sorted { column, descending } => {
                super::list::sorted_by(&column.title().to_lowercase(), descending)
            }
        }
    }

    /// The arrow after a column's header: the sorted column's only.
    pub fn arrow_for(self, shown: Column) -> &'static str {
        match self {
            Order::Sorted { column, descending } if column == shown => {
                super::list::arrow(descending)
            }
            _ => "",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detail {
    pub candidate: CandidateId,
    pub scroll: u16,
    /// The pane that opened it, where Esc returns.
    pub opened_from: Pane,
}

impl CandidatesState {
    pub fn new(data: &Data, catalog: &Catalog) -> CandidatesState {
        let mut state = CandidatesState {
            order: data.by_name(),
            sort: Column::Name,
            descending: false,
            cursor: ListCursor::default(),
            detail: None,
            filter: None,
            columns: Vec::new(),
            today: NaiveDate::default(),
        };
        state.resort(data, catalog);
        state.cursor = ListCursor::default();
        state
    }

    /// Puts candidates added since `order` was built into the table (all of
    /// them; a filter is worked out again instead, `App::refilter`), or
    /// takes out one deleted (the indices after it shifted: every row).
    pub fn take_new_rows(&mut self, data: &Data, catalog: &Catalog) {
        if self.filter.is_some() {
            return;
        }
        if !self.is_default_order() {
            let (shown, count) = (self.order.len() as u32, data.candidates().len() as u32);
            let order = Arc::make_mut(&mut self.order);
            match count < shown {
                true => *order = (0..count).collect(),
                false => order.extend(shown..count),
            }
        }
        // The default order is taken whole from `data`, new rows included.
        self.resort(data, catalog);
    }

    /// The order the rows are in: a filter's own while it holds, else the
    /// sort.
    pub fn order_shown(&self) -> Order {
        match self.filter.as_ref().and_then(|f| f.ordered_by()) {
            Some(label) => Order::Ranked(label),
            None => Order::Sorted {
                column: self.sort,
                descending: self.descending,
            },
        }
    }

    /// The candidate under the cursor.
    pub fn selected<'a>(&self, data: &'a Data) -> Option<&'a Candidate> {
        let index = *self.order.get(self.cursor.selected)?;
        data.candidates().get(index as usize)
    }

    /// Puts the cursor on a candidate, if it is among the rows.
    pub fn select(&mut self, data: &Data, id: CandidateId, page: usize) {
        let row = self
            .order
            .iter()
            .position(|&i| data.candidates().get(i as usize).map(|c| c.id) == Some(id));
        if let Some(row) = row {
            self.cursor.selected = row;
            self.cursor.clamp(self.order.len(), page);
        }
    }

    pub fn motion(&mut self, motion: Motion, page: usize) {
        self.cursor.apply(motion, self.order.len(), page);
    }

    pub fn sort_next(&mut self, data: &Data, catalog: &Catalog) {
        self.sort = self.sort.next();
        self.descending = false;
        self.resort(data, catalog);
    }

    pub fn reverse(&mut self, data: &Data, catalog: &Catalog) {
        self.descending = !self.descending;
        self.resort(data, catalog);
    }

    /// Every candidate by name, A to Z: the rows `Data::by_name` shares.
    fn is_default_order(&self) -> bool {
        self.filter.is_none() && self.sort == Column::Name && !self.descending
    }

    /// Sorts `order` by the current column, keeping the cursor on the same
    /// candidate. Ties fall back to the name, then the id, so the order is
    /// total and stable across runs. A filter's own order gives way.
    pub fn resort(&mut self, data: &Data, catalog: &Catalog) {
        if let Some(filter) = &mut self.filter {
            filter.ranking = None;
        }
        let keep = self.selected(data).map(|c| c.id);
        if self.is_default_order() {
            // Names are ranked without ties: this is the sort below.
            self.order = data.by_name();
        } else {
            self.sort_rows(data, catalog);
        }
        self.keep_cursor_on(keep, data);
    }

    fn sort_rows(&mut self, data: &Data, catalog: &Catalog) {
        let (column, descending, today) = (self.sort, self.descending, self.today);
        let rows = Arc::make_mut(&mut self.order);
        sort_rows(rows, column, descending, data, catalog, today);
    }

    /// Shows the candidates in `rows` (indices), in the filter's own order
    /// or the table's sort, from the top.
    pub fn show_rows(&mut self, rows: &FixedBitSet, data: &Data, catalog: &Catalog) {
        self.cursor = ListCursor::default();
        let ranking = self.filter.as_ref().and_then(|f| f.ranking.clone());
        if let Some(ranking) = ranking {
            self.order = Arc::new(ranked(&ranking, rows, data, catalog));
        } else if self.sort == Column::Name && !self.descending {
            // The shared order by name, thinned: no sort needed.
            let by_name = data.by_name();
            let kept = by_name.iter().filter(|&&i| rows.contains(i as usize));
            self.order = Arc::new(kept.copied().collect());
        } else {
            self.order = Arc::new(rows.ones().map(|i| i as u32).collect());
            self.sort_rows(data, catalog);
        }
    }

    fn keep_cursor_on(&mut self, keep: Option<CandidateId>, data: &Data) {
        if let Some(id) = keep
            && let Some(position) = self
                .order
                .iter()
                .position(|&i| data.candidates()[i as usize].id == id)
        {
            self.cursor.selected = position;
        }
    }
}

/// `rows` ranked highest first, names breaking ties.
fn ranked(ranking: &Ranking, rows: &FixedBitSet, data: &Data, catalog: &Catalog) -> Vec<u32> {
    let candidates = data.candidates();
    let mut keyed: Vec<(u8, u32, u32)> = rows
        .ones()
        .map(|i| {
            (
                ranking.rank(&candidates[i], catalog),
                data.name_rank(i),
                i as u32,
            )
        })
        .collect();
    keyed.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    keyed.into_iter().map(|(_, _, i)| i).collect()
}

/// Sorts `rows` (indices into `data.candidates()`) as the table sorts by
/// `column` on `today`: ties fall back to the name, then the index, so the
/// order is total and the same on every run. `hireterm list` sorts with
/// this too.
pub fn sort_rows(
    rows: &mut [u32],
    column: Column,
    descending: bool,
    data: &Data,
    catalog: &Catalog,
    today: NaiveDate,
) {
    let keys = SortKeys::build(column, data, catalog, today);
    rows.sort_unstable_by(|&a, &b| {
        keys.compare(a as usize, b as usize, descending)
            .then_with(|| data.name_rank(a as usize).cmp(&data.name_rank(b as usize)))
            .then(a.cmp(&b))
    });
}
