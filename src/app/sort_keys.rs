//! The candidates table's sort: each row's key for a column worked out
//! once, so that sorting 100,000 rows compares integers and ready-made
//! strings.

use super::column::Column;
use super::records::data::Data;
use crate::catalog::Catalog;
use crate::domain::{Candidate, bench};
use chrono::{Datelike, NaiveDate};
use std::cmp::Ordering;

/// Precomputed keys, so that a sort of 100,000 rows compares integers and
/// ready-made strings instead of formatting on every comparison. A missing
/// value (no rate, no stage) is `None` and sorts last either way.
pub(super) struct SortKeys<'a> {
    data: &'a Data,
    numbers: Vec<Option<i64>>,
    texts: Option<Vec<String>>,
}

impl<'a> SortKeys<'a> {
    pub(super) fn build(
        column: Column,
        data: &'a Data,
        catalog: &Catalog,
        today: NaiveDate,
    ) -> SortKeys<'a> {
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
            Column::Available => (first_free_days(data, today), None),
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

    pub(super) fn compare(&self, a: usize, b: usize, descending: bool) -> Ordering {
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

/// Each candidate's first day free by the bench's rule (the day the
/// Available column shows and `avail<=` compares), in days.
fn first_free_days(data: &Data, today: NaiveDate) -> Vec<Option<i64>> {
    let candidates = data.candidates();
    let mut days = vec![None; candidates.len()];
    let placements = data.agency().placements();
    // As far ahead as anyone can say (the obvious filter looks as far).
    for free in bench::free_within(candidates, placements, today, 100_000) {
        days[free.index] = Some(i64::from(free.from.num_days_from_ce()));
    }
    days
}

/// The sum of the three strongest levels: a rough "how deep" for sorting.
fn skill_strength(candidate: &Candidate) -> i64 {
    candidate
        .top_skills(3)
        .iter()
        .map(|s| i64::from(s.level.get()))
        .sum()
}
