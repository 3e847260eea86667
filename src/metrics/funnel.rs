//! The funnel: per pipeline stage, how many applications entered it in
//! the period, how many of those moved on to a later stage, and how long
//! they stayed.
//!
//! For each application in scope and each stage, the one stay counted is
//! the application's last entry into the stage within the period, on its
//! effective path (`path.rs`: undone moves taken out):
//!
//! - **entered** = applications with such a stay (once per application,
//!   however often it entered);
//! - **finished** = those whose stay has ended (by now, not only within
//!   the period); **still in** = entered − finished;
//! - **pass-through** = forward ÷ finished, where forward = finished stays
//!   that ended in a later pipeline stage (not back, not rejected or
//!   withdrawn). Only finished stays count, as in Ashby's funnels, so
//!   that applications still in the stage do not drag the rate down;
//! - **median / mean days in stage** over the finished stays.
//!
//! Placed has no pass-through and no days: nothing comes after it.

use super::average::{mean, median, ratio};
use super::input::{InScope, Period, Records, Scope};
use super::path::{Stay, effective_path, last_entry_between};
use crate::domain::Stage;

/// One stage's row of the funnel.
#[derive(Debug, Clone, PartialEq)]
pub struct StageFunnel {
    pub stage: Stage,
    pub entered: u64,
    pub finished: u64,
    pub forward: u64,
    pub median_days: Option<f64>,
    pub mean_days: Option<f64>,
}

impl StageFunnel {
    /// forward ÷ finished; `None` for Placed and when none has finished.
    pub fn pass_through(&self) -> Option<f64> {
        if self.stage == Stage::Placed {
            return None;
        }
        ratio(self.forward, self.finished)
    }

    /// Entered and not yet left.
    pub fn still_in(&self) -> u64 {
        self.entered - self.finished
    }
}

/// Every pipeline stage, in order (`Stage::PIPELINE`).
#[derive(Debug, Clone, PartialEq)]
pub struct Funnel {
    pub stages: Vec<StageFunnel>,
}

impl Funnel {
    pub fn stage(&self, stage: Stage) -> Option<&StageFunnel> {
        self.stages.iter().find(|s| s.stage == stage)
    }
}

/// The funnel of the applications in `scope` over `period`.
pub fn funnel(records: &Records, period: Period, scope: &Scope) -> Funnel {
    let in_scope = InScope::new(records, scope);
    let mut counter = FunnelCounter::default();
    let mut path: Vec<Stay> = Vec::with_capacity(16);
    for app in &records.applications {
        if !in_scope.has(app.engagement) {
            continue;
        }
        effective_path(&app.history, &mut path);
        if !path.iter().any(|stay| period.contains(stay.entered)) {
            continue;
        }
        for stage in Stage::PIPELINE {
            if let Some(stay) = last_entry_between(&path, stage, period.start(), period.end()) {
                counter.count(stage, stay.days(), stay.left_forward());
            }
        }
    }
    counter.finish()
}

/// Adds up the stays counted, stage by stage; the naive count
/// (`naive.rs`) adds its own up the same way.
#[derive(Debug, Default)]
pub(super) struct FunnelCounter {
    rows: [Tally; 6],
}

#[derive(Debug, Default)]
struct Tally {
    entered: u64,
    forward: u64,
    days: Vec<f64>,
}

impl FunnelCounter {
    /// One application's counted stay in `stage`: its days if finished,
    /// and whether it left forward.
    pub(super) fn count(&mut self, stage: Stage, days: Option<f64>, forward: bool) {
        let Some(index) = Stage::PIPELINE.iter().position(|s| *s == stage) else {
            return;
        };
        let tally = &mut self.rows[index];
        tally.entered += 1;
        if let Some(days) = days {
            tally.days.push(days);
            tally.forward += u64::from(forward);
        }
    }

