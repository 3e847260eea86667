//! The candidates pane: a sortable table over every candidate (or the
//! current filter), and the detail view of one.

use super::Pane;
use super::list::{ListCursor, Motion};
use super::records::data::Data;
use crate::catalog::Catalog;
use crate::domain::{Candidate, CandidateId};
use std::cmp::Ordering;
use std::sync::Arc;

/// The table's columns, in screen order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Name,
    Role,
    Skills,
    Location,
    Rate,
    Available,
    Stage,
}

impl Column {
    pub const ALL: [Column; 7] = [
        Column::Name,
        Column::Role,
        Column::Skills,
        Column::Location,
        Column::Rate,
        Column::Available,
        Column::Stage,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Column::Name => "Name",
            Column::Role => "Role",
            Column::Skills => "Top skills",
            Column::Location => "Location",
            Column::Rate => "Rate",
            Column::Available => "Available",
            Column::Stage => "Stage",
        }
    }

    fn next(self) -> Column {
        let i = Column::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Column::ALL[(i + 1) % Column::ALL.len()]
    }
}

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
    /// Set from the search palette; `order` then holds only its rows.
    pub filter: Option<Filter>,
}

/// A filter on the candidates table, set from the palette.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// "role DevOps Developer", shown in the header.
    pub label: String,
    /// How the filter ordered its rows ("best fit first"), until the user
    /// sorts by a column.
    pub ordered_by: Option<&'static str>,
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
        };
        state.resort(data, catalog);
        state.cursor = ListCursor::default();
        state
    }

    /// Puts candidates added since `order` was built into the table (all of
    /// them; a filter shows only its own rows, so it takes none).
    pub fn take_new_rows(&mut self, data: &Data, catalog: &Catalog) {
        if self.filter.is_some() {
            return;
        }
        if !self.is_default_order() {
            let shown = self.order.len() as u32;
            Arc::make_mut(&mut self.order).extend(shown..data.candidates().len() as u32);
        }
        // The default order is taken whole from `data`, new rows included.
        self.resort(data, catalog);
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
    /// total and stable across runs.
    pub fn resort(&mut self, data: &Data, catalog: &Catalog) {
        if let Some(filter) = &mut self.filter {
            filter.ordered_by = None;
        }
        let keep = self.selected(data).map(|c| c.id);
        if self.is_default_order() {
            // Names are ranked without ties: this is the sort below.
            self.order = data.by_name();
        } else {
            let rows = Arc::make_mut(&mut self.order);
            sort_rows(rows, self.sort, self.descending, data, catalog);
        }
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

/// Sorts `rows` (indices into `data.candidates()`) as the table sorts by
/// `column`: ties fall back to the name, then the index, so the order is
/// total and the same on every run. `hireterm list` sorts with this too.
pub fn sort_rows(
    rows: &mut [u32],
    column: Column,
    descending: bool,
    data: &Data,
    catalog: &Catalog,
) {
    let keys = SortKeys::build(column, data, catalog);
    rows.sort_unstable_by(|&a, &b| {
        keys.compare(a as usize, b as usize, descending)
            .then_with(|| data.name_rank(a as usize).cmp(&data.name_rank(b as usize)))
            .then(a.cmp(&b))
    });
}

/// Precomputed keys, so that a sort of 100,000 rows compares integers and
/// ready-made strings instead of formatting on every comparison. A missing
/// value (no rate, no stage) is `None` and sorts last either way.
struct SortKeys<'a> {
    data: &'a Data,
    numbers: Vec<Option<i64>>,
    texts: Option<Vec<String>>,
}

impl<'a> SortKeys<'a> {
    fn build(column: Column, data: &'a Data, catalog: &Catalog) -> SortKeys<'a> {
        let candidates = data.candidates();
        let number = |f: &dyn Fn(usize, &Candidate) -> Option<i64>| {
            candidates
                .iter()
                .enumerate()
                .map(|(i, c)| f(i, c))
                .collect()
        };
        let (numbers, texts) = match column {
            Column::Name => (Vec::new(), None),
            Column::Role => {
                let texts = candidates
                    .iter()
                    .map(|c| {
                        c.primary_role()
                            .map_or(String::new(), |r| catalog.role_name(r).to_lowercase())
                    })
                    .collect();
                (Vec::new(), Some(texts))
            }
            Column::Location => (
                Vec::new(),
                Some(
                    candidates
                        .iter()
                        .map(|c| c.location.to_string().to_lowercase())
                        .collect(),
                ),
            ),
            // Strongest first reads naturally for skills.
            Column::Skills => (number(&|_, c| Some(-skill_strength(c))), None),
            Column::Rate => (
                number(&|_, c| c.rate.as_ref().map(|r| i64::from(r.min))),
                None,
            ),
            Column::Available => (
                number(&|_, c| {
                    c.available_from
                        .map(|d| i64::from(chrono::Datelike::num_days_from_ce(&d)))
                }),
                None,
            ),
            Column::Stage => (
                number(&|i, _| data.current_stage(i).map(|s| s as i64)),
                None,
            ),
        };
        SortKeys {
            data,
            numbers,
            texts,
        }
    }

    fn compare(&self, a: usize, b: usize, descending: bool) -> Ordering {
        let directed = |order: Ordering| if descending { order.reverse() } else { order };
        match (&self.texts, self.numbers.is_empty()) {
            (Some(texts), _) => directed(texts[a].cmp(&texts[b])),
            (None, true) => directed(self.data.name_rank(a).cmp(&self.data.name_rank(b))),
            (None, false) => match (self.numbers[a], self.numbers[b]) {
                (Some(x), Some(y)) => directed(x.cmp(&y)),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
        }
    }
}

/// The sum of the three strongest levels: a rough "how deep" for sorting.
fn skill_strength(candidate: &Candidate) -> i64 {
    candidate
        .top_skills(3)
        .iter()
        .map(|s| i64::from(s.level.get()))
        .sum()
}
