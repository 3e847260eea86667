//! Pipelines: who applied where, and histories that move through stages.

use super::*;

/// The candidates a pipeline draws from.
pub(super) struct Pool<'a> {
    pub(super) candidates: &'a [Candidate],
    /// Indices of the candidates whose primary role is the engagement's.
    pub(super) same_role: &'a [usize],
}

/// Where an application should end up.
#[derive(Debug, Clone, Copy)]
pub(super) struct Plan {
    pub(super) last: Stage,
    /// Far longer in its current stage than anyone should be.
    pub(super) stuck: bool,
}

impl World<'_> {
    pub(super) fn pipeline(
        &self,
        index: usize,
        engagement: &Engagement,
        pool: &Pool,
        out: &mut Vec<Application>,
    ) {
        let mut rng = Rng::new(self.seed, KIND_PIPELINE, index as u64);
        let size = pipeline_size(pool.candidates.len(), &mut rng);
        let mut placed_left = match engagement.status {
            EngagementStatus::Filled => usize::from(engagement.headcount),
            _ => 0,
        };
        for pick in pick_candidates(pool, size, engagement.opened_at, &mut rng) {
            let plan = forced_plan(out.len()).unwrap_or_else(|| {
                if placed_left > 0 {
                    placed_left -= 1;
                    Plan {
                        last: Stage::Placed,
                        stuck: false,
                    }
                } else {
                    random_plan(&mut rng)
                }
            });
            let candidate = &pool.candidates[pick];
            out.push(self.application(engagement, candidate, plan, &mut rng));
        }
    }

    /// Replays a planned route through `Application::move_to`, so every
    /// history is legal by construction, spaced back from `now`.
    pub(super) fn application(
        &self,
        engagement: &Engagement,
        candidate: &Candidate,
        plan: Plan,
        rng: &mut Rng,
    ) -> Application {
        let steps = route(plan, rng);
        // An hour's margin absorbs the rounding of squeezed gaps.
        let earliest = engagement.opened_at.max(candidate.created_at);
        let room = (self.now - earliest).num_seconds() - HOUR;
        let gaps = gaps(&steps, plan, room, rng);
        let owner = *rng.pick(ACTORS);
        let mut at = self.ago(gaps.iter().sum());
        let mut app = Application::new(engagement.id, candidate.id, Stage::Sourced, at, owner);
        for ((stage, reason), gap) in steps.iter().skip(1).zip(&gaps) {
            at += TimeDelta::seconds(*gap);
            let actor = if rng.chance(20) {
                *rng.pick(ACTORS)
            } else {
                owner
            };
            let reason = reason.map(str::to_string);
            if app.move_to(*stage, at, actor, reason).is_err() {
                break;
            }
        }
        app
    }
}

/// Pipelines grow with the database: about 8-20 per engagement for hundreds
/// of candidates, up to 40 from tens of thousands.
pub(super) fn pipeline_size(candidates: usize, rng: &mut Rng) -> usize {
    let high = (8 + 4 * (candidates / 50 + 1).ilog2() as usize).min(40);
    let low = (high / 2).max(8);
    (rng.range(low as i64, high as i64) as usize).min(candidates)
}

/// Distinct candidates, mostly of the engagement's role, mostly on file
/// before it opened (their sourcing cannot predate their record).
pub(super) fn pick_candidates(
    pool: &Pool,
    size: usize,
    opened: Timestamp,
    rng: &mut Rng,
) -> Vec<usize> {
    let mut picks: Vec<usize> = Vec::with_capacity(size);
    let mut attempts = size * 20;
    while picks.len() < size && attempts > 0 {
        attempts -= 1;
        let pick = if !pool.same_role.is_empty() && rng.chance(70) {
            *rng.pick(pool.same_role)
        } else {
            rng.below(pool.candidates.len())
        };
        let late = pool.candidates[pick].created_at > opened;
        if picks.contains(&pick) || (late && attempts > size * 5 && rng.chance(90)) {
            continue;
        }
        picks.push(pick);
    }
    picks
}

