//! A restricted session's records: only what its role may see, so that
//! nothing else can be drawn, searched, copied or exported from it.
//!
//! Admins and recruiters share the snapshot itself. Every other role gets
//! [`Data::for_access`]: the engagements it is given (an interviewer's
//! assigned ones, a client guest's own client's; a viewer's all), the
//! applications in them, the candidates of those applications (a client
//! guest: only those submitted to it), each record redacted as
//! `redact.rs` says. [`Redactor`] keeps a session's last copy, so that a
//! viewer's, which holds every candidate, is made again only for the
//! parts a write changed (`redact_all.rs`; `viewers.rs` keeps the one
//! copy every viewer shares).

use super::agency::{Agency, AgencyParts};
use super::data::Data;
use super::redact;
use crate::domain::access::{Act, Role};
use crate::domain::scope::Access;
use crate::domain::{Application, Candidate, CandidateId, Engagement, EngagementId, Note};
use std::collections::HashSet;
use std::sync::Arc;

impl Data {
    /// The engagements `access` sees.
    pub fn engagements_for(&self, access: &Access) -> HashSet<EngagementId> {
        let agency = self.agency();
        self.engagements()
            .iter()
            .filter(|e| {
                access.sees_all()
                    || access
                        .sees_engagement(&agency.client_name(e.client), agency.interviewers(e.id))
            })
            .map(|e| e.id)
            .collect()
    }

    /// The candidates `access` sees among those of `engagements`; `None`:
    /// everyone (a role that sees all).
    pub fn candidates_for(
        &self,
        access: &Access,
        engagements: &HashSet<EngagementId>,
    ) -> Option<HashSet<CandidateId>> {
        match &access.role {
            _ if access.sees_all() => None,
            Role::Client(_) => Some(
                (self.agency().submittals().iter())
                    .filter(|s| engagements.contains(&s.engagement))
                    .map(|s| s.candidate)
                    .collect(),
            ),
            _ => Some(
                (engagements.iter())
                    .flat_map(|&e| self.pipeline(e).iter().map(|a| a.candidate))
                    .collect(),
            ),
        }
    }

    /// A copy of these records holding only what `access` may see.
    pub fn for_access(&self, access: &Access) -> Data {
        let engagements = self.engagements_for(access);
        let Some(people) = self.candidates_for(access, &engagements) else {
            return super::redact_all::redact_all(access, self, None);
        };
        let shown: Vec<Engagement> = (self.engagements().iter())
            .filter(|e| engagements.contains(&e.id))
            .map(|e| redact::engagement(access, e))
            .collect();
        let applications: Vec<Application> = (shown.iter())
            .flat_map(|e| self.pipeline(e.id))
            .filter(|a| people.contains(&a.candidate))
            .map(|a| redact::application(access, a))
            .collect();
        let agency = agency_for(access, self.agency(), &shown, &people);
        let notes = self.notes_for(access, &people, &engagements);
        Data::from_records(
            self.people(access, &people),
            shown,
            applications,
            notes,
            agency,
        )
    }

    /// The candidates among `people`, redacted, in id order: looked up one
    /// by one, since a restricted role sees a few among many.
    fn people(&self, access: &Access, people: &HashSet<CandidateId>) -> Vec<Candidate> {
        let mut ids: Vec<CandidateId> = people.iter().copied().collect();
        ids.sort_unstable();
        (ids.iter())
            .filter_map(|&id| self.candidate(id))
            .map(|c| redact::candidate(access, c))
            .collect()
    }

    /// The notes on `people` a role that reads notes sees: about them, or
    /// about their cards in the engagements it is given.
    fn notes_for(
        &self,
        access: &Access,
        people: &HashSet<CandidateId>,
        engagements: &HashSet<EngagementId>,
    ) -> Vec<Note> {
        if !access.may(Act::ReadNotes) {
            return Vec::new();
        }
        (people.iter())
            .flat_map(|&c| self.notes_of(c))
            .filter(|n| n.engagement.is_none_or(|e| engagements.contains(&e)))
            .cloned()
            .collect()
    }
}

/// The agency's records of the engagements `shown`, redacted.
fn agency_for(
    access: &Access,
    agency: &Agency,
    shown: &[Engagement],
    people: &HashSet<CandidateId>,
) -> Agency {
    let engagements: HashSet<EngagementId> = shown.iter().map(|e| e.id).collect();
    let clients: HashSet<_> = shown.iter().map(|e| e.client).collect();
    let ours = |e: &EngagementId, c: &CandidateId| engagements.contains(e) && people.contains(c);
    let parts = agency.parts();
    let guest = matches!(access.role, Role::Client(_));
    Agency::from_parts(AgencyParts {
        clients: Arc::new(
            (parts.clients.iter())
                .filter(|c| clients.contains(&c.id))
                .map(|c| redact::client(access, c))
                .collect(),
        ),
        submittals: Arc::new(
            (parts.submittals.iter())
                .filter(|s| ours(&s.engagement, &s.candidate))
                .map(|s| redact::submittal(access, s))
                .collect(),
        ),
        placements: Arc::new(
            (parts.placements.iter())
                .filter(|p| ours(&p.engagement, &p.candidate))
                .map(|p| redact::placement(access, p))
                .collect(),
        ),
        assignments: Arc::new(
            (parts.assignments.iter())
                .filter(|a| !guest && engagements.contains(&a.engagement))
                .cloned()
                .collect(),
        ),
    })
}

/// A session's way from the shared snapshots to what it may see, keeping
/// its last copy.
pub struct Redactor {
    access: Access,
    /// The last snapshot redacted, and its copy.
    last: Option<(Arc<Data>, Arc<Data>)>,
}

impl Redactor {
    /// The viewers' one redactor (see `viewers.rs`).
    pub(super) fn for_viewers() -> Redactor {
        Redactor {
            access: Access::new(Role::Viewer, ""),
            last: None,
        }
    }

    /// The last copy made, if any.
    pub(super) fn last_copy(&self) -> Option<Arc<Data>> {
        self.last.as_ref().map(|(_, copy)| Arc::clone(copy))
    }
}

impl Redactor {
    /// `None` for a role that sees everything: it shares the snapshot.
    pub fn new(access: &Access) -> Option<Redactor> {
        (!access.sees_everything()).then(|| Redactor {
            access: access.clone(),
            last: None,
        })
    }

    /// What this session may see of `full` (the same copy as last time
    /// for the same snapshot).
    pub fn redact(&mut self, full: &Arc<Data>) -> Arc<Data> {
        if let Some((source, copy)) = &self.last
            && Arc::ptr_eq(source, full)
        {
            return Arc::clone(copy);
        }
        let copy = match (&self.last, self.access.sees_all()) {
            (Some((source, copy)), true) => {
                super::redact_all::redact_all(&self.access, full, Some((source, copy)))
            }
            (None, true) => super::redact_all::redact_all(&self.access, full, None),
            (_, false) => full.for_access(&self.access),
        };
        let copy = Arc::new(copy);
        self.last = Some((Arc::clone(full), Arc::clone(&copy)));
        copy
    }
}
