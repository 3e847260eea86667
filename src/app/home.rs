//! "My work", the home screen: for the manager at the keyboard (the app's
//! actor), the engagements they own with where each shortlist promise
//! stands and, across those engagements, the cards due or stuck in their
//! stage (at or past its threshold), the client answers overdue, the cards in an
//! interview stage and the placements starting or ending soon. When the
//! actor owns no engagement, the same for the whole team. Worked out once
//! per change with the other views (`views.rs`), the stuck cards, overdue
//! answers and endings taken from the attention list.

use super::attention::{Concern, Item};
use super::list::{ListCursor, visible_offset};
use super::records::data::Data;
use crate::domain::time::days_between;
use crate::domain::{
    CandidateId, Engagement, EngagementId, EngagementStatus, Policy, Promise, Stage, Timestamp,
};
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// Whose work the screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    /// The engagements the actor owns.
    #[default]
    Mine,
    /// Every engagement, because the actor owns none.
    Team,
}

/// The groups, in the order they show, each under a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Engagements,
    Stuck,
    Unanswered,
    Interviews,
    Placements,
}

/// Whether a placement's row is about its first day or its last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turn {
    Starts,
    Ends,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// An engagement still being worked (open or on hold), and its promise.
    Engagement {
        engagement: EngagementId,
        promise: Promise,
    },
    /// A stuck card or an overdue answer, as the attention list has it.
    Concern(Item),
    /// A card in an interview stage.
    Interview {
        engagement: EngagementId,
        candidate: CandidateId,
        stage: Stage,
        days_in_stage: i64,
    },
    /// A placement starting or ending within `policy.ending_days`.
    Placement {
        engagement: EngagementId,
        candidate: CandidateId,
        on: NaiveDate,
        turn: Turn,
    },
}

impl Row {
    /// The card Enter goes to; `None` for an engagement (its board).
    pub fn card(&self) -> Option<(EngagementId, CandidateId)> {
        match self {
            Row::Engagement { .. } => None,
            Row::Concern(item) => item.concern.card(),
            Row::Interview {
                engagement,
                candidate,
                ..
            }
            | Row::Placement {
                engagement,
                candidate,
                ..
            } => Some((*engagement, *candidate)),
        }
    }

