//! The agency's records in and out of an export: clients that keep the ids
//! an export gave them, engagements linked to their client by that id,
//! and the clients, submittals and placements read one at a time for an
//! export. (Submittals and placements keep their ids through
//! [`Store::add_submittals`] and [`Store::add_placements`].)

use super::Store;
use super::counts::Tally;
use super::engagements::validate as validate_engagement;
use super::error::{Result, StoreError};
use super::import::{keep_id, refuse_huge_id};
use super::tx;
use crate::domain::text::{clean_line, fold};
use crate::domain::{Client, Engagement, EventKind, Placement, Stamp, Submittal};
use crate::store::kv::Transactional;
use std::collections::HashSet;

impl Store {
    /// Adds clients under the ids they carry (an id of 0 gets a fresh
    /// one); the client counter ends past every id kept. Refused, the
    /// whole chunk, if a client is invalid, its id is taken, or its name
    /// is another's on file or in the chunk (compared folded). Not
    /// flushed.
    pub fn import_clients(&self, chunk: &[Client], stamp: &Stamp) -> Result<()> {
        self.ensure_writable()?;
        // Names compared as `same_name` compares them.
        let key = |name: &str| fold(&clean_line(name));
        let mut names: HashSet<String> = self.clients()?.iter().map(|c| key(&c.name)).collect();
        for client in chunk {
            let mut problems = client.problems();
            if !names.insert(key(&client.name)) {
                problems.push(format!("a client is already called {}", client.name));
            }
            if !problems.is_empty() {
                return Err(StoreError::Invalid(problems));
            }
            refuse_huge_id(client.id.0)?;
        }
        let trees = self.with_log(&self.clients);
        trees.transaction(|(clients, meta, events, event_index)| {
            let mut counted = Tally::default();
            for client in chunk {
                let taken = clients.get(client.id.to_key())?.is_some();
                let id =
                    crate::domain::ClientId(keep_id(meta, tx::CLIENT_SEQ, client.id.0, taken)?);
                let client = Client {
                    id,
                    ..client.clone()
                };
                tx::put(clients, &id.to_key(), &client)?;
                counted.change(None, Some(&client));
                let kind = EventKind::ClientAdded { client: id };
                tx::append_event(events, event_index, meta, stamp, kind)?;
            }
            counted.apply(meta)
        })
    }

    /// Adds engagements under the ids they carry, each for the client its
    /// `client` names, which must be on file. Not flushed.
    pub fn import_engagements_of_clients(&self, chunk: &[Engagement], stamp: &Stamp) -> Result<()> {
        self.ensure_writable()?;
        for engagement in chunk {
            validate_engagement(engagement)?;
            refuse_huge_id(engagement.id.0)?;
        }
        let trees = (
            &self.engagements,
            &self.clients,
            &self.meta,
            &self.events,
            &self.event_index,
        );
        trees.transaction(|(stored, clients, meta, events, event_index)| {
            let mut counted = Tally::default();
            for engagement in chunk {
                if clients.get(engagement.client.to_key())?.is_none() {
                    return tx::abort(StoreError::NoClient(engagement.client));
                }
                let taken = stored.get(engagement.id.to_key())?.is_some();
                let id = keep_id(meta, tx::ENGAGEMENT_SEQ, engagement.id.0, taken)?;
                let id = crate::domain::EngagementId(id);
                let record = Engagement {
                    id,
                    ..engagement.clone()
                };
                tx::put(stored, &id.to_key(), &record)?;
                counted.change(None, Some(&record));
                let kind = EventKind::EngagementAdded { engagement: id };
                tx::append_event(events, event_index, meta, stamp, kind)?;
            }
            counted.apply(meta)
        })
    }

    /// True when the database holds no record of any kind: what a full
    /// export, which keeps its ids, needs to go into.
    pub fn has_no_records(&self) -> Result<bool> {
        Ok(self.is_empty()?
            && self.notes.is_empty()?
            && self.clients.is_empty()?
            && self.submittals.is_empty()?
            && self.placements.is_empty()?)
    }

    /// Every client in id order, decoded as the iterator is advanced.
    pub fn each_client(&self) -> impl Iterator<Item = Result<Client>> + '_ {
        self.clients.iter().map(super::decode_item)
    }

    /// Every submittal in id order.
    pub fn each_submittal(&self) -> impl Iterator<Item = Result<Submittal>> + '_ {
        self.submittals.iter().map(super::decode_item)
    }

    /// Every placement in id order.
    pub fn each_placement(&self) -> impl Iterator<Item = Result<Placement>> + '_ {
        self.placements.iter().map(super::decode_item)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::domain::testing::{at, engagement_with};
    use crate::domain::{ClientId, EngagementId};

    fn client(id: u64, name: &str) -> Client {
        Client {
            id: ClientId(id),
            name: name.into(),
            contacts: Vec::new(),
            notes: String::new(),
            created_at: at(1),
        }
    }

    #[test]
    fn clients_keep_their_ids_and_the_counter_moves_past_them() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("db")).unwrap();
        let stamp = Stamp::new(at(2), "tester");
        store
            .import_clients(&[client(4, "Acme"), client(9, "Globex")], &stamp)
            .unwrap();
        let ids: Vec<u64> = store.clients().unwrap().iter().map(|c| c.id.0).collect();
        assert_eq!(ids, [4, 9]);
        let next = store.add_client(client(0, "Initech"), &stamp).unwrap();
        assert_eq!(next.id, ClientId(10));
        assert!(!store.has_no_records().unwrap());

        let refused = |chunk: &[Client]| store.import_clients(chunk, &stamp).is_err();
        assert!(refused(&[client(4, "Umbrella")]), "a taken id");
        assert!(refused(&[client(20, " ACME ")]), "a name on file");
        assert!(refused(&[client(20, "Hooli"), client(21, "hooli")]));
        assert!(refused(&[client(20, "")]), "an invalid client");
        assert_eq!(
            store.clients().unwrap().len(),
            3,
            "nothing refused was written"
        );

        let mut engagement = engagement_with(&[("go", 3, true)]);
        engagement.id = EngagementId(7);
        engagement.client = ClientId(9);
        let mut orphan = engagement.clone();
        orphan.id = EngagementId(8);
        orphan.client = ClientId(99);
        assert!(matches!(
            store.import_engagements_of_clients(&[engagement.clone(), orphan], &stamp),
            Err(StoreError::NoClient(ClientId(99)))
        ));
        assert!(store.engagements().unwrap().is_empty(), "all or nothing");
        store
            .import_engagements_of_clients(&[engagement], &stamp)
            .unwrap();
        let stored = store.engagement(EngagementId(7)).unwrap().unwrap();
        assert_eq!(stored.client, ClientId(9));
    }
}
