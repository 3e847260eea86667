//! The bench: who is free, and from when. One rule for the app's Bench
//! pane and `hireterm bench`:
//! - someone who holds a seat (a placement not yet over) is free the day
//!   after the last of their placements ends, if every one ends;
//! - someone who holds none is free from the day they said they are
//!   available, or the day after their last placement ended, whichever is
//!   later; with neither, nothing is known of them and they are left off;
//! - either way, only if that day is within the window (a day already
//!   past is today).

use super::candidate::Candidate;
use super::ids::{CandidateId, PlacementId};
use super::placement::Placement;
use chrono::{Duration, NaiveDate};
use std::collections::HashMap;

/// Why someone is free when they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// The day they said they are available.
    Available,
    /// The day after their placement ends (it runs now).
    Ends(PlacementId, NaiveDate),
    /// The day after their last placement ended.
    Ended(PlacementId, NaiveDate),
}

impl std::fmt::Display for Why {
    /// `available`, `P3 ends 2026-06-14`, `P6 ended 2026-06-12`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Why::Available => f.write_str("available"),
            Why::Ends(p, day) => write!(f, "{p} ends {day}"),
            Why::Ended(p, day) => write!(f, "{p} ended {day}"),
        }
    }
}

/// One person on the bench.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Free {
    /// Their index in the candidates given.
    pub index: usize,
    /// The first day they are free (today for anyone free already).
    pub from: NaiveDate,
    pub why: Why,
}

/// Everyone among `candidates` free by `today` + `days`, in candidate
/// order.
pub fn free_within(
    candidates: &[Candidate],
    placements: &[Placement],
    today: NaiveDate,
    days: i64,
) -> Vec<Free> {
    let horizon = today + Duration::days(days);
    let mut held: HashMap<CandidateId, Vec<&Placement>> = HashMap::new();
    let mut ended: HashMap<CandidateId, &Placement> = HashMap::new();
    for p in placements {
        if p.holds_a_seat(today) {
            held.entry(p.candidate).or_default().push(p);
        } else if ended
            .get(&p.candidate)
            .is_none_or(|e| e.ends_on() < p.ends_on())
        {
            ended.insert(p.candidate, p);
        }
    }
    candidates
        .iter()
        .enumerate()
        .filter_map(|(index, c)| {
            let seats = held.get(&c.id).map_or(&[][..], Vec::as_slice);
            let (from, why) = free_from(c, seats, ended.get(&c.id).copied())?;
            (from <= horizon).then_some(Free {
                index,
                from: from.max(today),
                why,
            })
        })
        .collect()
}

/// The first day `candidate` is free by the same rule (today for anyone
/// free already), from `placements`, theirs; `None` when nothing is
/// known. For a few candidates at a time (the rows on screen).
pub fn first_free_day(
    candidate: &Candidate,
    placements: &[&Placement],
    today: NaiveDate,
) -> Option<NaiveDate> {
    let (held, over): (Vec<&Placement>, Vec<&Placement>) =
        placements.iter().partition(|p| p.holds_a_seat(today));
    let ended = over.into_iter().max_by_key(|p| p.ends_on());
    free_from(candidate, &held, ended).map(|(day, _)| day.max(today))
}

/// When a candidate is free and why (see the module's rule).
fn free_from(
    candidate: &Candidate,
    held: &[&Placement],
    ended: Option<&Placement>,
) -> Option<(NaiveDate, Why)> {
    let after = |p: &Placement| Some((p.ends_on()?.succ_opt()?, p.ends_on()?, p.id));
    if !held.is_empty() {
        let ends: Option<Vec<_>> = held.iter().map(|p| after(p)).collect();
        let (day, end, id) = ends?.into_iter().max_by_key(|(d, ..)| *d)?;
        return Some((day, Why::Ends(id, end)));
    }
    let said = candidate.available_from.map(|d| (d, Why::Available));
    let left = ended
        .and_then(after)
        .map(|(day, end, id)| (day, Why::Ended(id, end)));
    said.into_iter().chain(left).max_by_key(|(d, _)| *d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{at, candidate_with};
    use crate::domain::{EngagementId, HourlyRate, Terms};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, d).unwrap_or_default()
    }

    fn person(id: u64, available: Option<NaiveDate>) -> Candidate {
        let mut c = candidate_with(&[]);
        c.id = CandidateId(id);
        c.available_from = available;
        c
    }

    fn placed(id: u64, who: u64, end: Option<NaiveDate>) -> Placement {
        let terms = Terms {
            start: day(1),
            end,
            bill: HourlyRate::usd(95),
            pay: HourlyRate::usd(70),
        };
        Placement::new(
            PlacementId(id),
            (EngagementId(1), CandidateId(who)),
            terms,
            (at(1), "sam"),
        )
        .unwrap_or_else(|refused| panic!("{refused}"))
    }

    /// Who is free by day 20, seen on day 5: (candidate id, from, why).
    fn bench(people: &[Candidate], placements: &[Placement]) -> Vec<(u64, NaiveDate, String)> {
        free_within(people, placements, day(5), 15)
            .into_iter()
            .map(|f| (people[f.index].id.0, f.from, f.why.to_string()))
            .collect()
    }

    #[test]
    fn free_when_available_or_when_every_placement_ends_within_the_window() {
        let people = [
            person(1, Some(day(10))),
            person(2, Some(day(25))),
            person(3, None),
            person(4, Some(day(2))),
        ];
        assert_eq!(
            bench(&people, &[]),
            [
                (1, day(10), "available".into()),
                (4, day(5), "available".into())
            ],
            "too late and unknown left off; a past day is today"
        );
        let runs = [placed(3, 1, Some(day(14)))];
        assert_eq!(
            bench(&people[..1], &runs),
            [(1, day(15), "P3 ends 2026-06-14".into())]
        );
        let two = [placed(3, 1, Some(day(14))), placed(4, 1, Some(day(28)))];
        assert!(bench(&people[..1], &two).is_empty(), "the later one counts");
        assert!(
            bench(&people[..1], &[placed(5, 1, None)]).is_empty(),
            "open-ended"
        );
        let gone = [placed(6, 3, Some(day(4)))];
        assert_eq!(
            bench(&people[2..3], &gone),
            [(3, day(5), "P6 ended 2026-06-04".into())]
        );
        let mut later = people[0].clone();
        later.id = CandidateId(3);
        assert_eq!(
            bench(&[later], &gone),
            [(3, day(10), "available".into())],
            "the later day"
        );
    }

    #[test]
    fn one_candidate_s_first_free_day_is_the_bench_s() {
        let people = [
            person(1, Some(day(10))),
            person(2, None),
            person(3, Some(day(2))),
        ];
        let placements = [
            placed(3, 1, Some(day(14))),
            placed(4, 2, Some(day(4))),
            placed(5, 2, Some(day(3))),
            placed(6, 3, None),
        ];
        let bench = free_within(&people, &placements, day(5), 10_000);
        for (index, person) in people.iter().enumerate() {
            let theirs: Vec<&Placement> = placements
                .iter()
                .filter(|p| p.candidate == person.id)
                .collect();
            let on_bench = bench.iter().find(|f| f.index == index).map(|f| f.from);
            assert_eq!(first_free_day(person, &theirs, day(5)), on_bench, "{index}");
        }
        assert_eq!(first_free_day(&people[0], &[], day(5)), Some(day(10)));
    }
}
