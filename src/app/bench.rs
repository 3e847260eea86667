//! The bench: who is free now or soon. A candidate is on it when their
//! availability date falls within the window (a past date: free now) and
//! they are not placed past it, or when their placement ends within the
//! window (free the day after). Candidates with no availability date are
//! left off: nothing is known of them.

use super::list::ListCursor;
use super::records::data::Data;
use crate::domain::{Candidate, PlacementId};
use chrono::{Duration, NaiveDate};
use std::collections::HashMap;

/// The windows `w` steps through, in days.
pub const WINDOWS: [i64; 4] = [7, 14, 30, 90];

/// Why someone is on the bench.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Free {
    /// Their availability date.
    Available,
    /// Their placement ends.
    Ending(PlacementId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BenchRow {
    /// The candidate's index in the records.
    pub candidate: u32,
    /// The first day they are free (today for anyone free already).
    pub from: NaiveDate,
    pub why: Free,
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
    let until = today + Duration::days(state.window);
    let mut placed_until: HashMap<u32, Option<NaiveDate>> = HashMap::new();
    let mut rows = Vec::new();
    for p in data.agency().placements() {
        let Some(index) = data.index_of(p.candidate) else {
            continue;
        };
        let end = p.ends_on();
        if p.holds_a_seat(today) {
            let latest = placed_until.entry(index as u32).or_insert(end);
            *latest = latest.zip(end).map(|(a, b)| a.max(b));
        }
        if let Some(end) = end.filter(|end| *end >= today && *end < until) {
            let from = end + Duration::days(1);
            rows.push(BenchRow {
                candidate: index as u32,
                from,
                why: Free::Ending(p.id),
            });
        }
    }
    for (index, c) in data.candidates().iter().enumerate() {
        let Some(available) = c.available_from.filter(|d| *d <= until) else {
            continue;
        };
        let busy = placed_until.get(&(index as u32));
        if busy.is_some_and(|end| end.is_none_or(|end| end >= until)) {
            continue;
        }
        if rows.iter().any(|r| r.candidate == index as u32) {
            continue;
        }
        rows.push(BenchRow {
            candidate: index as u32,
            from: available.max(today),
            why: Free::Available,
        });
    }
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
