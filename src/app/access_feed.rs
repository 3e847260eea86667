//! The event log as a restricted session's feeds show it: only events
//! about records its copy holds, and only what it may read of them (no
//! reasons without the agency's notes, no record images with contacts).
//! A client's guest sees the story of its own submittals and nothing of
//! the agency's work around them.

use super::records::data::Data;
use crate::domain::access::{Act, Role};
use crate::domain::scope::Access;
use crate::domain::{EngagementId, Event, EventKind};

/// `event` as this session may see it, or `None`.
pub fn shown(access: &Access, event: &Event, data: &Data) -> Option<Event> {
    let guest = matches!(access.role, Role::Client(_));
    let about_submittal = matches!(
        event.kind,
        EventKind::Submitted { .. }
            | EventKind::SubmittalAnswered { .. }
            | EventKind::SubmittalRetracted { .. }
    );
    if guest && !about_submittal {
        return None;
    }
    if let Some(candidate) = event.kind.candidate()
        && data.candidate(candidate).is_none()
    {
        return None;
    }
    if let Some(engagement) = engagement_of(&event.kind)
        && data.engagement(engagement).is_none()
    {
        return None;
    }
    if let EventKind::ClientAdded { client } | EventKind::ClientUpdated { client } = &event.kind
        && data.agency().client(*client).is_none()
    {
        return None;
    }
    Some(redacted(access, event, data))
}

/// The engagement an event is about, if any.
fn engagement_of(kind: &EventKind) -> Option<EngagementId> {
    match kind {
        EventKind::EngagementAdded { engagement }
        | EventKind::EngagementUpdated { engagement }
        | EventKind::ApplicationOpened { engagement, .. }
        | EventKind::StageChanged { engagement, .. }
        | EventKind::ScorecardAdded { engagement, .. }
        | EventKind::ApplicationRemoved { engagement, .. }
        | EventKind::Submitted { engagement, .. }
        | EventKind::PlacementChanged { engagement, .. }
        | EventKind::InterviewerAssigned { engagement, .. } => Some(*engagement),
        EventKind::NoteAdded { engagement, .. } => *engagement,
        _ => None,
    }
}

/// The free text and the record images taken out of what may not be read.
fn redacted(access: &Access, event: &Event, data: &Data) -> Event {
    let mut event = event.clone();
    match &mut event.kind {
        EventKind::StageChanged { reason, .. } if !access.may(Act::ReadNotes) => *reason = None,
        _ => {}
    }
    // The images are for undoing a merge or an import's update, which
    // this role may not: the record as the session sees it stands in for
    // all three.
    let seen = event.kind.candidate().and_then(|id| data.candidate(id));
    if let Some(seen) = seen
        && (!access.may(Act::ReadContact) || !access.may(Act::ReadPay))
    {
        for image in event.kind.candidate_images_mut().into_iter().flatten() {
            *image = seen.clone();
        }
    }
    event
}
