//! The Bench pane's state: its window and order. Who is on the bench is
//! the domain's rule (`domain::bench`), shared with `hireterm bench`.

use super::list::ListCursor;
use super::records::data::Data;
use crate::domain::Candidate;
use crate::domain::bench::{Why, free_within};
use chrono::NaiveDate;

/// The windows `w` steps through, in days.
pub const WINDOWS: [i64; 4] = [7, 14, 30, 90];

/// One person on the bench: a candidate's index in the records, the
/// first day they are free and why (see `domain::bench` for the rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BenchRow {
    pub candidate: u32,
    pub from: NaiveDate,
    pub why: Why,
}

/// The bench's columns that sort.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BenchSort {
    Free,
    Rate,
    Name,
}

impl BenchSort {
    pub fn title(self) -> &'static str {
        match self {
            BenchSort::Free => "free from",
            BenchSort::Rate => "rate",
            BenchSort::Name => "name",
        }
    }

    pub fn next(self) -> BenchSort {
        match self {
            BenchSort::Free => BenchSort::Rate,
            BenchSort::Rate => BenchSort::Name,
            BenchSort::Name => BenchSort::Free,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BenchState {
    pub window: i64,
    pub sort: BenchSort,
    pub descending: bool,
    pub cursor: ListCursor,
}

impl Default for BenchState {
    fn default() -> Self {
        BenchState {
            window: 30,
            sort: BenchSort::Free,
            descending: false,
            cursor: ListCursor::default(),
        }
    }
}

impl BenchState {
    pub fn next_window(&mut self) {
        let at = WINDOWS.iter().position(|w| *w == self.window).unwrap_or(0);
        self.window = WINDOWS[(at + 1) % WINDOWS.len()];
    }
}

/// Everyone free from `today` to `today` + the window, in the state's
/// order (ties by name).
pub fn rows(data: &Data, state: &BenchState, today: NaiveDate) -> Vec<BenchRow> {
    let placements = data.agency().placements();
    let mut rows: Vec<BenchRow> = free_within(data.candidates(), placements, today, state.window)
        .into_iter()
        .map(|f| BenchRow {
            candidate: f.index as u32,
            from: f.from,
            why: f.why,
        })
        .collect();
    sort(&mut rows, data, state);
    rows
}

fn sort(rows: &mut [BenchRow], data: &Data, state: &BenchState) {
    let candidates = data.candidates();
    let rate = |c: &Candidate| c.rate.as_ref().map_or(u32::MAX, |r| r.min);
    rows.sort_by(|a, b| {
        let (x, y) = (
            &candidates[a.candidate as usize],
            &candidates[b.candidate as usize],
        );
        let by_name = data
            .name_rank(a.candidate as usize)
            .cmp(&data.name_rank(b.candidate as usize));
        let order = match state.sort {
            BenchSort::Free => a.from.cmp(&b.from),
            BenchSort::Rate => rate(x).cmp(&rate(y)),
            BenchSort::Name => by_name,
        };
        let order = if state.descending {
            order.reverse()
        } else {
            order
        };
        order.then(by_name)
    });
}
