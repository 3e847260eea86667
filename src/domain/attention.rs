//! How long an application may stay in a stage before it needs a hiring
//! manager's attention. (The 48-hour promise is in `promise.rs`.)

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::at;
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
}
