//! Weekly trends, for sparklines: client submittals, client interviews
//! and placements (`activity.rs`) counted per week. The weeks end on the
//! period's last day and go back over the whole period, and at least
//! [`MIN_WEEKS`] weeks (before its start, if it is shorter), so that a
//! short period still shows a trend. The first week may reach back past
//! the period's start: every week is seven whole days.

use super::activity::{ActivityKind, activities};
use super::input::{InScope, Period, Records, Scope};
use chrono::{Days, NaiveDate};

/// The fewest weeks a trend shows.
pub const MIN_WEEKS: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Week {
    pub since: NaiveDate,
    pub until: NaiveDate,
    pub submittals: u64,
    pub interviews: u64,
    pub placements: u64,
}

/// Oldest week first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trends {
    pub weeks: Vec<Week>,
}

impl Trends {
    /// Submittals per week, oldest first (for a ratatui `Sparkline`).
    pub fn submittals(&self) -> Vec<u64> {
        self.weeks.iter().map(|w| w.submittals).collect()
    }

    pub fn interviews(&self) -> Vec<u64> {
        self.weeks.iter().map(|w| w.interviews).collect()
    }

    pub fn placements(&self) -> Vec<u64> {
        self.weeks.iter().map(|w| w.placements).collect()
    }
}

pub fn trends(records: &Records, period: Period, scope: &Scope) -> Trends {
    let count = (period.days() as usize).div_ceil(7).max(MIN_WEEKS);
    let until = period.until();
    let day = |back: usize| until.checked_sub_days(Days::new(back as u64));
    let mut weeks: Vec<Week> = (0..count)
        .rev()
        .map(|back| Week {
            since: day(back * 7 + 6).unwrap_or(NaiveDate::MIN),
            until: day(back * 7).unwrap_or(NaiveDate::MIN),
            submittals: 0,
            interviews: 0,
            placements: 0,
        })
        .collect();
    let in_scope = InScope::new(records, scope);
    for activity in activities(records, &in_scope) {
        let back = (until - activity.at.date_naive()).num_days();
        if back < 0 || back as usize >= count * 7 {
            continue;
        }
        let week = &mut weeks[count - 1 - back as usize / 7];
        match activity.kind {
            ActivityKind::Submittal => week.submittals += 1,
            ActivityKind::Interview => week.interviews += 1,
            ActivityKind::Placement => week.placements += 1,
        }
    }
    Trends { weeks }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{World, jan, usd};
    use super::*;
    use crate::domain::AnswerKind;

    #[test]
    fn weeks_end_on_the_last_day_and_reach_back_at_least_eight() {
        let mut world = World::new();
        world.submit(1, 1, 31, "ana");
        world.submit(1, 2, 25, "ana");
        let asked = world.submit(1, 3, 24, "ana");
        world.answer(asked, AnswerKind::InterviewRequested, 26, "ana");
        world.place(1, 3, 2, "ana", usd(100, 70));
        let trends = trends(&world.records(), jan(25, 31), &Scope::All);
        assert_eq!(trends.weeks.len(), MIN_WEEKS);
        let last = trends.weeks[MIN_WEEKS - 1];
        assert_eq!(
            (last.since, last.until),
            (jan(25, 31).since(), jan(25, 31).until())
        );
        assert_eq!((last.submittals, last.interviews), (2, 1));
        assert_eq!(
            trends.submittals()[MIN_WEEKS - 2],
            1,
            "day 24: the week before"
        );
        assert_eq!(trends.placements()[MIN_WEEKS - 5], 1, "day 2");
        assert_eq!(trends.interviews().iter().sum::<u64>(), 1);
    }

    #[test]
    fn a_long_period_has_a_week_for_every_seven_days() {
        let world = World::new();
        let trends = trends(&world.records(), jan(1, 31), &Scope::All);
        assert_eq!(trends.weeks.len(), MIN_WEEKS);
        let weeks = super::trends(
            &world.records(),
            Period::last_days(jan(1, 31).until(), 90),
            &Scope::All,
        );
        assert_eq!(weeks.weeks.len(), 13);
        assert!(weeks.weeks.iter().all(|w| w.submittals == 0));
    }
}
