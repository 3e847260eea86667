//! A session's role at work in the app: the records it draws are the ones
//! its role may see (`records/access.rs` makes the copy, here it is taken
//! in on every snapshot), its search runs over that copy, its activity
//! feeds hold only what it may read, and what it opens is recorded for
//! the audit of access. Writes are checked below all this, in
//! `records/guard.rs`; the check here only spares a refused role a
//! prompt it could not complete.

use super::records::access::Redactor;
use super::records::data::Data;
use super::records::{OwnIndex, Records, Snapshot};
use super::{Action, App};
use crate::catalog::Catalog;
use crate::domain::access::{Act, Role};
use crate::domain::scope::{Access, same_name};
use crate::domain::{CandidateId, Event, EventKind, Timestamp};
use crate::search::SearchIndex;
use std::collections::HashMap;
use std::sync::Arc;

/// A detail opened again this soon is not recorded again.
const VIEW_AGAIN_AFTER: chrono::Duration = chrono::Duration::minutes(1);

/// Where a session's records come from.
enum Copies {
    /// The shared snapshot itself (admins and recruiters).
    Shared,
    /// The viewers' copy, one for every viewer (`Records::viewer_copy`).
    Viewer,
    /// A copy of its own (an interviewer's, a client guest's), with its
    /// own search index.
    Own(Redactor, OwnIndex),
}

/// What a session's role changes in it.
pub(super) struct SessionAccess {
    pub access: Access,
    copies: Copies,
    /// When this session last recorded opening each candidate.
    viewed: HashMap<CandidateId, Timestamp>,
}

impl SessionAccess {
    pub fn new(access: Access) -> SessionAccess {
        let copies = match Redactor::new(&access) {
            None => Copies::Shared,
            Some(_) if access.role == Role::Viewer => Copies::Viewer,
            Some(redactor) => Copies::Own(redactor, OwnIndex::default()),
        };
        SessionAccess {
            access,
            copies,
            viewed: HashMap::new(),
        }
    }

    /// What this session may see of a snapshot; a restricted session's
    /// search index follows its copy.
    pub fn view(
        &mut self,
        records: &Records,
        (version, full): Snapshot,
        old: Option<&Data>,
        catalog: &'static Catalog,
    ) -> Arc<Data> {
        let (redactor, index) = match &mut self.copies {
            Copies::Shared => return full,
            Copies::Viewer => return records.viewer_copy((version, full)),
            Copies::Own(redactor, index) => (redactor, index),
        };
        let copy = redactor.redact(&full);
        let changed = old.is_none_or(|old| {
            let changed = copy.changed_since(old);
            changed.candidates || changed.engagements || changed.clients
        });
        if changed {
            index.wanted((version, Arc::clone(&copy)), catalog);
        }
        copy
    }

    /// Where this session's searches look.
    pub fn search_index(
        &self,
        records: &Records,
        catalog: &'static Catalog,
    ) -> Option<Arc<SearchIndex>> {
        match &self.copies {
            Copies::Shared => records.search_index(),
            Copies::Viewer => records.viewer_index(),
            Copies::Own(_, own) => own.latest(catalog),
        }
    }

    /// Whether a feed of this session shows `event`, and as what.
    pub fn feed_event(&self, event: &Event, data: &Data) -> Option<Event> {
        if matches!(
            event.kind,
            EventKind::CandidateViewed { .. } | EventKind::RecordsExported { .. }
        ) {
            return None; // the audit's, not the activity's: `hireterm audit`
        }
        match self.copies {
            Copies::Shared => Some(event.clone()),
            _ => super::access_feed::shown(&self.access, event, data),
        }
    }
}

/// The session's name in the log: a client's guest whose key names one
/// of the client's contacts (by email or name) acts as that contact.
pub(super) fn actor_for(access: &Access, actor: String, data: &Data) -> String {
    let Role::Client(client) = &access.role else {
        return actor;
    };
    let contact = (data.agency().clients().iter())
        .filter(|c| same_name(&c.name, client))
        .flat_map(|c| c.contacts.iter())
        .find(|c| same_name(&c.email, &actor) || same_name(&c.name, &actor));
    contact.map_or(actor, |c| c.name.clone())
}

/// The act a pane's action asks for, if it writes.
fn act_of(action: Action) -> Option<Act> {
    use Action::*;
    Some(match action {
        MoveForward | MoveBack | Reject | Withdraw | AddToPipeline | Reopen => Act::Move,
        Submit => Act::Submit,
        Answer => Act::Answer,
        ChangePlacement => Act::Place,
        Scorecard => Act::Scorecard,
        AddNote => Act::Note,
        Tag | AddCandidate | EditCandidate | AddEngagement | EditEngagement | AddClient
        | EditClient | AssignInterviewer | Consent => Act::Edit,
        // A saved view is written into the team's config file.
        SaveView => Act::Edit,
        Backup => Act::Backup,
        Delete | DeleteNote => Act::Delete,
        Erase => Act::Erase,
        _ => return None,
    })
}

impl App {
    /// This session's role.
    pub fn role(&self) -> &Role {
        &self.access.access.role
    }

    /// Whether this session's role may do `act`.
    pub fn may(&self, act: Act) -> bool {
        self.access.access.may(act)
    }

    /// Refuses, in the status bar, a pane's action the role may never do.
    pub(super) fn refused(&mut self, action: Action) -> bool {
        match act_of(action).filter(|act| self.overlay.is_none() && !self.may(*act)) {
            Some(act) => {
                let refusal = self.role().refusal(act);
                self.complain(refusal);
                true
            }
            None => false,
        }
    }

    /// The search index this session searches.
    pub(super) fn search_index(&self) -> Option<Arc<SearchIndex>> {
        self.access.search_index(&self.records, self.catalog)
    }

    /// Records that this session opened a candidate's detail, once a
    /// minute at most per candidate.
    pub(super) fn record_view(&mut self, candidate: CandidateId) {
        let now = self.clock.now();
        let seen = self.access.viewed.get(&candidate);
        if seen.is_some_and(|&at| now - at < VIEW_AGAIN_AFTER) {
            return;
        }
        match self.records.record_view(&self.writer(), candidate) {
            Ok(()) => {
                self.access.viewed.insert(candidate, now);
            }
            Err(error) => self.complain(format!("opening {candidate} was not recorded: {error}")),
        }
    }
}
