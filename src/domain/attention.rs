//! What needs a hiring manager's attention: applications past their
//! stage's aging threshold, and engagements that broke the promise of a
//! shortlist within 48 hours of opening.

use super::engagement::Engagement;
use super::pipeline::Application;
use super::stage::Stage;
use super::time::Timestamp;
use chrono::TimeDelta;

/// Days in each stage after which an application needs attention; `None`
/// where time does not matter. Configurable; defaults from
/// [`Stage::aging_threshold_days`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgingPolicy {
    days: [Option<i64>; 8],
}

impl Default for AgingPolicy {
    fn default() -> Self {
        AgingPolicy {
            days: Stage::ALL.map(Stage::aging_threshold_days),
        }
    }
}

impl AgingPolicy {
    pub fn threshold(&self, stage: Stage) -> Option<i64> {
        self.days[stage as usize]
    }

    /// Sets one stage's threshold (`None`: never ages).
    pub fn set(&mut self, stage: Stage, days: Option<i64>) {
        self.days[stage as usize] = days;
    }

    /// When the application crossed its stage's threshold, if it has.
    pub fn overdue_since(&self, app: &Application, now: Timestamp) -> Option<Timestamp> {
        let limit = self.threshold(app.stage)?;
        let due = app.entered_stage_at()? + TimeDelta::days(limit);
        (due <= now).then_some(due)
    }
}

/// The staffing promise: three candidates past Screening within 48 hours
/// of an engagement opening.
pub const SHORTLIST_SIZE: usize = 3;
pub const SHORTLIST_HOURS: i64 = 48;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortlist {
    /// Three reached past Screening, the third at this time.
    Met { at: Timestamp, on_time: bool },
    /// Not yet, and still time: `have` of three, due then.
    Pending { have: usize, due: Timestamp },
    /// Not met, and the 48 hours are over.
    Breached { have: usize, due: Timestamp },
}

/// Where an engagement stands on its shortlist promise.
pub fn shortlist(engagement: &Engagement, pipeline: &[Application], now: Timestamp) -> Shortlist {
    let due = engagement.opened_at + TimeDelta::hours(SHORTLIST_HOURS);
    let mut passed: Vec<Timestamp> = pipeline.iter().filter_map(passed_screening_at).collect();
    passed.sort();
    match passed.get(SHORTLIST_SIZE - 1) {
        Some(&at) => Shortlist::Met {
            at,
            on_time: at <= due,
        },
        None if now <= due => Shortlist::Pending {
            have: passed.len(),
            due,
        },
        None => Shortlist::Breached {
            have: passed.len(),
            due,
        },
    }
}

/// When an application first went beyond Screening, if ever.
fn passed_screening_at(app: &Application) -> Option<Timestamp> {
    app.history
        .iter()
        .find(|c| !c.to.is_exit() && c.to > Stage::Screening)
        .map(|c| c.at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{at, engagement_with};
    use crate::domain::{CandidateId, EngagementId};

    fn app(candidate: u64, moves: &[(Stage, u32)]) -> Application {
        let (first, day) = moves[0];
        let mut app =
            Application::new(EngagementId(1), CandidateId(candidate), first, at(day), "x");
        for &(stage, day) in &moves[1..] {
            app.move_to(stage, at(day), "x", None).unwrap();
        }
        app
    }

    #[test]
    fn overdue_counts_from_entering_the_stage() {
        let policy = AgingPolicy::default();
        let screening = app(1, &[(Stage::Sourced, 1), (Stage::Screening, 2)]);
        assert_eq!(policy.overdue_since(&screening, at(3)), None);
        assert_eq!(policy.overdue_since(&screening, at(5)), Some(at(4)));
        let mut relaxed = AgingPolicy::default();
        relaxed.set(Stage::Screening, None);
        assert_eq!(relaxed.overdue_since(&screening, at(20)), None);
    }

    #[test]
    fn the_shortlist_is_three_past_screening_within_48_hours() {
        let job = engagement_with(&[]); // opened on day 1, due day 3
        let fast = [
            app(1, &[(Stage::Sourced, 1), (Stage::TechnicalInterview, 2)]),
            app(2, &[(Stage::Sourced, 1), (Stage::ClientInterview, 2)]),
            app(3, &[(Stage::Screening, 1), (Stage::Offer, 3)]),
        ];
        assert_eq!(
            shortlist(&job, &fast, at(9)),
            Shortlist::Met {
                at: at(3),
                on_time: true
            }
        );
        assert_eq!(
            shortlist(&job, &fast[..2], at(2)),
            Shortlist::Pending {
                have: 2,
                due: at(3)
            }
        );
        assert_eq!(
            shortlist(&job, &fast[..2], at(4)),
            Shortlist::Breached {
                have: 2,
                due: at(3)
            }
        );
        let rejected = app(4, &[(Stage::Screening, 1), (Stage::Rejected, 2)]);
        assert_eq!(
            shortlist(&job, &[fast[0].clone(), rejected], at(4)),
            Shortlist::Breached {
                have: 1,
                due: at(3)
            }
        );
    }
}
