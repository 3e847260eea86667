//! Pipelines: who applied where, and histories that move through stages.

use super::routes::*;
use super::*;
use crate::domain::PromisePolicy;

/// The candidates a pipeline draws from.
pub(super) struct Pool<'a, 'r> {
    pub(super) roster: &'a mut Roster<'r>,
    /// Indices of the candidates whose primary role is the engagement's.
    pub(super) same_role: &'a [usize],
}

/// Whether and when a card's profile goes to the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sending {
    No,
    /// While in Screening or Technical interview, at no particular pace.
    Yes,
    /// Within hours of the card's entry, which comes hours after the
    /// engagement opened: the shortlist that keeps the promise.
    Soon,
    /// The card's whole history comes after this instant (the promise's
    /// due time): the shortlist that breaks it.
    After(Timestamp),
}

/// A place in a pipeline before its candidate is chosen.
struct Slot {
    plan: Plan,
    steps: Vec<(Stage, Option<&'static str>)>,
    send: Sending,
}

impl World<'_> {
    /// One engagement's pipeline: plans first, then the candidates, the
    /// best of them in the places that went furthest; then which profiles
    /// went to the client, timed to the engagement's [`Pace`]. `sends`
    /// grows with `out`, one per application.
    pub(super) fn pipeline(
        &self,
        index: usize,
        engagement: &Engagement,
        pool: &mut Pool,
        out: &mut Vec<Application>,
        sends: &mut Vec<Sending>,
    ) {
        let mut rng = Rng::new(self.seed, KIND_PIPELINE, index as u64);
        let pace = self.pace(index);
        let mut size = pipeline_size(pool.roster.len(), &mut rng);
        if index == 0 {
            // Room for every plan `forced_plan` makes.
            size = size.max(FORCED.min(pool.roster.len()));
        }
        if pace == Pace::Pending {
            size = size.min(rng.range(3, 6) as usize);
        }
        let picks = self.shortlist(engagement, pool, size, &mut rng);
        let mut slots = plan_slots(out.len(), picks.len(), engagement, pace, &mut rng);
        // The deepest places go to the best candidates.
        let mut order: Vec<usize> = (0..slots.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(depth(&slots[i].steps)));
        self.time_sends(engagement, pace, &mut slots, &order, &mut rng);
        let mut chosen = vec![0; slots.len()];
        for (&slot, pick) in order.iter().zip(&picks) {
            chosen[slot] = pick.index;
        }
        for (slot, pick) in slots.iter().zip(chosen) {
            pool.roster.pick(pick);
            let candidate = pool.roster.get(pick);
            let app = self.application(engagement, candidate, slot, &mut rng);
            out.push(app);
            sends.push(slot.send);
        }
    }

    /// Which places send their profile, and when, so that the engagement
    /// meets its promise on time, late, or not (yet).
    fn time_sends(
        &self,
        engagement: &Engagement,
        pace: Pace,
        slots: &mut [Slot],
        order: &[usize],
        rng: &mut Rng,
    ) {
        let capped = matches!(pace, Pace::Pending | Pace::Breached);
        for slot in slots.iter_mut() {
            let at_screening = slot.steps.last().map(|s| s.0) == Some(Stage::Screening);
            slot.send = match submitted(&slot.steps) {
                true => Sending::Yes,
                false if at_screening && !capped && rng.chance(30) => Sending::Yes,
                false => Sending::No,
            };
        }
        let due = PromisePolicy::default().due(engagement.opened_at);
        // Sent ones first, then people in Screening who may be sent too
        // while the shortlist is short.
        let at_screening = |s: &Slot| s.steps.last().map(|l| l.0) == Some(Stage::Screening);
        let queue: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| slots[i].send == Sending::Yes)
            .chain(order.iter().copied().filter(|&i| {
                slots[i].send == Sending::No && at_screening(&slots[i]) && !slots[i].plan.stuck
            }))
            .collect();
        let mut sent = 0;
        for i in queue {
            let slot = &mut slots[i];
            let extra = slot.send == Sending::No;
            match pace {
                Pace::OnTime if sent < 3 && !slot.plan.stuck => {
                    slot.send = Sending::Soon;
                    sent += 1;
                }
                Pace::Late if !(extra && sent >= 3) => {
                    let after = due + TimeDelta::seconds(rng.range(HOUR, 36 * HOUR));
                    let late = sent >= 2 && !slot.plan.stuck;
                    slot.send = match late && after < self.now - TimeDelta::hours(12) {
                        true => Sending::After(after),
                        false => Sending::Yes,
                    };
                    sent += 1;
                }
                _ => {}
            }
        }
    }

    /// Replays a planned route through `Application::move_to`, so every
    /// history is legal by construction, spaced back from `now`.
    fn application(
        &self,
        engagement: &Engagement,
        candidate: &Candidate,
        slot: &Slot,
        rng: &mut Rng,
    ) -> Application {
        let (plan, steps) = (slot.plan, &slot.steps);
        let mut earliest = engagement.opened_at.max(candidate.created_at);
        if let Sending::After(after) = slot.send {
            earliest = earliest.max(after);
        }
        // An hour's margin absorbs the rounding of squeezed gaps.
        let room = (self.now - earliest).num_seconds() - HOUR;
        let mut gaps = gaps(steps, plan, room, rng);
        if slot.send == Sending::Soon && room > 12 * HOUR {
            let start = rng.range(HOUR, 8 * HOUR);
            quicken(steps, &mut gaps, room + HOUR - start, rng);
        }
        // The engagement's owner works its pipeline; now and then a
        // colleague moves a card (the recruiters report credits each).
        let owner = engagement.owner.as_str();
        let mut at = self.ago(gaps.iter().sum());
        let mut app = Application::new(engagement.id, candidate.id, Stage::Sourced, at, owner);
        for ((stage, reason), gap) in steps.iter().skip(1).zip(&gaps) {
            at += TimeDelta::seconds(*gap);
            let actor = if rng.chance(20) {
                *rng.pick(OWNERS)
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

/// The plans of a pipeline's places, `serial` the first one's place among
/// all applications. Pending and breached engagements keep all but two
/// places short of Technical interview; a filled one places its headcount,
/// any other leaves a seat free.
fn plan_slots(
    serial: usize,
    count: usize,
    engagement: &Engagement,
    pace: Pace,
    rng: &mut Rng,
) -> Vec<Slot> {
    let capped = matches!(pace, Pace::Pending | Pace::Breached);
    let filled = engagement.status == EngagementStatus::Filled;
    let headcount = usize::from(engagement.headcount);
    let seats = if filled {
        headcount
    } else {
        headcount.saturating_sub(1)
    };
    let mut placed = 0;
    (0..count)
        .map(|slot| {
            let mut plan = forced_plan(serial + slot).unwrap_or_else(|| {
                if filled && placed < headcount {
                    Plan {
                        last: Stage::Placed,
                        stuck: false,
                        cap: Stage::Placed,
                    }
                } else {
                    random_plan(rng)
                }
            });
            plan.cap = match (capped, slot) {
                (false, _) => Stage::Placed,
                (true, 0 | 1) => Stage::TechnicalInterview,
                (true, _) => Stage::Screening,
            };
            if !plan.last.is_exit() {
                plan.last = plan.last.min(plan.cap);
            }
            if plan.last == Stage::Placed {
                match placed < seats {
                    true => placed += 1,
                    false => plan.last = Stage::Offer,
                }
            }
            let steps = route(plan, rng);
            Slot {
                plan,
                steps,
                send: Sending::No,
            }
        })
        .collect()
}
