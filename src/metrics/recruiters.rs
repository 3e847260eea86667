//! Each recruiter against their monthly goal: the client submittals,
//! client interviews and placements of the period credited to them
//! (each to whoever did it: see `activity.rs`), beside their goal
//! (config `[goals]`, with `[goals.NAME]` overrides) for the period: the
//! monthly goal × the period's length in calendar months
//! (`Period::months`: a whole month is exactly the monthly goal).
//!
//! Below half the goal is `‼` (behind), half to the goal `!` (near), at
//! or above it `✓` (met). Under a scope, only the activity on the
//! engagements in scope counts. The rows are everyone credited with
//! something, and the owners of engagements in scope that are open or on
//! hold (so that a recruiter with nothing done shows, behind); names are
//! the same whatever the case.

use super::activity::{ActivityKind, activities};
use super::input::{InScope, Period, Records, Scope, same_person};
use crate::domain::{EngagementStatus, Goal, Goals, Pace};

/// A count against its goal for the period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tally {
    pub count: u64,
    pub goal: f64,
    pub pace: Pace,
}

impl Tally {
    fn new(count: u64, goal: f64) -> Tally {
        Tally {
            count,
            goal,
            pace: Pace::of(count as f64, goal),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RecruiterRow {
    /// As first written in the records.
    pub name: String,
    pub submittals: Tally,
    pub interviews: Tally,
    pub placements: Tally,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Recruiters {
    /// The period in calendar months: what the monthly goals are scaled by.
    pub months: f64,
    /// By name, whatever the case.
    pub rows: Vec<RecruiterRow>,
}

pub fn recruiters(records: &Records, period: Period, scope: &Scope, goals: &Goals) -> Recruiters {
    let months = period.months();
    let mut rows: Vec<RecruiterRow> = counts(records, period, scope)
        .into_iter()
        .map(|(name, [submittals, interviews, placements])| {
            let goal: Goal = goals.for_recruiter(name);
            let scaled = |monthly: u32| f64::from(monthly) * months;
            RecruiterRow {
                name: name.trim().to_string(),
                submittals: Tally::new(submittals, scaled(goal.submittals)),
                interviews: Tally::new(interviews, scaled(goal.interviews)),
                placements: Tally::new(placements, scaled(goal.placements)),
            }
        })
        .collect();
    rows.sort_by_cached_key(|r| r.name.to_lowercase());
    Recruiters { months, rows }
}

/// Each recruiter's submittals, interviews and placements of the period;
/// the owners of engagements being worked first, at nothing.
fn counts<'a>(records: &Records<'a>, period: Period, scope: &Scope) -> Vec<(&'a str, [u64; 3])> {
    let in_scope = InScope::new(records, scope);
    let mut counts: Vec<(&str, [u64; 3])> = Vec::new();
    let owners = records.engagements.iter().filter(|e| {
        scope.includes(e) && matches!(e.status, EngagementStatus::Open | EngagementStatus::OnHold)
    });
    for engagement in owners {
        slot(&mut counts, &engagement.owner);
    }
    for activity in activities(records, &in_scope).filter(|a| period.contains(a.at)) {
        let column = match activity.kind {
            ActivityKind::Submittal => 0,
            ActivityKind::Interview => 1,
            ActivityKind::Placement => 2,
        };
        if let Some(at) = slot(&mut counts, activity.by) {
            counts[at].1[column] += 1;
        }
    }
    counts
}

/// The index of `name`'s counts, added if new; `None` for no name. A
/// linear search: recruiters are few, and most names repeat exactly.
fn slot<'a>(counts: &mut Vec<(&'a str, [u64; 3])>, name: &'a str) -> Option<usize> {
    if name.trim().is_empty() {
        return None;
    }
    let found = counts.iter().position(|(known, _)| *known == name);
    let found = found.or_else(|| {
        counts
            .iter()
            .position(|(known, _)| same_person(known, name))
    });
    Some(found.unwrap_or_else(|| {
        counts.push((name, [0; 3]));
        counts.len() - 1
    }))
}

#[cfg(test)]
mod tests {
    use super::super::testing::{World, jan, usd};
    use super::*;
    use crate::domain::{AnswerKind, GoalOverride};

    fn world() -> World {
        let mut world = World::new();
        world.engagement(2, 1, "cy", 1);
        for candidate in 1..=10 {
            world.submit(1, candidate, 3, "ana");
        }
        let asked = world.submit(1, 11, 4, "Bo");
        world.answer(asked, AnswerKind::InterviewRequested, 5, "ANA");
        world.place(1, 11, 9, "bo", usd(100, 70));
        world
    }

    fn row(recruiters: &Recruiters, name: &str) -> RecruiterRow {
        let found = recruiters.rows.iter().find(|r| same_person(&r.name, name));
        found.cloned().unwrap_or_else(|| panic!("{name}"))
    }

    #[test]
    fn activity_goes_to_whoever_did_it_against_the_goal() {
        let recruiters = recruiters(
            &world().records(),
            jan(1, 31),
            &Scope::All,
            &Goals::default(),
        );
        let ana = row(&recruiters, "ana");
        assert_eq!((ana.submittals.count, ana.interviews.count), (10, 1));
        assert_eq!(ana.submittals.goal, 20.0, "January is a whole month");
        assert_eq!(ana.submittals.pace, Pace::Near);
        assert_eq!(ana.interviews.pace, Pace::Behind);
        let bo = row(&recruiters, "bo");
        assert_eq!((bo.submittals.count, bo.placements.count), (1, 1));
        assert_eq!(bo.placements.pace, Pace::Near);
        let cy = row(&recruiters, "cy");
        assert_eq!(
            cy.submittals.count, 0,
            "an owner with nothing done still shows"
        );
        let names: Vec<&str> = recruiters.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["ana", "Bo", "cy"]);
    }

    #[test]
    fn goals_scale_with_the_period_and_overrides_apply() {
        let mut goals = Goals::default();
        goals.set_override(
            "bo",
            GoalOverride {
                placements: Some(1),
                ..GoalOverride::default()
            },
        );
        let recruiters = recruiters(&world().records(), jan(1, 31), &Scope::All, &goals);
        assert_eq!(row(&recruiters, "bo").placements.pace, Pace::Met);
        let half = super::recruiters(&world().records(), jan(1, 15), &Scope::All, &goals);
        assert!((half.months - 15.0 / 31.0).abs() < 1e-9);
        assert!((row(&half, "ana").submittals.goal - 20.0 * 15.0 / 31.0).abs() < 1e-9);
    }

    #[test]
    fn a_period_with_no_events_shows_the_owners_behind() {
        let recruiters = recruiters(
            &world().records(),
            jan(20, 31),
            &Scope::All,
            &Goals::default(),
        );
        let names: Vec<&str> = recruiters.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["ana", "cy"]);
        assert!(
            recruiters
                .rows
                .iter()
                .all(|r| r.submittals.pace == Pace::Behind)
        );
    }
}
