//! Clients: the companies engagements are for, with their contacts.

use super::Store;
use super::error::{Result, StoreError};
use super::tx;
use crate::domain::client::same_name;
use crate::domain::{Client, ClientId, EventKind, Stamp};
use crate::store::kv::Transactional;

impl Store {
    /// Stores a new client under a fresh id (the given `id` is ignored).
    /// A name another client has (compared folded) is refused.
    pub fn add_client(&self, client: Client, stamp: &Stamp) -> Result<Client> {
        self.ensure_writable()?;
        self.check_client(&client, None)?;
        let trees = self.with_log(&self.clients);
        let stored = trees.transaction(|(clients, meta, events, event_index)| {
            let id = ClientId(tx::reserve_ids(meta, tx::CLIENT_SEQ, 1)?);
            let stored = Client {
                id,
                ..client.clone()
            };
            tx::put(clients, &id.to_key(), &stored)?;
            super::counts::change(meta, None, Some(&stored))?;
            let kind = EventKind::ClientAdded { client: id };
            tx::append_event(events, event_index, meta, stamp, kind)?;
            Ok(stored)
        })?;
        self.flush()?;
        Ok(stored)
    }

    pub fn update_client(&self, client: &Client, stamp: &Stamp) -> Result<()> {
        self.ensure_writable()?;
        self.check_client(client, Some(client.id))?;
        let id = client.id;
        let trees = self.with_log(&self.clients);
        trees.transaction(|(clients, meta, events, event_index)| {
            if clients.get(id.to_key())?.is_none() {
                return tx::abort(StoreError::NoClient(id));
            }
            // Replacing a client changes no counter (clients are counted,
            // nothing of them is), so none is touched.
            tx::put(clients, &id.to_key(), client)?;
            let kind = EventKind::ClientUpdated { client: id };
            tx::append_event(events, event_index, meta, stamp, kind)?;
            Ok(())
        })?;
        self.flush()
    }

    pub fn client(&self, id: ClientId) -> Result<Option<Client>> {
        self.get_record(&self.clients, &id.to_key())
    }

    /// Every client, in id order.
    pub fn clients(&self) -> Result<Vec<Client>> {
        self.load_all(&self.clients)
    }

    /// The client of this name (compared folded), if there is one.
    pub fn client_by_name(&self, name: &str) -> Result<Option<Client>> {
        Ok(self
            .clients()?
            .into_iter()
            .find(|c| same_name(&c.name, name)))
    }

    /// The record's own rules, and no other client of the same name.
    /// (Clients are few: the scan is cheap, and writes are one at a time.)
    fn check_client(&self, client: &Client, editing: Option<ClientId>) -> Result<()> {
        let problems = client.problems();
        if !problems.is_empty() {
            return Err(StoreError::Invalid(problems));
        }
        match self.client_by_name(&client.name)? {
            Some(other) if Some(other.id) != editing => Err(StoreError::Invalid(vec![format!(
                "client {} is already called {}",
                other.id, other.name
            )])),
            _ => Ok(()),
        }
    }
}
