//! Routes through the stages: the plans a pipeline's places follow, the
//! stages each passes, the reasons for its moves and the time between them.

use super::*;

/// Where an application should end up.
#[derive(Debug, Clone, Copy)]
pub(super) struct Plan {
    pub(super) last: Stage,
    /// Far longer in its current stage than anyone should be.
    pub(super) stuck: bool,
    /// The furthest it may get before it ends (or exits).
    pub(super) cap: Stage,
}

/// How far a route got: the furthest pipeline stage, and still in it.
pub(super) fn depth(steps: &[(Stage, Option<&str>)]) -> (usize, bool) {
    let reached = steps.iter().filter_map(|s| position(s.0)).max();
    let active = steps.last().is_some_and(|s| !s.0.is_exit());
    (reached.unwrap_or(0), active)
}

pub(super) fn position(stage: Stage) -> Option<usize> {
    Stage::PIPELINE.iter().position(|s| *s == stage)
}

/// Whether a route's profile went to the client: it reached a client
/// interview, is in Technical interview now, or the client declined it
/// (from Screening or Technical interview).
pub(super) fn submitted(steps: &[(Stage, Option<&str>)]) -> bool {
    let reached = steps.iter().filter_map(|s| position(s.0)).max();
    let client = position(Stage::ClientInterview);
    let last = steps.last().map(|s| s.0);
    let declined = steps.last().is_some_and(|s| s.1 == Some(CLIENT_DECLINED));
    reached >= client || last == Some(Stage::TechnicalInterview) || declined
}

/// Gives the steps before Technical interview (or before Screening for a
/// card sent from there) an hour or a few each, and spreads the rest of
/// `total` seconds over the others in proportion.
pub(super) fn quicken(
    steps: &[(Stage, Option<&str>)],
    gaps: &mut [i64],
    total: i64,
    rng: &mut Rng,
) {
    let late = position(Stage::TechnicalInterview);
    let first = steps
        .iter()
        .position(|s| position(s.0) >= late)
        .or_else(|| steps.iter().position(|s| s.0 == Stage::Screening))
        .unwrap_or(steps.len() - 1)
        .min(gaps.len() - 1);
    for gap in &mut gaps[..first] {
        *gap = rng.range(HOUR, 6 * HOUR);
    }
    let quick: i64 = gaps[..first].iter().sum();
    let rest: i64 = gaps[first..].iter().sum();
    let left = total - quick;
    if left <= (gaps.len() - first) as i64 || rest <= 0 {
        return;
    }
    for gap in &mut gaps[first..] {
        *gap = (*gap * left / rest).max(1);
    }
    let spread: i64 = gaps[first..].iter().sum();
    if let Some(last) = gaps.last_mut() {
        *last = (*last + left - spread).max(1);
    }
}

/// Pipelines grow with the database: about 8-20 per engagement for hundreds
/// of candidates, up to 40 from tens of thousands.
pub(super) fn pipeline_size(candidates: usize, rng: &mut Rng) -> usize {
    let high = (8 + 4 * (candidates / 50 + 1).ilog2() as usize).min(40);
    let low = (high / 2).max(8);
    (rng.range(low as i64, high as i64) as usize).min(candidates)
}

/// How many plans [`forced_plan`] makes.
pub(super) const FORCED: usize = 10;

/// The first applications cover every stage, then two stuck ones, so the
/// demo shows them all whatever the seed (given 3 engagements, 100 people).
pub(super) fn forced_plan(serial: usize) -> Option<Plan> {
    let (last, stuck) = match serial {
        0..=7 => (Stage::ALL[serial], false),
        8 => (Stage::Screening, true),
        9 => (Stage::TechnicalInterview, true),
        _ => return None,
    };
    Some(Plan {
        last,
        stuck,
        cap: Stage::Placed,
    })
}

pub(super) fn random_plan(rng: &mut Rng) -> Plan {
    let last = Stage::ALL[rng.weighted(&[18, 20, 15, 9, 4, 7, 19, 8])];
    let stuck = matches!(last, Stage::Screening | Stage::TechnicalInterview) && rng.chance(20);
    Plan {
        last,
        stuck,
        cap: Stage::Placed,
    }
}

/// The stages passed through, entry first, each with the reason for the move.
pub(super) fn route(plan: Plan, rng: &mut Rng) -> Vec<(Stage, Option<&'static str>)> {
    let (target, exit) = if plan.last.is_exit() {
        let weights: &[usize] = match plan.last {
            Stage::Rejected => &[30, 35, 20, 12, 3],
            _ => &[15, 30, 25, 18, 12],
        };
        let target = Stage::PIPELINE[rng.weighted(weights)];
        (target.min(plan.cap), Some(plan.last))
    } else {
        (plan.last.min(plan.cap), None)
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
        // A place kept short of Technical interview sends no profile, so
        // no client declines it.
        let sent = plan.cap >= Stage::TechnicalInterview;
        steps.push((exit, Some(exit_reason(exit, stage, sent, rng))));
    }
    steps
}

pub(super) fn exit_reason(exit: Stage, from: Stage, sent: bool, rng: &mut Rng) -> &'static str {
    let reasons: &[&str] = match (exit, from) {
        (Stage::Withdrawn, _) => WITHDRAW_REASONS,
        (_, Stage::Sourced) => EARLY_REJECTIONS,
        // A profile sent from Screening may come back declined.
        (_, Stage::Screening) if sent && rng.chance(25) => &[CLIENT_DECLINED],
        (_, Stage::Screening) => EARLY_REJECTIONS,
        (_, Stage::TechnicalInterview) => &[
            "failed technical interview",
            "skills mismatch",
            CLIENT_DECLINED,
            CLIENT_DECLINED,
        ],
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
