//! The agency's records in a snapshot: clients, submittals, placements and
//! the interviewers assigned to engagements, each part behind its own
//! `Arc` like the rest of `Data`, so that a write copies only the part it
//! changes.

use crate::domain::scope::Assignment;
use crate::domain::{
    CandidateId, Client, ClientId, EngagementId, Placement, PlacementId, Submittal, SubmittalId,
};
use crate::store::{Result, Store};
use std::sync::Arc;

#[derive(Clone, Default)]
pub struct Agency {
    /// In id order.
    clients: Arc<Vec<Client>>,
    /// In id order (the order they were sent).
    submittals: Arc<Vec<Submittal>>,
    /// In id order.
    placements: Arc<Vec<Placement>>,
    /// In engagement order; only engagements with interviewers.
    assignments: Arc<Vec<Assignment>>,
}

/// The parts of an [`Agency`], shared: what a restricted session's
/// redacted copy is made from (`access.rs`).
#[derive(Clone)]
pub struct AgencyParts {
    pub clients: Arc<Vec<Client>>,
    pub submittals: Arc<Vec<Submittal>>,
    pub placements: Arc<Vec<Placement>>,
    pub assignments: Arc<Vec<Assignment>>,
}

impl Agency {
    pub fn load(store: &Store) -> Result<Agency> {
        Ok(Agency {
            clients: Arc::new(store.clients()?),
            submittals: Arc::new(store.submittals()?),
            placements: Arc::new(store.placements()?),
            assignments: Arc::new(store.assignments()?),
        })
    }

    pub fn parts(&self) -> AgencyParts {
        AgencyParts {
            clients: Arc::clone(&self.clients),
            submittals: Arc::clone(&self.submittals),
            placements: Arc::clone(&self.placements),
            assignments: Arc::clone(&self.assignments),
        }
    }

    pub fn from_parts(parts: AgencyParts) -> Agency {
        Agency {
            clients: parts.clients,
            submittals: parts.submittals,
            placements: parts.placements,
            assignments: parts.assignments,
        }
    }

    /// The interviewers assigned to an engagement.
    pub fn interviewers(&self, engagement: EngagementId) -> &[String] {
        let at = self
            .assignments
            .binary_search_by_key(&engagement, |a| a.engagement);
        at.map_or(&[], |at| self.assignments[at].interviewers.as_slice())
    }

    /// Takes in an engagement's interviewers as the store now has them.
    pub fn put_assignment(&mut self, assignment: Assignment) {
        let list = Arc::make_mut(&mut self.assignments);
        let at = list.binary_search_by_key(&assignment.engagement, |a| a.engagement);
        match (at, assignment.interviewers.is_empty()) {
            (Ok(at), true) => {
                list.remove(at);
            }
            (Ok(at), false) => list[at] = assignment,
            (Err(at), false) => list.insert(at, assignment),
            (Err(_), true) => {}
        }
    }

    /// The agency's records read elsewhere, each list in id order.
    pub fn from_records(
        clients: Vec<Client>,
        submittals: Vec<Submittal>,
        placements: Vec<Placement>,
    ) -> Agency {
        Agency {
            clients: Arc::new(clients),
            submittals: Arc::new(submittals),
            placements: Arc::new(placements),
            assignments: Arc::default(),
        }
    }

    pub fn clients(&self) -> &[Client] {
        &self.clients
    }

    pub fn client(&self, id: ClientId) -> Option<&Client> {
        let at = self.clients.binary_search_by_key(&id, |c| c.id).ok()?;
        Some(&self.clients[at])
    }

    /// A client's name; its id if it is not on file (never, but for a
    /// damaged database).
    pub fn client_name(&self, id: ClientId) -> String {
        self.client(id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    }

    pub fn submittals(&self) -> &[Submittal] {
        &self.submittals
    }

    pub fn submittal(&self, id: SubmittalId) -> Option<&Submittal> {
        let at = self.submittals.binary_search_by_key(&id, |s| s.id).ok()?;
        Some(&self.submittals[at])
    }

    /// A card's submittals, oldest first.
    pub fn submittals_of(
        &self,
        engagement: EngagementId,
        candidate: CandidateId,
    ) -> impl Iterator<Item = &Submittal> {
        self.submittals
            .iter()
            .filter(move |s| s.engagement == engagement && s.candidate == candidate)
    }

    pub fn placements(&self) -> &[Placement] {
        &self.placements
    }

    /// A card's placement, if it has one.
    pub fn placement_of(
        &self,
        engagement: EngagementId,
        candidate: CandidateId,
    ) -> Option<&Placement> {
        self.placements
            .iter()
            .rev()
            .find(|p| p.engagement == engagement && p.candidate == candidate)
    }

    /// Takes in a client the store has just written.
    pub fn put_client(&mut self, client: Client) {
        put(&mut self.clients, client, |c| c.id);
    }

    /// Drops a client the store has just deleted.
    pub fn remove_client(&mut self, id: ClientId) {
        Arc::make_mut(&mut self.clients).retain(|c| c.id != id);
    }

    pub fn put_submittal(&mut self, submittal: Submittal) {
        put(&mut self.submittals, submittal, |s| s.id);
    }

    pub fn remove_submittal(&mut self, id: SubmittalId) {
        Arc::make_mut(&mut self.submittals).retain(|s| s.id != id);
    }

    pub fn put_placement(&mut self, placement: Placement) {
        put(&mut self.placements, placement, |p| p.id);
    }

    pub fn remove_placement(&mut self, id: PlacementId) {
        Arc::make_mut(&mut self.placements).retain(|p| p.id != id);
    }

    /// Whether the clients differ from `old`'s (their names are in the
    /// search index).
    pub fn clients_changed_since(&self, old: &Agency) -> bool {
        !Arc::ptr_eq(&self.clients, &old.clients)
    }

    /// Whether any part differs from `old`'s (parts are compared by
    /// identity: every write replaces the part it touches).
    pub fn changed_since(&self, old: &Agency) -> bool {
        !(Arc::ptr_eq(&self.clients, &old.clients)
            && Arc::ptr_eq(&self.submittals, &old.submittals)
            && Arc::ptr_eq(&self.placements, &old.placements)
            && Arc::ptr_eq(&self.assignments, &old.assignments))
    }
}

/// Inserts or replaces a record in a list kept in id order.
fn put<T: Clone, K: Ord>(list: &mut Arc<Vec<T>>, record: T, key: impl Fn(&T) -> K) {
    let list = Arc::make_mut(list);
    match list.binary_search_by_key(&key(&record), &key) {
        Ok(at) => list[at] = record,
        Err(at) => list.insert(at, record),
    }
}
