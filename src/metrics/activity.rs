//! The three things recruiters are counted on, as they happened: a client
//! submittal sent, a client interview requested, a placement made; each
//! with when, by whom, and for which application. The trends, sources
//! and recruiters reports count these.
//!
//! - a **submittal** is sent at its `at`, by its `by`;
//! - a **client interview** is a submittal's first answer asking for an
//!   interview (later answers, such as a rejection after it, do not undo
//!   it), at that answer's time, credited to whoever recorded it;
//! - a **placement** is made when it was started (`started.at`), by
//!   whoever made it; later extensions and renewals are not new ones.

use super::input::{InScope, Records};
use crate::domain::{
    Answer, AnswerKind, CandidateId, EngagementId, Placement, Submittal, Timestamp,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActivityKind {
    Submittal,
    Interview,
    Placement,
}

/// One thing done, for one application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Activity<'a> {
    pub kind: ActivityKind,
    pub at: Timestamp,
    pub by: &'a str,
    pub engagement: EngagementId,
    pub candidate: CandidateId,
}

/// The client's first request for an interview on a submittal, if any.
pub fn first_interview(submittal: &Submittal) -> Option<&Answer> {
    submittal
        .answers
        .iter()
        .find(|a| a.kind == AnswerKind::InterviewRequested)
}

/// Every activity on the engagements in scope, in no particular order.
pub(super) fn activities<'a, 's>(
    records: &'s Records<'a>,
    in_scope: &'s InScope,
) -> impl Iterator<Item = Activity<'a>> + 's {
    let submittals: &'a [Submittal] = records.submittals;
    let submittals = submittals.iter().filter(|s| in_scope.has(s.engagement));
    let sent = submittals.clone().map(sent);
    let interviews = submittals.filter_map(interview);
    let placements: &'a [Placement] = records.placements;
    let placements = placements.iter().filter(|p| in_scope.has(p.engagement));
    sent.chain(interviews).chain(placements.map(placement))
}

fn sent(s: &Submittal) -> Activity<'_> {
    Activity {
        kind: ActivityKind::Submittal,
        at: s.at,
        by: &s.by,
        engagement: s.engagement,
        candidate: s.candidate,
    }
}

fn interview(s: &Submittal) -> Option<Activity<'_>> {
    let answer = first_interview(s)?;
    Some(Activity {
        kind: ActivityKind::Interview,
        at: answer.at,
        by: &answer.by,
        engagement: s.engagement,
        candidate: s.candidate,
    })
}

fn placement(p: &Placement) -> Activity<'_> {
    Activity {
        kind: ActivityKind::Placement,
        at: p.started.at,
        by: &p.started.by,
        engagement: p.engagement,
        candidate: p.candidate,
    }
}
