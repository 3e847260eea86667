//! How long an application may stay in a stage before it needs a hiring
//! manager's attention. (The 48-hour promise is in `promise.rs`.)

use super::pipeline::Application;
use super::stage::Stage;
use super::time::{Timestamp, days_between};
use chrono::TimeDelta;

/// How a card's time in stage compares with its stage's threshold: the
/// one rule the board, Attention and My work all read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aging {
    Fresh,
    /// At or past the threshold: it needs attention.
    Due,
    /// At or past twice the threshold.
    Stuck,
}

impl Aging {
    /// Whether it needs attention (due or stuck).
    pub fn needs_attention(self) -> bool {
        self != Aging::Fresh
    }

    /// The same meaning without colour: ` `, `!` due, `‼` stuck.
    pub fn glyph(self) -> &'static str {
        match self {
            Aging::Fresh => " ",
            Aging::Due => "!",
            Aging::Stuck => "‼",
        }
    }
}

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

    /// The rule: due after the stage's threshold in whole days in it,
    /// stuck after twice that; a stage without one never ages.
    pub fn aging(&self, stage: Stage, days_in_stage: i64) -> Aging {
        match self.threshold(stage).filter(|limit| *limit > 0) {
            Some(limit) if days_in_stage >= 2 * limit => Aging::Stuck,
            Some(limit) if days_in_stage >= limit => Aging::Due,
            _ => Aging::Fresh,
        }
    }

    /// When the application became due in its stage, if it is (by
    /// [`AgingPolicy::aging`]).
    pub fn overdue_since(&self, app: &Application, now: Timestamp) -> Option<Timestamp> {
        let entered = app.entered_stage_at()?;
        if !self
            .aging(app.stage, days_between(entered, now))
            .needs_attention()
        {
            return None;
        }
        Some(entered + TimeDelta::days(self.threshold(app.stage)?))
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

    #[test]
    fn at_exactly_the_threshold_a_card_is_due_and_listed() {
        // Screening: 2 days. Entered on day 2: due on day 4, stuck on 6.
        let policy = AgingPolicy::default();
        let screening = app(1, &[(Stage::Sourced, 1), (Stage::Screening, 2)]);
        assert_eq!(policy.aging(Stage::Screening, 1), Aging::Fresh);
        assert_eq!(policy.aging(Stage::Screening, 2), Aging::Due);
        assert_eq!(policy.aging(Stage::Screening, 3), Aging::Due);
        assert_eq!(policy.aging(Stage::Screening, 4), Aging::Stuck);
        assert_eq!(policy.overdue_since(&screening, at(4)), Some(at(4)));
        let a_moment_before = at(4) - TimeDelta::seconds(1);
        assert_eq!(policy.overdue_since(&screening, a_moment_before), None);
        let mut never = AgingPolicy::default();
        never.set(Stage::Offer, Some(0));
        assert_eq!(never.aging(Stage::Offer, 30), Aging::Fresh, "0: never");
    }
}
