//! The check every write passes before it touches the store: may the
//! writer's role do this at all, and to this record? It runs under the
//! write lock, against the records as they are at that moment (an
//! interviewer taken off an engagement a moment ago can no longer write
//! on it), whatever asked for the write: a key, a palette entry, a paste
//! or a pane not written yet. A refusal is [`StoreError::Forbidden`], in
//! words, and nothing is written.

use super::data::Data;
use crate::domain::access::Act;
use crate::domain::scope::Access;
use crate::domain::{CandidateId, EngagementId, PlacementId, SubmittalId};
use crate::store::{Result, StoreError};

/// What a write touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum On {
    /// Records no engagement scopes (candidates, clients, engagements).
    Records,
    Engagement(EngagementId),
    /// One card of an engagement.
    Card(EngagementId, CandidateId),
    /// A candidate (a note not tied to an engagement).
    Candidate(CandidateId),
    Submittal(SubmittalId),
    Placement(PlacementId),
}

/// What a write asks for: an act on a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Need(pub Act, pub On);

/// Whether `access` may do `need` on `data`; the refusal in words if not.
pub fn check(access: &Access, Need(act, on): Need, data: &Data) -> Result<()> {
    if !access.may(act) {
        return Err(StoreError::Forbidden(access.role.refusal(act)));
    }
    reaches(access, on, data)
}

/// Whether `on` is among the records `access` is given; the refusal in
/// words if not.
pub fn reaches(access: &Access, on: On, data: &Data) -> Result<()> {
    if access.sees_all() {
        return Ok(());
    }
    let given = data.engagements_for(access);
    let mine = |e: &EngagementId| given.contains(e);
    let allowed = match on {
        On::Records => false,
        On::Engagement(e) => mine(&e),
        On::Card(e, c) => mine(&e) && in_view(access, data, &given, c),
        On::Candidate(c) => in_view(access, data, &given, c),
        On::Submittal(id) => (data.agency().submittal(id)).is_some_and(|s| mine(&s.engagement)),
        On::Placement(id) => {
            (data.agency().placements().iter()).any(|p| p.id == id && mine(&p.engagement))
        }
    };
    match allowed {
        true => Ok(()),
        false => Err(StoreError::Forbidden(access.not_theirs(&described(on)))),
    }
}

/// Whether the candidate is one the session sees.
fn in_view(
    access: &Access,
    data: &Data,
    given: &std::collections::HashSet<EngagementId>,
    candidate: CandidateId,
) -> bool {
    data.candidates_for(access, given)
        .is_none_or(|people| people.contains(&candidate))
}

fn described(on: On) -> String {
    match on {
        On::Records => "this record".into(),
        On::Engagement(e) => e.to_string(),
        On::Card(e, c) => format!("{c} in {e}"),
        On::Candidate(c) => c.to_string(),
        On::Submittal(s) => s.to_string(),
        On::Placement(p) => p.to_string(),
    }
}
