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
//! parts a write changed.

use super::agency::{Agency, AgencyParts};
use super::data::{Data, Parts};
use super::redact;
use super::{OwnIndex, Records, Snapshot, lock};
use crate::domain::access::{Act, Role};
use crate::domain::scope::Access;
use crate::domain::{Application, Candidate, CandidateId, Engagement, EngagementId, Note};
use crate::search::SearchIndex;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::Mutex;

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
            return redact_all(access, self, None);
        };
        // Looked up one by one: a restricted role sees a few among many.
        let mut ids: Vec<CandidateId> = people.iter().copied().collect();
        ids.sort_unstable();
        let candidates: Vec<Candidate> = (ids.iter())
            .filter_map(|&id| self.candidate(id))
            .map(|c| redact::candidate(access, c))
            .collect();
        let shown: Vec<Engagement> = (self.engagements().iter())
            .filter(|e| engagements.contains(&e.id))
            .map(|e| redact::engagement(access, e))
            .collect();
        let applications: Vec<Application> = (shown.iter())
            .flat_map(|e| self.pipeline(e.id))
            .filter(|a| people.contains(&a.candidate))
            .map(|a| redact::application(access, a))
            .collect();
        let notes: Vec<Note> = match access.may(Act::ReadNotes) {
            false => Vec::new(),
            true => (people.iter())
                .flat_map(|&c| self.notes_of(c))
                .filter(|n| n.engagement.is_none_or(|e| engagements.contains(&e)))
                .cloned()
                .collect(),
        };
        let agency = agency_for(access, self.agency(), &shown, &people);
        Data::from_records(candidates, shown, applications, notes, agency)
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

/// Every record redacted, none left out (a viewer): each part made again
/// only if it differs from `last`'s (the last source and its copy).
fn redact_all(access: &Access, full: &Data, last: Option<(&Data, &Data)>) -> Data {
    let from = full.parts();
    let before = last.map(|(source, copy)| (source.parts(), copy.parts()));
    let agencies = before
        .as_ref()
        .map(|(source, copy)| (source.agency.parts(), copy.agency.parts()));
    let (s, c) = split(&before);
    let (sa, ca) = split(&agencies);
    let agency = from.agency.parts();
    let notes_kept = access.may(Act::ReadNotes);
    let parts = Parts {
        candidates: reuse(
            s.map(|p| &p.candidates),
            c.map(|p| &p.candidates),
            &from.candidates,
            |all| every(all, |x| redact::candidate(access, x)),
        ),
        engagements: reuse(
            s.map(|p| &p.engagements),
            c.map(|p| &p.engagements),
            &from.engagements,
            |all| every(all, |x| redact::engagement(access, x)),
        ),
        pipelines: match notes_kept {
            true => Arc::clone(&from.pipelines),
            false => reuse(
                s.map(|p| &p.pipelines),
                c.map(|p| &p.pipelines),
                &from.pipelines,
                |all| pipelines(access, all),
            ),
        },
        notes: match notes_kept {
            true => Arc::clone(&from.notes),
            false => Arc::default(),
        },
        agency: Agency::from_parts(AgencyParts {
            clients: reuse(
                sa.map(|p| &p.clients),
                ca.map(|p| &p.clients),
                &agency.clients,
                |all| every(all, |x| redact::client(access, x)),
            ),
            submittals: reuse(
                sa.map(|p| &p.submittals),
                ca.map(|p| &p.submittals),
                &agency.submittals,
                |all| every(all, |x| redact::submittal(access, x)),
            ),
            placements: reuse(
                sa.map(|p| &p.placements),
                ca.map(|p| &p.placements),
                &agency.placements,
                |all| every(all, |x| redact::placement(access, x)),
            ),
            assignments: Arc::clone(&agency.assignments),
        }),
    };
    full.with_parts(parts)
}

fn split<T>(pair: &Option<(T, T)>) -> (Option<&T>, Option<&T>) {
    match pair {
        Some((source, copy)) => (Some(source), Some(copy)),
        None => (None, None),
    }
}

/// The last copy of a part if its source is the same one as last time,
/// else a new copy of `now`.
fn reuse<T>(
    source: Option<&Arc<T>>,
    copy: Option<&Arc<T>>,
    now: &Arc<T>,
    make: impl FnOnce(&T) -> T,
) -> Arc<T> {
    match (source, copy) {
        (Some(source), Some(copy)) if Arc::ptr_eq(source, now) => Arc::clone(copy),
        _ => Arc::new(make(now)),
    }
}

fn every<T>(records: &[T], redact: impl Fn(&T) -> T) -> Vec<T> {
    records.iter().map(redact).collect()
}

type Pipelines = HashMap<EngagementId, Arc<Vec<Application>>>;

fn pipelines(access: &Access, all: &Pipelines) -> Pipelines {
    (all.iter())
        .map(|(&e, apps)| (e, Arc::new(every(apps, |a| redact::application(access, a)))))
        .collect()
}

/// A session's way from the shared snapshots to what it may see, keeping
/// its last copy.
pub struct Redactor {
    access: Access,
    /// The last snapshot redacted, and its copy.
    last: Option<(Arc<Data>, Arc<Data>)>,
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
            (Some((source, copy)), true) => redact_all(&self.access, full, Some((source, copy))),
            (None, true) => redact_all(&self.access, full, None),
            (_, false) => full.for_access(&self.access),
        };
        let copy = Arc::new(copy);
        self.last = Some((Arc::clone(full), Arc::clone(&copy)));
        copy
    }
}

/// The copy every viewer draws. A viewer's does not depend on who they
/// are, so one is kept, with one search index, for all of a server's
/// viewers (at 100,000 candidates a copy and its index are tens of
/// megabytes each).
pub struct ViewerCopy {
    redactor: Mutex<Redactor>,
    index: OwnIndex,
}

impl Default for ViewerCopy {
    fn default() -> ViewerCopy {
        ViewerCopy {
            redactor: Mutex::new(Redactor {
                access: Access::new(Role::Viewer, ""),
                last: None,
            }),
            index: OwnIndex::default(),
        }
    }
}

impl Records {
    /// A viewer's copy of a snapshot, shared by every viewer; its index is
    /// built once per change that reaches it.
    pub fn viewer_copy(&self, (version, full): Snapshot) -> Arc<Data> {
        let mut redactor = lock(&self.viewers.redactor);
        let before = redactor.last.as_ref().map(|(_, copy)| Arc::clone(copy));
        let copy = redactor.redact(&full);
        let indexed = before.is_some_and(|before| {
            let changed = copy.changed_since(&before);
            !(changed.candidates || changed.engagements || changed.clients)
        });
        if !indexed {
            self.viewers
                .index
                .wanted((version, Arc::clone(&copy)), self.catalog);
        }
        copy
    }

    /// The search index over the viewers' copy.
    pub fn viewer_index(&self) -> Option<Arc<SearchIndex>> {
        self.viewers.index.latest(self.catalog)
    }
}
