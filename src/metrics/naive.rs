//! The naive count, to check the funnel against and to time it beside: a
//! full rescan of the event log (as the store keeps it: an event per
//! history entry, `EventKind::for_change`), grouping every event by its
//! application, then marking undone moves over each application's events
//! instead of walking its history. Slow by design, and written apart
//! from `path.rs` so that a mistake in one shows as a disagreement.

use super::funnel::{Funnel, FunnelCounter};
use super::input::{Period, Scope};
use super::path::{days_between, is_forward};
use crate::domain::pipeline::UNDO_REASON;
use crate::domain::{Application, CandidateId, Engagement, EngagementId, Event, EventId};
use crate::domain::{EventKind, Stage, Timestamp};
use std::collections::HashMap;

/// The event log of `applications`' histories, as the store writes it:
/// one event per change, numbered in the order of their times.
pub fn event_log(applications: &[&Application]) -> Vec<Event> {
    let mut changes: Vec<(Timestamp, usize, usize)> = Vec::new();
    for (a, app) in applications.iter().enumerate() {
        changes.extend(app.history.iter().enumerate().map(|(h, c)| (c.at, a, h)));
    }
    changes.sort();
    changes
        .into_iter()
        .enumerate()
        .map(|(n, (at, a, h))| {
            let app = applications[a];
            let change = &app.history[h];
            Event {
                id: EventId(n as u64 + 1),
                at,
                actor: change.actor.clone(),
                kind: EventKind::for_change(app.engagement, app.candidate, change),
            }
        })
        .collect()
}

/// One application event: the stage it reached, and whether it is an
/// undo, or cancelled (an undone move, or the undo that took it back).
struct Entry {
    at: Timestamp,
    stage: Stage,
    undo: bool,
    cancelled: bool,
}

/// The funnel (see `funnel.rs` for what it counts) straight from the
/// event log, in any order (sorted by id here).
pub fn funnel(
    events: &[Event],
    engagements: &[Engagement],
    period: Period,
    scope: &Scope,
) -> Funnel {
    let included: HashMap<EngagementId, bool> = engagements
        .iter()
        .map(|e| (e.id, scope.includes(e)))
        .collect();
    let mut counter = FunnelCounter::default();
    for ((engagement, _), mut entries) in by_application(events) {
        let wanted = included.get(&engagement).copied();
        if !wanted.unwrap_or(*scope == Scope::All) {
            continue;
        }
        cancel_undone(&mut entries);
        let kept: Vec<&Entry> = entries.iter().filter(|e| !e.cancelled).collect();
        count_application(&mut counter, &kept, period);
    }
    counter.finish()
}

/// For each stage, the application's last entry into it within the
/// period, and what came next.
fn count_application(counter: &mut FunnelCounter, kept: &[&Entry], period: Period) {
    for stage in Stage::PIPELINE {
        let last = (0..kept.len())
            .rev()
            .find(|&i| kept[i].stage == stage && period.contains(kept[i].at));
        if let Some(i) = last {
            let next = kept.get(i + 1);
            let days = next.map(|n| days_between(kept[i].at, n.at));
            let forward = next.is_some_and(|n| is_forward(stage, n.stage));
            counter.count(stage, days, forward);
        }
    }
}

/// Every application's events in log order; an application taken out of
/// its pipeline (an undone add) loses the events before.
fn by_application(events: &[Event]) -> HashMap<(EngagementId, CandidateId), Vec<Entry>> {
    let mut ordered: Vec<&Event> = events.iter().collect();
    ordered.sort_by_key(|e| e.id);
    let mut by_app: HashMap<(EngagementId, CandidateId), Vec<Entry>> = HashMap::new();
    for event in ordered {
        if let EventKind::ApplicationRemoved {
            engagement,
            candidate,
        } = event.kind
        {
            by_app.remove(&(engagement, candidate));
            continue;
        }
        let (Some(key), Some(stage)) = (event.kind.application(), event.kind.stage_reached())
        else {
            continue;
        };
        let undo = matches!(&event.kind,
            EventKind::StageChanged { reason: Some(r), .. } if r == UNDO_REASON);
        by_app.entry(key).or_default().push(Entry {
            at: event.at,
            stage,
            undo,
            cancelled: false,
        });
    }
    by_app
}

/// Marks each undo that goes back to the stage before the latest move
/// still standing, and that move, as cancelled.
fn cancel_undone(entries: &mut [Entry]) {
    for j in 0..entries.len() {
        if !entries[j].undo {
            continue;
        }
        let standing: Vec<usize> = (0..j).filter(|&i| !entries[i].cancelled).collect();
        if let [.., before, last] = standing[..]
            && entries[before].stage == entries[j].stage
        {
            entries[last].cancelled = true;
            entries[j].cancelled = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{World, jan};
    use super::*;
    use crate::domain::Stage::*;

    #[test]
    fn the_log_has_an_event_per_change_in_time_order() {
        let mut world = World::new();
        world.app(1, 1, &[(Sourced, 3, None), (Screening, 4, None)]);
        world.app(1, 2, &[(Sourced, 1, None), (Screening, 5, Some("undo"))]);
        let records = world.records();
        let log = event_log(&records.applications);
        let days: Vec<u32> = log.iter().map(|e| chrono::Datelike::day(&e.at)).collect();
        assert_eq!(days, [1, 3, 4, 5]);
        assert_eq!(log[0].kind.stage_reached(), Some(Sourced));
    }

    #[test]
    fn an_undo_and_the_move_it_undid_count_for_nothing() {
        let mut world = World::new();
        let moves = [
            (Sourced, 1, None),
            (Screening, 2, None),
            (Sourced, 3, Some("undo")),
        ];
        world.app(1, 1, &moves);
        let records = world.records();
        let log = event_log(&records.applications);
        let funnel = funnel(&log, &world.engagements, jan(1, 31), &Scope::All);
        assert_eq!(funnel.stages[1].entered, 0);
        assert_eq!(
            (funnel.stages[0].entered, funnel.stages[0].finished),
            (1, 0)
        );
        assert_eq!(
            funnel,
            super::super::funnel(&records, jan(1, 31), &Scope::All)
        );
    }

    #[test]
    fn an_application_taken_out_leaves_no_count() {
        let mut log = vec![Event {
            id: EventId(1),
            at: crate::domain::testing::at(2),
            actor: "ana".into(),
            kind: EventKind::ApplicationOpened {
                engagement: EngagementId(1),
                candidate: CandidateId(1),
                stage: Sourced,
            },
        }];
        log.push(Event {
            id: EventId(2),
            kind: EventKind::ApplicationRemoved {
                engagement: EngagementId(1),
                candidate: CandidateId(1),
            },
            ..log[0].clone()
        });
        let world = World::new();
        let funnel = funnel(&log, &world.engagements, jan(1, 31), &Scope::All);
        assert!(funnel.stages.iter().all(|s| s.entered == 0));
    }
}
