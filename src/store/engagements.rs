//! Engagements: the openings candidates are placed into.

use super::Store;
use super::error::{Result, StoreError};
use super::tx;
use crate::domain::{Engagement, EngagementId, EventKind, Stamp};
use crate::store::kv::Transactional;

impl Store {
    /// Stores a new engagement under a fresh id (the given `id` is ignored).
    pub fn add_engagement(&self, engagement: Engagement, stamp: &Stamp) -> Result<Engagement> {
        self.ensure_writable()?;
        validate(&engagement)?;
        self.require_client(&engagement)?;
        let trees = self.with_log(&self.engagements);
        let stored = trees.transaction(|(engagements, meta, events, event_index)| {
            let mut stored = engagement.clone();
            stored.id = EngagementId(tx::reserve_ids(meta, tx::ENGAGEMENT_SEQ, 1)?);
            tx::put(engagements, &stored.id.to_key(), &stored)?;
            super::counts::change(meta, None, Some(&stored))?;
            let kind = EventKind::EngagementAdded {
                engagement: stored.id,
            };
            tx::append_event(events, event_index, meta, stamp, kind)?;
            Ok(stored)
        })?;
        self.flush()?;
        Ok(stored)
    }

    pub fn update_engagement(&self, engagement: &Engagement, stamp: &Stamp) -> Result<()> {
        self.ensure_writable()?;
        validate(engagement)?;
        self.require_client(engagement)?;
        let id = engagement.id;
        let trees = self.with_log(&self.engagements);
        trees.transaction(|(engagements, meta, events, event_index)| {
            let Some(before) = tx::get::<Engagement>(engagements, &id.to_key())? else {
                return tx::abort(StoreError::NoEngagement(id));
            };
            tx::put(engagements, &id.to_key(), engagement)?;
            super::counts::change(meta, Some(&before), Some(engagement))?;
            tx::append_event(
                events,
                event_index,
                meta,
                stamp,
                EventKind::EngagementUpdated { engagement: id },
            )?;
            Ok(())
        })?;
        self.flush()
    }

    /// An engagement's client must be on file (clients are never removed,
    /// so checking before the write is enough).
    pub(super) fn require_client(&self, engagement: &Engagement) -> Result<()> {
        match self.clients.contains_key(engagement.client.to_key())? {
            true => Ok(()),
            false => Err(StoreError::NoClient(engagement.client)),
        }
    }

    pub fn engagement(&self, id: EngagementId) -> Result<Option<Engagement>> {
        self.get_record(&self.engagements, &id.to_key())
    }

    /// Every engagement, in id order.
    pub fn engagements(&self) -> Result<Vec<Engagement>> {
        self.load_all(&self.engagements)
    }
}

pub(super) fn validate(engagement: &Engagement) -> Result<()> {
    let problems = engagement.problems();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Invalid(problems))
    }
}