    pub(super) fn finish(mut self) -> Funnel {
        let stages = Stage::PIPELINE
            .iter()
            .zip(self.rows.iter_mut())
            .map(|(&stage, tally)| {
                let placed = stage == Stage::Placed;
                StageFunnel {
                    stage,
                    entered: tally.entered,
                    finished: if placed { 0 } else { tally.days.len() as u64 },
                    forward: if placed { 0 } else { tally.forward },
                    mean_days: mean(&tally.days).filter(|_| !placed),
                    median_days: median(&mut tally.days).filter(|_| !placed),
                }
            })
            .collect();
        Funnel { stages }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{World, jan};
    use super::*;
    use crate::domain::Stage::*;

    fn row(funnel: &Funnel, stage: Stage) -> StageFunnel {
        funnel
            .stage(stage)
            .cloned()
            .unwrap_or_else(|| panic!("{stage}"))
    }

    fn two_applications() -> World {
        let mut world = World::new();
        // Screening 2 days, then forward; the other rejected from it.
        world.app(
            1,
            1,
            &[
                (Sourced, 1, None),
                (Screening, 2, None),
                (TechnicalInterview, 4, None),
            ],
        );
        world.app(1, 2, &[(Screening, 3, None), (Rejected, 9, None)]);
        world
    }

    #[test]
    fn entered_counts_each_application_once_and_pass_through_only_finished_stays() {
        let mut world = two_applications();
        world.app(1, 3, &[(Screening, 5, None)]);
        let funnel = funnel(&world.records(), jan(1, 31), &Scope::All);
        let screening = row(&funnel, Screening);
        assert_eq!(
            (
                screening.entered,
                screening.finished,
                screening.forward,
                screening.still_in()
            ),
            (3, 2, 1, 1)
        );
        assert_eq!(
            screening.pass_through(),
            Some(0.5),
            "the open one is left out"
        );
        assert_eq!(screening.median_days, Some(4.0), "2 and 6 days");
        assert_eq!(screening.mean_days, Some(4.0));
        assert_eq!(row(&funnel, Sourced).entered, 1);
        assert_eq!(
            row(&funnel, TechnicalInterview).pass_through(),
            None,
            "none finished"
        );
        assert_eq!(funnel.stages.len(), 6);
    }

    #[test]
    fn only_entries_within_the_period_count() {
        let world = two_applications();
        let funnel = funnel(&world.records(), jan(3, 31), &Scope::All);
        assert_eq!(row(&funnel, Sourced).entered, 0);
        assert_eq!(row(&funnel, Screening).entered, 1, "entered on day 3");
        assert_eq!(row(&funnel, TechnicalInterview).entered, 1);
    }

    #[test]
    fn a_period_with_no_events_is_all_zero_and_no_rates() {
        let world = two_applications();
        let funnel = funnel(&world.records(), jan(20, 31), &Scope::All);
        for stage in &funnel.stages {
            assert_eq!((stage.entered, stage.finished), (0, 0), "{}", stage.stage);
            assert_eq!(stage.pass_through(), None);
            assert_eq!(stage.median_days, None);
        }
    }

    #[test]
    fn a_reopened_application_is_counted_once_by_its_last_stay() {
        let mut world = World::new();
        let moves = [
            (Screening, 1, None),
            (Rejected, 2, None),
            (Screening, 5, None),
            (TechnicalInterview, 6, None),
        ];
        world.app(1, 1, &moves);
        let funnel = funnel(&world.records(), jan(1, 31), &Scope::All);
        let screening = row(&funnel, Screening);
        assert_eq!((screening.entered, screening.forward), (1, 1));
        assert_eq!(screening.median_days, Some(1.0), "the second stay");
    }

    #[test]
    fn an_undone_move_did_not_enter_its_stage() {
        let mut world = World::new();
        let moves = [
            (Screening, 1, None),
            (TechnicalInterview, 2, None),
            (Screening, 3, Some("undo")),
        ];
        world.app(1, 1, &moves);
        let funnel = funnel(&world.records(), jan(1, 31), &Scope::All);
        assert_eq!(row(&funnel, TechnicalInterview).entered, 0);
        let screening = row(&funnel, Screening);
        assert_eq!(
            (screening.entered, screening.finished),
            (1, 0),
            "still there"
        );
    }

    #[test]
    fn placed_has_no_pass_through_or_days() {
        let mut world = World::new();
        world.app(1, 1, &[(Offer, 1, None), (Placed, 3, None)]);
        let funnel = funnel(&world.records(), jan(1, 31), &Scope::All);
        let placed = row(&funnel, Placed);
        assert_eq!(
            (placed.entered, placed.pass_through(), placed.median_days),
            (1, None, None)
        );
        assert_eq!(row(&funnel, Offer).pass_through(), Some(1.0));
    }

    #[test]
    fn the_scope_narrows_to_its_engagements() {
        let mut world = two_applications();
        world.client(2, "Globex");
        world.engagement(2, 2, "bo", 1);
        world.app(2, 1, &[(Screening, 2, None)]);
        let records = world.records();
        let count = |scope: Scope| row(&funnel(&records, jan(1, 31), &scope), Screening).entered;
        assert_eq!(count(Scope::All), 3);
        assert_eq!(count(Scope::Client(crate::domain::ClientId(2))), 1);
        assert_eq!(count(Scope::Engagement(crate::domain::EngagementId(1))), 2);
        assert_eq!(count(Scope::Recruiter("BO".into())), 1);
        assert_eq!(count(Scope::Recruiter("cy".into())), 0);
    }
}