    pub fn engagement(&self) -> EngagementId {
        match self {
            // Only concerns about an engagement are kept here (`concerns`).
            Row::Concern(item) => item.concern.engagement().unwrap_or(EngagementId(0)),
            Row::Engagement { engagement, .. }
            | Row::Interview { engagement, .. }
            | Row::Placement { engagement, .. } => *engagement,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Home {
    pub scope: Scope,
    /// Each group and its rows, in the order they show.
    pub groups: Vec<(Group, Vec<Row>)>,
}

impl Home {
    /// The home screen of `actor` over `data`; `attention` is the
    /// attention list worked out from the same data at `now`.
    pub fn compute(
        data: &Data,
        policy: &Policy,
        attention: &[Item],
        actor: &str,
        now: Timestamp,
    ) -> Home {
        let (scope, ids) = scope(data, actor);
        let is_stuck = |c: &Concern| matches!(c, Concern::Stuck { .. });
        let is_unanswered = |c: &Concern| matches!(c, Concern::Unanswered { .. });
        let groups = vec![
            (Group::Engagements, engagements(data, policy, &ids, now)),
            (Group::Stuck, concerns(attention, &ids, is_stuck)),
            (Group::Unanswered, concerns(attention, &ids, is_unanswered)),
            (Group::Interviews, interviews(data, &ids, now)),
            (
                Group::Placements,
                placements(data, policy, attention, &ids, now),
            ),
        ];
        Home { scope, groups }
    }

    /// Every row, group after group (headings are not rows).
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.groups.iter().flat_map(|(_, rows)| rows)
    }

    pub fn len(&self) -> usize {
        self.groups.iter().map(|(_, rows)| rows.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn row(&self, index: usize) -> Option<&Row> {
        self.rows().nth(index)
    }

    /// The screen line of row `index`, counting the headings before it.
    pub fn line_of(&self, index: usize) -> usize {
        let (mut line, mut left) = (0, index);
        for (_, rows) in &self.groups {
            line += 1;
            if left < rows.len() {
                return line + left;
            }
            line += rows.len();
            left -= rows.len();
        }
        line
    }

    /// The first line to show so that row `index` and the line above it
    /// (its heading, for a group's first row) are on a page of `page`
    /// lines, moving as little as possible from `top`.
    pub fn scroll(&self, top: usize, index: usize, page: usize) -> usize {
        let line = self.line_of(index);
        let top = visible_offset(top, line.saturating_sub(1), page);
        visible_offset(top, line, page)
    }
}

/// The engagements `actor` owns; every engagement if they own none.
fn scope(data: &Data, actor: &str) -> (Scope, BTreeSet<EngagementId>) {
    let all = data.engagements().iter();
    let mine: BTreeSet<EngagementId> = (all.clone())
        .filter(|e| owns(&e.owner, actor))
        .map(|e| e.id)
        .collect();
    match mine.is_empty() {
        false => (Scope::Mine, mine),
        true => (Scope::Team, all.map(|e| e.id).collect()),
    }
}

/// Whether `actor` is `owner`, whatever the case; nobody owns an
/// engagement whose owner is not known (empty).
pub fn owns(owner: &str, actor: &str) -> bool {
    let (owner, actor) = (owner.trim(), actor.trim());
    !owner.is_empty() && owner.to_lowercase() == actor.to_lowercase()
}

/// The engagements still being worked, the most urgent promise first.
fn engagements(
    data: &Data,
    policy: &Policy,
    ids: &BTreeSet<EngagementId>,
    now: Timestamp,
) -> Vec<Row> {
    let submittals = data.agency().submittals();
    let mut rows: Vec<(&Engagement, Promise)> = (data.engagements().iter())
        .filter(|e| ids.contains(&e.id))
        .filter(|e| matches!(e.status, EngagementStatus::Open | EngagementStatus::OnHold))
        .map(|e| (e, policy.promise.promise(e, submittals, now)))
        .collect();
    rows.sort_by_key(|(e, promise)| urgency(e, promise));
    let row = |(e, promise): (&Engagement, Promise)| Row::Engagement {
        engagement: e.id,
        promise,
    };
    rows.into_iter().map(row).collect()
}

/// Open before on hold; then broken promises (the longest broken first),
/// those still due (the soonest first), and those met.
fn urgency(e: &Engagement, promise: &Promise) -> (bool, u8, Option<Timestamp>, EngagementId) {
    let (rank, when) = match *promise {
        Promise::Breached { due, .. } => (0, Some(due)),
        Promise::Pending { due, .. } => (1, Some(due)),
        Promise::Met { .. } => (2, None),
    };
    (e.status != EngagementStatus::Open, rank, when, e.id)
}

/// The attention list's concerns of one kind about these engagements, in
/// its order (the latest first).
fn concerns(
    attention: &[Item],
    ids: &BTreeSet<EngagementId>,
    kind: impl Fn(&Concern) -> bool,
) -> Vec<Row> {
    (attention.iter())
        .filter(|item| kind(&item.concern))
        .filter(|item| item.concern.engagement().is_some_and(|e| ids.contains(&e)))
        .map(|item| Row::Concern(item.clone()))
        .collect()
}

/// The cards in an interview stage, the longest there first.
fn interviews(data: &Data, ids: &BTreeSet<EngagementId>, now: Timestamp) -> Vec<Row> {
    let interviewing = [Stage::TechnicalInterview, Stage::ClientInterview];
    let mut rows: Vec<(i64, Row)> = (ids.iter())
        .flat_map(|&id| data.pipeline(id))
        .filter(|app| interviewing.contains(&app.stage))
        .map(|app| {
            let days = days_between(app.entered_stage_at().unwrap_or(now), now);
            let row = Row::Interview {
                engagement: app.engagement,
                candidate: app.candidate,
                stage: app.stage,
                days_in_stage: days,
            };
            (days, row)
        })
        .collect();
    rows.sort_by_key(|(days, _)| std::cmp::Reverse(*days));
    rows.into_iter().map(|(_, row)| row).collect()
}

/// Placements starting within `policy.ending_days`, and those the
/// attention list has ending within them; the soonest first.
fn placements(
    data: &Data,
    policy: &Policy,
    attention: &[Item],
    ids: &BTreeSet<EngagementId>,
    now: Timestamp,
) -> Vec<Row> {
    let today = now.date_naive();
    let soon = |day: NaiveDate| day >= today && (day - today).num_days() <= policy.ending_days;
    let starting = (data.agency().placements().iter())
        .filter(|p| ids.contains(&p.engagement) && !p.is_ended_early() && soon(p.terms().start))
        .map(|p| (p.engagement, p.candidate, p.terms().start, Turn::Starts));
    let ending = attention.iter().filter_map(|item| match item.concern {
        Concern::Ending {
            engagement,
            candidate,
            on,
            ..
        } if ids.contains(&engagement) => Some((engagement, candidate, on, Turn::Ends)),
        _ => None,
    });
    let mut rows: Vec<_> = starting.chain(ending).collect();
    rows.sort_by_key(|&(_, _, on, _)| on);
    let row = |(engagement, candidate, on, turn)| Row::Placement {
        engagement,
        candidate,
        on,
        turn,
    };
    rows.into_iter().map(row).collect()
}

/// The home screen's cursor, over its rows, and its first line on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HomeState {
    pub cursor: ListCursor,
    pub top: usize,
}