/// The first applications cover every stage, then two stuck ones, so the
/// demo shows them all whatever the seed (given 3 engagements, 100 people).
pub(super) fn forced_plan(serial: usize) -> Option<Plan> {
    let (last, stuck) = match serial {
        0..=7 => (Stage::ALL[serial], false),
        8 => (Stage::Screening, true),
        9 => (Stage::TechnicalInterview, true),
        _ => return None,
    };
    Some(Plan { last, stuck })
}

pub(super) fn random_plan(rng: &mut Rng) -> Plan {
    let last = Stage::ALL[rng.weighted(&[18, 20, 15, 9, 4, 2, 23, 9])];
    let stuck = matches!(last, Stage::Screening | Stage::TechnicalInterview) && rng.chance(20);
    Plan { last, stuck }
}

/// The stages passed through, entry first, each with the reason for the move.
pub(super) fn route(plan: Plan, rng: &mut Rng) -> Vec<(Stage, Option<&'static str>)> {
    let (target, exit) = if plan.last.is_exit() {
        let weights: &[usize] = match plan.last {
            Stage::Rejected => &[30, 35, 20, 12, 3],
            _ => &[15, 30, 25, 18, 12],
        };
        (Stage::PIPELINE[rng.weighted(weights)], Some(plan.last))
    } else {
        (plan.last, None)
    };
    let mut steps = vec![(Stage::Sourced, None)];
    let mut stage = Stage::Sourced;
    while let Some(mut next) = stage.next().filter(|_| stage < target) {
        // A referral may skip screening; a strong profile an interview.
        if next != target && rng.chance(8) {
            next = next.next().unwrap_or(next);
        }
        steps.push((next, None));
        // Now and then a step back: a second round, or a slip corrected.
        let back = next
            .previous()
            .filter(|p| *p >= Stage::Screening && next != Stage::Placed);
        if let Some(previous) = back.filter(|_| rng.chance(5)) {
            let why = match previous {
                Stage::TechnicalInterview => "needs a second technical round",
                Stage::ClientInterview => "client asked for another round",
                _ => "moved by mistake",
            };
            steps.push((previous, Some(why)));
            steps.push((next, None));
        }
        stage = next;
    }
    if let Some(exit) = exit {
        steps.push((exit, Some(exit_reason(exit, stage, rng))));
    }
    steps
}

pub(super) fn exit_reason(exit: Stage, from: Stage, rng: &mut Rng) -> &'static str {
    let reasons: &[&str] = match (exit, from) {
        (Stage::Withdrawn, _) => WITHDRAW_REASONS,
        (_, Stage::Sourced | Stage::Screening) => EARLY_REJECTIONS,
        (_, Stage::TechnicalInterview) => &["failed technical interview", "skills mismatch"],
        _ => LATE_REJECTIONS,
    };
    reasons[rng.below(reasons.len())]
}

/// Seconds spent in each step, the last one up to now. Squeezed to fit in
/// `room` when the engagement or the candidate is too recent for them.
pub(super) fn gaps(
    steps: &[(Stage, Option<&str>)],
    plan: Plan,
    room: i64,
    rng: &mut Rng,
) -> Vec<i64> {
    let passed = &steps[..steps.len().saturating_sub(1)];
    let mut gaps: Vec<i64> = passed
        .iter()
        .map(|(stage, reason)| {
            let (low, high) = match stage {
                _ if reason.is_some() => (1, 3),
                Stage::Sourced => (1, 4),
                Stage::Screening | Stage::Offer => (2, 7),
                _ => (3, 9),
            };
            rng.range(low * DAY, high * DAY)
        })
        .collect();
    let last = steps.last().map_or(Stage::Sourced, |s| s.0);
    gaps.push(match last {
        _ if plan.stuck => rng.range(21 * DAY, 40 * DAY),
        stage if stage.is_active() => rng.range(3 * HOUR, 12 * DAY),
        _ => rng.range(DAY, 30 * DAY),
    });
    let total: i64 = gaps.iter().sum();
    let room = room.max(gaps.len() as i64);
    if total > room {
        for gap in &mut gaps {
            *gap = (*gap * room / total).max(1);
        }
    }
    gaps
}
