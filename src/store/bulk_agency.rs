//! Clients, submittals and placements many at a time (demo data, imports):
//! everything is checked before anything is written; each record keeps
//! its id and its history, each entry of which becomes an event with its
//! own time and actor.

use super::Store;
use super::counts::Tally;
use super::error::{Result, StoreError};
use super::records::application_key;
use super::tx;
use crate::domain::ids::MAX_ID;
use crate::domain::{
    Client, ClientId, EventKind, Placement, PlacementId, Stamp, Submittal, SubmittalId,
};
use crate::store::kv::{Transactional, TxTree};
use std::collections::HashSet;

impl Store {
    /// Adds clients under fresh ids, returned in input order; refuses the
    /// lot if any is invalid or two share a name.
    pub fn add_clients(&self, clients: &[Client], stamp: &Stamp) -> Result<Vec<ClientId>> {
        self.ensure_writable()?;
        let mut names = HashSet::new();
        for (index, client) in clients.iter().enumerate() {
            let mut problems = client.problems();
            let name = crate::domain::text::fold(&client.name);
            if !names.insert(name) || self.client_by_name(&client.name)?.is_some() {
                problems.push(format!("a client is already called {}", client.name));
            }
            if !problems.is_empty() {
                return Err(super::bulk::at_row(index, StoreError::Invalid(problems)));
            }
        }
        let trees = self.with_log(&self.clients);
        let ids = trees.transaction(|(stored, meta, events, event_index)| {
            let first = tx::reserve_ids(meta, tx::CLIENT_SEQ, clients.len() as u64)?;
            let (mut ids, mut counted) = (Vec::with_capacity(clients.len()), Tally::default());
            for (offset, client) in clients.iter().enumerate() {
                let id = ClientId(first + offset as u64);
                let client = Client {
                    id,
                    ..client.clone()
                };
                tx::put(stored, &id.to_key(), &client)?;
                counted.change(None, Some(&client));
                let kind = EventKind::ClientAdded { client: id };
                tx::append_event(events, event_index, meta, stamp, kind)?;
                ids.push(id);
            }
            counted.apply(meta)?;
            Ok(ids)
        })?;
        self.flush()?;
        Ok(ids)
    }

    /// Adds submittals as they are (ids, times, answers), each on a card
    /// of its engagement; the counter moves past the highest id.
    pub fn add_submittals(&self, submittals: &[Submittal]) -> Result<usize> {
        self.ensure_writable()?;
        for (index, s) in submittals.iter().enumerate() {
            self.check_submittal(s)
                .map_err(|e| super::bulk::at_row(index, e))?;
        }
        let trees = self.with_log(&self.submittals);
        trees.transaction(|(stored, meta, events, event_index)| {
            let mut counted = Tally::default();
            for s in submittals {
                tx::put(stored, &s.id.to_key(), s)?;
                counted.change(None, Some(s));
                let sent = EventKind::Submitted {
                    submittal: s.id,
                    engagement: s.engagement,
                    candidate: s.candidate,
                };
                tx::append_event(
                    events,
                    event_index,
                    meta,
                    &Stamp::new(s.at, s.by.clone()),
                    sent,
                )?;
                for answer in &s.answers {
                    let kind = EventKind::SubmittalAnswered {
                        submittal: s.id,
                        candidate: s.candidate,
                        answer: answer.kind,
                    };
                    tx::append_event(
                        events,
                        event_index,
                        meta,
                        &Stamp::new(answer.at, answer.by.clone()),
                        kind,
                    )?;
                }
            }
            counted.apply(meta)?;
            let top = submittals.iter().map(|s| s.id.0).max().unwrap_or(0);
            raise_counter(meta, tx::SUBMITTAL_SEQ, top)
        })?;
        self.flush()?;
        Ok(submittals.len())
    }

    /// Adds placements as they are (ids, histories), each on a card of its
    /// engagement; the counter moves past the highest id.
    pub fn add_placements(&self, placements: &[Placement]) -> Result<usize> {
        self.ensure_writable()?;
        for (index, p) in placements.iter().enumerate() {
            self.check_placement(p)
                .map_err(|e| super::bulk::at_row(index, e))?;
        }
        let trees = self.with_log(&self.placements);
        trees.transaction(|(stored, meta, events, event_index)| {
            let mut counted = Tally::default();
            for p in placements {
                tx::put(stored, &p.id.to_key(), p)?;
                counted.change(None, Some(p));
                for change in p.history() {
                    let kind = EventKind::PlacementChanged {
                        placement: p.id,
                        engagement: p.engagement,
                        candidate: p.candidate,
                        change: change.kind,
                    };
                    tx::append_event(
                        events,
                        event_index,
                        meta,
                        &Stamp::new(change.at, change.by.clone()),
                        kind,
                    )?;
                }
            }
            counted.apply(meta)?;
            let top = placements.iter().map(|p| p.id.0).max().unwrap_or(0);
            raise_counter(meta, tx::PLACEMENT_SEQ, top)
        })?;
        self.flush()?;
        Ok(placements.len())
    }

    /// A submittal given whole: its own rules, a free id in range, its
    /// card and its client on file.
    fn check_submittal(&self, s: &Submittal) -> Result<()> {
        if !self
            .applications
            .contains_key(application_key(s.engagement, s.candidate))?
        {
            return Err(StoreError::NoApplication {
                engagement: s.engagement,
                candidate: s.candidate,
            });
        }
        let mut flaws = s.problems();
        if s.id.0 == 0 || s.id.0 > MAX_ID || self.submittals.contains_key(s.id.to_key())? {
            flaws.push(format!("submittal id {} is taken or out of range", s.id));
        }
        if !self.clients.contains_key(s.client.to_key())? {
            flaws.push(format!("no client {}", s.client));
        }
        match flaws.is_empty() {
            true => Ok(()),
            false => Err(StoreError::Invalid(flaws)),
        }
    }

    /// A placement given whole: its own rules, a free id in range, its
    /// card on file.
    fn check_placement(&self, p: &Placement) -> Result<()> {
        if !self
            .applications
            .contains_key(application_key(p.engagement, p.candidate))?
        {
            return Err(StoreError::NoApplication {
                engagement: p.engagement,
                candidate: p.candidate,
            });
        }
        let mut flaws = p.problems();
        if p.id.0 == 0 || p.id.0 > MAX_ID || self.placements.contains_key(p.id.to_key())? {
            flaws.push(format!("placement id {} is taken or out of range", p.id));
        }
        match flaws.is_empty() {
            true => Ok(()),
            false => Err(StoreError::Invalid(flaws)),
        }
    }

    /// The next free submittal and placement ids (for records built
    /// before they are stored, as the demo generator does).
    pub fn next_ids(&self) -> Result<(SubmittalId, PlacementId)> {
        let next =
            |key: &[u8]| -> Result<u64> { Ok(tx::read_counter(self.meta.get(key)?.as_deref())) };
        Ok((
            SubmittalId(next(tx::SUBMITTAL_SEQ)?),
            PlacementId(next(tx::PLACEMENT_SEQ)?),
        ))
    }
}

/// Moves a counter past `top`, never back.
fn raise_counter(meta: &TxTree, key: &[u8], top: u64) -> tx::TxResult<()> {
    let next = tx::read_counter(meta.get(key)?.as_deref());
    if top >= next {
        meta.insert(key, &(top + 1).to_be_bytes())?;
    }
    Ok(())
}
